// The palette and tree commands. Each returns its result so tests and other commands can use it.
import * as vscode from 'vscode';
import { allExercises, ExerciseRef } from '../core/model';
import { exerciseStatus, forget, topicKeys } from '../core/progress';
import { RunResult, summarize } from '../core/results';
import { renderTopicPage } from '../core/topicPage';
import { Commands, TOPIC_SCHEME } from '../ids';
import { InterpreterService } from './interpreters';
import { CheckService, PracticeFiles } from './practice';
import { ProgressStore, SyllabusService } from './services';
import { TreeNode } from './tree';

/** What the commands need. */
export interface CommandDeps {
  syllabus: SyllabusService;
  progress: ProgressStore;
  practice: PracticeFiles;
  checks: CheckService;
  interpreters: InterpreterService;
  output: vscode.OutputChannel;
  topicPages: TopicPages;
}

/** Options tests pass to skip modal questions. */
interface ResetOptions {
  confirmed?: boolean;
}

const STATUS_ICON = { notStarted: '$(circle-large-outline)', attempted: '$(circle-large-filled)', failed: '$(error)', passed: '$(pass-filled)' };

/** Serves the read-only Markdown topic pages (`cert-path-topic:/cert/topic.md`). */
export class TopicPages implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly open = new Set<string>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly syllabus: SyllabusService, private readonly progress: ProgressStore) {
    this.subscription = progress.onDidChange(() => {
      for (const uri of this.open) this.changed.fire(vscode.Uri.parse(uri));
    });
  }

  /** The page's URI for a topic. */
  uriFor(certId: string, topicId: string): vscode.Uri {
    return vscode.Uri.from({ scheme: TOPIC_SCHEME, path: `/${certId}/${topicId}.md` });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    this.open.add(uri.toString());
    const [, certId, file] = uri.path.split('/');
    const topicId = file?.replace(/\.md$/, '');
    for (const cert of this.syllabus.syllabus.certifications) {
      if (cert.kind !== 'exam' || cert.id !== certId) continue;
      for (const domain of cert.domains) {
        const topic = domain.topics.find((t) => t.id === topicId);
        if (topic) return renderTopicPage(cert, domain, topic, this.progress.current);
      }
    }
    return `# Topic not found\n\nThe syllabus has no topic \`${certId}/${topicId}\`.`;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

async function pickExercise(deps: CommandDeps, title: string): Promise<ExerciseRef | undefined> {
  type Item = vscode.QuickPickItem & { ref?: ExerciseRef };
  const items: Item[] = [];
  let lastTopic = '';
  for (const ref of allExercises(deps.syllabus.syllabus)) {
    const topic = `${ref.cert.shortTitle} › ${ref.topic.title}`;
    if (topic !== lastTopic) {
      items.push({ label: topic, kind: vscode.QuickPickItemKind.Separator });
      lastTopic = topic;
    }
    const status = exerciseStatus(deps.progress.current.exercises[ref.key]);
    items.push({ label: `${STATUS_ICON[status]} ${ref.exercise.title}`, description: ref.exercise.difficulty, detail: ref.exercise.prompt.split('\n')[0], ref });
  }
  const picked = await vscode.window.showQuickPick(items, { title, matchOnDescription: true, matchOnDetail: true, placeHolder: 'Type to search exercises' });
  return picked?.ref;
}

async function pickTopic(deps: CommandDeps, title: string): Promise<Extract<TreeNode, { kind: 'topic' }> | undefined> {
  type Item = vscode.QuickPickItem & { node?: Extract<TreeNode, { kind: 'topic' }> };
  const items: Item[] = [];
  for (const cert of deps.syllabus.syllabus.certifications) {
    if (cert.kind !== 'exam') continue;
    items.push({ label: cert.shortTitle, kind: vscode.QuickPickItemKind.Separator });
    for (const domain of cert.domains) {
      for (const topic of domain.topics) items.push({ label: topic.title, description: domain.title, node: { kind: 'topic', cert, domain, topic } });
    }
  }
  return (await vscode.window.showQuickPick(items, { title, matchOnDescription: true }))?.node;
}

function topicFrom(arg: unknown): Extract<TreeNode, { kind: 'topic' }> | undefined {
  const node = arg as TreeNode | undefined;
  if (node?.kind === 'topic') return node;
  if (node?.kind === 'exercise') return { kind: 'topic', cert: node.ref.cert, domain: node.ref.domain, topic: node.ref.topic };
  return undefined;
}

function reportInterpreterProblem(message: string): void {
  void vscode.window.showErrorMessage(message, 'Select Python Interpreter').then((action) => {
    if (action) void vscode.commands.executeCommand(Commands.selectInterpreter);
  });
}

function announce(deps: CommandDeps, ref: ExerciseRef, result: RunResult): void {
  const where = `${ref.cert.shortTitle} › ${ref.topic.title} › ${ref.exercise.title}`;
  if (result.outcome === 'passed') {
    const topicDone = topicKeys(ref.cert.id, ref.topic).every((k) => exerciseStatus(deps.progress.current.exercises[k]) === 'passed');
    void vscode.window.showInformationMessage(`${where}: all ${result.checks.length} checks passed.${topicDone ? ` Topic "${ref.topic.title}" is complete!` : ''}`);
  } else if (result.outcome !== 'cancelled') {
    void vscode.window.showWarningMessage(`${where}: ${summarize(result)}`, 'Show Output').then((a) => a && deps.output.show(true));
  }
}

/** Registers every command; the returned disposables go into context.subscriptions. */
export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const generate = async (arg?: unknown): Promise<vscode.Uri | undefined> => {
    const node = arg as TreeNode | undefined;
    const ref = node?.kind === 'exercise' ? node.ref : await pickExercise(deps, 'Cert Path: Generate Practice File');
    if (!ref) return undefined;
    return (await deps.practice.generate(ref))?.uri;
  };

  const run = async (arg?: unknown): Promise<RunResult | undefined> => {
    let uri: vscode.Uri | undefined;
    let ref: ExerciseRef | undefined;
    const node = arg as TreeNode | undefined;
    if (node?.kind === 'exercise') {
      ref = node.ref;
      uri = (await deps.practice.generate(ref))?.uri; // opens (or creates) the file the run is for
    } else {
      uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    }
    if (!uri) {
      void vscode.window.showInformationMessage('Open a Cert Path practice file first, or generate one from the Cert Path sidebar.', 'Generate Practice File').then((a) => a && vscode.commands.executeCommand(Commands.generatePracticeFile));
      return undefined;
    }
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Cert Path runs checks only in a trusted workspace: running them executes the code in this file with your Python. Trust this workspace to run checks.', 'Manage Workspace Trust').then((a) => a && vscode.commands.executeCommand('workbench.trust.manage'));
      return undefined;
    }
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri!.toString());
    if (document?.isDirty) await document.save();
    ref ??= deps.practice.exerciseFor(uri, document?.getText() ?? new TextDecoder().decode(await vscode.workspace.fs.readFile(uri).then((b) => b, () => new Uint8Array())));
    if (!ref) {
      void vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(uri)} is not a Cert Path practice file for any exercise in the syllabus. Generate one from the Cert Path sidebar.`);
      return undefined;
    }
    const target = ref;
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Cert Path: checking ${target.exercise.title}`, cancellable: true },
      (_progress, token) => deps.checks.run(target, uri!, token),
    );
    if (outcome.interpreterProblem) {
      reportInterpreterProblem(outcome.interpreterProblem);
      return undefined;
    }
    if (outcome.report) announce(deps, target, outcome.report.result);
    return outcome.report?.result;
  };

  const openTopic = async (arg?: unknown): Promise<vscode.Uri | undefined> => {
    const node = topicFrom(arg) ?? (await pickTopic(deps, 'Cert Path: Open Topic'));
    if (!node) return undefined;
    const uri = deps.topicPages.uriFor(node.cert.id, node.topic.id);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return uri;
  };

  const resetTopic = async (arg?: unknown, options?: ResetOptions): Promise<boolean> => {
    const node = topicFrom(arg) ?? (await pickTopic(deps, 'Cert Path: Reset Topic Progress'));
    if (!node) return false;
    if (!options?.confirmed) {
      const answer = await vscode.window.showWarningMessage(
        `Reset your progress on "${node.topic.title}"? Its ${node.topic.exercises.length} exercises go back to not started. Your practice files are kept.`,
        { modal: true },
        'Reset Progress',
      );
      if (answer !== 'Reset Progress') return false;
    }
    await deps.progress.update((s) => forget(s, topicKeys(node.cert.id, node.topic)));
    return true;
  };

  const refresh = async (): Promise<void> => {
    const syllabus = await deps.syllabus.load();
    logProblems(deps.output, syllabus.problems.map((p) => `${p.file}:${p.line}: ${p.message}`));
  };

  return [
    vscode.commands.registerCommand(Commands.generatePracticeFile, generate),
    vscode.commands.registerCommand(Commands.runChecks, run),
    vscode.commands.registerCommand(Commands.openTopic, openTopic),
    vscode.commands.registerCommand(Commands.resetTopicProgress, resetTopic),
    vscode.commands.registerCommand(Commands.selectInterpreter, () => deps.interpreters.select()),
    vscode.commands.registerCommand(Commands.refresh, refresh),
    vscode.commands.registerCommand(Commands.showOutput, () => deps.output.show()),
  ];
}

/** Writes syllabus problems to the output channel. */
export function logProblems(output: vscode.OutputChannel, problems: string[]): void {
  if (!problems.length) return;
  output.appendLine(`Syllabus problems (${problems.length}); the files named are not loaded until fixed:`);
  for (const p of problems) output.appendLine(`  ${p}`);
}
