// The review deck: missed questions and failed exercises, each scheduled again by Leitner boxes.
// A right answer moves an item up one box (and its next review further out), a wrong one sends it
// back to box 1; an item answered right in the last box leaves the deck as learned. Time is passed in.
import { ID } from '../syllabus/model';
import { RunOutcome } from '../runner/results';
import { ExamResult } from '../exam/scoring';
import { Question } from '../exam/question';

/** Workspace-state key of the review deck. */
export const REVIEW_DECK_KEY = 'certPath.review.deck';
/** Version of the stored shape. */
export const DECK_VERSION = 1;
/** One day in milliseconds. */
export const DAY_MS = 86_400_000;
/** Days until the next review, per box (box 1 first): each interval a little over twice the last. */
export const INTERVAL_DAYS: readonly number[] = [1, 3, 7, 16, 35];
/** The highest box; a right answer there graduates the item. */
export const TOP_BOX = INTERVAL_DAYS.length;

/** What an item asks again: a question of the bank, or an exercise's checks. */
export type ReviewKind = 'question' | 'exercise';

/** One item of the deck. */
export interface ReviewItem {
  /** `question:<cert>/<questionId>` or `exercise:<cert>/<topic>/<exercise>`. */
  key: string;
  kind: ReviewKind;
  cert: string;
  topic: string;
  /** Leitner box, 1 to TOP_BOX. */
  box: number;
  /** When it is due again (epoch ms). */
  due: number;
  addedAt: number;
  lastReviewedAt?: number;
  /** Wrong answers since it entered the deck. */
  lapses: number;
  /** Answers recorded since it entered the deck, right or wrong. */
  reviews: number;
}

/** The deck: items by key, and the items learned (key → when), so an import cannot bring them back. */
export interface ReviewDeck {
  version: typeof DECK_VERSION;
  items: Record<string, ReviewItem>;
  learned: Record<string, number>;
}

/** An empty deck. */
export function emptyDeck(): ReviewDeck {
  return { version: DECK_VERSION, items: {}, learned: {} };
}

/** The deck key of a question. */
export function questionItemKey(cert: string, questionId: string): string {
  return `question:${cert}/${questionId}`;
}

/** The deck key of an exercise, from its progress key (`cert/topic/exercise`). */
export function exerciseItemKey(progressKey: string): string {
  return `exercise:${progressKey}`;
}

const ID_PART = ID.source.slice(1, -1);
const KEY = new RegExp(`^(?:question:(${ID_PART})/${ID_PART}|exercise:(${ID_PART})/(${ID_PART})/${ID_PART})$`);

/** The kind, cert and (for exercises) topic a key names, or undefined when it is not a deck key. */
export function parseItemKey(key: string): { kind: ReviewKind; cert: string; topic?: string } | undefined {
  const m = KEY.exec(key);
  if (!m) return undefined;
  return m[1] ? { kind: 'question', cert: m[1] } : { kind: 'exercise', cert: m[2], topic: m[3] };
}

/** When an item in `box` answered at `now` is due again. */
export function dueAfter(box: number, now: number): number {
  return now + INTERVAL_DAYS[Math.min(Math.max(box, 1), TOP_BOX) - 1] * DAY_MS;
}

/** The deck's item under `key` (own keys only, so `toString` and the like are never items). */
export function itemOf(deck: ReviewDeck, key: string): ReviewItem | undefined {
  return Object.hasOwn(deck.items, key) ? deck.items[key] : undefined;
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const next = { ...record };
  delete next[key];
  return next;
}

/** Records an answer: right moves the item up a box (out of the deck from the top box), wrong sends it to box 1. */
export function recordReview(deck: ReviewDeck, key: string, right: boolean, now: number): ReviewDeck {
  const item = itemOf(deck, key);
  if (!item) return deck;
  const reviewed = { ...item, reviews: item.reviews + 1, lastReviewedAt: now };
  if (!right) {
    const lapsed = { ...reviewed, box: 1, due: dueAfter(1, now), lapses: item.lapses + 1 };
    return { ...deck, items: { ...deck.items, [key]: lapsed } };
  }
  if (item.box >= TOP_BOX)
    return { ...deck, items: without(deck.items, key), learned: { ...deck.learned, [key]: now } };
  const box = item.box + 1;
  return { ...deck, items: { ...deck.items, [key]: { ...reviewed, box, due: dueAfter(box, now) } } };
}

/**
 * A miss: a new item enters box 1, due at once (its first review while the reason is fresh; then the
 * intervals grow); an item already in the deck counts it as a wrong answer (box 1, due in a day).
 */
export function addMiss(deck: ReviewDeck, key: string, topic: string, now: number): ReviewDeck {
  const parsed = parseItemKey(key);
  if (!parsed || !ID.test(topic)) return deck;
  if (itemOf(deck, key)) return recordReview(deck, key, false, now);
  const item: ReviewItem = {
    key,
    kind: parsed.kind,
    cert: parsed.cert,
    topic,
    box: 1,
    due: now,
    addedAt: now,
    lapses: 0,
    reviews: 0,
  };
  return { ...deck, items: { ...deck.items, [key]: item }, learned: without(deck.learned, key) };
}

/** Whether an item is due at `now`. */
export function isDue(item: Pick<ReviewItem, 'due'>, now: number): boolean {
  return item.due <= now;
}

// Evidence met outside a review session (a right answer in a mock or quiz, a passed run) counts as a
// right review only once the item is due: otherwise fixing an exercise a minute after it failed, or
// running its checks five times, would graduate it without any spacing.
function rightOutsideSession(deck: ReviewDeck, key: string, now: number): ReviewDeck {
  const item = itemOf(deck, key);
  return item && isDue(item, now) ? recordReview(deck, key, true, now) : deck;
}

/** A submitted mock or quiz: each item without full credit is a miss, a fully right one in the deck a right review once due. */
export function addAttempt(
  deck: ReviewDeck,
  result: Pick<ExamResult, 'cert' | 'items'>,
  bank: readonly Pick<Question, 'id' | 'cert' | 'topic'>[],
  now: number,
): ReviewDeck {
  // The topic comes from the bank; a question no longer there cannot be asked again, so it is left out.
  const topics = new Map(bank.filter((q) => q.cert === result.cert).map((q) => [q.id, q.topic]));
  let next = deck;
  for (const item of result.items) {
    const key = questionItemKey(result.cert, item.question);
    const topic = topics.get(item.question);
    if (topic === undefined) continue;
    next = item.credit >= 1 ? rightOutsideSession(next, key, now) : addMiss(next, key, topic, now);
  }
  return next;
}

/** A finished run of an exercise (progress key): failed or broken is a miss, passed a right review once due. */
export function addExerciseRun(deck: ReviewDeck, progressKey: string, outcome: RunOutcome, now: number): ReviewDeck {
  const key = exerciseItemKey(progressKey);
  const parsed = parseItemKey(key);
  if (!parsed?.topic) return deck;
  if (outcome === 'failed' || outcome === 'error') return addMiss(deck, key, parsed.topic, now);
  if (outcome === 'passed') return rightOutsideSession(deck, key, now);
  return deck; // cancelled or skipped: nothing was checked
}

/** Forgets every item and learned mark of a certification (its progress was reset). */
export function forgetCert(deck: ReviewDeck, cert: string): ReviewDeck {
  const keep = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).filter(([key]) => parseItemKey(key)?.cert !== cert));
  return { ...deck, items: keep(deck.items), learned: keep(deck.learned) };
}
