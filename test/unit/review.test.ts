import * as assert from 'assert';
import { ExamResult, ItemOutcome } from '../../src/core/exam/scoring';
import {
  addAttempt,
  addExerciseRun,
  addMiss,
  DAY_MS,
  dueAfter,
  emptyDeck,
  exerciseItemKey,
  forgetCert,
  INTERVAL_DAYS,
  parseItemKey,
  questionItemKey,
  recordReview,
  ReviewDeck,
  ReviewItem,
} from '../../src/core/review/deck';
import { deckCounts, dueItems, nextDue, reviewSession, statusText, whenText } from '../../src/core/review/queue';
import { DECK_LIMIT, mergeDecks, readDeck } from '../../src/core/review/store';
import { BANK, NOW } from './examFixture';

const HOUR = 3_600_000;
const Q = questionItemKey('demo', 'a1');
const EX = exerciseItemKey('demo/t1/add-two');

function outcome(question: string, credit: number): ItemOutcome {
  return {
    question,
    kind: 'choices',
    answer: credit ? [1] : [],
    credit,
    correct: credit === 1,
    order: [],
    flagged: false,
  };
}

function attempt(items: ItemOutcome[]): Pick<ExamResult, 'cert' | 'items'> {
  return { cert: 'demo', items };
}

function item(key: string, fields: Partial<ReviewItem> = {}): ReviewItem {
  const parsed = parseItemKey(key)!;
  return {
    key,
    kind: parsed.kind,
    cert: parsed.cert,
    topic: parsed.topic ?? 't1',
    box: 1,
    due: NOW + DAY_MS,
    addedAt: NOW,
    lapses: 0,
    reviews: 0,
    ...fields,
  };
}

function deckOf(...items: ReviewItem[]): ReviewDeck {
  return { ...emptyDeck(), items: Object.fromEntries(items.map((i) => [i.key, i])) };
}

describe('review deck: Leitner boxes', () => {
  it('names items by kind and certification and reads the names back', () => {
    assert.strictEqual(Q, 'question:demo/a1');
    assert.strictEqual(EX, 'exercise:demo/t1/add-two');
    assert.deepStrictEqual(parseItemKey(Q), { kind: 'question', cert: 'demo' });
    assert.deepStrictEqual(parseItemKey(EX), { kind: 'exercise', cert: 'demo', topic: 't1' });
    for (const bad of [
      'question:demo',
      'question:Demo/a1',
      'exercise:demo/t1',
      'quiz:demo/a1',
      'question:demo/a1/x',
      '',
    ])
      assert.strictEqual(parseItemKey(bad), undefined, bad);
  });

  it('puts a new miss in box 1, due at once; missed again, it is due a day later', () => {
    const deck = addMiss(emptyDeck(), Q, 't1', NOW);
    assert.deepStrictEqual(deck.items[Q], item(Q, { due: NOW }));
    const again = addMiss(deck, Q, 't1', NOW + 60_000);
    assert.strictEqual(again.items[Q].due - (NOW + 60_000), DAY_MS);
    assert.strictEqual(again.items[Q].lapses, 1);
  });

  it('moves a right answer up one box at a time, 1, 3, 7, 16 and 35 days out, and graduates it from box 5', () => {
    assert.deepStrictEqual(INTERVAL_DAYS, [1, 3, 7, 16, 35]);
    let deck = addMiss(emptyDeck(), Q, 't1', NOW);
    let now = NOW;
    const seen: [number, number][] = [];
    for (let i = 0; i < 4; i++) {
      now = deck.items[Q].due;
      deck = recordReview(deck, Q, true, now);
      seen.push([deck.items[Q].box, (deck.items[Q].due - now) / DAY_MS]);
    }
    assert.deepStrictEqual(seen, [
      [2, 3],
      [3, 7],
      [4, 16],
      [5, 35],
    ]);
    assert.strictEqual(deck.items[Q].reviews, 4);
    assert.strictEqual(deck.items[Q].lastReviewedAt, now);
    // Reviews on day 0, 3, 10 and 26; the last one, 35 days later on day 61, graduates it.
    assert.strictEqual(now, NOW + 26 * DAY_MS);
    const last = NOW + 61 * DAY_MS;
    deck = recordReview(deck, Q, true, last);
    assert.strictEqual(deck.items[Q], undefined);
    assert.deepStrictEqual(deck.learned, { [Q]: last });
  });

  it('sends a wrong answer back to box 1, due a day from now, and counts the lapse', () => {
    const deck = deckOf(item(Q, { box: 4, due: NOW, reviews: 3, lapses: 1 }));
    const after = recordReview(deck, Q, false, NOW + HOUR).items[Q];
    assert.deepStrictEqual(
      after,
      item(Q, { box: 1, due: NOW + HOUR + DAY_MS, reviews: 4, lapses: 2, lastReviewedAt: NOW + HOUR }),
    );
  });

  it('leaves the deck alone for an item it does not hold', () => {
    const deck = deckOf(item(Q));
    assert.strictEqual(recordReview(deck, questionItemKey('demo', 'zz'), true, NOW), deck);
    assert.strictEqual(recordReview(deck, 'toString', false, NOW), deck, 'only its own keys are items');
  });

  it('counts a repeated miss as a wrong answer, and a miss of a learned item brings it back', () => {
    let deck = deckOf(item(Q, { box: 3, due: NOW + 5 * DAY_MS }));
    deck = addMiss(deck, Q, 't1', NOW + DAY_MS);
    assert.deepStrictEqual([deck.items[Q].box, deck.items[Q].lapses, deck.items[Q].due], [1, 1, NOW + 2 * DAY_MS]);
    const learned = { ...emptyDeck(), learned: { [Q]: NOW } };
    const back = addMiss(learned, Q, 't1', NOW + DAY_MS);
    assert.deepStrictEqual(back.learned, {});
    assert.strictEqual(back.items[Q].addedAt, NOW + DAY_MS);
  });

  it('computes due times from the box, clamping boxes out of range', () => {
    assert.strictEqual(dueAfter(1, 0), DAY_MS);
    assert.strictEqual(dueAfter(5, 0), 35 * DAY_MS);
    assert.strictEqual(dueAfter(0, 0), DAY_MS);
    assert.strictEqual(dueAfter(9, 0), 35 * DAY_MS);
  });
});

describe('review deck: what enters it', () => {
  it('takes every item of an attempt without full credit, with its topic from the bank', () => {
    const result = attempt([outcome('a1', 1), outcome('b2', 0.5), outcome('c3', 0), outcome('gone', 0)]);
    const deck = addAttempt(emptyDeck(), result, BANK, NOW);
    assert.deepStrictEqual(Object.keys(deck.items).sort(), ['question:demo/b2', 'question:demo/c3']);
    assert.strictEqual(deck.items['question:demo/b2'].topic, 't2');
    assert.strictEqual(deck.items['question:demo/c3'].topic, 't3');
  });

  it('counts a fully right answer in a later attempt as a right review only once the item is due', () => {
    const deck = deckOf(item(Q, { due: NOW + DAY_MS }));
    const early = addAttempt(deck, attempt([outcome('a1', 1)]), BANK, NOW + HOUR);
    assert.strictEqual(early, deck);
    const onTime = addAttempt(deck, attempt([outcome('a1', 1)]), BANK, NOW + DAY_MS);
    assert.deepStrictEqual([onTime.items[Q].box, onTime.items[Q].reviews], [2, 1]);
  });

  it('takes a failed or broken exercise run, its topic from the key', () => {
    const failed = addExerciseRun(emptyDeck(), 'demo/t1/add-two', 'failed', NOW);
    assert.deepStrictEqual(failed.items[EX], item(EX, { due: NOW }));
    const broken = addExerciseRun(emptyDeck(), 'demo/t3/other', 'error', NOW);
    assert.deepStrictEqual(Object.keys(broken.items), ['exercise:demo/t3/other']);
    assert.strictEqual(broken.items['exercise:demo/t3/other'].topic, 't3');
  });

  it('counts a passed run of an exercise in the deck as a right review once it is due', () => {
    const deck = deckOf(item(EX));
    assert.strictEqual(addExerciseRun(deck, 'demo/t1/add-two', 'passed', NOW + HOUR), deck, 'fixed a minute later');
    const due = addExerciseRun(deck, 'demo/t1/add-two', 'passed', NOW + DAY_MS).items[EX];
    assert.deepStrictEqual([due.box, due.due, due.reviews], [2, NOW + 4 * DAY_MS, 1]);
    assert.deepStrictEqual(addExerciseRun(emptyDeck(), 'demo/t1/add-two', 'passed', NOW), emptyDeck());
  });

  it('ignores runs that checked nothing and keys that are not exercises', () => {
    const deck = deckOf(item(EX));
    assert.strictEqual(addExerciseRun(deck, 'demo/t1/add-two', 'cancelled', NOW + DAY_MS), deck);
    assert.strictEqual(addExerciseRun(deck, 'demo/t1/add-two', 'skipped', NOW + DAY_MS), deck);
    assert.strictEqual(addExerciseRun(deck, 'demo/add-two', 'failed', NOW), deck);
    assert.strictEqual(addExerciseRun(deck, '../x/y', 'failed', NOW), deck);
  });

  it('forgets one certification', () => {
    const other = questionItemKey('pcap', 'q1');
    const deck = { ...deckOf(item(Q), item(other)), learned: { [EX]: NOW, 'question:pcap/q2': NOW } };
    const left = forgetCert(deck, 'demo');
    assert.deepStrictEqual(Object.keys(left.items), [other]);
    assert.deepStrictEqual(left.learned, { 'question:pcap/q2': NOW });
  });
});

describe('review deck: what is due', () => {
  const a = item(questionItemKey('demo', 'a'), { due: NOW - DAY_MS });
  const b = item(questionItemKey('demo', 'b'), { due: NOW - HOUR });
  const c = item(questionItemKey('demo', 'c'), { due: NOW - DAY_MS });
  const later = item(questionItemKey('demo', 'd'), { due: NOW + 2 * DAY_MS });
  const other = item(questionItemKey('pcap', 'e'), { due: NOW - 2 * DAY_MS });
  const deck = deckOf(later, b, c, a, other);

  it('lists due items longest overdue first, per certification when asked', () => {
    assert.deepStrictEqual(
      dueItems(deck, NOW).map((i) => i.key),
      ['question:pcap/e', 'question:demo/a', 'question:demo/c', 'question:demo/b'],
    );
    assert.deepStrictEqual(
      dueItems(deck, NOW, 'demo').map((i) => i.key),
      ['question:demo/a', 'question:demo/c', 'question:demo/b'],
    );
    assert.strictEqual(dueItems(deck, later.due - 1, 'demo').length, 3);
    assert.strictEqual(dueItems(deck, later.due, 'demo').length, 4, 'due at exactly its time');
  });

  it('gives a short session of up to N due items', () => {
    assert.deepStrictEqual(
      reviewSession(deck, NOW, 2).map((i) => i.key),
      ['question:pcap/e', 'question:demo/a'],
    );
    assert.strictEqual(reviewSession(deck, NOW).length, 4);
    assert.strictEqual(reviewSession(deck, NOW, 0).length, 0);
    assert.deepStrictEqual(
      reviewSession(deck, NOW, 10, 'pcap').map((i) => i.key),
      ['question:pcap/e'],
    );
  });

  it('knows the next due time only when none is due', () => {
    assert.strictEqual(nextDue(deck, NOW), undefined);
    assert.strictEqual(nextDue(deckOf(later), NOW), later.due);
    assert.strictEqual(nextDue(emptyDeck(), NOW), undefined);
    assert.strictEqual(nextDue(deck, NOW, 'nothing'), undefined);
  });

  it('counts for the status bar', () => {
    const withLearned = { ...deck, learned: { 'question:demo/x': NOW, 'question:pcap/y': NOW } };
    assert.deepStrictEqual(deckCounts(withLearned, NOW), { due: 4, total: 5, learned: 2 });
    assert.deepStrictEqual(deckCounts(withLearned, NOW, 'demo'), { due: 3, total: 4, learned: 1 });
    assert.deepStrictEqual(deckCounts(deckOf(later), NOW), { due: 0, total: 1, learned: 0, next: later.due });
  });

  it('says how many are due, or when the next review is', () => {
    assert.strictEqual(statusText({ due: 3, total: 5, learned: 0 }, NOW), '3 due');
    assert.strictEqual(statusText({ due: 0, total: 0, learned: 4 }, NOW), 'no reviews');
    // NOW is 09:00 UTC.
    const at = (ms: number) => statusText({ due: 0, total: 1, learned: 0, next: NOW + ms }, NOW);
    assert.strictEqual(at(20 * 60_000), 'next review in 20 minutes');
    assert.strictEqual(at(30_000), 'next review in 1 minute');
    assert.strictEqual(at(HOUR), 'next review in 1 hour');
    assert.strictEqual(at(3 * HOUR + 10 * 60_000), 'next review in 3 hours');
    assert.strictEqual(at(DAY_MS), 'next review tomorrow');
    assert.strictEqual(at(4 * DAY_MS), 'next review in 4 days');
    assert.strictEqual(at(15 * HOUR), 'next review tomorrow', 'midnight passed: tomorrow at 00:00');
  });

  it('counts calendar days on the learner’s clock', () => {
    // 09:00 UTC is 20:00 at UTC+11; 14 hours later is 10:00 the next day there, but 23:00 the same day in UTC.
    assert.strictEqual(whenText(NOW + 14 * HOUR, NOW, 660), 'tomorrow');
    assert.strictEqual(whenText(NOW + 14 * HOUR, NOW, 0), 'in 14 hours');
    assert.strictEqual(whenText(NOW + 14 * HOUR, NOW, -600), 'tomorrow');
  });
});

describe('review deck: stored and imported', () => {
  const stored = {
    version: 1,
    items: {
      [Q]: { ...item(Q), topic: 't1' },
      [EX]: {
        box: 2,
        due: NOW,
        addedAt: NOW - DAY_MS,
        lapses: 0,
        reviews: 1,
        lastReviewedAt: NOW - DAY_MS,
        topic: 'ignored',
      },
      'question:demo/no-topic': { box: 1, due: NOW, addedAt: NOW, lapses: 0, reviews: 0 },
      'question:demo/box-six': { ...item(Q), box: 6 },
      'question:demo/box-zero': { ...item(Q), box: 0 },
      'question:demo/half-box': { ...item(Q), box: 1.5 },
      'question:demo/minus': { ...item(Q), lapses: -1 },
      'question:demo/nan': { ...item(Q), due: Number.NaN },
      'question:demo/last': { ...item(Q), lastReviewedAt: 'yesterday' },
      'question:demo/bad topic': { ...item(Q) },
      'exam:demo/x': { ...item(Q) },
      'question:demo/not-a-record': 3,
    },
    learned: { 'question:demo/old': NOW, nonsense: NOW, 'question:demo/when': 'then' },
  };

  it('keeps what it can read and counts the rest', () => {
    const { deck, dropped } = readDeck(JSON.parse(JSON.stringify(stored)));
    assert.deepStrictEqual(Object.keys(deck.items), [Q, EX]);
    assert.deepStrictEqual(deck.items[Q], item(Q));
    assert.deepStrictEqual(
      deck.items[EX],
      item(EX, { box: 2, due: NOW, addedAt: NOW - DAY_MS, reviews: 1, lastReviewedAt: NOW - DAY_MS }),
      'an exercise’s topic comes from its key',
    );
    assert.deepStrictEqual(deck.learned, { 'question:demo/old': NOW });
    assert.strictEqual(dropped, 10 + 2);
  });

  it('reads nothing stored as an empty deck, and anything else unreadable as one dropped deck', () => {
    assert.deepStrictEqual(readDeck(undefined), { deck: emptyDeck(), dropped: 0 });
    for (const bad of [null, 7, 'deck', [], { version: 2, items: {} }, { version: 1, items: [] }, { version: 1 }])
      assert.deepStrictEqual(readDeck(bad), { deck: emptyDeck(), dropped: 1 }, JSON.stringify(bad));
    assert.deepStrictEqual(readDeck({ version: 1, items: {} }), { deck: emptyDeck(), dropped: 0 });
  });

  it('reads a deck it wrote', () => {
    let deck = addMiss(emptyDeck(), Q, 't1', NOW);
    deck = addExerciseRun(deck, 'demo/t1/add-two', 'failed', NOW);
    deck = recordReview(deck, Q, true, NOW + DAY_MS);
    assert.deepStrictEqual(readDeck(JSON.parse(JSON.stringify(deck))), { deck, dropped: 0 });
  });

  it('stops at DECK_LIMIT items', () => {
    const items = Object.fromEntries(
      Array.from({ length: DECK_LIMIT + 3 }, (_, i) => [questionItemKey('demo', `q${i}`), item(Q)]),
    );
    const { deck, dropped } = readDeck({ version: 1, items, learned: {} });
    assert.strictEqual(Object.keys(deck.items).length, DECK_LIMIT);
    assert.strictEqual(dropped, 3);
  });

  it('merges two decks: the union, per item the one reviewed last', () => {
    const onlyA = item(questionItemKey('demo', 'only-a'));
    const onlyB = item(questionItemKey('demo', 'only-b'));
    const olderA = item(Q, { box: 3, lastReviewedAt: NOW + 2 * DAY_MS, reviews: 2 });
    const newerB = item(Q, { box: 1, lastReviewedAt: NOW + 3 * DAY_MS, reviews: 1, lapses: 1 });
    const merged = mergeDecks(deckOf(onlyA, olderA), deckOf(onlyB, newerB));
    assert.deepStrictEqual(merged.items, { [onlyA.key]: onlyA, [Q]: newerB, [onlyB.key]: onlyB });
    assert.deepStrictEqual(mergeDecks(deckOf(newerB), deckOf(olderA)).items[Q], newerB, 'either order');
  });

  it('breaks a tie by the number of reviews, and never by argument order alone', () => {
    const few = item(Q, { lastReviewedAt: NOW, reviews: 1 });
    const many = item(Q, { lastReviewedAt: NOW, reviews: 3, box: 3 });
    assert.deepStrictEqual(mergeDecks(deckOf(few), deckOf(many)).items[Q], many);
    assert.deepStrictEqual(mergeDecks(deckOf(many), deckOf(few)).items[Q], many);
  });

  it('keeps an item learned when it was learned after the other deck last saw it, and back when missed since', () => {
    const learned: ReviewDeck = { ...emptyDeck(), learned: { [Q]: NOW + 10 * DAY_MS } };
    const stale = deckOf(item(Q, { box: 5, lastReviewedAt: NOW + 5 * DAY_MS }));
    const fresh = deckOf(item(Q, { addedAt: NOW + 20 * DAY_MS }));
    assert.deepStrictEqual(mergeDecks(learned, stale), learned);
    assert.deepStrictEqual(mergeDecks(stale, learned), learned);
    assert.deepStrictEqual(mergeDecks(learned, fresh), fresh);
    assert.deepStrictEqual(mergeDecks({ ...emptyDeck(), learned: { [Q]: NOW } }, learned).learned, {
      [Q]: NOW + 10 * DAY_MS,
    });
  });
});
