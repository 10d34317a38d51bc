// Runs inside a real VS Code with a fresh profile whose only Cert Path is the one installed from the
// packaged VSIX (test/vsix/run.js): it checks the artefact a learner installs, not the source tree.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CertPathApi } from '../../src/extension';
import { findExercise } from '../../src/core/syllabus/index';
import { writeLearnerCode } from '../integration/practice';
import { RunResult } from '../../src/core/runner/results';
import { Commands, Views } from '../../src/ids';
import type { TreeNode } from '../../src/vscode/syllabus/tree';
import { concrete } from '../integration/variant';

const EXTENSION_ID = 'cert-path.cert-path';

function env(name: string): string {
  const value = process.env[name];
  assert.ok(value, `${name} is set by test/vsix/run.js`);
  return value;
}

/** Every file below `dir`, relative to it, with `/` separators. */
function filesBelow(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? filesBelow(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
    );
}

/** Replaces the learner part of the open practice file (between its header and its checks) and saves it. */
async function runChecks(uri: vscode.Uri): Promise<RunResult> {
  await vscode.window.showTextDocument(uri);
  const result = await vscode.commands.executeCommand<RunResult>(Commands.runChecks);
  assert.ok(result, 'Run Checks returned a result');
  return result;
}

describe('Cert Path installed from the VSIX, in a fresh profile', function () {
  this.timeout(60000);
  let extension: vscode.Extension<CertPathApi>;
  let api: CertPathApi;

  before(() => {
    console.log(
      `      VS Code ${vscode.version} (${vscode.env.appName}); workspace trusted: ${vscode.workspace.isTrusted}`,
    );
  });

  it('is the extension installed into the private extensions dir, not the source tree', () => {
    const found = vscode.extensions.getExtension<CertPathApi>(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is installed`);
    extension = found;
    const installed = fs.realpathSync(extension.extensionPath);
    const extensionsDir = fs.realpathSync(env('CERT_PATH_VSIX_EXTENSIONS_DIR'));
    const repo = fs.realpathSync(env('CERT_PATH_REPO'));
    assert.ok(installed.startsWith(extensionsDir + path.sep), `${installed} is inside ${extensionsDir}`);
    assert.ok(!installed.startsWith(repo + path.sep) && installed !== repo, `${installed} is not the repository`);
    assert.strictEqual(extension.packageJSON.version, env('CERT_PATH_VSIX_VERSION'));
    console.log(`      installed at ${installed}`);
  });

  it('ships the compiled syllabus and question banks and no YAML', () => {
    const files = filesBelow(extension.extensionPath);
    for (const f of [
      'package.json',
      'dist/extension.js',
      'dist/exam.js',
      'dist/syllabus.json',
      'dist/questions.json',
      'media/icon.png',
      'media/cert-path.svg',
      'media/exam.css',
    ]) {
      assert.ok(files.includes(f), `${f} is installed (files: ${files.join(', ')})`);
    }
    assert.deepStrictEqual(
      files.filter((f) => /\.ya?ml$/.test(f)),
      [],
      'no syllabus or question YAML is shipped',
    );
    assert.deepStrictEqual(
      files.filter((f) => /^(src|test|node_modules|out)\/|\.map$|\.ts$/.test(f)),
      [],
      'no sources, tests, source maps or node_modules are shipped',
    );
  });

  it('activates when the Cert Path sidebar opens', async () => {
    assert.strictEqual(extension.isActive, false, 'nothing activated it before the sidebar opened');
    await vscode.commands.executeCommand(`workbench.view.extension.${Views.container}`);
    for (let waited = 0; !extension.isActive && waited < 30000; waited += 100)
      await new Promise((r) => setTimeout(r, 100));
    assert.ok(extension.isActive, 'opening the sidebar activated the extension');
    api = extension.exports;
    assert.ok(api?.tree, 'the activated extension exports its API');
    console.log(`      activation → first tree answer: ${await api.firstTreeAnswerMs} ms`);
  });

  it('lists the five certifications from the compiled syllabus', () => {
    const roots = api.tree.getChildren();
    assert.deepStrictEqual(
      roots.map((n) => api.tree.getTreeItem(n).label),
      ['PCEP', 'PCAP', 'PCPP 32-1', 'PCPP 32-2', 'CEPP'],
    );
    assert.ok(api.syllabus.fromCompiled, 'the syllabus came from dist/syllabus.json');
    assert.deepStrictEqual(api.syllabus.syllabus.problems, []);
  });

  it('loads the mock-exam question bank from its compiled copy', async () => {
    const bank = await api.questions.bank();
    assert.deepStrictEqual(bank.problems, []);
    assert.ok(bank.questions.length > 0, 'the bank has questions');
    const certs = new Set(bank.questions.map((q) => q.cert));
    for (const id of ['pcep', 'pcap', 'pcpp1', 'pcpp2']) assert.ok(certs.has(id), `${id} has questions`);
  });

  it('keeps the compiled syllabus and question bank on Refresh, with no YAML installed', async () => {
    await vscode.commands.executeCommand(Commands.refresh);
    assert.deepStrictEqual(
      api.tree.getChildren().map((n) => api.tree.getTreeItem(n).label),
      ['PCEP', 'PCAP', 'PCPP 32-1', 'PCPP 32-2', 'CEPP'],
    );
    assert.ok(api.syllabus.fromCompiled, 'Refresh fell back to dist/syllabus.json');
    assert.deepStrictEqual(api.syllabus.syllabus.problems, []);
    const bank = await api.questions.bank();
    assert.deepStrictEqual(bank.problems, []);
    assert.ok(bank.questions.length > 0, 'the question bank is still there after Refresh');
  });

  it('generates a PCEP practice file; its starter fails, the reference solution passes and is stored', async () => {
    // The private HOME of the test run would make the pyenv shim pick another Python: use the real binary.
    await vscode.workspace
      .getConfiguration('certPath')
      .update('pythonPath', env('CERT_PATH_TEST_PYTHON'), vscode.ConfigurationTarget.Global);
    const ref = findExercise(api.syllabus.syllabus, 'pcep/lists/rotate-list');
    assert.ok(ref, 'the exercise is in the installed syllabus');
    const uri = await vscode.commands.executeCommand<vscode.Uri>(Commands.generatePracticeFile, {
      kind: 'exercise',
      ref,
    } satisfies TreeNode);
    assert.ok(uri, 'Generate Practice File returned the file');
    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(workspace, 'the fresh workspace folder is open');
    assert.strictEqual(uri.fsPath, path.join(workspace, '.cert-path', 'pcep', ref.topic.id, 'rotate-list.py'));

    const starter = await runChecks(uri);
    assert.strictEqual(starter.outcome, 'failed', JSON.stringify(starter));
    assert.strictEqual(api.progress.current.exercises[ref.key]?.passedAt, undefined, 'a failed run is not a pass');

    await writeLearnerCode(uri, concrete(ref, uri).solution);
    const solved = await runChecks(uri);
    assert.strictEqual(solved.outcome, 'passed', JSON.stringify(solved));
    assert.strictEqual(solved.checks.length, ref.exercise.checks.length);
    const stored = (
      api.storedProgress() as { exercises: Record<string, { passedAt?: string; lastOutcome?: string }> } | undefined
    )?.exercises[ref.key];
    assert.ok(stored?.passedAt, `workspace state records the pass: ${JSON.stringify(api.storedProgress())}`);
    assert.strictEqual(stored.lastOutcome, 'passed');
  });
});
