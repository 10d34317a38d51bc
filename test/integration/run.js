#!/usr/bin/env node
'use strict';
// Runs the integration suite (out/test/integration) in a real VS Code on a fresh, empty workspace.
// The interpreter is resolved to its real binary here, because the extension host runs with a
// private HOME where the pyenv shim would pick another Python.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runIntegration } = require('../vscode/runIntegration');

const root = path.resolve(__dirname, '..', '..');
const python = process.env.CERT_PATH_PYTHON || 'python3';
const executable = execFileSync(python, ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-path-workspace-'));

runIntegration({
  extensionDevelopmentPath: root,
  extensionTestsPath: path.join(root, 'out', 'test', 'integration'),
  workspaceFolder: workspace,
  env: { CERT_PATH_TEST_PYTHON: executable },
})
  .then(
    () => 0,
    (error) => {
      console.error(`integration tests failed: ${error.message ?? error}`);
      return typeof error.code === 'number' ? error.code : 1;
    },
  )
  .then((code) => {
    fs.rmSync(workspace, { recursive: true, force: true });
    process.exit(code);
  });
