#!/usr/bin/env node
'use strict';
// UI test in a real browser: VS Code (code-server) with Cert Path, driven by headless Chromium
// through playwright-core from a fresh profile, the way a learner clicks through it. Saves a
// screenshot of each step in test-results/ui/.
const assert = require('assert');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');
const { startServer, CHROMIUM_ARGS, root } = require('../vscode/server');

const shots = path.join(root, 'test-results', 'ui');
const python = execFileSync(process.env.CERT_PATH_PYTHON || 'python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
const EXERCISE = { file: 'split-seconds.py', title: 'Hours, minutes and seconds', domain: 'Operators and Expressions', topic: 'Arithmetic operators' };
const SOLUTION_BODY = 'return total // 3600, total % 3600 // 60, total % 60';

const results = [];

async function main() {
  fs.rmSync(shots, { recursive: true, force: true });
  fs.mkdirSync(shots, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-path-ui-'));
  const folder = path.join(scratch, 'workspace');
  const home = path.join(scratch, 'home');
  fs.mkdirSync(home, { recursive: true });
  const { url, stop } = await startServer({
    folder,
    state: path.join(scratch, 'profile'), // fresh profile: nothing remembered from earlier runs
    trusted: true,
    settings: { 'certPath.pythonPath': python },
    env: { HOME: home, TMPDIR: scratch },
  });
  const browser = await chromium.launch({ executablePath: process.env.VSCODE_TEST_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS, env: { ...process.env, HOME: home, TMPDIR: scratch } });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let n = 0;
  const step = async (name, action) => {
    const shot = path.join(shots, `${String(++n).padStart(2, '0')}-${name}.png`);
    try {
      await action();
      results.push({ name, ok: true });
      console.log(`  ✔ ${name}  (${path.relative(root, shot)})`);
    } catch (error) {
      results.push({ name, ok: false });
      console.log(`  ✘ ${name}: ${error.message.split('\n')[0]}  (${path.relative(root, shot)})`);
      throw error;
    } finally {
      await page.screenshot({ path: shot }).catch(() => undefined);
    }
  };
  const row = (text) => page.locator('.monaco-list-row', { hasText: text }).first();
  const statusCount = async () => {
    const item = page.locator('.statusbar-item', { hasText: /PCEP \d+\/\d+/ }).first();
    await item.waitFor({ timeout: 30000 });
    return Number(/PCEP (\d+)\//.exec(await item.innerText())[1]);
  };

  try {
    console.log('UI test: Cert Path in VS Code through a real browser');
    let before;
    await step('workbench-loaded', async () => {
      await page.goto(url);
      await page.locator('.activitybar [aria-label^="Cert Path"]').first().waitFor({ timeout: 90000 });
    });
    await step('sidebar-opened', async () => {
      await page.locator('.activitybar [aria-label^="Cert Path"]').first().click();
      await row('PCEP').waitFor({ timeout: 30000 });
      before = await statusCount();
    });
    await step('pcep-expanded', async () => {
      await row('PCEP').click();
      await row(EXERCISE.domain).click({ timeout: 20000 });
      await row(EXERCISE.topic).click({ timeout: 20000 });
      await row(EXERCISE.title).waitFor({ timeout: 20000 });
    });
    await step('practice-file-generated-from-inline-action', async () => {
      await row(EXERCISE.title).hover();
      await row(EXERCISE.title).locator('.action-label[aria-label="Generate Practice File"]').click({ timeout: 10000 });
      await page.locator('.tab', { hasText: EXERCISE.file }).first().waitFor({ timeout: 30000 });
      const file = path.join(folder, '.cert-path', 'pcep', 'arithmetic', EXERCISE.file);
      assert.ok(fs.existsSync(file), `${file} exists`);
    });
    await step('solution-typed', async () => {
      const file = path.join(folder, '.cert-path', 'pcep', 'arithmetic', EXERCISE.file);
      const line = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l === '    pass') + 1;
      assert.ok(line > 0, 'the starter has a `pass` line');
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+G');
      await page.keyboard.type(String(line));
      await page.keyboard.press('Enter');
      await page.keyboard.press('End');
      await page.keyboard.press('Shift+Home'); // selects `pass`, keeping the indentation
      await page.keyboard.insertText(SOLUTION_BODY);
      await page.locator('.view-line', { hasText: SOLUTION_BODY }).first().waitFor({ timeout: 10000 });
    });
    await step('run-checks-from-command-palette', async () => {
      await page.keyboard.press('F1');
      await page.keyboard.type('Cert Path: Run Checks');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Cert Path: Run Checks' }).first().waitFor({ timeout: 10000 });
      await page.keyboard.press('Enter');
      await row(EXERCISE.title).locator('.codicon-pass-filled').waitFor({ timeout: 30000 });
    });
    await step('tree-shows-passed-and-status-bar-counts-up', async () => {
      await page.locator('.statusbar-item', { hasText: `PCEP ${before + 1}/` }).first().waitFor({ timeout: 10000 });
      assert.strictEqual(await statusCount(), before + 1);
      assert.match(await row(EXERCISE.title).innerText(), /passed/);
    });
  } finally {
    await browser.close();
    stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main()
  .catch(() => undefined)
  .then(() => {
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    console.log(`ui: ${passed} passed, ${failed} failed`);
    process.exit(failed || passed === 0 ? 1 : 0);
  });
