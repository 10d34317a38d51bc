// Entry point VS Code loads as extensionTestsPath for the VSIX install test (see run.js).
import { runMochaIn } from '../integration/mochaIndex';

/** Called by the extension host once the extensions are available. */
export function run(): Promise<void> {
  return runMochaIn(__dirname);
}
