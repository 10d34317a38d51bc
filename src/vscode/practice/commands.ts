// The practice commands: Generate Practice File, Show Hint, Show Solution, Reset Exercise, Open Topic
// and Reset Topic Progress. Each returns its result so tests and other commands can use it.
import * as vscode from 'vscode';
import { settingId } from '../../core/config';
import { ExerciseRef } from '../../core/syllabus/model';
import { forget, revealHint, solutionStanding, topicKeys } from '../../core/progress/progress';
import { instantiate } from '../../core/syllabus/variants';
import { Commands } from '../../ids';
import { Configuration } from '../config';
import { ProgressStore } from '../progress/store';
import { SyllabusService } from '../syllabus/service';
import { TreeNode } from '../syllabus/tree';
import { PracticeFiles } from './files';
import { pickExercise, pickTopic, topicFrom } from './pickers';
import { SolutionDocuments } from './solutions';

/** What the practice commands need. */
export interface PracticeDeps {
  syllabus: SyllabusService;
  progress: ProgressStore;
  practice: PracticeFiles;
  config: Configuration;
  /** A practice file was written or reset: mirror it in the Test Explorer, clear its diagnostics. */
  changed(ref: ExerciseRef, uri: vscode.Uri, reset: boolean): Promise<void>;
}

/** Options tests pass to skip modal questions. */
interface ConfirmOptions {
  confirmed?: boolean;
}

/** The exercise (and its file, if any) a command is about: tree node, file URI, the active editor, or a pick. */
async function target(deps: PracticeDeps, arg: unknown): Promise<{ ref: ExerciseRef; uri?: vscode.Uri } | undefined> {
  const node = arg as TreeNode | undefined;
  if (node?.kind === 'exercise') return { ref: node.ref, uri: await deps.practice.existing(node.ref) };
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  const document = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const ref = uri && deps.practice.exerciseFor(uri, document?.getText());
  if (ref) return { ref, uri: deps.practice.mainFile(ref, uri) };
  const picked = await pickExercise(deps.syllabus, deps.progress, 'Cert Path: choose an exercise');
  return picked && { ref: picked, uri: await deps.practice.existing(picked) };
}

async function generate(deps: PracticeDeps, arg?: unknown): Promise<vscode.Uri | undefined> {
  const node = arg as TreeNode | undefined;
  const ref =
    node?.kind === 'exercise'
      ? node.ref
      : await pickExercise(deps.syllabus, deps.progress, 'Cert Path: Generate Practice File');
  if (!ref) return undefined;
  const generated = await deps.practice.generate(ref);
  if (generated) await deps.changed(ref, generated.uri, false);
  return generated?.uri;
}

async function showHint(deps: PracticeDeps, arg?: unknown): Promise<string | undefined> {
  const t = await target(deps, arg);
  if (!t) return undefined;
  const hints = (t.uri ? (await deps.practice.variant(t.ref, t.uri)).exercise : instantiate(t.ref.exercise, 1).exercise)
    .hints;
  let shown = 0;
  await deps.progress.update((s) => {
    const next = revealHint(s, t.ref.key, hints.length);
    shown = next.shown;
    return next.state;
  });
  const text = `Hint ${shown}/${hints.length} · ${t.ref.exercise.title}: ${hints[shown - 1]}`;
  void vscode.window
    .showInformationMessage(text, ...(shown < hints.length ? ['Next Hint'] : []))
    .then((a) => a && vscode.commands.executeCommand(Commands.showHint, t.uri ?? { kind: 'exercise', ref: t.ref }));
  return hints[shown - 1];
}

async function showSolution(deps: PracticeDeps, arg?: unknown): Promise<vscode.Uri | undefined> {
  const t = await target(deps, arg);
  if (!t) return undefined;
  const standing = solutionStanding(
    deps.progress.current.exercises[t.ref.key],
    deps.config.get(t.uri).solutionAfterFailedRuns,
  );
  if (!standing.unlocked) {
    const left = standing.needed - standing.failedRuns;
    const message = `The reference solution of "${t.ref.exercise.title}" unlocks once you pass, or after ${left} more failed run${left === 1 ? '' : 's'} (setting ${settingId('solutionAfterFailedRuns')}). A hint may help first.`;
    void vscode.window
      .showInformationMessage(message, 'Show Hint')
      .then((a) => a && vscode.commands.executeCommand(Commands.showHint, t.uri ?? { kind: 'exercise', ref: t.ref }));
    return undefined;
  }
  const uri = SolutionDocuments.uriFor(t.ref, t.uri ? (await deps.practice.variant(t.ref, t.uri)).seed : undefined);
  const document = await vscode.languages.setTextDocumentLanguage(
    await vscode.workspace.openTextDocument(uri),
    'python',
  );
  await vscode.window.showTextDocument(document, {
    viewColumn: vscode.ViewColumn.Beside,
    preview: true,
    preserveFocus: true,
  });
  return uri;
}

async function resetExercise(deps: PracticeDeps, arg?: unknown, options?: ConfirmOptions): Promise<string | undefined> {
  const t = await target(deps, arg);
  if (!t?.uri) {
    if (t)
      void vscode.window.showInformationMessage(
        `"${t.ref.exercise.title}" has no practice file yet; generate it from the Cert Path sidebar.`,
      );
    return undefined;
  }
  if (!options?.confirmed) {
    const answer = await vscode.window.showWarningMessage(
      `Restore the starter code of "${t.ref.exercise.title}"? Your current version is kept as a .bak.py copy beside it.`,
      { modal: true },
      'Reset Exercise',
    );
    if (answer !== 'Reset Exercise') return undefined;
  }
  const uri = t.uri;
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) await open.save(); // the backup must hold what the learner sees
  const backups = await deps.practice.reset(t.ref, uri);
  await deps.changed(t.ref, uri, true);
  const fresh = t.ref.exercise.params ? ' with a fresh variant' : '';
  void vscode.window.showInformationMessage(
    `Restored the starter code of "${t.ref.exercise.title}"${fresh}. Your version is kept as ${backups.join(', ')}.`,
  );
  return backups[0];
}

async function resetTopic(deps: PracticeDeps, arg?: unknown, options?: ConfirmOptions): Promise<boolean> {
  const node = topicFrom(arg) ?? (await pickTopic(deps.syllabus, 'Cert Path: Reset Topic Progress'));
  if (!node) return false;
  if (!options?.confirmed) {
    const question = `Reset your progress on "${node.topic.title}"? Its ${node.topic.exercises.length} exercises go back to not started. Your practice files are kept.`;
    const answer = await vscode.window.showWarningMessage(question, { modal: true }, 'Reset Progress');
    if (answer !== 'Reset Progress') return false;
  }
  await deps.progress.update((s) => forget(s, topicKeys(node.cert.id, node.topic)));
  return true;
}

/** Registers the practice commands; the disposables go into context.subscriptions. */
export function registerPracticeCommands(deps: PracticeDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(Commands.generatePracticeFile, (arg?: unknown) => generate(deps, arg)),
    vscode.commands.registerCommand(Commands.showHint, (arg?: unknown) => showHint(deps, arg)),
    vscode.commands.registerCommand(Commands.showSolution, (arg?: unknown) => showSolution(deps, arg)),
    vscode.commands.registerCommand(Commands.resetExercise, (arg?: unknown, options?: ConfirmOptions) =>
      resetExercise(deps, arg, options),
    ),
    vscode.commands.registerCommand(Commands.resetTopicProgress, (arg?: unknown, options?: ConfirmOptions) =>
      resetTopic(deps, arg, options),
    ),
  ];
}
