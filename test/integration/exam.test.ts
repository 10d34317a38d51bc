// Mock exams and quizzes in the real extension host: the commands draw from the shipped banks,
// every answer is stored in workspace state, a restored panel shows the same attempt, the clock
// submits by itself, and results go to the history.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CertPathApi } from '../../src/extension';
import { EXAM_SESSION_KEY, ExamSession } from '../../src/core/exam/session';
import type { ExamView } from '../../src/core/exam/view';
import type { ResultView } from '../../src/core/exam/resultView';
import { ExamCertification } from '../../src/core/syllabus/model';
import { Commands, Views } from '../../src/ids';
import { until } from './until';

describe('Mock exams and topic quizzes', function () {
  this.timeout(60000);
  let api: CertPathApi;

  before(async () => {
    api = await vscode.extensions.getExtension<CertPathApi>('cert-path.cert-path')!.activate();
    await api.firstTreeAnswerMs;
  });

  afterEach(async () => {
    await api.exams.setSession(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('starts a PCEP mock exam with the exam facts, weighted by domain, and keeps every answer in workspace state', async () => {
    const pcep = api.syllabus.syllabus.certifications.find((c) => c.id === 'pcep') as ExamCertification;
    const session = await vscode.commands.executeCommand<ExamSession>(Commands.startMockExam, 'pcep', {
      discard: true,
      seed: 42,
    });
    assert.ok(session);
    assert.strictEqual(session.items.length, pcep.exam.items);
    assert.strictEqual(session.deadline! - session.startedAt, pcep.exam.minutes * 60_000);
    const bank = (await api.questions.bank()).questions;
    const domains = new Map<string, number>();
    for (const it of session.items) {
      const q = bank.find((b) => b.cert === 'pcep' && b.id === it.question)!;
      domains.set(q.domain, (domains.get(q.domain) ?? 0) + 1);
    }
    assert.strictEqual(domains.get('flow-control'), 9, 'Flow Control has 29 % of 30 questions');
    await until(() => api.exams.lastView?.screen === 'exam', 'the exam view');
    const q0 = bank.find((b) => b.cert === 'pcep' && b.id === session.items[0].question)!;
    await api.exams.answer(0, q0.answer);
    const stored = api.examStore.session!;
    assert.deepStrictEqual(stored.answers[0], q0.answer);
    assert.strictEqual(stored.id, session.id);
  });

  it('restores the attempt in progress in a panel after a reload, answers and clock intact', async () => {
    const session = await vscode.commands.executeCommand<ExamSession>(Commands.startMockExam, 'pcap', {
      discard: true,
      seed: 7,
    });
    await api.exams.answer(1, [0]);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // What VS Code does after a window reload: a new panel of our view type, handed to the serializer.
    const panel = vscode.window.createWebviewPanel(Views.examPanel, 'restored', vscode.ViewColumn.Active, {
      enableScripts: true,
    });
    await api.exams.deserializeWebviewPanel(panel, { session: session.id });
    const view = api.exams.lastView as ExamView;
    assert.strictEqual(view.screen, 'exam');
    assert.strictEqual(view.sessionId, session.id);
    assert.strictEqual(view.deadline, session.deadline);
    assert.strictEqual(view.answers.filter((a) => a.length).length, 1);
    assert.strictEqual(api.examStore.session?.id, session.id, `the session stays under ${EXAM_SESSION_KEY}`);
  });

  it('submits by itself when the time runs out, and records a timed-out result', async () => {
    const session = await vscode.commands.executeCommand<ExamSession>(Commands.startMockExam, 'pcep', {
      discard: true,
      seed: 5,
    });
    const before = api.examStore.history.length;
    await api.exams.setSession({ ...session, deadline: Date.now() + 1500 });
    await until(() => api.examStore.session === undefined, 'the automatic submit', 8000);
    const last = api.examStore.history[0];
    assert.strictEqual(api.examStore.history.length, before + 1);
    assert.strictEqual(last.id, session.id);
    assert.strictEqual(last.timedOut, true);
    await until(() => api.exams.lastView?.screen === 'result', 'the result view');
    const result = api.exams.lastView as ResultView;
    assert.strictEqual(result.total, 30);
    assert.strictEqual(result.timedOut, true);
    assert.strictEqual(result.review.length, 30);
  });

  it('runs a five-question quiz for a topic from the tree, scored against the marked answers', async () => {
    const cert = api.syllabus.syllabus.certifications.find((c) => c.id === 'pcap') as ExamCertification;
    const domain = cert.domains.find((d) => d.topics.some((t) => t.id === 'closures-and-scope'))!;
    const topic = domain.topics.find((t) => t.id === 'closures-and-scope')!;
    const quiz = await vscode.commands.executeCommand<ExamSession>(
      Commands.startTopicQuiz,
      { kind: 'topic', cert, domain, topic },
      { discard: true, seed: 3 },
    );
    assert.strictEqual(quiz.kind, 'quiz');
    assert.strictEqual(quiz.items.length, 5);
    assert.strictEqual(quiz.deadline, undefined);
    const bank = (await api.questions.bank()).questions;
    for (let i = 0; i < 5; i++) {
      const q = bank.find((b) => b.cert === 'pcap' && b.id === quiz.items[i].question)!;
      assert.strictEqual(q.topic, 'closures-and-scope');
      await api.exams.answer(i, i < 4 ? q.answer : [(q.answer[0] + 1) % q.choices.length]);
    }
    const result = (await api.exams.submit())!;
    assert.strictEqual(result.correct, 4);
    assert.strictEqual(result.percent, 80);
    assert.strictEqual(result.passed, true);
    assert.strictEqual(api.examStore.history[0].id, quiz.id);
  });
});
