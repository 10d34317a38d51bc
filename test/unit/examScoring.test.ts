import * as assert from 'assert';
import { drawExam, drawQuiz } from '../../src/core/exam/draw';
import { addToHistory, examStanding, HISTORY_LIMIT, readHistory } from '../../src/core/exam/history';
import { credit, ExamResult, score, weakObjectives, weightedPercent } from '../../src/core/exam/scoring';
import { answer, ExamSession, flag, readSession } from '../../src/core/exam/session';
import { BANK, byId, CERT, NOW, question } from './examFixture';

const ORDER = question('o', 't1', '1.1', { type: 'order', choices: [], answer: [], lines: ['a', 'b', 'c', 'd'] });
const GAPS = question('g', 't1', '1.1', {
  type: 'gaps',
  choices: [],
  answer: [],
  code: '___ ___ ___ ___',
  gaps: [0, 1, 2, 0].map((answer) => ({ choices: ['p', 'q', 'r'], answer })),
});

/** Answers every item of `s`: right where `right(q)` says so, else with a wrong choice. */
function answerAll(s: ExamSession, right: (id: string) => boolean): ExamSession {
  let next = s;
  s.items.forEach((it, i) => {
    const q = byId(it.question);
    const wrong = [0, 1, 2, 3].find((c) => !q.answer.includes(c))!;
    next = answer(next, i, right(q.id) ? q.answer : [wrong]);
  });
  return next;
}

describe('mock exam scoring by the official model', () => {
  it('gives credit per right response, nothing for choosing more than asked', () => {
    const multiple = byId('c0'); // answer [0, 2, 3]
    assert.strictEqual(credit(multiple, [0, 2, 3]), 1);
    assert.strictEqual(credit(multiple, [0, 2]), 2 / 3);
    assert.strictEqual(credit(multiple, [0, 1]), 1 / 3);
    assert.strictEqual(credit(multiple, [0, 1, 2, 3]), 0, 'ticking every box earns nothing');
    assert.strictEqual(credit(byId('a0'), [1]), 1);
    assert.strictEqual(credit(byId('a0'), [0]), 0);
    assert.strictEqual(credit(byId('a0'), []), 0);
    assert.strictEqual(credit(GAPS, [0, 1, 0, 0]), 3 / 4);
    assert.strictEqual(credit(GAPS, [-1, -1, -1, -1]), 0);
    assert.strictEqual(credit(ORDER, [0, 1, 2, 3]), 1);
    assert.strictEqual(credit(ORDER, [1, 0, 2, 3]), 0, 'an arrangement is right or wrong as a whole');
    assert.strictEqual(credit(ORDER, []), 0);
  });

  it('weights each section by its official weight, so a heavier section’s item is worth more', () => {
    const s = drawExam(CERT, BANK, {}, 3, NOW);
    const sectionOne = answerAll(s, (id) => id.startsWith('a')); // 4 items, weight 180
    const sectionTwo = answerAll(s, (id) => id.startsWith('b')); // 5 items, weight 290
    const one = score(sectionOne, CERT, BANK, NOW);
    const two = score(sectionTwo, CERT, BANK, NOW);
    assert.strictEqual(one.percent, Math.round((180 / 720) * 1000) / 10);
    assert.strictEqual(two.percent, Math.round((290 / 720) * 1000) / 10);
    assert.deepStrictEqual(
      two.sections.map((x) => [x.id, x.credit, x.total, x.percent]),
      [
        ['1', 0, 4, 0],
        ['2', 5, 5, 100],
        ['3', 0, 3, 0],
      ],
    );
    assert.strictEqual(one.correct, 4);
  });

  it('passes at 70 % of the weighted total, not of the item count', () => {
    const s = drawExam(CERT, BANK, {}, 4, NOW);
    // Sections 2 and 3 right, section 1 wrong: 9 of 12 items (75 %), weighted (290 + 250) / 720 = 75 %.
    const r = score(
      answerAll(s, (id) => !id.startsWith('a')),
      CERT,
      BANK,
      NOW,
    );
    assert.strictEqual(r.percent, 75);
    assert.strictEqual(r.passed, true);
    // Sections 1 and 3 right: 7 of 12 items (58 %), weighted (180 + 250) / 720 = 59.7 %: not passed.
    const r2 = score(
      answerAll(s, (id) => !id.startsWith('b')),
      CERT,
      BANK,
      NOW,
    );
    assert.strictEqual(r2.percent, 59.7);
    assert.strictEqual(r2.passed, false);
    assert.strictEqual(weightedPercent([]), 0);
  });

  it('breaks the score down by objective, weak ones linked to their topics', () => {
    const s = drawExam(CERT, BANK, {}, 5, NOW);
    const r = score(
      answerAll(s, (id) => !id.startsWith('c')),
      CERT,
      BANK,
      NOW,
    );
    assert.deepStrictEqual(
      weakObjectives(r).map((o) => [o.code, o.section, o.topics.map((t) => t.id)]),
      [['3.1', '3', ['t3']]],
    );
    assert.ok(r.objectives.every((o) => o.section));
  });

  it('scores a quiz by plain credit, and an unanswered exam as zero', () => {
    let quiz = drawQuiz(CERT, 't1', [ORDER, GAPS], {}, 1, NOW);
    const gi = quiz.items.findIndex((i) => i.question === 'g');
    const gaps = quiz.items[gi];
    assert.deepStrictEqual(gaps.kind, 'gaps');
    quiz = answer(quiz, gi, [0, 1, 0, 0]);
    const r = score(quiz, CERT, [ORDER, GAPS], NOW);
    assert.strictEqual(r.percent, 37.5);
    assert.deepStrictEqual(r.sections, []);
    const empty = score(drawExam(CERT, BANK, {}, 6, NOW), CERT, BANK, NOW);
    assert.strictEqual(empty.percent, 0);
    assert.strictEqual(empty.passed, false);
  });

  it('submits at the deadline: a late submit is marked timed out at the deadline', () => {
    let s = drawExam(CERT, BANK, {}, 5, NOW);
    s = answer(s, 0, byId(s.items[0].question).answer);
    const r = score(s, CERT, BANK, NOW + 31 * 60_000, true);
    assert.strictEqual(r.timedOut, true);
    assert.strictEqual(r.submittedAt, s.deadline);
    assert.strictEqual(r.correct, 1);
  });

  it('cleans answers per item kind and keeps flags per item', () => {
    let s = drawQuiz(CERT, 't1', [byId('a0'), ORDER, GAPS], {}, 2, NOW);
    const at = (id: string) => s.items.findIndex((i) => i.question === id);
    s = answer(s, at('a0'), [9, -1, 2, 2]);
    assert.deepStrictEqual(s.answers[at('a0')], [2]);
    s = answer(s, at('o'), [3, 1, 0]);
    assert.deepStrictEqual(s.answers[at('o')], [], 'an arrangement must use every line once');
    s = answer(s, at('o'), [3, 1, 0, 2]);
    assert.deepStrictEqual(s.answers[at('o')], [3, 1, 0, 2], 'an arrangement keeps its sequence');
    s = answer(s, at('g'), [2, 7, -1, 0]);
    assert.deepStrictEqual(s.answers[at('g')], [2, -1, -1, 0]);
    s = answer(s, at('g'), [-1, -1, -1, -1]);
    assert.deepStrictEqual(s.answers[at('g')], [], 'no gap filled is no answer');
    s = flag(s, 1, true);
    assert.deepStrictEqual(s.flags, [false, true, false]);
    assert.strictEqual(answer(s, 99, [1]), s);
  });

  it('leaves questions removed from the bank out of the score', () => {
    const s = drawExam(CERT, BANK, {}, 9, NOW);
    const gone = s.items[0].question;
    const r = score(
      s,
      CERT,
      BANK.filter((q) => q.id !== gone),
      NOW,
    );
    assert.strictEqual(r.total, 11);
  });
});

describe('exam history and stored sessions', () => {
  it('keeps attempts newest first, once each, up to the limit', () => {
    const results = Array.from({ length: HISTORY_LIMIT + 5 }, (_, i) =>
      score(drawExam(CERT, BANK, {}, i + 1, NOW + i), CERT, BANK, NOW + i),
    );
    let history = results.reduce((h, r) => addToHistory(h, r), [] as ExamResult[]);
    assert.strictEqual(history.length, HISTORY_LIMIT);
    assert.strictEqual(history[0].id, results[results.length - 1].id);
    history = addToHistory(history, history[3]);
    assert.strictEqual(history.filter((h) => h.id === results[results.length - 4].id).length, 1);
    assert.deepStrictEqual(examStanding(history, 'demo'), {
      attempts: HISTORY_LIMIT,
      passed: 0,
      best: 0,
      last: history[0],
    });
  });

  it('reads stored history defensively and brings attempts of the earlier format along', () => {
    const good = score(drawExam(CERT, BANK, {}, 1, NOW), CERT, BANK, NOW);
    assert.deepStrictEqual(readHistory([good, { id: 3 }, 'junk']), { history: [good], dropped: 2 });
    assert.deepStrictEqual(readHistory('junk'), { history: [], dropped: 1 });
    assert.deepStrictEqual(readHistory(undefined), { history: [], dropped: 0 });
    const old = {
      id: 'exam-demo-1',
      kind: 'exam',
      cert: 'demo',
      startedAt: NOW,
      submittedAt: NOW + 60_000,
      timedOut: false,
      correct: 1,
      total: 2,
      percent: 50,
      passMark: 70,
      passed: false,
      domains: [{ id: 'd1', title: 'Domain 1', correct: 1, total: 2 }],
      objectives: [{ code: '1.1', subject: 'One', correct: 1, total: 2, domain: 'd1', topics: [] }],
      items: [
        { question: 'a0', chosen: [1], correct: true, order: [0, 1, 2, 3], flagged: false },
        { question: 'a1', chosen: [0], correct: false, order: [3, 2, 1, 0], flagged: true },
      ],
    };
    const [read] = readHistory([old]).history;
    assert.strictEqual(read.version, 2);
    assert.strictEqual(read.percent, 50);
    assert.deepStrictEqual(
      read.sections.map((x) => [x.id, x.credit, x.total]),
      [['d1', 1, 2]],
    );
    assert.deepStrictEqual(
      read.items.map((i) => [i.question, i.kind, i.answer, i.credit, i.flagged]),
      [
        ['a0', 'choices', [1], 1, false],
        ['a1', 'choices', [0], 0, true],
      ],
    );
  });

  it('reads stored sessions defensively', () => {
    const s = drawExam(CERT, BANK, {}, 1, NOW);
    assert.deepStrictEqual(readSession(JSON.parse(JSON.stringify(s))), s);
    assert.strictEqual(readSession({ ...s, version: 1 }), undefined, 'a session of the earlier format is not resumed');
    assert.strictEqual(readSession({ ...s, answers: [] }), undefined);
    assert.strictEqual(readSession({ ...s, items: s.items.map((i) => ({ ...i, kind: 'other' })) }), undefined);
    assert.strictEqual(readSession(null), undefined);
    assert.strictEqual(readSession({ ...s, current: 99 })!.current, s.items.length - 1);
  });
});
