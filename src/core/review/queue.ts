// What is due in the review deck: the items due now (most overdue first), a short session of them,
// when the next one falls due, and the status bar's words for it.
import { DAY_MS, isDue, parseItemKey, ReviewDeck, ReviewItem } from './deck';

/** Items in a review session unless the caller asks for another number. */
export const SESSION_SIZE = 10;

function itemsOf(deck: ReviewDeck, cert?: string): ReviewItem[] {
  return Object.values(deck.items).filter((i) => cert === undefined || i.cert === cert);
}

const byDue = (a: ReviewItem, b: ReviewItem) => a.due - b.due || a.key.localeCompare(b.key);

/** Items due at `now` (of one certification when given), the longest overdue first. */
export function dueItems(deck: ReviewDeck, now: number, cert?: string): ReviewItem[] {
  return itemsOf(deck, cert)
    .filter((i) => isDue(i, now))
    .sort(byDue);
}

/** When the next item falls due, when none is due now (undefined when one is due or the deck is empty). */
export function nextDue(deck: ReviewDeck, now: number, cert?: string): number | undefined {
  const items = itemsOf(deck, cert);
  if (!items.length || items.some((i) => isDue(i, now))) return undefined;
  return Math.min(...items.map((i) => i.due));
}

/** A short review session: up to `size` due items, the longest overdue first. */
export function reviewSession(deck: ReviewDeck, now: number, size = SESSION_SIZE, cert?: string): ReviewItem[] {
  return dueItems(deck, now, cert).slice(0, Math.max(0, Math.floor(size)));
}

/** What the status bar needs: items due now, items in the deck, and the next due time when none is due. */
export interface DeckCounts {
  due: number;
  total: number;
  learned: number;
  next?: number;
}

/** Counts of the deck (of one certification when given). */
export function deckCounts(deck: ReviewDeck, now: number, cert?: string): DeckCounts {
  const next = nextDue(deck, now, cert);
  return {
    due: dueItems(deck, now, cert).length,
    total: itemsOf(deck, cert).length,
    learned: Object.keys(deck.learned).filter((k) => cert === undefined || parseItemKey(k)?.cert === cert).length,
    ...(next !== undefined ? { next } : {}),
  };
}

/** Local calendar day number of an epoch time, for a clock `utcOffsetMinutes` ahead of UTC. */
function dayNumber(at: number, utcOffsetMinutes: number): number {
  return Math.floor((at + utcOffsetMinutes * 60_000) / DAY_MS);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** When `at` is, seen from `now`, in words: "in 20 minutes", "in 3 hours", "tomorrow", "in 4 days". */
export function whenText(at: number, now: number, utcOffsetMinutes = 0): string {
  const days = dayNumber(at, utcOffsetMinutes) - dayNumber(now, utcOffsetMinutes);
  if (days === 1) return 'tomorrow';
  if (days > 1) return `in ${days} days`;
  const minutes = Math.max(1, Math.ceil((at - now) / 60_000));
  return minutes < 60 ? `in ${plural(minutes, 'minute')}` : `in ${plural(Math.round(minutes / 60), 'hour')}`;
}

/** The status bar's text: "3 due", else "next review tomorrow" / "in 4 days" (learner's calendar days), or "no reviews". */
export function statusText(counts: DeckCounts, now: number, utcOffsetMinutes = 0): string {
  if (counts.due > 0) return `${counts.due} due`;
  if (counts.next === undefined) return 'no reviews';
  return `next review ${whenText(counts.next, now, utcOffsetMinutes)}`;
}
