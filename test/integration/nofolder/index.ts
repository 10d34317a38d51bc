// Entry point VS Code loads as extensionTestsPath for this integration suite.
import { runMochaIn } from '../mochaIndex';

/** Called by the extension host once the extension under test is available. */
export function run(): Promise<void> {
  return runMochaIn(__dirname);
}
