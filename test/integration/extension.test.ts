// Runs inside a real VS Code extension host (see test/vscode/). Drives the extension through its
// commands, as a learner would from the palette, and reads what VS Code stored.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CertPathApi } from '../../src/extension';
import { ExerciseRef } from '../../src/core/syllabus/model';
import { findExercise } from '../../src/core/syllabus/index';
import { CHECKS_MARKER } from '../../src/core/practice/practiceFile';
import { writeLearnerCode } from './practice';
import { PROGRESS_KEY } from '../../src/core/progress/progress';
import { RunResult } from '../../src/core/runner/results';
import { until } from './until';
import type { ToLesson } from '../../src/webview/lesson/protocol';
import { Commands } from '../../src/ids';
import type { TreeNode } from '../../src/vscode/syllabus/tree';
import { concrete } from './variant';

const EXTENSION_ID = 'cert-path.cert-path';
let api: CertPathApi;

function folder(): string {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the test workspace folder is open');
  return f.uri.fsPath;
}

function exercise(key: string): ExerciseRef {
  const ref = findExercise(api.syllabus.syllabus, key);
  assert.ok(ref, `${key} is in the syllabus`);
  return ref;
}

function practicePath(ref: ExerciseRef): string {
  return path.join(folder(), '.cert-path', ref.cert.id, ref.topic.id, `${ref.exercise.id}.py`);
}

async function generate(ref: ExerciseRef): Promise<vscode.Uri> {
  const node: TreeNode = { kind: 'exercise', ref };
  const uri = await vscode.commands.executeCommand<vscode.Uri>(Commands.generatePracticeFile, node);
  assert.ok(uri, 'generate returned the file');
  return uri;
}

/** Replaces the learner part of the open practice file (above the checks) and saves it. */
async function runChecks(uri: vscode.Uri): Promise<RunResult> {
  await vscode.window.showTextDocument(uri);
  const result = await vscode.commands.executeCommand<RunResult>(Commands.runChecks);
  assert.ok(result, 'Run Checks returned a result');
  return result;
}

function stored(key: string): { lastOutcome?: string; passedAt?: string; runs: number } | undefined {
  const raw = api.storedProgress() as
    { exercises: Record<string, { lastOutcome?: string; passedAt?: string; runs: number }> } | undefined;
  return raw?.exercises[key];
}

function treeItemFor(ref: ExerciseRef): vscode.TreeItem {
  const topicNode: TreeNode = { kind: 'topic', cert: ref.cert, domain: ref.domain, topic: ref.topic };
  const node = api.tree.getChildren(topicNode).find((n) => n.kind === 'exercise' && n.ref.key === ref.key);
  assert.ok(node, 'the exercise is in the tree under its topic');
  return api.tree.getTreeItem(node);
}

function iconId(item: vscode.TreeItem): string {
  return (item.iconPath as vscode.ThemeIcon).id;
}

describe('Cert Path in a real VS Code', function () {
  this.timeout(60000);

  before(async () => {
    console.log(
      `      VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI, host ${vscode.env.appHost}); workspace trusted: ${vscode.workspace.isTrusted}`,
    );
    const python = process.env.CERT_PATH_TEST_PYTHON;
    if (python)
      await vscode.workspace
        .getConfiguration('certPath')
        .update('pythonPath', python, vscode.ConfigurationTarget.Global);
    const extension = vscode.extensions.getExtension<CertPathApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    api = await extension.activate();
    const ms = await api.firstTreeAnswerMs;
    console.log(
      `      activation → first tree answer with the full syllabus: ${ms} ms; Python: ${python ?? 'from PATH'}`,
    );
  });

  it('activates and contributes its commands', async () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    const commands = await vscode.commands.getCommands(true);
    for (const id of Object.values(Commands)) assert.ok(commands.includes(id), id);
  });

  it('lists PCEP with its six domains in the tree', () => {
    const roots = api.tree.getChildren();
    const pcep = roots.find((n) => n.kind === 'cert' && n.cert.id === 'pcep');
    assert.ok(pcep, `PCEP is listed (roots: ${roots.map((n) => n.kind).join(', ')})`);
    assert.ok(!roots.some((n) => n.kind === 'problem'), 'no syllabus problems are shown');
    const domains = api.tree.getChildren(pcep).map((n) => api.tree.getTreeItem(n).label);
    assert.deepStrictEqual(domains, [
      'Basic Concepts',
      'Data Types and Basic I/O',
      'Operators and Expressions',
      'Flow Control',
      'Data Collections',
      'Functions',
    ]);
    assert.strictEqual(api.tree.getTreeItem(pcep).label, 'PCEP');
    assert.match(
      String(api.tree.getTreeItem(pcep).description),
      /^\d+\/19 topics · Certified Entry-Level Python Programmer$/,
    );
  });

  it('generates and opens a practice file, and never overwrites an edited one', async () => {
    const ref = exercise('pcep/conditionals/ticket-price');
    const uri = await generate(ref);
    assert.strictEqual(uri.fsPath, practicePath(ref));
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, uri.fsPath, 'the new file is open');
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    assert.ok(text.includes(`# cert-path-exercise: ${ref.key}`) && text.includes(concrete(ref, uri).starter.trim()));
    await writeLearnerCode(uri, '# my own work in progress\nx = 1');
    const edited = fs.readFileSync(uri.fsPath, 'utf8');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const again = await generate(ref);
    assert.strictEqual(again.fsPath, uri.fsPath);
    assert.strictEqual(fs.readFileSync(uri.fsPath, 'utf8'), edited, 'the edited file is unchanged');
    assert.strictEqual(
      vscode.window.activeTextEditor?.document.uri.fsPath,
      uri.fsPath,
      'the existing file is opened instead',
    );
    assert.strictEqual(
      iconId(treeItemFor(ref)),
      'circle-large-filled',
      'a generated, not yet run exercise shows as started',
    );
  });

  it('marks an exercise passed in workspace state and in the tree when the reference solution runs', async () => {
    const ref = exercise('pcep/loops/collatz-steps');
    const uri = await generate(ref);
    await writeLearnerCode(uri, concrete(ref, uri).solution);
    const result = await runChecks(uri);
    assert.strictEqual(result.outcome, 'passed', JSON.stringify(result));
    assert.strictEqual(result.checks.length, ref.exercise.checks.length);
    assert.ok(
      stored(ref.key)?.passedAt,
      `stored progress under ${PROGRESS_KEY}: ${JSON.stringify(api.storedProgress())}`,
    );
    const item = treeItemFor(ref);
    assert.strictEqual(iconId(item), 'pass-filled');
    assert.match(String(item.description), /passed/);
  });

  it('marks an exercise failed when the starter runs', async () => {
    const ref = exercise('pcep/lists/rotate-list');
    const uri = await generate(ref);
    const result = await runChecks(uri);
    assert.notStrictEqual(result.outcome, 'passed');
    assert.ok(result.checks.some((c) => c.status === 'fail' || c.status === 'error'));
    assert.strictEqual(stored(ref.key)?.lastOutcome, result.outcome);
    assert.strictEqual(stored(ref.key)?.passedAt, undefined);
    assert.strictEqual(iconId(treeItemFor(ref)), 'error');
  });

  it('runs the canonical checks when the file check section was deleted', async () => {
    const ref = exercise('pcep/tuples/bounding-box');
    const uri = await generate(ref);
    const variantOf = concrete(ref, uri);
    await writeLearnerCode(uri, variantOf.starter, false);
    assert.ok(!fs.readFileSync(uri.fsPath, 'utf8').includes(CHECKS_MARKER), 'the check section is gone');
    const failing = await runChecks(uri);
    assert.strictEqual(failing.outcome, 'failed', 'the starter still fails the official checks');
    assert.strictEqual(failing.checks.length, ref.exercise.checks.length);
    await writeLearnerCode(uri, variantOf.solution, false);
    assert.strictEqual((await runChecks(uri)).outcome, 'passed', 'the solution still passes them');
  });

  it('ends an infinite loop at the timeout with a clear message', async () => {
    const config = vscode.workspace.getConfiguration('certPath');
    await config.update('checkTimeoutSeconds', 2, vscode.ConfigurationTarget.Workspace);
    try {
      const ref = exercise('pcep/loops/multiplication-table');
      const uri = await generate(ref);
      await writeLearnerCode(uri, 'while True:\n    pass');
      const started = Date.now();
      const result = await runChecks(uri);
      assert.strictEqual(result.outcome, 'error');
      assert.strictEqual(result.problem?.kind, 'timeout');
      assert.match(result.problem.message, /stopped after 2 s/);
      assert.ok(Date.now() - started < 10000);
      assert.notStrictEqual(stored(ref.key)?.passedAt !== undefined, true, 'not marked passed');
    } finally {
      await config.update('checkTimeoutSeconds', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('completes a topic when all its exercises pass, and resets it on request', async () => {
    const ref = exercise('pcep/arithmetic/split-seconds');
    for (const e of ref.topic.exercises) {
      const each = { ...ref, exercise: e, key: `${ref.cert.id}/${ref.topic.id}/${e.id}` };
      const uri = await generate(each);
      await writeLearnerCode(uri, concrete(each, uri).solution);
      assert.strictEqual((await runChecks(uri)).outcome, 'passed', e.id);
    }
    const topicNode: TreeNode = { kind: 'topic', cert: ref.cert, domain: ref.domain, topic: ref.topic };
    assert.strictEqual(iconId(api.tree.getTreeItem(topicNode)), 'pass-filled');
    const reset = await vscode.commands.executeCommand<boolean>(Commands.resetTopicProgress, topicNode, {
      confirmed: true,
    });
    assert.strictEqual(reset, true);
    assert.strictEqual(stored(ref.key), undefined);
    assert.strictEqual(iconId(api.tree.getTreeItem(topicNode)), 'circle-large-outline');
    assert.ok(fs.existsSync(practicePath(ref)), 'practice files are kept');
  });

  it('opens a topic page with its lesson, and runs an example with the learner’s interpreter', async () => {
    const ref = exercise('pcep/strings/mask-card-number');
    const node = { kind: 'topic', cert: ref.cert, domain: ref.domain, topic: ref.topic };
    await vscode.commands.executeCommand(Commands.openTopic, node, { section: ref.topic.lesson!.sections[1].id });
    await until(() => api.lessons.lastView?.type === 'show', 'the lesson page');
    const shown = api.lessons.lastView as Extract<ToLesson, { type: 'show' }>;
    assert.strictEqual(shown.view.title, 'Strings');
    assert.strictEqual(shown.anchor, ref.topic.lesson!.sections[1].id);
    assert.ok(shown.view.exercises.some((e) => e.title === ref.exercise.title));
    assert.ok(shown.view.sections.length >= 1 && shown.view.traps.length >= 1);
    const section = ref.topic.lesson!.sections.find((s) => s.examples.some((e) => !e.raises && !e.minPython))!;
    const index = section.examples.findIndex((e) => !e.raises && !e.minPython);
    await api.lessons.run(node as never, `${section.id}.${index + 1}`);
    const out = api.lessons.lastView as Extract<ToLesson, { type: 'output' }>;
    assert.strictEqual(out.type, 'output');
    assert.strictEqual(out.running, false);
    assert.strictEqual(out.stdout, section.examples[index].output);
    assert.strictEqual(out.matches, true);
  });
});
