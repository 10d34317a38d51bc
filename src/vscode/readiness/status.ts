// The review deck in the status bar: "3 due" (click to review), or when the next review falls due.
import * as vscode from 'vscode';
import { deckCounts, statusText } from '../../core/review/queue';
import { Commands } from '../../ids';
import { utcOffset } from './dashboard';
import { ReadinessStore } from './store';

/** Minutes between redraws: items fall due while VS Code stays open. */
const REFRESH_MINUTES = 5;

/** The status bar item of the review deck (hidden while the deck is empty). */
export class ReviewStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('certPath.review', vscode.StatusBarAlignment.Left, 49);
  private readonly subscription: vscode.Disposable;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly store: ReadinessStore) {
    this.item.name = 'Cert Path reviews';
    this.item.command = Commands.reviewDueItems;
    this.subscription = store.onDidChange(() => this.update());
    this.timer = setInterval(() => this.update(), REFRESH_MINUTES * 60_000);
    this.update();
  }

  /** Redraws from the deck as it is now. */
  update(): void {
    const now = Date.now();
    const counts = deckCounts(this.store.deck, now);
    if (!counts.total) {
      this.item.hide();
      return;
    }
    const text = statusText(counts, now, utcOffset());
    this.item.text = `$(history) ${text}`;
    this.item.tooltip = counts.due
      ? `Cert Path: ${counts.due} missed question${counts.due === 1 ? '' : 's'} or exercise${counts.due === 1 ? '' : 's'} due for review. Click to review them.`
      : `Cert Path: nothing due for review now (${text}); ${counts.total} item${counts.total === 1 ? '' : 's'} in the deck.`;
    this.item.show();
  }

  dispose(): void {
    clearInterval(this.timer);
    this.subscription.dispose();
    this.item.dispose();
  }
}
