// Watch mode, one mechanism for both of its faces: certPath.runOnSave (every practice file) and the
// Test Explorer's continuous run (the exercises it was started for). A save of a practice file runs
// its exercise once, debounced, for as long as any watcher wants that file.
import * as vscode from 'vscode';
import { ExerciseRef } from '../../core/syllabus/model';
import { PracticeFiles } from '../practice/files';

/** Decides whether a saved practice file should run, and how. */
export interface Watcher {
  wants(ref: ExerciseRef, main: vscode.Uri): boolean;
  run(ref: ExerciseRef, main: vscode.Uri): Promise<unknown>;
}

/** Runs saved practice files for the watchers that want them. */
export class SaveWatch implements vscode.Disposable {
  private readonly watchers = new Set<Watcher>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly practice: PracticeFiles,
    private readonly delayMs = 400,
  ) {
    this.subscription = vscode.workspace.onDidSaveTextDocument((document) => this.saved(document));
  }

  /** Adds a watcher until the returned disposable is disposed. */
  watch(watcher: Watcher): vscode.Disposable {
    this.watchers.add(watcher);
    return new vscode.Disposable(() => this.watchers.delete(watcher));
  }

  private saved(document: vscode.TextDocument): void {
    if (!this.watchers.size) return;
    const ref = this.practice.exerciseFor(document.uri, document.getText());
    if (!ref) return;
    const main = this.practice.mainFile(ref, document.uri);
    const watcher = [...this.watchers].find((w) => w.wants(ref, main));
    if (!watcher) return;
    const key = main.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void watcher.run(ref, main);
      }, this.delayMs),
    );
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.watchers.clear();
    this.subscription.dispose();
  }
}
