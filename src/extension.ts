// Entry point: builds the services, hands them to each other, and registers everything.
import * as vscode from 'vscode';
import { PROGRESS_KEY } from './core/progress/progress';
import runnerSource from './python/checklib.py';
import { Commands, ContextKeys, OUTPUT_NAME, Settings, SOLUTION_SCHEME, TOPIC_SCHEME, Views } from './ids';
import { registerCommands, TopicPages } from './vscode/practice/commands';
import { CheckDiagnostics, PracticeLenses, ProgressStatus, RunOnSave, SolutionDocuments } from './vscode/checks/feedback';
import { CheckTests } from './vscode/checks/testing';
import { InterpreterService } from './vscode/interpreter/service';
import { CheckService, PracticeFiles } from './vscode/practice/files';
import { ExamController, ExamStartOptions, ExamStore, QuestionService } from './vscode/exam/controller';
import { registerProgressTransfer } from './vscode/progress/transfer';
import { PackReader, SyllabusProblems } from './vscode/syllabus/packs';
import { SyllabusService } from './vscode/syllabus/service';
import { ProgressStore } from './vscode/progress/store';
import { SyllabusTree, TreeNode } from './vscode/syllabus/tree';
import { WalkthroughProgress } from './vscode/walkthrough/progress';

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
  exams: ExamController;
  examStore: ExamStore;
  questions: QuestionService;
  /** The raw value VS Code stored under the progress key in workspace state. */
  storedProgress(): unknown;
}

/** Called by VS Code when the sidebar opens or a command runs. */
export function activate(context: vscode.ExtensionContext): CertPathApi {
  const started = Date.now();
  const output = vscode.window.createOutputChannel(OUTPUT_NAME);
  const packs = new PackReader();
  const syllabus = new SyllabusService(vscode.Uri.joinPath(context.extensionUri, 'syllabus'), vscode.Uri.joinPath(context.extensionUri, 'dist', 'syllabus.json'), packs);
  const syllabusProblems = new SyllabusProblems(context.extensionUri, output);
  const progress = new ProgressStore(context.workspaceState);
  const interpreters = new InterpreterService(output);
  const practice = new PracticeFiles(syllabus, progress, context.globalStorageUri, runnerSource);
  const checks = new CheckService(interpreters, practice, progress, output, runnerSource, context.secrets);
  const tree = new SyllabusTree(syllabus, progress);
  const topicPages = new TopicPages(syllabus, progress);
  const view = vscode.window.createTreeView<TreeNode>(Views.syllabus, { treeDataProvider: tree, showCollapseAll: true });
  const tests = new CheckTests(syllabus, practice, checks);
  const diagnostics = new CheckDiagnostics(checks);
  const lenses = new PracticeLenses(practice, progress);
  const status = new ProgressStatus(syllabus, progress, practice, checks);
  const questions = new QuestionService(vscode.Uri.joinPath(context.extensionUri, 'syllabus', 'questions'), vscode.Uri.joinPath(context.extensionUri, 'dist', 'questions.json'), syllabus, output);
  const examStore = new ExamStore(context.workspaceState);
  const exams = new ExamController(syllabus, questions, examStore, context.extensionUri);
  const walkthrough = new WalkthroughProgress(interpreters, practice, checks, exams);
  const runOnSave = new RunOnSave(practice, (_ref, uri) => Promise.resolve(vscode.commands.executeCommand(Commands.runChecks, uri, { quietUnlessPassed: true })));
  // Practice files created or deleted outside the extension still show up in (or leave) the Test Explorer.
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.py');
  const onFile = (uri: vscode.Uri) => {
    if (!tests.isPracticePath(uri)) return;
    const ref = practice.exerciseFor(uri);
    if (ref) void tests.add(ref, practice.mainFile(ref, uri));
  };

  const setTrustMessage = () => {
    view.message = vscode.workspace.isTrusted ? undefined : 'Restricted Mode: you can browse and generate practice files; checks run once you trust this workspace.';
  };
  const updateActiveFileContext = (editor = vscode.window.activeTextEditor) => {
    const isPractice = !!editor && editor.document.languageId === 'python' && !!practice.exerciseFor(editor.document.uri, editor.document.getText());
    void vscode.commands.executeCommand('setContext', ContextKeys.activeIsPracticeFile, isPractice);
  };

  context.subscriptions.push(
    output, syllabus, syllabusProblems, progress, interpreters, practice, checks, walkthrough, tree, topicPages, view, tests, diagnostics, lenses, status, runOnSave, watcher, questions, exams,
    vscode.window.registerWebviewPanelSerializer(Views.examPanel, exams),
    vscode.commands.registerCommand(Commands.startMockExam, (cert?: unknown, options?: ExamStartOptions) => exams.startExam(typeof cert === 'string' ? cert : certOf(cert), options)),
    vscode.commands.registerCommand(Commands.startTopicQuiz, (node?: unknown, options?: ExamStartOptions) => exams.startQuiz(node, options)),
    watcher.onDidCreate(onFile),
    watcher.onDidDelete((uri) => tests.remove(uri)),
    vscode.workspace.registerTextDocumentContentProvider(TOPIC_SCHEME, topicPages),
    vscode.workspace.registerTextDocumentContentProvider(SOLUTION_SCHEME, new SolutionDocuments(syllabus)),
    vscode.languages.registerCodeLensProvider({ language: 'python' }, lenses),
    ...registerCommands({ syllabus, progress, practice, tests, diagnostics, interpreters, output, topicPages, secrets: context.secrets }),
    ...registerProgressTransfer({ syllabus, progress, examStore, exams, extensionVersion: String(context.extension.packageJSON.version) }),
    vscode.window.onDidChangeActiveTextEditor((e) => updateActiveFileContext(e)),
    vscode.workspace.onDidGrantWorkspaceTrust(setTrustMessage),
    // Packs reload when the setting changes or a pack file is saved; problems land in the Problems view.
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(`${Settings.section}.${Settings.syllabusPaths}`) && void syllabus.load()),
    vscode.workspace.onDidSaveTextDocument((d) => packs.isPackFile(d.uri) && void syllabus.load()),
    syllabus.onDidChange((s) => {
      syllabusProblems.show(s);
      void vscode.commands.executeCommand('setContext', ContextKeys.syllabusEmpty, s.certifications.length === 0);
      updateActiveFileContext();
    }),
  );
  setTrustMessage();
  if (progress.droppedOnLoad) output.appendLine(`Stored progress had ${progress.droppedOnLoad} unreadable entr${progress.droppedOnLoad === 1 ? 'y' : 'ies'}; kept aside under certPath.progress.unreadable.`);

  const loaded = syllabus.loadFast().then(() => {
    tree.getChildren();
    return Date.now() - started;
  });
  return { syllabus, progress, tree, practice, tests, diagnostics, status, exams, examStore, questions, firstTreeAnswerMs: loaded, storedProgress: () => context.workspaceState.get(PROGRESS_KEY) };
}

/** The certification id of a tree node (the Start Mock Exam action on a certification). */
function certOf(node: unknown): string | undefined {
  const n = node as TreeNode | undefined;
  return n && (n.kind === 'cert' || n.kind === 'domain' || n.kind === 'topic') ? n.cert.id : undefined;
}

/** Nothing to do: every resource is in context.subscriptions. */
export function deactivate(): void {}
