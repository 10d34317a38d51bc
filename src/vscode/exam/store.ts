// The exam or quiz in progress, the history of attempts and the log of questions seen, in workspace state.
import * as vscode from 'vscode';
import { addToHistory, EXAM_HISTORY_KEY, readHistory } from '../../core/exam/history';
import { ExamResult } from '../../core/exam/scoring';
import { markSeen, readSeen, SEEN_KEY, SeenLog } from '../../core/exam/seen';
import { EXAM_SESSION_KEY, ExamSession, readSession } from '../../core/exam/session';

/** The exam in progress, the history of attempts and the seen log, in workspace state. */
export class ExamStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when an attempt is recorded or the history or seen log is replaced. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento) {}

  /** The exam or quiz in progress, if any. */
  get session(): ExamSession | undefined {
    return readSession(this.memento.get(EXAM_SESSION_KEY));
  }

  /** Saves (or, with undefined, clears) the session in progress. */
  async setSession(session: ExamSession | undefined): Promise<void> {
    await this.memento.update(EXAM_SESSION_KEY, session);
  }

  /** Finished attempts, newest first. */
  get history(): ExamResult[] {
    return readHistory(this.memento.get(EXAM_HISTORY_KEY)).history;
  }

  /** When each question was last part of a submitted attempt. */
  get seen(): SeenLog {
    return readSeen(this.memento.get(SEEN_KEY));
  }

  /** Records a finished attempt, and its questions as seen. */
  async record(result: ExamResult): Promise<void> {
    await this.memento.update(EXAM_HISTORY_KEY, addToHistory(this.history, result));
    await this.memento.update(SEEN_KEY, markSeen(this.seen, result));
    this.changed.fire();
  }

  /** Replaces the whole history (an import merges into it, Reset All Progress empties it). */
  async setHistory(history: ExamResult[]): Promise<void> {
    await this.memento.update(EXAM_HISTORY_KEY, history);
    this.changed.fire();
  }

  /** Replaces the seen log (an import merges into it, Reset All Progress empties it). */
  async setSeen(seen: SeenLog): Promise<void> {
    await this.memento.update(SEEN_KEY, seen);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
