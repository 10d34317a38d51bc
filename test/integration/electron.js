#!/usr/bin/env node
'use strict';
// The integration suite in a desktop VS Code downloaded by @vscode/test-electron (where VS Code can be
// downloaded: developer machines and the GitHub workflow). Offline CI uses the code-server harness
// (test/integration/run.js) with the same suites.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runTests } = require('@vscode/test-electron');

const root = path.resolve(__dirname, '..', '..');

(async () => {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-path-electron-'));
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'integration', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: { CERT_PATH_TEST_PYTHON: process.env.CERT_PATH_PYTHON || '' },
    });
  } catch (error) {
    console.error(`integration tests in desktop VS Code failed: ${error.message ?? error}`);
    process.exitCode = 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
})();
