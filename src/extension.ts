// Entry point: creates each feature (src/vscode/<feature>/register.ts) and hands them to each other.
// Every disposable a feature creates goes into context.subscriptions.
import * as vscode from 'vscode';
import { PROGRESS_KEY } from './core/progress/progress';
import runnerSource from './python/checklib.py';
import { OUTPUT_NAME } from './ids';
import { registerChecks } from './vscode/checks/register';
import { CheckDiagnostics } from './vscode/checks/diagnostics';
import { ProgressStatus } from './vscode/checks/status';
import { CheckTests } from './vscode/checks/testing';
import { Configuration } from './vscode/config';
import { ExamController } from './vscode/exam/controller';
import { registerExam } from './vscode/exam/register';
import { registerLessons } from './vscode/lesson/register';
import { registerVerify } from './vscode/verify/register';
import { registerReadiness } from './vscode/readiness/register';
import { ReadinessStore } from './vscode/readiness/store';
import { ReadinessDashboard } from './vscode/readiness/dashboard';
import { LessonPages } from './vscode/lesson/pages';
import { QuestionService } from './vscode/exam/questions';
import { ExamStore } from './vscode/exam/store';
import { registerInterpreter } from './vscode/interpreter/register';
import { PracticeFiles } from './vscode/practice/files';
import { registerPractice } from './vscode/practice/register';
import { ProgressStore } from './vscode/progress/store';
import { registerProgressTransfer } from './vscode/progress/transfer';
import { registerSyllabus } from './vscode/syllabus/register';
import { SyllabusService } from './vscode/syllabus/service';
import { SyllabusTree } from './vscode/syllabus/tree';
import { registerWalkthrough } from './vscode/walkthrough/progress';

/** Set by the bundle's first line (esbuild.js), so the bundle's own load time can be told from the host's work. */
declare const CERT_PATH_BUNDLE_START: number | undefined;

/** What activate() returns: read-only access used by the integration tests. */
export interface CertPathApi {
  syllabus: SyllabusService;
  progress: ProgressStore;
  tree: SyllabusTree;
  practice: PracticeFiles;
  tests: CheckTests;
  diagnostics: CheckDiagnostics;
  status: ProgressStatus;
  /** Milliseconds from activate() to the tree's first top-level answer with the full syllabus. */
  firstTreeAnswerMs: Promise<number>;
  /** Milliseconds the extension's own code took: evaluating the bundle, plus activate() itself. */
  ownActivationMs: number;
  exams: ExamController;
  examStore: ExamStore;
  questions: QuestionService;
  lessons: LessonPages;
  readiness: ReadinessStore;
  dashboard: ReadinessDashboard;
  /** The raw value VS Code stored under the progress key in workspace state. */
  storedProgress(): unknown;
  /** How many pre-started check runners are waiting (none in an untrusted workspace). */
  warmRunners(): number;
}

/** Called by VS Code when the sidebar opens or a command runs. */
export function activate(context: vscode.ExtensionContext): CertPathApi {
  const started = Date.now();
  const output = vscode.window.createOutputChannel(OUTPUT_NAME);
  const config = new Configuration();
  const progress = new ProgressStore(context.workspaceState);
  context.subscriptions.push(output, config, progress);
  const { syllabus, tree } = registerSyllabus({ context, output, config, progress });
  const interpreters = registerInterpreter({ context, output, config });
  const practice = registerPractice({ context, syllabus, progress, config, runnerSource });
  const { checks, tests, diagnostics, status } = registerChecks({
    context,
    output,
    config,
    syllabus,
    progress,
    interpreters,
    practice,
    runnerSource,
  });
  const { questions, examStore, exams } = registerExam({ context, output, syllabus });
  const lessons = registerLessons({
    context,
    syllabus,
    progress,
    questions,
    checks,
    extensionUri: context.extensionUri,
  });
  registerVerify({ context, syllabus, interpreters, config, output, runnerSource });
  const { readiness, dashboard } = registerReadiness({
    context,
    syllabus,
    progress,
    practice: practice.practice,
    checks,
    examStore,
    exams,
  });
  registerProgressTransfer({ context, syllabus, progress, examStore, exams, readiness });
  registerWalkthrough({ context, config, interpreters, practice: practice.practice, checks, exams });
  if (progress.droppedOnLoad)
    output.appendLine(
      `Stored progress had ${progress.droppedOnLoad} unreadable entr${progress.droppedOnLoad === 1 ? 'y' : 'ies'}; kept aside under ${PROGRESS_KEY}.unreadable.`,
    );

  const loaded = syllabus.loadFast().then(() => {
    tree.getChildren();
    return Date.now() - started;
  });
  return {
    syllabus,
    progress,
    tree,
    practice: practice.practice,
    tests,
    diagnostics,
    status,
    exams,
    examStore,
    questions,
    lessons,
    readiness,
    dashboard,
    firstTreeAnswerMs: loaded,
    ownActivationMs: bundleLoadMs + (Date.now() - started),
    storedProgress: () => context.workspaceState.get(PROGRESS_KEY),
    warmRunners: () => checks.warm.size,
  };
}

/** Nothing to do: every resource is in context.subscriptions. */
export function deactivate(): void {}

// Last statement of the bundle (the entry module is evaluated after everything it imports); the host
// may then wait for the extension's context before it calls activate(), which is not this code's time.
const bundleLoadMs = typeof CERT_PATH_BUNDLE_START === 'number' ? Date.now() - CERT_PATH_BUNDLE_START : 0;
