// Cert Path: Run Checks (palette, editor title, CodeLens, tree) and what the learner is told after a
// run; Set MySQL Password for the database exercises.
import * as vscode from 'vscode';
import { ExerciseRef } from '../../core/syllabus/model';
import { exerciseStatus, topicKeys } from '../../core/progress/progress';
import { installCommand, shellKind } from '../../core/practice/install';
import { RunResult, summarize } from '../../core/runner/results';
import { LessonLink, lessonLinkForRun } from '../../core/lesson/anchor';
import { Commands, MYSQL_PASSWORD_SECRET } from '../../ids';
import { PracticeFiles } from '../practice/files';
import { ProgressStore } from '../progress/store';
import { TreeNode } from '../syllabus/tree';
import { UNTRUSTED_MESSAGE } from './service';
import { CheckTests } from './testing';

/** What the check commands need. */
export interface CheckCommandDeps {
  practice: PracticeFiles;
  progress: ProgressStore;
  tests: CheckTests;
  output: vscode.OutputChannel;
  secrets: vscode.SecretStorage;
}

function offerTrust(message: string): void {
  void vscode.window
    .showWarningMessage(message, 'Manage Workspace Trust')
    .then((a) => a && vscode.commands.executeCommand('workbench.trust.manage'));
}

/** Offers to install a missing module with the learner's interpreter; pip runs only when they click. */
function offerInstall(where: string, result: RunResult, python: string): void {
  const need = result.problem?.requirement;
  const install = need && need !== 'display' && need !== 'database' ? `Install ${need}` : undefined;
  void vscode.window
    .showWarningMessage(`${where}: ${result.problem?.message ?? 'skipped'}`, ...(install ? [install] : []))
    .then((action) => {
      if (!action || !need) return;
      const terminal = vscode.window.createTerminal({ name: `Cert Path: install ${need}` });
      terminal.show();
      terminal.sendText(installCommand(python, need, shellKind(vscode.env.shell, process.platform)));
    });
}

/** Opens the topic's lesson at the section a failed check links to. */
export function openLesson(ref: ExerciseRef, link: LessonLink): Thenable<unknown> {
  const node = { kind: 'topic', cert: ref.cert, domain: ref.domain, topic: ref.topic };
  return vscode.commands.executeCommand(Commands.openTopic, node, link.section ? { section: link.section } : {});
}

function announce(deps: CheckCommandDeps, ref: ExerciseRef, result: RunResult, python: string): void {
  const where = `${ref.cert.shortTitle} › ${ref.topic.title} › ${ref.exercise.title}`;
  if (result.outcome === 'skipped') {
    offerInstall(where, result, python);
  } else if (result.outcome === 'passed') {
    const topicDone = topicKeys(ref.cert.id, ref.topic).every(
      (k) => exerciseStatus(deps.progress.current.exercises[k]) === 'passed',
    );
    void vscode.window.showInformationMessage(
      `${where}: all ${result.checks.length} checks passed.${topicDone ? ` Topic "${ref.topic.title}" is complete!` : ''}`,
    );
  } else if (result.outcome !== 'cancelled') {
    const lesson = lessonLinkForRun(ref, result);
    const read = lesson ? 'Read the Lesson' : undefined;
    void vscode.window
      .showWarningMessage(`${where}: ${summarize(result)}`, ...(read ? [read] : []), 'Show Output')
      .then((a) => {
        if (a === 'Show Output') deps.output.show(true);
        else if (a && lesson) void openLesson(ref, lesson);
      });
  }
}

async function runAndAnnounce(
  deps: CheckCommandDeps,
  ref: ExerciseRef,
  uri: vscode.Uri,
  quietUnlessPassed = false,
): Promise<RunResult | undefined> {
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `Cert Path: checking ${ref.exercise.title}`, cancellable: true },
    (_progress, token) => deps.tests.runOne(ref, uri, 'Cert Path', token),
  );
  if (outcome.blocked) {
    offerTrust(outcome.blocked);
    return undefined;
  }
  if (outcome.interpreterProblem) {
    void vscode.window
      .showErrorMessage(outcome.interpreterProblem, 'Select Python Interpreter')
      .then((a) => a && vscode.commands.executeCommand(Commands.selectInterpreter));
    return undefined;
  }
  const report = outcome.report;
  if (report && (!quietUnlessPassed || report.result.outcome === 'passed'))
    announce(deps, ref, report.result, report.commandLine[0]);
  return report?.result;
}

/** The practice file a run is for: a tree node's (opened or created), a URI, or the active editor's. */
async function runTarget(deps: CheckCommandDeps, arg: unknown): Promise<{ uri?: vscode.Uri; ref?: ExerciseRef }> {
  const node = arg as TreeNode | undefined;
  if (node?.kind === 'exercise') return { ref: node.ref, uri: (await deps.practice.generate(node.ref))?.uri };
  return { uri: arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri };
}

async function run(
  deps: CheckCommandDeps,
  arg?: unknown,
  options?: { quietUnlessPassed?: boolean },
): Promise<RunResult | undefined> {
  const { uri, ref: fromNode } = await runTarget(deps, arg);
  if (!uri) {
    void vscode.window
      .showInformationMessage(
        'Open a Cert Path practice file first, or generate one from the Cert Path sidebar.',
        'Generate Practice File',
      )
      .then((a) => a && vscode.commands.executeCommand(Commands.generatePracticeFile));
    return undefined;
  }
  if (!vscode.workspace.isTrusted) {
    offerTrust(UNTRUSTED_MESSAGE);
    return undefined;
  }
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const text =
    document?.getText() ??
    new TextDecoder().decode(
      await Promise.resolve(vscode.workspace.fs.readFile(uri)).then(
        (b) => b,
        () => new Uint8Array(),
      ),
    );
  const ref = fromNode ?? deps.practice.exerciseFor(uri, text);
  if (!ref) {
    void vscode.window.showWarningMessage(
      `${vscode.workspace.asRelativePath(uri)} is not a Cert Path practice file for any exercise in the syllabus. Generate one from the Cert Path sidebar.`,
    );
    return undefined;
  }
  return runAndAnnounce(deps, ref, deps.practice.mainFile(ref, uri), options?.quietUnlessPassed);
}

async function setMysqlPassword(secrets: vscode.SecretStorage): Promise<void> {
  const password = await vscode.window.showInputBox({
    title: 'Cert Path: MySQL password',
    prompt: "Kept in VS Code's secret storage, never in settings. Leave empty to remove it.",
    password: true,
    ignoreFocusOut: true,
  });
  if (password === undefined) return;
  if (password) await secrets.store(MYSQL_PASSWORD_SECRET, password);
  else await secrets.delete(MYSQL_PASSWORD_SECRET);
  void vscode.window.showInformationMessage(
    password
      ? 'Cert Path stored the MySQL password in secret storage.'
      : 'Cert Path removed the stored MySQL password.',
  );
}

/** Registers Run Checks and Set MySQL Password. */
export function registerCheckCommands(deps: CheckCommandDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(Commands.runChecks, (arg?: unknown, options?: { quietUnlessPassed?: boolean }) =>
      run(deps, arg, options),
    ),
    vscode.commands.registerCommand(Commands.setMysqlPassword, () => setMysqlPassword(deps.secrets)),
  ];
}
