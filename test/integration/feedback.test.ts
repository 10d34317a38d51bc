// Issue-3 feedback inside a real VS Code: Testing API results with diffs and locations, diagnostics,
// CodeLens, hints, solutions, reset with a backup, and the status bar count.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { CertPathApi } from '../../src/extension';
import { ExerciseRef } from '../../src/core/syllabus/model';
import { findExercise } from '../../src/core/syllabus/index';
import { writeLearnerCode } from './practice';
import { RunResult } from '../../src/core/runner/results';
import { Commands } from '../../src/ids';
import { CheckTests } from '../../src/vscode/checks/testing';
import { concrete } from './variant';
import { until } from './until';

let api: CertPathApi;
const KEY = 'pcep/arithmetic/split-seconds';

function ref(key = KEY): ExerciseRef {
  const found = findExercise(api.syllabus.syllabus, key);
  assert.ok(found, key);
  return found;
}

async function openWith(r: ExerciseRef, code: string): Promise<vscode.Uri> {
  const uri = await vscode.commands.executeCommand<vscode.Uri>(Commands.generatePracticeFile, {
    kind: 'exercise',
    ref: r,
  });
  await writeLearnerCode(uri, code);
  return uri;
}

/** 0-based line of the first line of the file that starts with `prefix`. */
function lineOf(uri: vscode.Uri, prefix: string): number {
  const index = fs
    .readFileSync(uri.fsPath, 'utf8')
    .split('\n')
    .findIndex((l) => l.startsWith(prefix));
  assert.ok(index >= 0, `${prefix} is in the file`);
  return index;
}

async function run(uri: vscode.Uri): Promise<RunResult> {
  const result = await vscode.commands.executeCommand<RunResult>(Commands.runChecks, uri);
  assert.ok(result);
  return result;
}

function diagnosticsAt(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Cert Path');
}

describe('Feedback where the learner looks', function () {
  this.timeout(60000);

  before(async () => {
    const extension = vscode.extensions.getExtension<CertPathApi>('cert-path.cert-path')!;
    api = await extension.activate();
    await api.firstTreeAnswerMs;
  });

  it('mirrors practice files as test items down to each check, with a runner started before Run', async () => {
    const r = ref();
    const uri = await openWith(r, r.exercise.starter);
    await vscode.window.showTextDocument(uri);
    await until(() => api.warmRunners() === 1, 'a pre-started runner for the practice file in view');
    const cert = api.tests.controller.items.get('pcep');
    assert.ok(cert, 'PCEP test item');
    const exercise = cert.children.get(`pcep/${r.domain.id}`)?.children.get(`pcep/${r.topic.id}`)?.children.get(KEY);
    assert.ok(exercise, 'exercise test item under its domain and topic');
    const checks: string[] = [];
    exercise.children.forEach((c) => checks.push(c.id));
    assert.deepStrictEqual(
      checks,
      r.exercise.checks.map((c) => CheckTests.itemId(KEY, c.id)),
    );
  });

  it('fails a check with expected/actual, on the line of the definition it exercises, with a diagnostic there', async () => {
    const r = ref();
    const wrong = r.exercise.solution.replace('minutes = total % 3600 // 60', 'minutes = total // 60');
    assert.notStrictEqual(wrong, r.exercise.solution, 'fixture solution has the expected line');
    const uri = await openWith(r, wrong);
    const result = await run(uri);
    assert.strictEqual(result.outcome, 'failed');
    const state = api.tests.lastReported(CheckTests.itemId(KEY, 'example'));
    assert.strictEqual(state?.state, 'failed');
    assert.strictEqual(state.message?.expectedOutput, '(1, 2, 5)');
    assert.strictEqual(state.message?.actualOutput, '(1, 62, 5)');
    const defLine = lineOf(uri, 'def split_seconds');
    assert.strictEqual(state.message?.location?.uri.fsPath, uri.fsPath);
    assert.strictEqual(state.message?.location?.range.start.line, defLine);
    assert.ok(typeof state.durationMs === 'number');
    const diagnostics = diagnosticsAt(uri);
    assert.ok(
      diagnostics.some((d) => d.range.start.line === defLine && /split_seconds\(3725\) should return/.test(d.message)),
      JSON.stringify(diagnostics.map((d) => [d.range.start.line, d.message])),
    );
    assert.strictEqual(api.tests.lastReported(KEY)?.state, 'failed');
    // The failed check links to the lesson: a quick fix on its diagnostic opens the topic at its section.
    const failed = diagnostics.find((d) => d.range.start.line === defLine)!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      failed.range,
    );
    const read = actions.find((a) => a.title.startsWith('Read the lesson'));
    assert.ok(read?.command, `a Read the lesson quick fix (${actions.map((a) => a.title).join(', ')})`);
    await vscode.commands.executeCommand(read.command.command, ...(read.command.arguments ?? []));
    await until(() => api.lessons.lastView?.type === 'show', 'the lesson page');
    const shown = api.lessons.lastView as { type: 'show'; view: { title: string }; anchor?: string };
    assert.strictEqual(shown.view.title, r.topic.title);
    const anchor = r.exercise.checks.find((c) => c.id === 'example')?.lesson ?? r.exercise.lesson;
    assert.strictEqual(shown.anchor, anchor);
  });

  it('errors a check on the line that raised, with a diagnostic there', async () => {
    const r = ref();
    const uri = await openWith(r, r.exercise.solution.replace('seconds = total % 60', 'seconds = total % 60 / 0'));
    const result = await run(uri);
    assert.strictEqual(result.outcome, 'error');
    const raising = lineOf(uri, '    seconds = total % 60 / 0');
    const state = api.tests.lastReported(CheckTests.itemId(KEY, 'example'));
    assert.strictEqual(state?.state, 'errored');
    assert.match(typeof state.message?.message === 'string' ? state.message.message : '', /ZeroDivisionError/);
    assert.strictEqual(state.message?.location?.range.start.line, raising);
    assert.ok(diagnosticsAt(uri).some((d) => d.range.start.line === raising));
  });

  it('clears the diagnostics and counts up the status bar when the checks pass', async () => {
    const r = ref();
    const before = Number(/PCEP (\d+)\/\d+/.exec(api.status.item.text)?.[1]);
    const uri = await openWith(r, r.exercise.solution);
    assert.strictEqual((await run(uri)).outcome, 'passed');
    assert.deepStrictEqual(diagnosticsAt(uri), []);
    for (const c of r.exercise.checks)
      assert.strictEqual(api.tests.lastReported(CheckTests.itemId(KEY, c.id))?.state, 'passed');
    assert.match(api.status.item.text, new RegExp(`PCEP ${before + 1}/\\d+`));
  });

  it('reveals hints one at a time, remembered per exercise, and counts them in the CodeLens', async () => {
    const r = ref('pcep/strings/mask-card-number');
    const uri = await vscode.commands.executeCommand<vscode.Uri>(Commands.generatePracticeFile, {
      kind: 'exercise',
      ref: r,
    });
    const first = await vscode.commands.executeCommand<string>(Commands.showHint, uri);
    const second = await vscode.commands.executeCommand<string>(Commands.showHint, uri);
    assert.deepStrictEqual([first, second], concrete(r, uri).hints.slice(0, 2), 'the hints of this variant, in order');
    assert.strictEqual(api.progress.current.exercises[r.key].hintsRevealed, 2);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(
      titles.some((t) => t.includes('Run checks')),
      titles.join(' | '),
    );
    assert.ok(
      titles.some((t) => t.includes(`Hint (${Math.min(3, r.exercise.hints.length)}/${r.exercise.hints.length})`)),
      titles.join(' | '),
    );
    assert.ok(
      titles.some((t) => t.includes('Reset exercise')),
      titles.join(' | '),
    );
  });

  it('offers the solution only after a pass or three failed runs, beside the file and never in it', async () => {
    const r = ref('pcep/dictionaries/word-frequencies');
    const generated = await vscode.commands.executeCommand<vscode.Uri>(Commands.generatePracticeFile, {
      kind: 'exercise',
      ref: r,
    });
    const uri = await openWith(r, concrete(r, generated).starter);
    const mine = fs.readFileSync(uri.fsPath, 'utf8');
    assert.strictEqual(
      await vscode.commands.executeCommand(Commands.showSolution, uri),
      undefined,
      'locked before any run',
    );
    for (let i = 0; i < 2; i++) assert.notStrictEqual((await run(uri)).outcome, 'passed');
    assert.strictEqual(
      await vscode.commands.executeCommand(Commands.showSolution, uri),
      undefined,
      'locked after two failed runs',
    );
    await run(uri);
    const solution = await vscode.commands.executeCommand<vscode.Uri>(Commands.showSolution, uri);
    assert.ok(solution, 'unlocked after three failed runs');
    const shown = vscode.workspace.textDocuments.find((d) => d.uri.toString() === solution.toString());
    assert.ok(shown?.getText().includes(concrete(r, uri).solution.trim()), 'the solution of this variant');
    assert.strictEqual(shown?.languageId, 'python');
    assert.strictEqual(fs.readFileSync(uri.fsPath, 'utf8'), mine, 'the learner file is untouched');
  });

  it('re-runs the checks of a saved practice file in watch mode', async () => {
    const config = vscode.workspace.getConfiguration('certPath');
    await config.update('runOnSave', true, vscode.ConfigurationTarget.Workspace);
    try {
      const r = ref('pcep/conditionals/triangle-kind');
      const recorded = new Promise<void>((resolve) => {
        const subscription = api.progress.onDidChange((state) => {
          if (state.exercises[r.key]?.passedAt) {
            subscription.dispose();
            resolve();
          }
        });
      });
      const generated = await vscode.commands.executeCommand<vscode.Uri>(Commands.generatePracticeFile, {
        kind: 'exercise',
        ref: r,
      });
      await openWith(r, concrete(r, generated).solution); // saves the file; no Run Checks command is issued
      await recorded;
      // Progress is recorded just before the Test Results are; give the run a moment to report.
      for (let i = 0; i < 50 && api.tests.lastReported(r.key)?.state !== 'passed'; i++)
        await new Promise((done) => setTimeout(done, 100));
      assert.strictEqual(api.tests.lastReported(r.key)?.state, 'passed');
    } finally {
      await config.update('runOnSave', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('resets an exercise to its starter and keeps the learner version as a backup', async () => {
    const r = ref('pcep/tuples/top-scores');
    const uri = await openWith(r, '# my attempt\nscores = []');
    const mine = fs.readFileSync(uri.fsPath, 'utf8');
    await run(uri);
    const backup = await vscode.commands.executeCommand<string>(Commands.resetExercise, uri, { confirmed: true });
    assert.strictEqual(backup, 'top-scores.bak.py');
    assert.strictEqual(fs.readFileSync(vscode.Uri.joinPath(uri, '..', backup).fsPath, 'utf8'), mine);
    assert.ok(
      fs.readFileSync(uri.fsPath, 'utf8').includes(concrete(r, uri).starter.trim()),
      'the starter (of the new variant) is back',
    );
    assert.deepStrictEqual(diagnosticsAt(uri), []);
    const again = await vscode.commands.executeCommand<string>(Commands.resetExercise, uri, { confirmed: true });
    assert.strictEqual(again, 'top-scores.bak-2.py', 'a second reset never overwrites the first backup');
  });
});
