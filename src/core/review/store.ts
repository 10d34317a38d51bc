// Reading a stored or imported review deck (untrusted: anything unreadable is dropped, item by item)
// and merging two decks on import without losing anything either side has done.
import { isRecord } from '../records';
import { ID } from '../syllabus/model';
import { DECK_VERSION, emptyDeck, parseItemKey, ReviewDeck, ReviewItem, TOP_BOX } from './deck';

/** Most items a deck holds (far more than every question and exercise of the path). */
export const DECK_LIMIT = 5000;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function readItem(key: string, value: unknown): ReviewItem | undefined {
  const parsed = parseItemKey(key);
  if (!parsed || !isRecord(value)) return undefined;
  const { box, due, addedAt, lastReviewedAt, lapses, reviews, topic } = value;
  if (!Number.isInteger(box) || (box as number) < 1 || (box as number) > TOP_BOX) return undefined;
  if (!finite(due) || !finite(addedAt) || !count(lapses) || !count(reviews)) return undefined;
  if (lastReviewedAt !== undefined && !finite(lastReviewedAt)) return undefined;
  // An exercise's topic is part of its key; a question's is stored beside it.
  const itemTopic = parsed.topic ?? topic;
  if (typeof itemTopic !== 'string' || !ID.test(itemTopic)) return undefined;
  return {
    key,
    kind: parsed.kind,
    cert: parsed.cert,
    topic: itemTopic,
    box: box as number,
    due,
    addedAt,
    ...(lastReviewedAt !== undefined ? { lastReviewedAt } : {}),
    lapses,
    reviews,
  };
}

/** A stored deck, keeping what can be read; `dropped` counts the rest (a whole unreadable deck counts 1). */
export function readDeck(stored: unknown): { deck: ReviewDeck; dropped: number } {
  const deck = emptyDeck();
  if (!isRecord(stored) || stored.version !== DECK_VERSION || !isRecord(stored.items)) {
    return { deck, dropped: stored === undefined ? 0 : 1 };
  }
  let [dropped, items, learned] = [0, 0, 0];
  for (const [key, value] of Object.entries(stored.items)) {
    const item = items < DECK_LIMIT ? readItem(key, value) : undefined;
    if (item) [deck.items[key], items] = [item, items + 1];
    else dropped++;
  }
  for (const [key, at] of Object.entries(isRecord(stored.learned) ? stored.learned : {})) {
    if (parseItemKey(key) && finite(at) && learned < DECK_LIMIT) [deck.learned[key], learned] = [at, learned + 1];
    else dropped++;
  }
  return { deck, dropped };
}

/** When an item was last touched: its last review, or when it entered the deck. */
function lastActivity(item: ReviewItem): number {
  return Math.max(item.addedAt, item.lastReviewedAt ?? item.addedAt);
}

function later(a: ReviewItem | undefined, b: ReviewItem | undefined): ReviewItem | undefined {
  if (!a || !b) return a ?? b;
  const diff = lastActivity(b) - lastActivity(a);
  if (diff !== 0) return diff > 0 ? b : a;
  return b.reviews > a.reviews ? b : a;
}

/** Two decks merged (an import): the union, per item the one reviewed last; learned stays learned unless missed since. */
export function mergeDecks(a: ReviewDeck, b: ReviewDeck): ReviewDeck {
  // Equal times fall to the copy with more reviews, so the result does not depend on which deck is the import.
  const merged = emptyDeck();
  const keys = new Set([
    ...Object.keys(a.items),
    ...Object.keys(b.items),
    ...Object.keys(a.learned),
    ...Object.keys(b.learned),
  ]);
  for (const key of keys) {
    const learnedAt = Math.max(a.learned[key] ?? -Infinity, b.learned[key] ?? -Infinity);
    const item = later(a.items[key], b.items[key]);
    if (item && (learnedAt === -Infinity || lastActivity(item) > learnedAt)) merged.items[key] = item;
    else merged.learned[key] = learnedAt;
  }
  return merged;
}
