// The palette and tree commands. Each returns its result so tests and other commands can use it.
import * as vscode from 'vscode';
import { allExercises, ExerciseRef } from '../../core/syllabus/model';
import { exerciseStatus, forget, revealHint, solutionStanding, topicKeys } from '../../core/progress/progress';
import { RunResult, summarize } from '../../core/runner/results';
import { renderTopicPage } from '../../core/practice/topicPage';
import { instantiate } from '../../core/syllabus/variants';
import { Commands, MYSQL_PASSWORD_SECRET, TOPIC_SCHEME } from '../../ids';
import { UNTRUSTED_MESSAGE } from './files';
import { CheckDiagnostics, failedRunsForSolution, SolutionDocuments } from '../checks/feedback';
import { InterpreterService } from '../interpreter/service';
import { PracticeFiles } from './files';
import { SyllabusService } from '../syllabus/service';
import { ProgressStore } from '../progress/store';
import { CheckTests } from '../checks/testing';
import { TreeNode } from '../syllabus/tree';

/** What the commands need. */
export interface CommandDeps {
  syllabus: SyllabusService;
  progress: ProgressStore;
  practice: PracticeFiles;
  tests: CheckTests;
  diagnostics: CheckDiagnostics;
  interpreters: InterpreterService;
  output: vscode.OutputChannel;
  topicPages: TopicPages;
  secrets: vscode.SecretStorage;
}

/** Options tests pass to skip modal questions. */
interface ConfirmOptions {
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

/** Asks for a topic in a quick pick grouped by certification. */
export async function pickTopic(deps: { syllabus: SyllabusService }, title: string): Promise<Extract<TreeNode, { kind: 'topic' }> | undefined> {
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

/** The topic a tree node (topic or exercise) belongs to. */
export function topicFrom(arg: unknown): Extract<TreeNode, { kind: 'topic' }> | undefined {
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

function announce(deps: CommandDeps, ref: ExerciseRef, result: RunResult, interpreter: string): void {
  const where = `${ref.cert.shortTitle} › ${ref.topic.title} › ${ref.exercise.title}`;
  const need = result.problem?.requirement;
  if (result.outcome === 'skipped') {
    // Offer to install a missing module, but only run pip when the learner clicks.
    const install = need && need !== 'display' && need !== 'database' ? `Install ${need}` : undefined;
    void vscode.window.showWarningMessage(`${where}: ${result.problem?.message ?? 'skipped'}`, ...(install ? [install] : [])).then((action) => {
      if (!action || !need) return;
      const terminal = vscode.window.createTerminal({ name: `Cert Path: install ${need}` });
      terminal.show();
      terminal.sendText(`${JSON.stringify(interpreter)} -m pip install ${need}`);
    });
  } else if (result.outcome === 'passed') {
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
    const generated = await deps.practice.generate(ref);
    if (generated) await deps.tests.add(ref, generated.uri);
    return generated?.uri;
  };

  const run = async (arg?: unknown, options?: { quietUnlessPassed?: boolean }): Promise<RunResult | undefined> => {
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
      void vscode.window.showWarningMessage(UNTRUSTED_MESSAGE, 'Manage Workspace Trust').then((a) => a && vscode.commands.executeCommand('workbench.trust.manage'));
      return undefined;
    }
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri!.toString());
    ref ??= deps.practice.exerciseFor(uri, document?.getText() ?? new TextDecoder().decode(await vscode.workspace.fs.readFile(uri).then((b) => b, () => new Uint8Array())));
    if (!ref) {
      void vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(uri)} is not a Cert Path practice file for any exercise in the syllabus. Generate one from the Cert Path sidebar.`);
      return undefined;
    }
    return runAndAnnounce(ref, deps.practice.mainFile(ref, uri), options?.quietUnlessPassed);
  };

  const runAndAnnounce = async (ref: ExerciseRef, uri: vscode.Uri, quietUnlessPassed = false): Promise<RunResult | undefined> => {
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Cert Path: checking ${ref.exercise.title}`, cancellable: true },
      (_progress, token) => deps.tests.runOne(ref, uri, 'Cert Path', token),
    );
    if (outcome.blocked) {
      void vscode.window.showWarningMessage(outcome.blocked, 'Manage Workspace Trust').then((a) => a && vscode.commands.executeCommand('workbench.trust.manage'));
      return undefined;
    }
    if (outcome.interpreterProblem) {
      reportInterpreterProblem(outcome.interpreterProblem);
      return undefined;
    }
    if (outcome.report && (!quietUnlessPassed || outcome.report.result.outcome === 'passed')) announce(deps, ref, outcome.report.result, outcome.report.commandLine[0]);
    return outcome.report?.result;
  };

  /** The exercise (and its file, if any) a command is about: tree node, file URI, or the active editor. */
  const target = async (arg: unknown): Promise<{ ref: ExerciseRef; uri?: vscode.Uri } | undefined> => {
    const node = arg as TreeNode | undefined;
    if (node?.kind === 'exercise') return { ref: node.ref, uri: await deps.practice.existing(node.ref) };
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    const document = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const ref = uri && deps.practice.exerciseFor(uri, document?.getText());
    if (ref) return { ref, uri: deps.practice.mainFile(ref, uri) };
    return (async () => {
      const picked = await pickExercise(deps, 'Cert Path: choose an exercise');
      return picked && { ref: picked, uri: await deps.practice.existing(picked) };
    })();
  };

  const showHint = async (arg?: unknown): Promise<string | undefined> => {
    const t = await target(arg);
    if (!t) return undefined;
    const hints = (t.uri ? (await deps.practice.variant(t.ref, t.uri)).exercise : instantiate(t.ref.exercise, 1).exercise).hints;
    let shown = 0;
    await deps.progress.update((s) => {
      const next = revealHint(s, t.ref.key, hints.length);
      shown = next.shown;
      return next.state;
    });
    const text = `Hint ${shown}/${hints.length} · ${t.ref.exercise.title}: ${hints[shown - 1]}`;
    void vscode.window.showInformationMessage(text, ...(shown < hints.length ? ['Next Hint'] : [])).then((a) => a && vscode.commands.executeCommand(Commands.showHint, t.uri ?? { kind: 'exercise', ref: t.ref }));
    return hints[shown - 1];
  };

  const showSolution = async (arg?: unknown): Promise<vscode.Uri | undefined> => {
    const t = await target(arg);
    if (!t) return undefined;
    const standing = solutionStanding(deps.progress.current.exercises[t.ref.key], failedRunsForSolution());
    if (!standing.unlocked) {
      const left = standing.needed - standing.failedRuns;
      void vscode.window.showInformationMessage(`The reference solution of "${t.ref.exercise.title}" unlocks once you pass, or after ${left} more failed run${left === 1 ? '' : 's'} (setting certPath.solutionAfterFailedRuns). A hint may help first.`, 'Show Hint').then((a) => a && vscode.commands.executeCommand(Commands.showHint, t.uri ?? { kind: 'exercise', ref: t.ref }));
      return undefined;
    }
    const uri = SolutionDocuments.uriFor(t.ref, t.uri ? (await deps.practice.variant(t.ref, t.uri)).seed : undefined);
    const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'python');
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    return uri;
  };

  const resetExercise = async (arg?: unknown, options?: ConfirmOptions): Promise<string | undefined> => {
    const t = await target(arg);
    if (!t?.uri) {
      if (t) void vscode.window.showInformationMessage(`"${t.ref.exercise.title}" has no practice file yet; generate it from the Cert Path sidebar.`);
      return undefined;
    }
    if (!options?.confirmed) {
      const answer = await vscode.window.showWarningMessage(`Restore the starter code of "${t.ref.exercise.title}"? Your current version is kept as a .bak.py copy beside it.`, { modal: true }, 'Reset Exercise');
      if (answer !== 'Reset Exercise') return undefined;
    }
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === t.uri!.toString());
    if (open?.isDirty) await open.save(); // the backup must hold what the learner sees
    const backups = await deps.practice.reset(t.ref, t.uri);
    deps.diagnostics.clear(t.uri);
    await deps.tests.add(t.ref, t.uri);
    const fresh = t.ref.exercise.params ? ' with a fresh variant' : '';
    void vscode.window.showInformationMessage(`Restored the starter code of "${t.ref.exercise.title}"${fresh}. Your version is kept as ${backups.join(', ')}.`);
    return backups[0];
  };

  const openTopic = async (arg?: unknown): Promise<vscode.Uri | undefined> => {
    const node = topicFrom(arg) ?? (await pickTopic(deps, 'Cert Path: Open Topic'));
    if (!node) return undefined;
    const uri = deps.topicPages.uriFor(node.cert.id, node.topic.id);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return uri;
  };

  const resetTopic = async (arg?: unknown, options?: ConfirmOptions): Promise<boolean> => {
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

  // Problems of the reload reach the Problems view and the output through SyllabusProblems.
  const refresh = async (): Promise<void> => {
    await deps.syllabus.load();
  };

  return [
    vscode.commands.registerCommand(Commands.generatePracticeFile, generate),
    vscode.commands.registerCommand(Commands.runChecks, run),
    vscode.commands.registerCommand(Commands.openTopic, openTopic),
    vscode.commands.registerCommand(Commands.resetTopicProgress, resetTopic),
    vscode.commands.registerCommand(Commands.selectInterpreter, () => deps.interpreters.select()),
    vscode.commands.registerCommand(Commands.refresh, refresh),
    vscode.commands.registerCommand(Commands.showOutput, () => deps.output.show()),
    vscode.commands.registerCommand(Commands.showHint, showHint),
    vscode.commands.registerCommand(Commands.showSolution, showSolution),
    vscode.commands.registerCommand(Commands.resetExercise, resetExercise),
    vscode.commands.registerCommand(Commands.setMysqlPassword, async () => {
      const password = await vscode.window.showInputBox({ title: 'Cert Path: MySQL password', prompt: 'Kept in VS Code\'s secret storage, never in settings. Leave empty to remove it.', password: true, ignoreFocusOut: true });
      if (password === undefined) return;
      if (password) await deps.secrets.store(MYSQL_PASSWORD_SECRET, password);
      else await deps.secrets.delete(MYSQL_PASSWORD_SECRET);
      void vscode.window.showInformationMessage(password ? 'Cert Path stored the MySQL password in secret storage.' : 'Cert Path removed the stored MySQL password.');
    }),
  ];
}
