// Shared by the integration suites: runs every *.test.js in one folder with mocha.
import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';

/** Runs the suite in `dir`; rejects when a test fails. */
export function runMochaIn(dir: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec' });
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(path.join(dir, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
