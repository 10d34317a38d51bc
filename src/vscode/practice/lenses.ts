// "Run checks · Hint (k/n) · Show solution · Reset exercise" at the top of a practice file.
import * as vscode from 'vscode';
import { solutionStanding } from '../../core/progress/progress';
import { Commands } from '../../ids';
import { Configuration } from '../config';
import { ProgressStore } from '../progress/store';
import { PracticeFiles } from './files';

/** The CodeLens row of practice files. */
export class PracticeLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly practice: PracticeFiles,
    private readonly progress: ProgressStore,
    private readonly config: Configuration,
  ) {
    this.subscriptions = [
      progress.onDidChange(() => this.changed.fire()),
      config.onChange(['solutionAfterFailedRuns'], () => this.changed.fire()),
    ];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const ref = this.practice.exerciseFor(document.uri, document.getText());
    if (!ref) return [];
    const entry = this.progress.current.exercises[ref.key];
    const hints = ref.exercise.hints.length;
    const shown = entry?.hintsRevealed ?? 0;
    const standing = solutionStanding(entry, this.config.get(document.uri).solutionAfterFailedRuns);
    const top = new vscode.Range(0, 0, 0, 0);
    const lens = (title: string, command: string, tooltip: string) =>
      new vscode.CodeLens(top, { title, command, tooltip, arguments: [document.uri] });
    const solution = standing.unlocked
      ? '$(eye) Show solution'
      : `$(lock) Solution (${standing.failedRuns}/${standing.needed} failed runs)`;
    return [
      lens('$(play) Run checks', Commands.runChecks, 'Run the official checks with your Python'),
      lens(
        `$(lightbulb) Hint (${Math.min(shown + (shown < hints ? 1 : 0), hints)}/${hints})`,
        Commands.showHint,
        shown < hints ? 'Reveal the next hint' : 'Show the hints again',
      ),
      lens(
        solution,
        Commands.showSolution,
        standing.unlocked
          ? 'Open the reference solution beside your file'
          : 'Unlocks once you pass, or after enough failed runs',
      ),
      lens(
        '$(discard) Reset exercise',
        Commands.resetExercise,
        'Restore the starter code (your version is kept as a .bak.py copy)',
      ),
    ];
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
