#!/usr/bin/env node
'use strict';
// Runs the integration suites, each in a fresh real VS Code: the main suite on an empty trusted
// workspace, then Restricted Mode, no folder open, and a two-folder workspace. The interpreter is
// resolved to its real binary here, because the extension host runs with a private HOME where the
// pyenv shim would pick another Python.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runIntegration } = require('../vscode/runIntegration');

const root = path.resolve(__dirname, '..', '..');
const suites = path.join(root, 'out', 'test', 'integration');
const python = process.env.CERT_PATH_PYTHON || 'python3';
const executable = execFileSync(python, ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
const version = (command) =>
  execFileSync(command, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' }).trim();
/** Another Python 3.8+ than the default one (for the per-folder interpreter test), if pyenv has one. */
function otherPython() {
  const pyenv = path.join(os.homedir(), '.pyenv', 'versions');
  const mine = version(executable);
  const found = fs.existsSync(pyenv)
    ? fs
        .readdirSync(pyenv)
        .filter((v) => /^3\.(8|9|1\d)\.\d+$/.test(v))
        .map((v) => path.join(pyenv, v, 'bin', 'python'))
    : [];
  return found.find((p) => fs.existsSync(p) && version(p) !== mine) ?? '';
}
const other = otherPython();

function folder(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `cert-path-${name}-`));
}

function multiRootWorkspace() {
  const dir = folder('multiroot');
  for (const name of ['first', 'second']) fs.mkdirSync(path.join(dir, name));
  const file = path.join(dir, 'practice.code-workspace');
  fs.writeFileSync(file, JSON.stringify({ folders: [{ path: 'first' }, { path: 'second' }] }));
  return { workspace: file, cleanup: dir };
}

const plan = [
  { name: 'main', tests: suites, make: () => ({ workspace: folder('workspace') }) },
  {
    name: 'untrusted',
    tests: path.join(suites, 'untrusted'),
    make: () => ({ workspace: folder('untrusted') }),
    env: { VSCODE_TEST_TRUST: '0' },
  },
  { name: 'no folder', tests: path.join(suites, 'nofolder'), make: () => ({}) },
  { name: 'multi-root', tests: path.join(suites, 'multiroot'), make: multiRootWorkspace },
];

(async () => {
  let failed = 0;
  for (const suite of plan) {
    const { workspace, cleanup } = suite.make();
    console.log(`\n--- integration suite: ${suite.name}`);
    try {
      await runIntegration({
        extensionDevelopmentPath: root,
        extensionTestsPath: suite.tests,
        workspaceFolder: workspace,
        env: { CERT_PATH_TEST_PYTHON: executable, CERT_PATH_TEST_PYTHON_OTHER: other, ...suite.env },
      });
    } catch (error) {
      failed++;
      console.error(`integration suite ${suite.name} failed: ${error.message ?? error}`);
    }
    for (const dir of [cleanup ?? workspace].filter(Boolean)) fs.rmSync(dir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
})();
