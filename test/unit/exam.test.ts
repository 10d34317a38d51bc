import * as assert from 'assert';
import {
  addToHistory,
  answer,
  domainQuotas,
  drawExam,
  drawQuiz,
  examStanding,
  flag,
  HISTORY_LIMIT,
  isCorrect,
  isExpired,
  QUIZ_SIZE,
  readHistory,
  readSession,
  score,
  timeLeft,
  weakObjectives,
} from '../../src/core/exam/exam';
import { examView, resultView, sessionIndex } from '../../src/core/exam/view';
import { ExamCertification, Topic } from '../../src/core/syllabus/model';
import { Question } from '../../src/core/exam/question';

function topic(id: string, objectives: string[]): Topic {
  return { id, title: `Topic ${id}`, summary: '', objectives, covers: [], exercises: [] };
}

/** A certification with three domains weighted 50/30/20 and 12 items an exam. */
const CERT: ExamCertification = {
  kind: 'exam',
  id: 'demo',
  title: 'Demo',
  shortTitle: 'DEMO',
  examCode: 'DEMO-1',
  order: 1,
  summary: '',
  file: 'demo.yaml',
  exam: { items: 12, minutes: 30, passMark: 70, feeUsd: 0, prerequisites: [], delivery: '' },
  objectives: { '1.1': 'One', '2.1': 'Two', '3.1': 'Three' },
  outline: [],
  domains: [
    { id: 'd1', title: 'Domain 1', weight: 50, topics: [topic('t1', ['1.1'])] },
    { id: 'd2', title: 'Domain 2', weight: 30, topics: [topic('t2', ['2.1'])] },
    { id: 'd3', title: 'Domain 3', weight: 20, topics: [topic('t3', ['3.1'])] },
  ],
};

function question(id: string, domain: string, t: string, objective: string, extra: Partial<Question> = {}): Question {
  return {
    id,
    cert: 'demo',
    domain,
    topic: t,
    objective,
    type: 'single',
    prompt: `Prompt ${id}`,
    choices: ['a', 'b', 'c', 'd'],
    answer: [1],
    explanation: 'Because.',
    file: 'q.yaml',
    line: 1,
    ...extra,
  };
}

const BANK: Question[] = [
  ...Array.from({ length: 20 }, (_, i) => question(`a${i}`, 'd1', 't1', '1.1')),
  ...Array.from({ length: 10 }, (_, i) => question(`b${i}`, 'd2', 't2', '2.1')),
  ...Array.from({ length: 8 }, (_, i) =>
    question(`c${i}`, 'd3', 't3', '3.1', i === 0 ? { type: 'multiple', answer: [0, 2] } : {}),
  ),
];
const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);

describe('mock exam drawing', () => {
  it('gives each domain its weighted share, by largest remainder', () => {
    const quotas = domainQuotas(
      CERT,
      new Map([
        ['d1', 20],
        ['d2', 10],
        ['d3', 8],
      ]),
      12,
    );
    assert.deepStrictEqual(Object.fromEntries(quotas), { d1: 6, d2: 4, d3: 2 });
    const odd = domainQuotas(
      CERT,
      new Map([
        ['d1', 20],
        ['d2', 10],
        ['d3', 8],
      ]),
      7,
    );
    assert.deepStrictEqual(Object.fromEntries(odd), { d1: 4, d2: 2, d3: 1 }); // 3.5, 2.1, 1.4 → the .5 gets the spare
  });

  it('moves the share of a domain that runs out of questions to the others', () => {
    const quotas = domainQuotas(
      CERT,
      new Map([
        ['d1', 20],
        ['d2', 1],
        ['d3', 8],
      ]),
      12,
    );
    assert.strictEqual(quotas.get('d2'), 1);
    assert.strictEqual(
      [...quotas.values()].reduce((a, b) => a + b, 0),
      12,
    );
  });

  it('draws the exam size with no question twice, honouring weights over many draws', () => {
    const seen = new Map<string, number>();
    for (let seed = 1; seed <= 300; seed++) {
      const s = drawExam(CERT, BANK, seed, NOW);
      assert.strictEqual(s.items.length, 12);
      assert.strictEqual(new Set(s.items.map((i) => i.question)).size, 12, `seed ${seed} repeats a question`);
      const byDomain = { d1: 0, d2: 0, d3: 0 } as Record<string, number>;
      for (const it of s.items) {
        byDomain[BANK.find((q) => q.id === it.question)!.domain]++;
        seen.set(it.question, (seen.get(it.question) ?? 0) + 1);
      }
      assert.deepStrictEqual(byDomain, { d1: 6, d2: 4, d3: 2 });
    }
    // Over 300 draws every question of the bank comes up.
    assert.strictEqual(seen.size, BANK.length);
  });

  it('mixes domains and choice orders, and the same seed gives the same exam', () => {
    const a = drawExam(CERT, BANK, 7, NOW);
    assert.deepStrictEqual(drawExam(CERT, BANK, 7, NOW), a);
    assert.notDeepStrictEqual(drawExam(CERT, BANK, 8, NOW).items, a.items);
    const domains = a.items.map((i) => BANK.find((q) => q.id === i.question)!.domain);
    assert.notDeepStrictEqual(domains, [...domains].sort(), 'the questions should not come grouped by domain');
    assert.ok(
      a.items.some((i) => i.order.join() !== '0,1,2,3'),
      'choices should be shuffled',
    );
    for (const it of a.items) assert.deepStrictEqual([...it.order].sort(), [0, 1, 2, 3]);
  });

  it('keeps the written choice order for raises questions and keepOrder', () => {
    const bank = [
      question('r', 'd1', 't1', '1.1', { type: 'raises', choices: ['line 1', 'line 2', 'line 3'], answer: [0] }),
      question('k', 'd1', 't1', '1.1', { keepOrder: true }),
    ];
    for (let seed = 1; seed < 20; seed++) {
      for (const it of drawExam(CERT, bank, seed, NOW).items)
        assert.deepStrictEqual(it.order, it.question === 'r' ? [0, 1, 2] : [0, 1, 2, 3]);
    }
  });

  it('times an exam from the exam facts; a quiz is untimed with five questions of its topic', () => {
    const s = drawExam(CERT, BANK, 1, NOW);
    assert.strictEqual(s.deadline, NOW + 30 * 60_000);
    assert.strictEqual(timeLeft(s, NOW + 60_000), 29 * 60_000);
    const quiz = drawQuiz(CERT, 't2', BANK, 1, NOW);
    assert.strictEqual(quiz.deadline, undefined);
    assert.strictEqual(quiz.items.length, QUIZ_SIZE);
    assert.ok(quiz.items.every((i) => i.question.startsWith('b')));
    assert.strictEqual(timeLeft(quiz, NOW + 1e9), Infinity);
    assert.strictEqual(isExpired(quiz, NOW + 1e9), false);
  });
});

describe('mock exam scoring', () => {
  it('scores single-select by the one right choice and multiple-select all or nothing', () => {
    const single = BANK[0];
    const multiple = BANK.find((q) => q.type === 'multiple')!;
    assert.ok(isCorrect(single, [1]));
    assert.ok(!isCorrect(single, [0]));
    assert.ok(!isCorrect(single, []));
    assert.ok(isCorrect(multiple, [2, 0]));
    assert.ok(!isCorrect(multiple, [0]), 'half of a multiple-select is wrong');
    assert.ok(!isCorrect(multiple, [0, 1, 2]), 'an extra choice is wrong');
  });

  it('counts right answers, the pass mark, domains and objectives', () => {
    let s = drawExam(CERT, BANK, 3, NOW);
    // Answer every d1 and d2 question right, d3 wrong: 10 of 12 = 83.3 %.
    s.items.forEach((it, i) => {
      const q = BANK.find((b) => b.id === it.question)!;
      s = answer(s, i, q.domain === 'd3' ? [3] : q.answer);
    });
    const r = score(s, CERT, BANK, NOW + 5 * 60_000);
    assert.strictEqual(r.correct, 10);
    assert.strictEqual(r.total, 12);
    assert.strictEqual(r.percent, 83.3);
    assert.strictEqual(r.passed, true);
    assert.strictEqual(r.timedOut, false);
    assert.deepStrictEqual(
      r.domains.map((d) => [d.id, d.correct, d.total]),
      [
        ['d1', 6, 6],
        ['d2', 4, 4],
        ['d3', 0, 2],
      ],
    );
    assert.deepStrictEqual(
      weakObjectives(r).map((o) => [o.code, o.topics.map((t) => t.id)]),
      [['3.1', ['t3']]],
    );
  });

  it('fails below the pass mark, and an unanswered exam scores zero', () => {
    const s = drawExam(CERT, BANK, 4, NOW);
    const r = score(s, CERT, BANK, NOW);
    assert.strictEqual(r.correct, 0);
    assert.strictEqual(r.passed, false);
    assert.strictEqual(weakObjectives(r).length, 3);
  });

  it('submits at the deadline: a late submit is marked timed out at the deadline', () => {
    let s = drawExam(CERT, BANK, 5, NOW);
    s = answer(s, 0, BANK.find((q) => q.id === s.items[0].question)!.answer);
    const late = NOW + 31 * 60_000;
    assert.ok(isExpired(s, late));
    assert.ok(!isExpired(s, NOW + 29 * 60_000));
    const r = score(s, CERT, BANK, late, true);
    assert.strictEqual(r.timedOut, true);
    assert.strictEqual(r.submittedAt, s.deadline);
    assert.strictEqual(r.correct, 1);
  });

  it('ignores answers that are not choices of the item, and flags stay per item', () => {
    let s = drawExam(CERT, BANK, 6, NOW);
    s = answer(s, 0, [9, -1, 2, 2]);
    assert.deepStrictEqual(s.answers[0], [2]);
    s = flag(s, 2, true);
    assert.deepStrictEqual(s.flags.slice(0, 4), [false, false, true, false]);
    assert.strictEqual(answer(s, 99, [1]), s);
  });

  it('leaves questions removed from the bank out of the score instead of counting them wrong', () => {
    const s = drawExam(CERT, BANK, 9, NOW);
    const gone = s.items[0].question;
    const smaller = BANK.filter((q) => q.id !== gone);
    const r = score(s, CERT, smaller, NOW);
    assert.strictEqual(r.total, 11);
    const view = examView(s, CERT, smaller);
    assert.strictEqual(view.items.length, 11);
    assert.strictEqual(view.missing, 1);
    assert.strictEqual(sessionIndex(s, smaller, 0), 1);
  });
});

describe('exam views', () => {
  it('shows answers as positions in the shuffled order and reviews them the same way', () => {
    let s = drawExam(CERT, BANK, 11, NOW);
    const it = s.items[0];
    const q = BANK.find((b) => b.id === it.question)!;
    s = answer(s, 0, q.answer);
    const view = examView(s, CERT, BANK);
    assert.deepStrictEqual(view.answers[0], [it.order.indexOf(q.answer[0])]);
    assert.strictEqual(view.items[0].pick, 1);
    const result = score(s, CERT, BANK, NOW);
    const rv = resultView(result, CERT, BANK, [result]);
    assert.deepStrictEqual(rv.review[0].right, [it.order.indexOf(q.answer[0])]);
    assert.deepStrictEqual(rv.review[0].chosen, rv.review[0].right);
    assert.strictEqual(rv.review[0].correct, true);
    assert.strictEqual(rv.review.length, 12);
  });

  it('escapes question text and highlights code', () => {
    const q = question('x', 'd1', 't1', '1.1', {
      type: 'output',
      prompt: 'What does `a < b` print? <script>',
      code: 'print("<b>")  # done\n',
      choices: ['<b>', 'raises TypeError'],
      answer: [0],
    });
    const s = drawQuiz(CERT, 't1', [q], 1, NOW);
    const view = examView(s, CERT, [q]);
    assert.ok(view.items[0].promptHtml.includes('<code>a &lt; b</code>'));
    assert.ok(!view.items[0].promptHtml.includes('<script>'));
    assert.ok(view.items[0].codeHtml!.includes('<span class="tok-bi">print</span>'));
    assert.ok(view.items[0].codeHtml!.includes('<span class="tok-str">&quot;&lt;b&gt;&quot;</span>'));
    assert.ok(view.items[0].codeHtml!.includes('<span class="tok-com"># done</span>'));
    const texts = view.items[0].choices.map((c) => c.html).sort();
    assert.deepStrictEqual(texts, ['&lt;b&gt;', 'The code raises <code>TypeError</code>']);
  });
});

describe('exam history and stored sessions', () => {
  it('keeps attempts newest first, once each, up to the limit', () => {
    const results = Array.from({ length: HISTORY_LIMIT + 5 }, (_, i) =>
      score(drawExam(CERT, BANK, i + 1, NOW + i), CERT, BANK, NOW + i),
    );
    let history = results.reduce((h, r) => addToHistory(h, r), [] as ReturnType<typeof score>[]);
    assert.strictEqual(history.length, HISTORY_LIMIT);
    assert.strictEqual(history[0].id, results[results.length - 1].id);
    history = addToHistory(history, history[3]);
    assert.strictEqual(history.length, HISTORY_LIMIT);
    assert.strictEqual(history.filter((h) => h.id === results[results.length - 4].id).length, 1);
    const standing = examStanding(history, 'demo');
    assert.strictEqual(standing.attempts, HISTORY_LIMIT);
    assert.strictEqual(standing.passed, 0);
  });

  it('reads stored history and sessions defensively', () => {
    const good = score(drawExam(CERT, BANK, 1, NOW), CERT, BANK, NOW);
    assert.deepStrictEqual(readHistory([good, { id: 3 }, 'junk']), { history: [good], dropped: 2 });
    assert.deepStrictEqual(readHistory('junk'), { history: [], dropped: 1 });
    assert.deepStrictEqual(readHistory(undefined), { history: [], dropped: 0 });
    const s = drawExam(CERT, BANK, 1, NOW);
    assert.deepStrictEqual(readSession(JSON.parse(JSON.stringify(s))), s);
    assert.strictEqual(readSession({ ...s, version: 2 }), undefined);
    assert.strictEqual(readSession({ ...s, answers: [] }), undefined);
    assert.strictEqual(readSession(null), undefined);
    assert.strictEqual(readSession({ ...s, current: 99 })!.current, s.items.length - 1);
  });
});
