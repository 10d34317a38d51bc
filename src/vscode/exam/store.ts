// The exam or quiz in progress and the history of attempts, in workspace state.
import * as vscode from 'vscode';
import {
  addToHistory,
  EXAM_HISTORY_KEY,
  EXAM_SESSION_KEY,
  ExamResult,
  ExamSession,
  readHistory,
  readSession,
} from '../../core/exam/exam';

/** The exam in progress and the history of attempts, in workspace state. */
export class ExamStore {
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

  /** Records a finished attempt. */
  async record(result: ExamResult): Promise<void> {
    await this.memento.update(EXAM_HISTORY_KEY, addToHistory(this.history, result));
  }

  /** Replaces the whole history (an import merges into it, Reset All Progress empties it). */
  async setHistory(history: ExamResult[]): Promise<void> {
    await this.memento.update(EXAM_HISTORY_KEY, history);
  }
}
