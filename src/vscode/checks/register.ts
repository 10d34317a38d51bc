// The checks feature: running checks, the Test Explorer, diagnostics, the status bar count, watch mode
// (run on save and continuous runs), the practice-file watcher and the Run Checks command.
import * as vscode from 'vscode';
import { Commands, ContextKeys } from '../../ids';
import { Configuration } from '../config';
import { InterpreterService } from '../interpreter/service';
import { PracticeFeature } from '../practice/register';
import { ProgressStore } from '../progress/store';
import { SyllabusService } from '../syllabus/service';
import { registerCheckCommands } from './commands';
import { CheckDiagnostics } from './diagnostics';
import { LessonActions } from './lessonActions';
import { CheckService } from './service';
import { ProgressStatus } from './status';
import { CheckTests } from './testing';
import { SaveWatch } from './watch';

/** What the checks feature needs. */
export interface ChecksDeps {
  context: vscode.ExtensionContext;
  output: vscode.OutputChannel;
  config: Configuration;
  syllabus: SyllabusService;
  progress: ProgressStore;
  interpreters: InterpreterService;
  practice: PracticeFeature;
  runnerSource: string;
}

/** Creates the checks services and registers their events and commands. */
export function registerChecks(deps: ChecksDeps): {
  checks: CheckService;
  tests: CheckTests;
  diagnostics: CheckDiagnostics;
  status: ProgressStatus;
} {
  const { context, config, syllabus, progress, interpreters } = deps;
  const practice = deps.practice.practice;
  const checks = new CheckService(
    interpreters,
    practice,
    progress,
    config,
    deps.output,
    deps.runnerSource,
    context.secrets,
  );
  const watch = new SaveWatch(practice);
  const tests = new CheckTests(syllabus, practice, checks, watch);
  const diagnostics = new CheckDiagnostics(checks);
  const status = new ProgressStatus(syllabus, progress, practice, checks);
  deps.practice.onChanged = async (ref, uri, reset) => {
    if (reset) diagnostics.clear(uri);
    await tests.add(ref, uri);
  };
  // Practice files created or deleted outside the extension show up in (or leave) the Test Explorer.
  // A deleted folder arrives as one event for the folder, so deletions are watched for every path.
  const created = vscode.workspace.createFileSystemWatcher('**/*.py', false, true, true);
  const deleted = vscode.workspace.createFileSystemWatcher('**', true, true, false);
  const updateActiveFileContext = (editor = vscode.window.activeTextEditor) => {
    const isPractice =
      !!editor &&
      editor.document.languageId === 'python' &&
      !!practice.exerciseFor(editor.document.uri, editor.document.getText());
    void vscode.commands.executeCommand('setContext', ContextKeys.activeIsPracticeFile, isPractice);
    // A practice file in view: have a runner ready before the learner presses Run.
    if (isPractice && editor) void checks.prewarm(editor.document.uri);
  };
  context.subscriptions.push(
    checks,
    watch,
    tests,
    diagnostics,
    vscode.languages.registerCodeActionsProvider({ language: 'python' }, new LessonActions(), {
      providedCodeActionKinds: LessonActions.kinds,
    }),
    status,
    created,
    deleted,
    created.onDidCreate((uri) => {
      const ref = practice.isPracticePath(uri) ? practice.exerciseFor(uri) : undefined;
      if (ref) void tests.add(ref, practice.mainFile(ref, uri));
    }),
    deleted.onDidDelete((uri) => tests.remove(uri)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => updateActiveFileContext()),
    // Another practice folder holds other files: find them again.
    config.onChange(['practiceFolder'], () => void tests.discover()),
    watch.watch({
      wants: (_ref, main) => config.get(main).runOnSave,
      run: (_ref, main) =>
        Promise.resolve(vscode.commands.executeCommand(Commands.runChecks, main, { quietUnlessPassed: true })),
    }),
    vscode.window.onDidChangeActiveTextEditor((e) => updateActiveFileContext(e)),
    syllabus.onDidChange(() => updateActiveFileContext()),
    ...registerCheckCommands({ practice, progress, tests, output: deps.output, secrets: context.secrets }),
  );
  return { checks, tests, diagnostics, status };
}
