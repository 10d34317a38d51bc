// The review deck and the readiness snapshots, in workspace state.
import * as vscode from 'vscode';
import { READINESS_HISTORY_KEY, ReadinessSnapshot, readReadinessHistory } from '../../core/readiness/history';
import { REVIEW_DECK_KEY, ReviewDeck } from '../../core/review/deck';
import { readDeck } from '../../core/review/store';

/** The review deck and the readiness history of this workspace. */
export class ReadinessStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the deck or the history changes. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento) {}

  /** Missed questions and failed exercises with their review schedule. */
  get deck(): ReviewDeck {
    return readDeck(this.memento.get(REVIEW_DECK_KEY)).deck;
  }

  /** Daily readiness snapshots per certification. */
  get history(): ReadinessSnapshot[] {
    return readReadinessHistory(this.memento.get(READINESS_HISTORY_KEY)).history;
  }

  /** Replaces the deck (a change of one item, an import, or a reset). */
  async setDeck(deck: ReviewDeck): Promise<void> {
    await this.memento.update(REVIEW_DECK_KEY, deck);
    this.changed.fire();
  }

  /** Replaces the readiness history. */
  async setHistory(history: ReadinessSnapshot[]): Promise<void> {
    await this.memento.update(READINESS_HISTORY_KEY, history);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
