// The topic page with its lesson in a webview (Open Topic): one panel that shows the topic asked for,
// refreshed as progress changes; examples run with the learner's interpreter (trusted workspaces
// only, the checks' limits), open as scratch files, and the topic's exercises and quiz start from it.
import * as vscode from 'vscode';
import { findExample, lessonView } from '../../core/lesson/view';
import { findExercise } from '../../core/syllabus/index';
import { LessonExample } from '../../core/syllabus/model';
import type { SnippetReport } from '../../node/runner/snippet';
import { Commands, Views } from '../../ids';
import { FromLesson, parseFromLesson, ToLesson } from '../../webview/lesson/protocol';
import { CheckService } from '../checks/service';
import { QuestionService } from '../exam/questions';
import { TopicNode, topicNode } from '../practice/pickers';
import { ProgressStore } from '../progress/store';
import { SyllabusService } from '../syllabus/service';
import { PanelHost } from '../webview/host';

/** Whether a run printed what the lesson says, and ended as it says (normally, or raising its exception). */
function matchesLesson(example: LessonExample, r: SnippetReport): boolean {
  if (r.stdout !== example.output) return false;
  if (!example.raises) return r.exitCode === 0;
  return new RegExp(`^(?:[\\w.]+\\.)?${example.raises}\\b`).test(r.stderr.split('\n').filter(Boolean).pop() ?? '');
}

/** Where the page is: the topic and the section to scroll to. */
interface Shown {
  cert: string;
  topic: string;
  anchor?: string;
}

/** What the lesson pages need. */
export interface LessonDeps {
  syllabus: SyllabusService;
  progress: ProgressStore;
  questions: QuestionService;
  checks: CheckService;
  extensionUri: vscode.Uri;
}

/** Shows topic pages with their lessons. */
export class LessonPages implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly host: PanelHost<FromLesson>;
  private shown?: Shown;
  private readonly runs = new Map<string, AbortController>();
  private readonly subscriptions: vscode.Disposable[];
  /** The last view sent (for tests). */
  lastView?: ToLesson;

  constructor(private readonly deps: LessonDeps) {
    this.host = new PanelHost(
      {
        viewType: Views.lessonPanel,
        script: 'lesson',
        title: 'Cert Path Lesson',
        parse: parseFromLesson,
        onMessage: (m) => this.onMessage(m),
        onClose: () => this.stopRuns(),
      },
      deps.extensionUri,
    );
    this.subscriptions = [
      deps.progress.onDidChange(() => void this.render()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.render()),
    ];
  }

  private node(): TopicNode | undefined {
    return this.shown && topicNode(this.deps.syllabus, this.shown.cert, this.shown.topic);
  }

  /** Opens the page of a topic, at a section of its lesson when `anchor` names one. */
  async open(node: TopicNode, anchor?: string): Promise<void> {
    const same = this.shown?.cert === node.cert.id && this.shown.topic === node.topic.id;
    if (!same) this.stopRuns();
    this.shown = { cert: node.cert.id, topic: node.topic.id, anchor };
    this.host.open(vscode.ViewColumn.Beside, false);
    await this.render(anchor);
  }

  /** Restores the page after a window reload. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = state as { cert?: unknown; topic?: unknown } | undefined;
    if (!this.deps.syllabus.isLoaded) await this.deps.syllabus.loadFast();
    this.host.attach(panel);
    if (typeof saved?.cert === 'string' && typeof saved.topic === 'string')
      this.shown = { cert: saved.cert, topic: saved.topic };
    await this.render();
  }

  private async render(anchor?: string): Promise<void> {
    const node = this.node();
    if (!this.host.panel || !node) return;
    const bank = await this.deps.questions.bank();
    const quizQuestions = bank.questions.filter((q) => q.cert === node.cert.id && q.topic === node.topic.id).length;
    const view = lessonView(node.cert, node.domain, node.topic, this.deps.progress.current, {
      quizQuestions,
      canRun: vscode.workspace.isTrusted,
    });
    this.host.setTitle(`${node.topic.title} · ${node.cert.shortTitle}`);
    this.lastView = { type: 'show', view, ...(anchor ? { anchor } : {}) };
    this.host.post(this.lastView);
  }

  private post(message: ToLesson): void {
    this.lastView = message;
    this.host.post(message);
  }

  private async onMessage(m: FromLesson): Promise<void> {
    const node = this.node();
    if (m.type === 'ready') return this.render(this.shown?.anchor);
    if (!node) return;
    if (m.type === 'run') return this.run(node, m.example);
    if (m.type === 'cancel') return this.runs.get(m.example)?.abort();
    if (m.type === 'trust') {
      const action = await vscode.window.showWarningMessage(
        'Cert Path runs lesson examples only in a trusted workspace: running one executes it with your Python.',
        'Manage Workspace Trust',
      );
      if (action) await vscode.commands.executeCommand('workbench.trust.manage');
      return;
    }
    if (m.type === 'scratch') {
      const example = findExample(node.topic, m.example);
      if (!example) return;
      const doc = await vscode.workspace.openTextDocument({ language: 'python', content: example.code });
      await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
      return;
    }
    if (m.type === 'exercise') {
      const ref = findExercise(this.deps.syllabus.syllabus, m.key);
      if (ref) await vscode.commands.executeCommand(Commands.generatePracticeFile, { kind: 'exercise', ref });
      return;
    }
    if (m.type === 'quiz') await vscode.commands.executeCommand(Commands.startTopicQuiz, node);
  }

  /** Runs an example and posts its output; the code comes from the syllabus, never from the page. */
  async run(node: TopicNode, id: string): Promise<void> {
    const example = findExample(node.topic, id);
    if (!example) return;
    this.runs.get(id)?.abort();
    const controller = new AbortController();
    this.runs.set(id, controller);
    this.post({ type: 'output', example: id, running: true });
    const outcome = await this.deps.checks.runExample(example.code, example.stdin, controller.signal);
    if (this.runs.get(id) === controller) this.runs.delete(id);
    const r = outcome.report;
    const problem = outcome.blocked ?? outcome.interpreterProblem ?? r?.problem;
    this.post({
      type: 'output',
      example: id,
      running: false,
      stdout: r?.stdout ?? '',
      stderr: r?.stderr ?? '',
      ...(problem ? { problem } : {}),
      ...(r && !problem ? { matches: matchesLesson(example, r) } : {}),
    });
    if (outcome.interpreterProblem)
      void vscode.window
        .showErrorMessage(outcome.interpreterProblem, 'Select Python Interpreter')
        .then((a) => a && vscode.commands.executeCommand(Commands.selectInterpreter));
  }

  private stopRuns(): void {
    for (const c of this.runs.values()) c.abort();
    this.runs.clear();
  }

  dispose(): void {
    this.stopRuns();
    this.host.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
