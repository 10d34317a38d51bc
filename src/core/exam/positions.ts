// Answers cross the webview boundary as shown positions: the n-th question shown (questions missing
// from the bank are not shown), the n-th choice or line shown (both are shuffled per attempt) and,
// for gaps, the n-th fragment shown in each gap's list. Both directions of each mapping live here.
import { Question } from './question';
import { answer, ExamSession, flag, goTo, SessionItem } from './session';

/** Shown position of the session's item `index`, or -1 when it is not shown. */
export function shownIndex(s: ExamSession, bank: readonly Question[], index: number): number {
  const ids = new Set(bank.filter((q) => q.cert === s.cert).map((q) => q.id));
  if (!ids.has(s.items[index]?.question)) return -1;
  return s.items.slice(0, index).filter((it) => ids.has(it.question)).length;
}

/**
 * Maps a position in the shown item list back to the session's item index (they differ only when
 * questions went missing from the bank); -1 when there is no such item.
 */
export function sessionIndex(s: ExamSession, bank: readonly Question[], shown: number): number {
  const ids = new Set(bank.filter((q) => q.cert === s.cert).map((q) => q.id));
  let seen = -1;
  for (let i = 0; i < s.items.length; i++) {
    if (ids.has(s.items[i].question)) seen++;
    if (seen === shown) return i;
  }
  return -1;
}

/** The answer in bank indexes for an answer in shown positions (unknown positions are dropped, or -1 for a gap). */
export function toBank(item: Pick<SessionItem, 'kind' | 'order' | 'gapOrders'>, shown: readonly number[]): number[] {
  if (item.kind === 'gaps') return shown.map((p, g) => item.gapOrders?.[g]?.[p] ?? -1);
  return shown.map((p) => item.order[p]).filter((c): c is number => c !== undefined);
}

/** The answer in shown positions for an answer in bank indexes. */
export function toShown(item: Pick<SessionItem, 'kind' | 'order' | 'gapOrders'>, answer: readonly number[]): number[] {
  if (item.kind === 'gaps') return answer.map((c, g) => (c < 0 ? -1 : (item.gapOrders?.[g]?.indexOf(c) ?? -1)));
  return answer.map((c) => item.order.indexOf(c)).filter((p) => p >= 0);
}

/** What the exam panel reports about an item, in shown positions (see webview/protocol.ts). */
export type PanelAction =
  | { type: 'answer'; item: number; chosen: number[] }
  | { type: 'flag'; item: number; flagged: boolean }
  | { type: 'goto'; item: number };

/** The session after a panel action (answering or flagging also makes the item current); undefined for an unknown item. */
export function fromPanel(s: ExamSession, bank: readonly Question[], m: PanelAction): ExamSession | undefined {
  const index = sessionIndex(s, bank, m.item);
  if (index < 0) return undefined;
  if (m.type === 'answer') return { ...answer(s, index, toBank(s.items[index], m.chosen)), current: index };
  if (m.type === 'flag') return { ...flag(s, index, m.flagged), current: index };
  return goTo(s, index);
}
