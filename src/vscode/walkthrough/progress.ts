// Completes the Get Started walkthrough's steps from what the learner really did. VS Code completes
// a step when its `onContext:` key becomes true and remembers that itself, so each key is only ever
// set to true, once, and only by the event that proves the step's action happened.
import * as vscode from 'vscode';
import { ContextKeys } from '../../ids';
import { Configuration } from '../config';
import { ExamController } from '../exam/controller';
import { InterpreterService } from '../interpreter/service';
import { PracticeFiles } from '../practice/files';
import { CheckService } from '../checks/service';

/** Sets the walkthrough's context keys when an interpreter is chosen, a file generated, checks run, an exam opened. */
export class WalkthroughProgress implements vscode.Disposable {
  private readonly done = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    config: Configuration,
    interpreters: InterpreterService,
    practice: PracticeFiles,
    checks: CheckService,
    exams: ExamController,
  ) {
    this.subscriptions = [
      interpreters.onDidChoose(() => this.complete(ContextKeys.walkthroughInterpreterChosen)),
      // Typing a path into the setting is choosing too, but only a path that runs a usable Python.
      config.onChange(['pythonPath'], () => {
        if (this.done.has(ContextKeys.walkthroughInterpreterChosen) || !config.get().pythonPath) return;
        // InterpreterService, created before this class, has already dropped its cached interpreter.
        void interpreters.resolve().then((found) => {
          if (found.interpreter?.source === 'setting') this.complete(ContextKeys.walkthroughInterpreterChosen);
        });
      }),
      practice.onDidGenerate(() => this.complete(ContextKeys.walkthroughPracticeFileGenerated)),
      // Palette, editor title, CodeLens, tree, Test Explorer and run on save all end here.
      checks.onDidFinish(({ report }) => {
        if (report.result.outcome !== 'cancelled') this.complete(ContextKeys.walkthroughChecksRun);
      }),
      exams.onDidShowExam(() => this.complete(ContextKeys.walkthroughMockExamOpened)),
    ];
  }

  private complete(key: string): void {
    if (this.done.has(key)) return;
    this.done.add(key);
    void vscode.commands.executeCommand('setContext', key, true);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Creates the walkthrough's progress tracker. */
export function registerWalkthrough(deps: {
  context: vscode.ExtensionContext;
  config: Configuration;
  interpreters: InterpreterService;
  practice: PracticeFiles;
  checks: CheckService;
  exams: ExamController;
}): void {
  deps.context.subscriptions.push(
    new WalkthroughProgress(deps.config, deps.interpreters, deps.practice, deps.checks, deps.exams),
  );
}
