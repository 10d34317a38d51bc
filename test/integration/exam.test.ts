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
import { examSections, isExtraTopic, sectionOf } from '../../src/core/exam/sections';
import { Question } from '../../src/core/exam/question';
import { until } from './until';

/** The right answer of a question as the session stores it (see ExamSession). */
function rightAnswer(q: Question): number[] {
  if (q.type === 'order') return (q.lines ?? []).map((_, i) => i);
  if (q.type === 'gaps') return (q.gaps ?? []).map((g) => g.answer);
  return q.answer;
}

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

  it('starts a PCEP mock exam with the official items per section and keeps every answer in workspace state', async () => {
    const pcep = api.syllabus.syllabus.certifications.find((c) => c.id === 'pcep') as ExamCertification;
    const session = await vscode.commands.executeCommand<ExamSession>(Commands.startMockExam, 'pcep', {
      discard: true,
      seed: 42,
    });
    assert.ok(session);
    assert.strictEqual(session.items.length, pcep.exam.items);
    assert.strictEqual(session.deadline! - session.startedAt, pcep.exam.minutes * 60_000);
    const bank = (await api.questions.bank()).questions;
    const sections = examSections(pcep);
    const counts = new Map<string, number>();
    for (const it of session.items) {
      const q = bank.find((b) => b.cert === 'pcep' && b.id === it.question)!;
      const section = sectionOf(sections, q)!.id;
      counts.set(section, (counts.get(section) ?? 0) + 1);
    }
    assert.deepStrictEqual(Object.fromEntries(counts), { '1': 7, '2': 8, '3': 7, '4': 8 }, 'PCEP-30-02: 7/8/7/8 items');
    await until(() => api.exams.lastView?.screen === 'exam', 'the exam view');
    const q0 = bank.find((b) => b.cert === 'pcep' && b.id === session.items[0].question)!;
    await api.exams.answer(0, rightAnswer(q0));
    const stored = api.examStore.session!;
    assert.deepStrictEqual(stored.answers[0], rightAnswer(q0));
    assert.strictEqual(stored.id, session.id);
  });

  it('never puts a topic outside the official syllabus into a mock, and marks it in the tree', async () => {
    const pcpp1 = api.syllabus.syllabus.certifications.find((c) => c.id === 'pcpp1') as ExamCertification;
    const extra = pcpp1.domains.flatMap((d) => d.topics).filter((t) => isExtraTopic(pcpp1, t));
    assert.ok(extra.length > 0, 'PCPP 32-1 has topics outside the official syllabus (scientific tools)');
    const bank = (await api.questions.bank()).questions;
    for (const seed of [1, 2, 3]) {
      const session = await vscode.commands.executeCommand<ExamSession>(Commands.startMockExam, 'pcpp1', {
        discard: true,
        seed,
      });
      const topics = session.items.map((it) => bank.find((b) => b.cert === 'pcpp1' && b.id === it.question)!.topic);
      assert.ok(!topics.some((t) => extra.some((x) => x.id === t)), `mock ${seed} has no extra topic`);
    }
    const certNode = api.tree.getChildren().find((n) => n.kind === 'cert' && n.cert.id === 'pcpp1')!;
    const topics = api.tree.getChildren(certNode).flatMap((d) => api.tree.getChildren(d));
    const node = topics.find((n) => n.kind === 'topic' && n.topic.id === extra[0].id)!;
    assert.match(String(api.tree.getTreeItem(node).description), /extra — not on the exam/);
  });

  it('restores the attempt in progress in a panel after a reload, answers and clock intact', async () => {
    const session = await vscode.commands.executeCommand<ExamSession>(Commands.startMockExam, 'pcap', {
      discard: true,
      seed: 7,
    });
    const bank = (await api.questions.bank()).questions;
    await api.exams.answer(1, rightAnswer(bank.find((b) => b.cert === 'pcap' && b.id === session.items[1].question)!));
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
      if (i < 4) await api.exams.answer(i, rightAnswer(q)); // the fifth stays unanswered
    }
    const result = (await api.exams.submit())!;
    assert.strictEqual(result.correct, 4);
    assert.strictEqual(result.percent, 80);
    assert.strictEqual(result.passed, true);
    for (const it of quiz.items) assert.ok(api.examStore.seen[`pcap/${it.question}`], 'each question is now seen');
    assert.strictEqual(api.examStore.history[0].id, quiz.id);
  });
});
