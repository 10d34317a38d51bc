#!/usr/bin/env node
'use strict';
// `npm start`: opens VS Code (the code-server build from install.sh) in the browser with Cert Path
// loaded from this folder, on a practice workspace. Runs until Ctrl+C.
//   --folder DIR       workspace to open (default .vscode-test/workspace)
//   --port N           port to listen on (default 8080; 0 picks a free one)
//   --screenshot FILE  instead of waiting: load the page in headless Chromium, open the Cert Path
//                      sidebar, save a screenshot and stop (shows the main job works on a server)
const path = require('path');
const { parseArgs } = require('util');
const { startServer, vscodeVersion, CHROMIUM_ARGS, root } = require('./server');

const { values } = parseArgs({
  options: { folder: { type: 'string' }, port: { type: 'string', default: '8080' }, screenshot: { type: 'string' } },
});
const folder = path.resolve(values.folder || path.join(root, '.vscode-test', 'workspace'));

async function main() {
  const { url, stop, server, log } = await startServer({
    folder,
    state: path.join(root, '.vscode-test', 'start'),
    port: values.port,
  });
  process.on('SIGINT', () => {
    stop();
    process.exit(0);
  });
  process.on('SIGTERM', () => {
    stop();
    process.exit(0);
  });
  server.on('exit', (code) => {
    console.error(`VS Code server stopped (code ${code}); log: ${log}`);
    process.exit(1);
  });
  console.log(
    `Cert Path is running in VS Code ${vscodeVersion()}.\nOpen ${url}\nPractice workspace: ${folder}\nPress Ctrl+C to stop.`,
  );
  if (!values.screenshot) return;

  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.VSCODE_TEST_CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    await page.locator('.activitybar [aria-label^="Cert Path"]').first().click({ timeout: 60000 });
    const row = (text) => page.locator('.monaco-list-row', { hasText: text }).first();
    for (const text of ['PCEP', 'Flow Control', 'while, for and range()']) await row(text).click({ timeout: 20000 });
    await row('Steps to reach 1').waitFor({ timeout: 20000 });
    await page.screenshot({ path: path.resolve(values.screenshot) });
    console.log(`Saved ${path.resolve(values.screenshot)}: the Cert Path sidebar listing the syllabus.`);
  } finally {
    await browser.close();
    stop();
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(error.message || error);
  process.exit(1);
});
