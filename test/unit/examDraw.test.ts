import * as assert from 'assert';
import { drawExam, drawQuiz, QUIZ_SIZE, sectionSupply } from '../../src/core/exam/draw';
import { score } from '../../src/core/exam/scoring';
import { apportion, examSections, isExtraTopic } from '../../src/core/exam/sections';
import { freshFirst, markSeen, mergeSeen, readSeen, SeenLog, unseenCount } from '../../src/core/exam/seen';
import { isExpired, timeLeft } from '../../src/core/exam/session';
import { BANK, byId, CERT, NOW, question, topic } from './examFixture';

const sectionCounts = (ids: string[]) => {
  const counts: Record<string, number> = {};
  for (const id of ids) {
    const t = byId(id).topic;
    const s = ({ t1: '1', t2: '2', t3: '3' } as Record<string, string>)[t] ?? 'extra';
    counts[s] = (counts[s] ?? 0) + 1;
  }
  return counts;
};

describe('mock exam drawing by the official blueprint', () => {
  it('takes exactly each section’s official item count, never an extra topic, no question twice', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const s = drawExam(CERT, BANK, {}, seed, NOW);
      const ids = s.items.map((i) => i.question);
      assert.strictEqual(new Set(ids).size, 12, `seed ${seed} repeats a question`);
      assert.deepStrictEqual(sectionCounts(ids), { '1': 4, '2': 5, '3': 3 });
    }
  });

  it('marks topics outside every blueprint section as extra, and only with a blueprint', () => {
    assert.strictEqual(isExtraTopic(CERT, topic('t4', ['9.9'])), true);
    assert.strictEqual(isExtraTopic(CERT, topic('t2', ['2.2'])), false);
    assert.strictEqual(isExtraTopic({ ...CERT, blueprint: undefined }, topic('t4', ['9.9'])), false);
  });

  it('falls back to domains shared out by weight when a certification has no blueprint', () => {
    const pack = { ...CERT, blueprint: undefined };
    assert.deepStrictEqual(
      examSections(pack).map((s) => [s.id, s.items]),
      [
        ['d1', 8],
        ['d2', 4],
      ],
    );
    assert.deepStrictEqual(apportion([50, 30, 20], 7), [4, 2, 1]);
    assert.deepStrictEqual(apportion([1, 1, 1], 2), [1, 1, 0]);
    assert.deepStrictEqual(apportion([0, 0], 5), [0, 0]);
    const s = drawExam(pack, BANK, {}, 3, NOW);
    assert.strictEqual(s.items.length, 12);
  });

  it('draws five full mocks in a row without a repeat when each pool is five times its items', () => {
    let seen: SeenLog = {};
    const all = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const s = drawExam(CERT, BANK, seen, 100 + i, NOW + i * 3_600_000);
      for (const it of s.items) {
        assert.ok(!all.has(it.question), `mock ${i + 1} repeats ${it.question}`);
        all.add(it.question);
      }
      seen = markSeen(seen, score(s, CERT, BANK, NOW + i * 3_600_000 + 1000));
    }
    assert.strictEqual(all.size, 60);
    // The sixth takes the least recently seen first: everything from mock 1 before mock 2.
    const sixth = drawExam(CERT, BANK, seen, 999, NOW + 10 * 3_600_000);
    const firstMock = Object.entries(seen)
      .filter(([, at]) => at === NOW + 1000)
      .map(([k]) => k.split('/')[1]);
    const fromFirst = sixth.items.filter((i) => firstMock.includes(i.question)).length;
    assert.strictEqual(fromFirst, 12, 'the sixth mock draws the questions of the oldest mock');
  });

  it('orders a pool never-seen first, then least recently seen, and counts what is unseen', () => {
    const pool = [question('p1', 't1', '1.1'), question('p2', 't1', '1.1'), question('p3', 't1', '1.1')];
    const log: SeenLog = { 'demo/p1': 5, 'demo/p3': 2 };
    assert.deepStrictEqual(
      freshFirst(pool, log, () => 0.5).map((q) => q.id),
      ['p2', 'p3', 'p1'],
    );
    assert.strictEqual(unseenCount(pool, log), 1);
    const supply = sectionSupply(CERT, BANK, { 'demo/a0': 1, 'demo/x0': 1 });
    assert.deepStrictEqual(
      supply.map((s) => [s.id, s.items, s.pool, s.unseen]),
      [
        ['1', 4, 20, 19],
        ['2', 5, 25, 25],
        ['3', 3, 15, 15],
      ],
    );
  });

  it('reads and merges seen logs defensively', () => {
    assert.deepStrictEqual(readSeen({ 'demo/a1': 3, 'demo/a2': 'x', bad: 4, 'a/b/c': 1 }), { 'demo/a1': 3 });
    assert.deepStrictEqual(readSeen([1, 2]), {});
    assert.deepStrictEqual(mergeSeen({ 'demo/a': 1, 'demo/b': 9 }, { 'demo/a': 4, 'demo/c': 2 }), {
      'demo/a': 4,
      'demo/b': 9,
      'demo/c': 2,
    });
  });

  it('mixes sections and choice orders; the same seed gives the same exam', () => {
    const a = drawExam(CERT, BANK, {}, 7, NOW);
    assert.deepStrictEqual(drawExam(CERT, BANK, {}, 7, NOW), a);
    assert.notDeepStrictEqual(drawExam(CERT, BANK, {}, 8, NOW).items, a.items);
    const topics = a.items.map((i) => byId(i.question).topic);
    assert.notDeepStrictEqual(topics, [...topics].sort(), 'the questions should not come grouped by section');
    assert.ok(a.items.some((i) => i.order.join() !== '0,1,2,3'));
    for (const it of a.items) assert.deepStrictEqual([...it.order].sort(), [0, 1, 2, 3]);
  });

  it('shuffles raises choices, keeps keepOrder, scrambles order lines and gap lists', () => {
    const bank = [
      question('r', 't1', '1.1', { type: 'raises', choices: ['line 1', 'line 2', 'line 3', 'nothing'], answer: [0] }),
      question('k', 't1', '1.1', { keepOrder: true }),
      question('o', 't1', '1.1', { type: 'order', choices: [], answer: [], lines: ['a = 1', 'b = 2', 'print(a + b)'] }),
      question('g', 't1', '1.1', {
        type: 'gaps',
        choices: [],
        answer: [],
        code: 'x = ___\nprint(___)',
        gaps: [
          { choices: ['1', '2', '3'], answer: 0 },
          { choices: ['x', 'y'], answer: 0 },
        ],
      }),
    ];
    const raisesOrders = new Set<string>();
    for (let seed = 1; seed < 40; seed++) {
      for (const it of drawQuiz(CERT, 't1', bank, {}, seed, NOW).items) {
        if (it.question === 'r') raisesOrders.add(it.order.join());
        if (it.question === 'k') assert.deepStrictEqual(it.order, [0, 1, 2, 3]);
        if (it.question === 'o') {
          assert.strictEqual(it.kind, 'order');
          assert.notDeepStrictEqual(it.order, [0, 1, 2], 'an order item never starts in the keyed order');
          assert.deepStrictEqual([...it.order].sort(), [0, 1, 2]);
        }
        if (it.question === 'g') {
          assert.strictEqual(it.kind, 'gaps');
          assert.deepStrictEqual(
            it.gapOrders!.map((g) => [...g].sort()),
            [
              [0, 1, 2],
              [0, 1],
            ],
          );
        }
      }
    }
    assert.ok(raisesOrders.size > 5, `raises choices are shuffled (${raisesOrders.size} orders seen)`);
  });

  it('times an exam from the exam facts; a quiz is untimed with five questions of its topic, fresh first', () => {
    const s = drawExam(CERT, BANK, {}, 1, NOW);
    assert.strictEqual(s.deadline, NOW + 30 * 60_000);
    assert.strictEqual(timeLeft(s, NOW + 60_000), 29 * 60_000);
    const seen: SeenLog = Object.fromEntries(
      BANK.filter((q) => q.topic === 't3')
        .slice(0, 10)
        .map((q) => [`demo/${q.id}`, NOW]),
    );
    const quiz = drawQuiz(CERT, 't3', BANK, seen, 1, NOW);
    assert.strictEqual(quiz.deadline, undefined);
    assert.strictEqual(quiz.items.length, QUIZ_SIZE);
    assert.ok(
      quiz.items.every((i) => !seen[`demo/${i.question}`]),
      'the five unseen questions come first',
    );
    assert.strictEqual(timeLeft(quiz, NOW + 1e9), Infinity);
    assert.strictEqual(isExpired(quiz, NOW + 1e9), false);
  });
});
