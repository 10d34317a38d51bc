// Answers cross the webview boundary as shown positions: the n-th question shown (questions missing
// from the bank are not shown) and the n-th choice shown (choices are shuffled per attempt). Both
// directions of both mappings live here.
import { ExamSession, SessionItem } from './exam';
import { Question } from './question';

/** Shown position of the session's item `index`, or -1 when it is not shown. */
export function shownIndex(s: ExamSession, bank: Question[], index: number): number {
  const ids = new Set(bank.filter((q) => q.cert === s.cert).map((q) => q.id));
  if (!ids.has(s.items[index]?.question)) return -1;
  return s.items.slice(0, index).filter((it) => ids.has(it.question)).length;
}

/**
 * Maps a position in the shown item list back to the session's item index (they differ only when
 * questions went missing from the bank); -1 when there is no such item.
 */
export function sessionIndex(s: ExamSession, bank: Question[], shown: number): number {
  const ids = new Set(bank.filter((q) => q.cert === s.cert).map((q) => q.id));
  let seen = -1;
  for (let i = 0; i < s.items.length; i++) {
    if (ids.has(s.items[i].question)) seen++;
    if (seen === shown) return i;
  }
  return -1;
}

/** Bank choice indexes of shown choice positions (unknown positions are dropped). */
export function bankChoices(item: SessionItem, shown: readonly number[]): number[] {
  return shown.map((p) => item.order[p]).filter((c): c is number => c !== undefined);
}

/** Shown positions of bank choice indexes (choices not shown are dropped). */
export function shownChoices(item: Pick<SessionItem, 'order'>, chosen: readonly number[]): number[] {
  return chosen.map((c) => item.order.indexOf(c)).filter((p) => p >= 0);
}
