// Readiness in a real VS Code: a failed check and a missed mock question enter the review deck, the
// dashboard shows each official section and the mock chart, Review Due Items asks the missed questions
// again and moves them along their schedule, and Next Best Step acts.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CertPathApi } from '../../src/extension';
import { ExamSession } from '../../src/core/exam/session';
import { Question } from '../../src/core/exam/question';
import { ExamCertification } from '../../src/core/syllabus/model';
import { findExercise } from '../../src/core/syllabus/index';
import { dueItems } from '../../src/core/review/queue';
import { RunResult } from '../../src/core/runner/results';
import { Commands } from '../../src/ids';
import { writeLearnerCode } from './practice';
import { until } from './until';

/** The right answer as the session stores it. */
function rightAnswer(q: Question): number[] {
  if (q.type === 'order') return (q.lines ?? []).map((_, i) => i);
  if (q.type === 'gaps') return (q.gaps ?? []).map((g) => g.answer);
  return q.answer;
}

describe('Readiness, reviews and the next best step', function () {
  this.timeout(120000);
  let api: CertPathApi;

  before(async () => {
    api = await vscode.extensions.getExtension<CertPathApi>('cert-path.cert-path')!.activate();
    await api.firstTreeAnswerMs;
    await api.readiness.setDeck({ version: 1, items: {}, learned: {} });
  });

  afterEach(async () => {
    await api.exams.setSession(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('puts a failed exercise into the review deck, due at once', async () => {
    const ref = findExercise(api.syllabus.syllabus, 'pcep/loops/collatz-steps')!;
    const uri = await vscode.commands.executeCommand<vscode.Uri>(Commands.generatePracticeFile, {
      kind: 'exercise',
      ref,
    });
    await writeLearnerCode(uri, ref.exercise.starter);
    const result = await vscode.commands.executeCommand<RunResult>(Commands.runChecks, uri);
    assert.notStrictEqual(result.outcome, 'passed');
    const item = api.readiness.deck.items[`exercise:${ref.key}`];
    assert.ok(item, 'the exercise is in the deck');
    assert.strictEqual(item.box, 1);
    assert.ok(item.due <= Date.now(), 'its first review is due at once');
  });

  it('puts the missed questions of a mock into the deck, and the dashboard shows the official sections and the mock', async () => {
    const session = await vscode.commands.executeCommand<ExamSession>(Commands.startMockExam, 'pcep', {
      discard: true,
      seed: 11,
    });
    const bank = (await api.questions.bank()).questions;
    // Ten right, twenty unanswered.
    for (let i = 0; i < 10; i++) {
      const q = bank.find((b) => b.cert === 'pcep' && b.id === session.items[i].question)!;
      await api.exams.answer(i, rightAnswer(q));
    }
    const result = (await api.exams.submit())!;
    assert.strictEqual(result.correct >= 10, true);
    const missed = result.items.filter((i) => !i.correct).map((i) => `question:pcep/${i.question}`);
    for (const key of missed) assert.ok(api.readiness.deck.items[key], `${key} is in the deck`);
    await vscode.commands.executeCommand(Commands.showReadiness, 'pcep');
    await until(() => api.dashboard.lastView !== undefined, 'the dashboard');
    const view = api.dashboard.lastView!;
    const pcep = view.certs.find((c) => c.id === 'pcep')!;
    const cert = api.syllabus.syllabus.certifications.find((c) => c.id === 'pcep') as ExamCertification;
    assert.deepStrictEqual(
      pcep.sections.map((s) => s.id),
      cert.blueprint!.sections.map((s) => s.id),
    );
    assert.strictEqual(view.selected, 'pcep');
    assert.ok(pcep.chart.points.length >= 1, 'the mock is on the chart');
    assert.notStrictEqual(pcep.verdict.level, 'ready');
    assert.ok(pcep.verdict.reasons.length > 0);
  });

  it('reviews the due questions: right answers move up a box, and the status bar counts what is due', async () => {
    const due = dueItems(api.readiness.deck, Date.now(), 'pcep').length;
    assert.ok(due > 0);
    const started = await vscode.commands.executeCommand<{ cert: string; questions: string[] }>(
      Commands.reviewDueItems,
      'pcep',
      { discard: true, seed: 2 },
    );
    assert.ok(started.questions.length > 0 && started.questions.length <= 10);
    const session = api.examStore.session!;
    assert.strictEqual(session.kind, 'review');
    const bank = (await api.questions.bank()).questions;
    const first = bank.find((b) => b.cert === 'pcep' && b.id === session.items[0].question)!;
    await api.exams.answer(0, rightAnswer(first));
    await api.exams.submit();
    const moved = api.readiness.deck.items[`question:pcep/${first.id}`];
    assert.strictEqual(moved.box, 2, 'answered right: the next box');
    assert.ok(moved.due > Date.now() + 2 * 86_400_000, 'due again in three days');
    const wrong = api.readiness.deck.items[`question:pcep/${session.items[1].question}`];
    if (wrong) assert.strictEqual(wrong.box, 1, 'left unanswered: back to the first box');
    assert.strictEqual(dueItems(api.readiness.deck, Date.now(), 'pcep').length, due - session.items.length);
  });

  it('takes the next best step', async () => {
    const step = await vscode.commands.executeCommand<{ kind: string; cert: string }>(Commands.nextStep, 'pcep');
    assert.ok(step && ['review', 'exercise', 'lesson', 'mock'].includes(step.kind), JSON.stringify(step));
  });
});
