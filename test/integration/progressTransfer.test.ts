// Export, import and reset of all progress in the real extension host: a pass survives an export,
// a reset and an import; an import merges with what the workspace has; a bad file changes nothing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CertPathApi } from '../../src/extension';
import { ExamResult } from '../../src/core/exam/scoring';
import { ExamSession } from '../../src/core/exam/session';
import { ExerciseRef } from '../../src/core/syllabus/model';
import { findExercise } from '../../src/core/syllabus/index';
import { withLearnerCode } from '../../src/core/practice/practiceFile';
import { ProgressState } from '../../src/core/progress/progress';
import { EXPORT_FORMAT, ProgressExport } from '../../src/core/progress/transfer';
import { RunResult } from '../../src/core/runner/results';
import { Commands, Views } from '../../src/ids';
import type { ImportOutcome } from '../../src/vscode/progress/transfer';
import { concrete } from './variant';
import { until } from './until';

const EXTENSION_ID = 'cert-path.cert-path';
const RETIRED = 'retired-cert/old-topic/old-exercise';
let api: CertPathApi;
let dir: string;

function exercise(key: string): ExerciseRef {
  const ref = findExercise(api.syllabus.syllabus, key);
  assert.ok(ref, `${key} is in the syllabus`);
  return ref;
}

function icon(ref: ExerciseRef): string {
  const node = api.tree
    .getChildren({ kind: 'topic', cert: ref.cert, domain: ref.domain, topic: ref.topic })
    .find((n) => n.kind === 'exercise' && n.ref.key === ref.key);
  assert.ok(node, `${ref.key} is in the tree`);
  return (api.tree.getTreeItem(node).iconPath as vscode.ThemeIcon).id;
}

function examTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(Views.examPanel));
}

function storedExercises(): ProgressState['exercises'] | undefined {
  return (api.storedProgress() as ProgressState | undefined)?.exercises;
}

function write(name: string, content: unknown): vscode.Uri {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return vscode.Uri.file(file);
}

async function importFile(uri: vscode.Uri): Promise<Exclude<ImportOutcome, { error: string }>> {
  const outcome = await vscode.commands.executeCommand<ImportOutcome>(Commands.importProgress, uri);
  assert.ok(outcome && !('error' in outcome), `imported: ${JSON.stringify(outcome)}`);
  return outcome;
}

describe('Progress export, import and reset all', function () {
  this.timeout(60000);
  let saved: { progress: ProgressState; history: ExamResult[] };
  let passedRef: ExerciseRef;
  let quizId: string;

  before(async () => {
    const python = process.env.CERT_PATH_TEST_PYTHON;
    if (python)
      await vscode.workspace
        .getConfiguration('certPath')
        .update('pythonPath', python, vscode.ConfigurationTarget.Global);
    api = await vscode.extensions.getExtension<CertPathApi>(EXTENSION_ID)!.activate();
    await api.firstTreeAnswerMs;
    saved = { progress: api.progress.current, history: api.examStore.history };
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-path-transfer-'));
  });

  after(async () => {
    // Leave the workspace as the suites before this one left it.
    await api.exams.setSession(undefined);
    await api.progress.update(() => saved.progress);
    await api.examStore.setHistory(saved.history);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exports, resets everything after confirmation, and imports the pass back', async () => {
    passedRef = exercise('pcep/loop-control/is-prime');
    const uri = await vscode.commands.executeCommand<vscode.Uri>(Commands.generatePracticeFile, {
      kind: 'exercise',
      ref: passedRef,
    });
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    fs.writeFileSync(uri.fsPath, withLearnerCode(text, concrete(passedRef, uri).solution));
    const run = await vscode.commands.executeCommand<RunResult>(Commands.runChecks, uri);
    assert.strictEqual(run?.outcome, 'passed', JSON.stringify(run));
    const passedAt = api.progress.current.exercises[passedRef.key].passedAt;
    assert.ok(passedAt);

    // A finished quiz in the history, and a mock exam in progress in its panel.
    const quiz = await vscode.commands.executeCommand<ExamSession>(
      Commands.startTopicQuiz,
      { kind: 'topic', cert: passedRef.cert, domain: passedRef.domain, topic: passedRef.topic },
      { discard: true, seed: 3 },
    );
    assert.ok(quiz, 'the quiz started');
    quizId = quiz.id;
    assert.strictEqual((await api.exams.submit())?.id, quiz.id);
    await vscode.commands.executeCommand<ExamSession>(Commands.startMockExam, 'pcep', { discard: true, seed: 9 });
    await api.exams.answer(0, [0]);
    await until(() => examTabs().length === 1, 'the exam panel');

    const file = vscode.Uri.file(path.join(dir, 'progress.json'));
    assert.strictEqual(
      (await vscode.commands.executeCommand<vscode.Uri>(Commands.exportProgress, file))?.fsPath,
      file.fsPath,
    );
    const data = JSON.parse(fs.readFileSync(file.fsPath, 'utf8')) as ProgressExport;
    assert.strictEqual(data.format, EXPORT_FORMAT);
    assert.strictEqual(data.version, 1);
    assert.strictEqual(data.extensionVersion, vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.version);
    assert.ok(Math.abs(Date.parse(data.exportedAt) - Date.now()) < 60_000, data.exportedAt);
    assert.deepStrictEqual(data.progress, JSON.parse(JSON.stringify(api.progress.current)));
    assert.deepStrictEqual(
      data.examHistory.map((h) => h.id),
      api.examStore.history.map((h) => h.id),
    );
    assert.strictEqual(data.examHistory[0].id, quiz.id);
    assert.strictEqual(data.progress.exercises[passedRef.key].passedAt, passedAt);

    const reset = await vscode.commands.executeCommand<boolean>(Commands.resetAllProgress, { confirmed: true });
    assert.strictEqual(reset, true);
    assert.strictEqual(Object.keys(api.progress.current.exercises).length, 0, 'no exercise records are left');
    assert.deepStrictEqual(storedExercises(), {}, 'the stored progress is empty too');
    assert.strictEqual(api.examStore.history.length, 0, 'the exam history is empty');
    assert.strictEqual(api.examStore.session, undefined, 'the exam in progress is discarded');
    await until(() => examTabs().length === 0, 'the exam panel to close');
    assert.strictEqual(icon(passedRef), 'circle-large-outline');
    assert.match(api.status.item.text, /PCEP 0\/\d+$/);
    assert.ok(fs.existsSync(uri.fsPath), 'the practice file is kept');
    assert.strictEqual(
      await vscode.commands.executeCommand<boolean>(Commands.resetAllProgress, { confirmed: true }),
      false,
      'nothing left to reset',
    );

    const outcome = await importFile(file);
    const records = Object.values(data.progress.exercises);
    assert.deepStrictEqual(outcome.summary, {
      added: records.length,
      improved: 0,
      newlyPassed: records.filter((e) => e.passedAt).length,
    });
    assert.deepStrictEqual([outcome.examAttemptsAdded, outcome.skipped], [data.examHistory.length, 0]);
    const back = api.progress.current.exercises;
    assert.deepStrictEqual(
      Object.keys(back).sort(),
      Object.keys(data.progress.exercises).sort(),
      'every record is back',
    );
    for (const [key, e] of Object.entries(data.progress.exercises))
      assert.deepStrictEqual(
        [back[key].passedAt, back[key].runs, back[key].lastOutcome],
        [e.passedAt, e.runs, e.lastOutcome],
        key,
      );
    assert.strictEqual(storedExercises()?.[passedRef.key]?.passedAt, passedAt);
    assert.strictEqual(icon(passedRef), 'pass-filled');
    assert.doesNotMatch(api.status.item.text, /PCEP 0\//);
    assert.deepStrictEqual(
      api.examStore.history.map((h) => h.id),
      data.examHistory.map((h) => h.id),
    );
    assert.strictEqual(api.examStore.session, undefined, 'an exam in progress is never exported or imported');
  });

  it('merges a file into a workspace with other progress, keeping both', async () => {
    const other = exercise('pcep/dictionaries/line-index');
    const before = api.progress.current.exercises[passedRef.key];
    const later = new Date(Date.now() + 60_000).toISOString();
    const quiz = api.examStore.history.find((h) => h.id === quizId)!;
    const file = write('other-workspace.json', {
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: later,
      extensionVersion: '0.0.1',
      progress: {
        version: 1,
        exercises: {
          [other.key]: { runs: 1, failedRuns: 0, lastOutcome: 'passed', lastRunAt: later, passedAt: later },
          // The other workspace failed this exercise later and more often: the local pass stays.
          [passedRef.key]: { runs: 99, failedRuns: 99, lastOutcome: 'failed', lastRunAt: later },
          [RETIRED]: { runs: 2, failedRuns: 2, lastOutcome: 'failed', lastRunAt: later },
        },
      },
      examHistory: [{ ...quiz, id: 'quiz-from-elsewhere', submittedAt: quiz.submittedAt + 1000 }],
    });
    const outcome = await importFile(file);
    assert.deepStrictEqual(outcome.summary, { added: 2, improved: 1, newlyPassed: 1 });
    assert.strictEqual(outcome.examAttemptsAdded, 1);
    const mine = api.progress.current.exercises[passedRef.key];
    assert.strictEqual(mine.passedAt, before.passedAt, 'the local pass is kept');
    assert.deepStrictEqual([mine.runs, mine.failedRuns, mine.lastOutcome, mine.lastRunAt], [99, 99, 'failed', later]);
    assert.strictEqual(icon(passedRef), 'pass-filled');
    assert.strictEqual(icon(other), 'pass-filled');
    assert.ok(storedExercises()?.[RETIRED], 'a record for an exercise this syllabus lacks is kept');
    assert.deepStrictEqual(
      api.examStore.history.slice(0, 2).map((h) => h.id),
      ['quiz-from-elsewhere', quizId],
    );

    const again = await importFile(file);
    assert.deepStrictEqual(
      [again.summary, again.examAttemptsAdded],
      [{ added: 0, improved: 0, newlyPassed: 0 }, 0],
      'importing twice adds nothing',
    );
  });

  it('refuses a broken file with a clear error and changes nothing, and imports the readable part of a damaged one', async () => {
    const snapshot = () => JSON.stringify([api.storedProgress(), api.examStore.history]);
    const before = snapshot();
    const cases: [vscode.Uri, RegExp][] = [
      [
        write('broken.json', '{"format": "cert-path-progress", "version": 1, "progress": '),
        /^Nothing was imported from .*broken\.json: the file is not valid JSON/,
      ],
      [write('settings.json', { 'editor.fontSize': 14 }), /this is not a Cert Path progress file/],
      [
        write('newer.json', {
          format: EXPORT_FORMAT,
          version: 7,
          extensionVersion: '9.9.9',
          progress: { version: 1, exercises: {} },
        }),
        /written by Cert Path 9\.9\.9 in progress format version 7.*Update the Cert Path extension/,
      ],
      [vscode.Uri.file(path.join(dir, 'missing.json')), /^Cert Path cannot read .*missing\.json/],
    ];
    for (const [uri, message] of cases) {
      const outcome = await vscode.commands.executeCommand<ImportOutcome>(Commands.importProgress, uri);
      assert.ok(outcome && 'error' in outcome, `${uri.fsPath}: an error`);
      assert.match(outcome.error, message);
      assert.strictEqual(snapshot(), before, `${uri.fsPath} changed nothing`);
    }

    const fresh = exercise('pcep/strings/wrap-text');
    const damaged = write('damaged.json', {
      format: EXPORT_FORMAT,
      version: 1,
      progress: {
        version: 1,
        exercises: {
          [fresh.key]: { runs: 1, failedRuns: 1, lastOutcome: 'failed', lastRunAt: new Date().toISOString() },
          'pcep/strings/junk': 'not a record',
        },
      },
      examHistory: [{ id: 'half an attempt' }],
    });
    const outcome = await importFile(damaged);
    assert.deepStrictEqual([outcome.summary.added, outcome.examAttemptsAdded, outcome.skipped], [1, 0, 2]);
    assert.strictEqual(icon(fresh), 'error');
    assert.strictEqual(api.progress.current.exercises['pcep/strings/junk'], undefined);
  });
});
