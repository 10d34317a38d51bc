// Entry point VS Code loads as extensionTestsPath: runs every *.test.js beside it with mocha.
import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';

/** Called by the extension host once the extension under test is available. */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec' });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
