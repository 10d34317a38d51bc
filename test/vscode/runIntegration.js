#!/usr/bin/env node
'use strict';
// Runs extension integration tests in a real VS Code extension host, through
// @vscode/test-electron's runTests() with launcher.js standing in for the VS
// Code executable (see README.md). Requires test/vscode/install.sh to have run.
//
// Module:  await runIntegration({ extensionDevelopmentPath, extensionTestsPath, workspaceFolder, env, extensionsDir })
//          resolves 0 when all tests pass, rejects (error.code = exit code) otherwise.
// CLI:     node test/vscode/runIntegration.js --extension-development-path <dir>
//            --extension-tests-path <file|dir> [--workspace-folder <dir>] [--env KEY=VALUE ...]

const path = require('path');
const { parseArgs } = require('util');
const { runTests } = require('@vscode/test-electron');

const LAUNCHER = path.join(__dirname, 'launcher.js');

/**
 * @param {object} options
 * @param {string} options.extensionDevelopmentPath folder with the extension's package.json
 * @param {string} options.extensionTestsPath module exporting `run(): Promise<void>` (file, or folder with index.js)
 * @param {string} [options.workspaceFolder] folder (or .code-workspace file) to open
 * @param {Record<string, string>} [options.env] extra environment for the extension host
 * @param {string} [options.extensionsDir] extensions dir for the server (e.g. with a VSIX installed);
 *   default: a fresh empty one per run
 * @returns {Promise<number>} 0 on success
 */
async function runIntegration({
  extensionDevelopmentPath,
  extensionTestsPath,
  workspaceFolder,
  env = {},
  extensionsDir,
}) {
  return runTests({
    vscodeExecutablePath: LAUNCHER,
    extensionDevelopmentPath: path.resolve(extensionDevelopmentPath),
    extensionTestsPath: path.resolve(extensionTestsPath),
    launchArgs: [
      ...(workspaceFolder ? [path.resolve(workspaceFolder)] : []),
      ...(extensionsDir ? [`--installed-extensions-dir=${path.resolve(extensionsDir)}`] : []),
    ],
    extensionTestsEnv: env,
  });
}

async function cli() {
  const { values } = parseArgs({
    options: {
      'extension-development-path': { type: 'string' },
      'extension-tests-path': { type: 'string' },
      'workspace-folder': { type: 'string' },
      env: { type: 'string', multiple: true, default: [] },
    },
  });
  if (!values['extension-development-path'] || !values['extension-tests-path']) {
    console.error(
      'usage: runIntegration.js --extension-development-path <dir> --extension-tests-path <file|dir>' +
        ' [--workspace-folder <dir>] [--env KEY=VALUE ...]',
    );
    return 2;
  }
  const env = {};
  for (const pair of values.env) {
    const eq = pair.indexOf('=');
    if (eq < 1) throw new Error(`--env expects KEY=VALUE, got: ${pair}`);
    env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  try {
    return await runIntegration({
      extensionDevelopmentPath: values['extension-development-path'],
      extensionTestsPath: values['extension-tests-path'],
      workspaceFolder: values['workspace-folder'],
      env,
    });
  } catch (err) {
    console.error(err.message);
    return typeof err.code === 'number' ? err.code : 1;
  }
}

module.exports = { runIntegration };

if (require.main === module) {
  cli().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
