// The workspace's progress in workspace state, changed only through pure updates.
import * as vscode from 'vscode';
import { PROGRESS_KEY, ProgressState, readProgress } from '../../core/progress/progress';

/** Progress in workspace state under one versioned key. */
export class ProgressStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ProgressState>();
  /** Fires after every change. */
  readonly onDidChange = this.changed.event;
  private state: ProgressState;
  /** Entries that could not be read when the store opened (reported once in the output). */
  readonly droppedOnLoad: number;

  constructor(private readonly memento: vscode.Memento) {
    const raw = memento.get(PROGRESS_KEY);
    const { state, dropped } = readProgress(raw);
    this.state = state;
    this.droppedOnLoad = dropped;
    // Keep what could not be read beside the live key, so a later version can still recover it.
    if (dropped) void memento.update(`${PROGRESS_KEY}.unreadable`, raw);
  }

  /** The current progress. */
  get current(): ProgressState {
    return this.state;
  }

  /** Applies a pure change and persists it. */
  async update(change: (state: ProgressState) => ProgressState): Promise<ProgressState> {
    this.state = change(this.state);
    await this.memento.update(PROGRESS_KEY, this.state);
    this.changed.fire(this.state);
    return this.state;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
