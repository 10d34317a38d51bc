// Mock exams, topic quizzes and reviews in a webview: starting and resuming them, saving each answer,
// the clock, scoring and the result page. The session is saved after every answer, so a reload loses
// nothing, and the deadline is a wall-clock time that keeps running meanwhile.
import * as vscode from 'vscode';
import { drawExam, drawQuiz, drawReview } from '../../core/exam/draw';
import { fromPanel } from '../../core/exam/positions';
import { resultView, ResultView } from '../../core/exam/resultView';
import { ExamResult, score } from '../../core/exam/scoring';
import { answer, ExamSession, isExpired } from '../../core/exam/session';
import { Question } from '../../core/exam/question';
import { examView, ExamView } from '../../core/exam/view';
import { ExamCertification } from '../../core/syllabus/model';
import { newSeed } from '../../core/random';
import { Views } from '../../ids';
import { FromWebview, parseFromWebview } from '../../webview/protocol';
import { pickTopic, topicFrom } from '../practice/pickers';
import { SyllabusService } from '../syllabus/service';
import { PanelHost } from '../webview/host';
import { askResumeOrDiscard, followResultLink, pickCertification } from './pick';
import { QuestionService } from './questions';
import { ExamStore } from './store';

/** Options tests pass instead of answering quick picks and dialogs. */
export interface ExamStartOptions {
  /** Start a new attempt even if one is in progress (discarding it). */
  discard?: boolean;
  /** Resume the attempt in progress without asking. */
  resume?: boolean;
  seed?: number;
}

/** Runs exams and quizzes: starting, the panel, saving each answer, the clock, scoring. */
export class ExamController implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly host: PanelHost<FromWebview>;
  private clock?: ReturnType<typeof setTimeout>;
  /** What the panel shows when no session is in progress: the id of a result in the history. */
  private shownResult?: string;
  /** The last view sent to the panel (for tests and the UI test's expectations). */
  lastView?: ExamView | ResultView;
  private readonly examShown = new vscode.EventEmitter<ExamSession>();
  /** Fires each time the panel shows a mock exam (not a quiz) in progress: started, resumed or restored. */
  readonly onDidShowExam = this.examShown.event;
  private readonly submitted = new vscode.EventEmitter<{ result: ExamResult; bank: readonly Question[] }>();
  /** Fires when an attempt is scored and recorded (mock, quiz or review). */
  readonly onDidSubmit = this.submitted.event;

  constructor(
    private readonly syllabus: SyllabusService,
    private readonly questions: QuestionService,
    private readonly store: ExamStore,
    extensionUri: vscode.Uri,
  ) {
    this.host = new PanelHost(
      {
        viewType: Views.examPanel,
        script: 'exam',
        title: 'Cert Path Exam',
        parse: parseFromWebview,
        onMessage: (m) => this.onMessage(m),
      },
      extensionUri,
    );
    const s = store.session;
    if (s) this.arm(s);
  }

  private cert(id: string): ExamCertification | undefined {
    return this.syllabus.syllabus.certifications.find((c): c is ExamCertification => c.kind === 'exam' && c.id === id);
  }

  /** Cert Path: Start Mock Exam. Resumes an attempt in progress, or draws a new exam. */
  async startExam(certId?: string, options: ExamStartOptions = {}): Promise<ExamSession | undefined> {
    if (!(await this.settleCurrent(options))) return this.store.session;
    const bank = await this.questions.bank();
    const certs = this.syllabus.syllabus.certifications.filter((c): c is ExamCertification => c.kind === 'exam');
    let cert = certId ? this.cert(certId) : undefined;
    cert ??= await pickCertification(certs, bank.questions, this.store.seen);
    if (!cert) return undefined;
    const chosen = cert;
    if (!bank.questions.some((q) => q.cert === chosen.id)) {
      void vscode.window.showErrorMessage(
        `${cert.shortTitle} has no questions in its bank${bank.problems.length ? ' (the question files have problems: see the Cert Path output)' : ''}.`,
      );
      return undefined;
    }
    const session = drawExam(cert, bank.questions, this.store.seen, options.seed ?? newSeed(), Date.now());
    await this.begin(session);
    return session;
  }

  /** A review of questions due again (Review Due Items): untimed, scored like a quiz. */
  async startReview(
    certId: string,
    questionIds: string[],
    options: ExamStartOptions = {},
  ): Promise<ExamSession | undefined> {
    const cert = this.cert(certId);
    if (!cert || !(await this.settleCurrent(options))) return undefined;
    const session = drawReview(
      cert,
      (await this.questions.bank()).questions,
      questionIds,
      options.seed ?? newSeed(),
      Date.now(),
    );
    if (!session) return undefined;
    await this.begin(session);
    return session;
  }

  /** Cert Path: Start Topic Quiz (tree context menu on a topic or exercise). */
  async startQuiz(arg?: unknown, options: ExamStartOptions = {}): Promise<ExamSession | undefined> {
    const node = topicFrom(arg) ?? (await pickTopic(this.syllabus, 'Cert Path: Start Topic Quiz'));
    if (!node) return undefined;
    if (!(await this.settleCurrent(options))) return this.store.session;
    const bank = await this.questions.bank();
    if (!bank.questions.some((q) => q.cert === node.cert.id && q.topic === node.topic.id)) {
      void vscode.window.showInformationMessage(`"${node.topic.title}" has no quiz questions yet.`);
      return undefined;
    }
    const session = drawQuiz(
      node.cert,
      node.topic.id,
      bank.questions,
      this.store.seen,
      options.seed ?? newSeed(),
      Date.now(),
    );
    await this.begin(session);
    return session;
  }

  /** With an attempt in progress: resume it (false) or discard it so a new one can start (true). */
  private async settleCurrent(options: ExamStartOptions): Promise<boolean> {
    const current = this.store.session;
    if (!current) return true;
    if (isExpired(current, Date.now())) {
      await this.submit(true);
      return true;
    }
    let choice: 'Resume' | 'Discard' | undefined = options.resume ? 'Resume' : undefined;
    if (options.discard) choice = 'Discard';
    choice ??= await askResumeOrDiscard(current, this.cert(current.cert)?.shortTitle ?? current.cert);
    if (choice === 'Resume') {
      await this.show();
      return false;
    }
    if (choice !== 'Discard') return false;
    await this.setSession(undefined);
    return true;
  }

  private async begin(session: ExamSession): Promise<void> {
    await this.setSession(session);
    this.shownResult = undefined;
    await this.show();
  }

  /** Stores the session in progress (or clears it) and sets its clock. */
  async setSession(session: ExamSession | undefined): Promise<void> {
    await this.store.setSession(session);
    this.arm(session);
  }

  /** Submits by itself at the deadline, whether or not the panel is open. */
  private arm(session: ExamSession | undefined): void {
    if (this.clock) clearTimeout(this.clock);
    this.clock = undefined;
    if (session?.deadline === undefined) return;
    const wait = session.deadline - Date.now();
    // setTimeout's longest delay is about 24.8 days; an exam is far shorter, but stay within it.
    this.clock = setTimeout(() => void this.submit(true), Math.min(Math.max(0, wait), 2 ** 31 - 1));
  }

  /** Scores the attempt in progress, records it and shows the result. */
  async submit(timedOut = false): Promise<ExamResult | undefined> {
    const s = this.store.session;
    if (!s) return undefined;
    const cert = this.cert(s.cert);
    const bank = await this.questions.bank();
    if (!cert) {
      await this.setSession(undefined);
      return undefined;
    }
    const result = score(s, cert, bank.questions, Date.now(), timedOut || isExpired(s, Date.now()));
    await this.store.record(result);
    this.submitted.fire({ result, bank: bank.questions });
    await this.setSession(undefined);
    this.shownResult = result.id;
    if (this.host.panel) await this.render();
    else {
      void vscode.window
        .showInformationMessage(
          `Your ${cert.shortTitle} ${s.kind === 'quiz' ? 'quiz' : 'mock exam'} was submitted${result.timedOut ? ' when the time ran out' : ''}: ${result.percent} % (${result.passed ? 'passed' : 'not passed'}).`,
          'Show Result',
        )
        .then((action) => {
          if (action) void this.show();
        });
    }
    return result;
  }

  /** Records an answer (bank indexes, see ExamSession) for item `index`; for tests. */
  async answer(index: number, chosen: number[]): Promise<void> {
    const s = this.store.session;
    if (s) await this.store.setSession(answer(s, index, chosen));
  }

  /** Opens (or focuses) the panel. */
  async show(): Promise<void> {
    this.host.open();
    await this.render();
  }

  /** Restores the panel after a window reload (VS Code calls this for the registered view type). */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = state as { result?: string } | undefined;
    if (!this.store.session && saved?.result) this.shownResult = saved.result;
    if (!this.syllabus.isLoaded) await this.syllabus.loadFast();
    this.host.attach(panel);
    const s = this.store.session;
    if (s && isExpired(s, Date.now())) await this.submit(true);
    else await this.render();
  }

  private async render(): Promise<void> {
    if (!this.host.panel) return;
    const bank = await this.questions.bank();
    const s = this.store.session;
    if (s) {
      const cert = this.cert(s.cert);
      if (!cert) return;
      const view = examView(s, cert, bank.questions);
      this.host.setTitle(view.title);
      this.lastView = view;
      // A restored webview loads only after deserializeWebviewPanel returns; its 'ready' message
      // asks for the view again anyway.
      this.host.post({ type: 'show', view });
      if (s.kind === 'exam') this.examShown.fire(s);
      return;
    }
    const history = this.store.history;
    const result = history.find((h) => h.id === this.shownResult) ?? history[0];
    const cert = result && this.cert(result.cert);
    if (!result || !cert) {
      this.host.close();
      return;
    }
    const view = resultView(result, cert, bank.questions, history, this.store.seen);
    this.host.setTitle(`${view.title}: ${view.percent} %`);
    this.lastView = view;
    this.host.post({ type: 'show', view, stateKey: result.id });
  }

  /** The result on show, else the newest one. */
  private shownOrNewest(): ExamResult | undefined {
    return this.store.history.find((h) => h.id === this.shownResult) ?? this.store.history[0];
  }

  private async onMessage(m: FromWebview): Promise<void> {
    const s = this.store.session;
    switch (m.type) {
      case 'ready':
        await this.render();
        return;
      case 'answer':
      case 'flag':
      case 'goto': {
        if (!s) return;
        if (isExpired(s, Date.now())) {
          await this.submit(true);
          return;
        }
        const next = fromPanel(s, (await this.questions.bank()).questions, m);
        if (!next) return;
        await this.store.setSession(next);
        if (m.type !== 'goto') await this.render();
        return;
      }
      case 'submit':
        await this.submit(false);
        return;
      case 'openTopic':
      case 'again': {
        const result = this.shownOrNewest();
        const cert = result && this.cert(result.cert);
        if (result && cert) await followResultLink(m, result, cert);
        return;
      }
    }
  }

  dispose(): void {
    if (this.clock) clearTimeout(this.clock);
    this.host.dispose();
    this.examShown.dispose();
    this.submitted.dispose();
  }
}
