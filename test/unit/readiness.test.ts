import * as assert from 'assert';
import { ExamResult, ObjectiveScore } from '../../src/core/exam/scoring';
import { emptyProgress, ProgressState } from '../../src/core/progress/progress';
import { exerciseEvidence, mockEvidence, quizEvidence, sectionTopics } from '../../src/core/readiness/evidence';
import { nextStep } from '../../src/core/readiness/nextStep';
import { certReadiness, combine, READINESS_RULE } from '../../src/core/readiness/readiness';
import { verdict } from '../../src/core/readiness/verdict';
import { addMiss, DAY_MS, emptyDeck, questionItemKey } from '../../src/core/review/deck';
import { ExamCertification, Exercise, Topic } from '../../src/core/syllabus/model';
import { CERT, NOW } from './examFixture';

function exercise(id: string): Exercise {
  return {
    id,
    title: `Exercise ${id}`,
    difficulty: 'easy',
    kind: 'function',
    prompt: '',
    starter: '',
    solution: '',
    checks: [],
    hints: [],
  };
}

function topic(id: string, objectives: string[], exercises: string[]): Topic {
  return { id, title: `Topic ${id}`, summary: '', objectives, covers: [], exercises: exercises.map(exercise) };
}

/**
 * The blueprint of examFixture (sections 1: 1.1; 2: 2.1, 2.2; 3: 3.1, weights 180 / 290 / 250), with
 * exercises: t5 practises objectives of sections 1 and 3, t4 is off the blueprint.
 */
const DEMO: ExamCertification = {
  ...CERT,
  domains: [
    {
      id: 'd1',
      title: 'Domain 1',
      weight: 70,
      topics: [topic('t1', ['1.1'], ['e1', 'e2']), topic('t2', ['2.1', '2.2'], ['e1', 'e2', 'e3', 'e4'])],
    },
    {
      id: 'd2',
      title: 'Domain 2',
      weight: 30,
      topics: [topic('t3', ['3.1'], ['e1']), topic('t4', ['9.9'], ['e1']), topic('t5', ['1.1', '3.1'], ['e1'])],
    },
  ],
};
const ALL_EXERCISES = ['t1/e1', 't1/e2', 't2/e1', 't2/e2', 't2/e3', 't2/e4', 't3/e1', 't4/e1', 't5/e1'];

/** A pack without a blueprint: its domains are the sections (a domain of weight 0 is none). */
const PACK: ExamCertification = {
  ...CERT,
  id: 'pack',
  blueprint: undefined,
  domains: [
    { id: 'da', title: 'Domain A', weight: 60, topics: [topic('pa', [], [])] },
    { id: 'db', title: 'Domain B', weight: 40, topics: [topic('pb', [], ['e1'])] },
    { id: 'dz', title: 'Domain Z', weight: 0, topics: [topic('pz', [], ['e1'])] },
  ],
};

function passed(...keys: string[]): ProgressState {
  const progress = emptyProgress();
  for (const k of keys) progress.exercises[`demo/${k}`] = { runs: 1, failedRuns: 0, passedAt: '2026-11-20T10:00:00Z' };
  return progress;
}

const TITLES: Record<string, string> = { '1': 'Section one', '2': 'Section two', '3': 'Section three' };

function mock(
  at: number,
  percent: number,
  sections: [string, number, number][],
  objectives: ObjectiveScore[] = [],
): ExamResult {
  return {
    version: 2,
    id: `m${at}`,
    kind: 'exam',
    cert: 'demo',
    startedAt: at - 3_600_000,
    submittedAt: at,
    timedOut: false,
    percent,
    passMark: 70,
    passed: percent >= 70,
    correct: 0,
    total: 12,
    sections: sections.map(([id, credit, total]) => ({
      id,
      title: TITLES[id],
      weight: 1,
      credit,
      total,
      percent: (credit / total) * 100,
    })),
    objectives,
    items: [],
  };
}

function quiz(at: number, topicId: string, credits: number[]): ExamResult {
  const credit = credits.reduce((a, b) => a + b, 0);
  return {
    ...mock(at, (credit / credits.length) * 100, []),
    id: `q${at}`,
    kind: 'quiz',
    topic: topicId,
    total: credits.length,
    items: credits.map((c, i) => ({
      question: `x${i}`,
      kind: 'choices',
      answer: [0],
      credit: c,
      correct: c === 1,
      order: [],
      flagged: false,
    })),
  };
}

/** Four mocks (the oldest no longer counts) and quizzes on t1 and t2. */
const HISTORY: ExamResult[] = [
  mock(NOW - 4 * DAY_MS, 10, [
    ['1', 0, 4],
    ['2', 0, 5],
    ['3', 0, 3],
  ]),
  mock(NOW - 3 * DAY_MS, 85, [
    ['1', 3, 4],
    ['2', 4, 5],
    ['3', 1, 3],
  ]),
  mock(NOW - 2 * DAY_MS, 78, [
    ['1', 4, 4],
    ['2', 3, 5],
    ['3', 2, 3],
  ]),
  mock(NOW - DAY_MS, 90, [
    ['1', 2, 4],
    ['2', 5, 5],
  ]),
  quiz(NOW - 5 * DAY_MS, 't1', [1, 0, 0, 0]),
  quiz(NOW - 3_600_000, 't1', [1, 1, 1, 0.5]),
  quiz(NOW - 9 * DAY_MS, 't2', [0, 0]),
  quiz(NOW - 8 * DAY_MS, 't2', [1, 1]),
  quiz(NOW - 7 * DAY_MS, 't2', [1, 0]),
  quiz(NOW - 6 * DAY_MS, 't2', [1, 1, 1, 1]),
];
const PROGRESS = passed('t1/e1', 't2/e1', 't2/e2', 't5/e1', 't4/e1');

describe('readiness: the evidence per official section', () => {
  it('gives each section the topics with one of its objectives, and topics off the blueprint to none', () => {
    assert.deepStrictEqual(
      sectionTopics(DEMO).map((p) => [p.section.id, p.topics.map((t) => t.id)]),
      [
        ['1', ['t1', 't5']],
        ['2', ['t2']],
        ['3', ['t3', 't5']],
      ],
    );
    assert.deepStrictEqual(
      sectionTopics(PACK).map((p) => [p.section.id, p.topics.map((t) => t.id)]),
      [
        ['da', ['pa']],
        ['db', ['pb']],
      ],
    );
  });

  it('counts an exercise toward every section of its topic, and an extra topic’s toward none', () => {
    const [one, two, three] = sectionTopics(DEMO);
    const onlyT5 = passed('t5/e1', 't4/e1');
    assert.deepStrictEqual(exerciseEvidence(onlyT5, 'demo', one.topics), {
      kind: 'exercises',
      percent: 33.3,
      detail: '1 of 3 exercises passed',
    });
    assert.strictEqual(exerciseEvidence(onlyT5, 'demo', two.topics).percent, 0);
    assert.strictEqual(exerciseEvidence(onlyT5, 'demo', three.topics).percent, 50);
    assert.deepStrictEqual(exerciseEvidence(onlyT5, 'demo', []), {
      kind: 'exercises',
      detail: 'no exercises in this section',
    });
  });

  it('pools a section’s credit over the last three mocks only', () => {
    const mocks = HISTORY.filter((h) => h.kind === 'exam').reverse();
    assert.deepStrictEqual(mockEvidence(mocks, '1'), {
      kind: 'mocks',
      percent: 75,
      detail: 'last 3 mocks: 9 of 12 items',
    });
    assert.deepStrictEqual(mockEvidence(mocks, '3'), {
      kind: 'mocks',
      percent: 50,
      detail: 'last 2 mocks: 3 of 6 items',
    });
    assert.deepStrictEqual(mockEvidence(mocks.slice(0, 1), '3'), {
      kind: 'mocks',
      detail: 'no recent mock scored this section',
    });
    assert.deepStrictEqual(mockEvidence([], '1'), { kind: 'mocks', detail: 'no mock yet' });
  });

  it('averages each quizzed topic’s latest three quizzes', () => {
    const [one, two, three] = sectionTopics(DEMO);
    // t1: (1 + 3.5) of 8 = 56.25 %; t2: its three latest, (2 + 1 + 4) of 8 = 87.5 %.
    assert.deepStrictEqual(quizEvidence(HISTORY, 'demo', one.topics), {
      kind: 'quizzes',
      percent: 56.3,
      detail: 'latest quizzes on 1 of 2 topics',
    });
    assert.strictEqual(quizEvidence(HISTORY, 'demo', two.topics).percent, 87.5);
    assert.deepStrictEqual(quizEvidence(HISTORY, 'demo', three.topics), {
      kind: 'quizzes',
      detail: 'no topic quiz yet',
    });
    assert.strictEqual(
      quizEvidence(HISTORY, 'other', two.topics).percent,
      undefined,
      'another certification’s quizzes',
    );
  });
});

describe('readiness: the rule', () => {
  it('weighs mocks 50 %, exercises 30 %, quizzes 20 %, re-weighting what is there', () => {
    const all = combine([
      { kind: 'mocks', percent: 80, detail: '' },
      { kind: 'exercises', percent: 50, detail: '' },
      { kind: 'quizzes', percent: 60, detail: '' },
    ]);
    assert.strictEqual(all.percent, 67);
    assert.deepStrictEqual(
      all.evidence.map((e) => e.share),
      [50, 30, 20],
    );
    const noMock = combine([
      { kind: 'mocks', detail: 'no mock yet' },
      { kind: 'exercises', percent: 50, detail: '' },
      { kind: 'quizzes', percent: 60, detail: '' },
    ]);
    assert.strictEqual(noMock.percent, 54);
    assert.deepStrictEqual(
      noMock.evidence.map((e) => e.share),
      [0, 60, 40],
    );
    assert.strictEqual(combine([{ kind: 'mocks', detail: '' }]).percent, 0);
    assert.match(
      READINESS_RULE,
      /last three mocks 50 %, the exercises passed in its topics 30 % .* quiz scores 20 %; evidence/,
    );
  });

  it('computes every section of a certification and the overall by official weight', () => {
    const r = certReadiness(DEMO, PROGRESS, HISTORY);
    assert.deepStrictEqual(
      r.sections.map((s) => [s.id, s.percent, s.missing]),
      [
        ['1', 68.8, []],
        ['2', 72.5, []],
        ['3', 50, ['quizzes']],
      ],
    );
    assert.deepStrictEqual(
      r.sections[2].evidence.map((e) => [e.kind, e.percent, e.share, e.detail]),
      [
        ['mocks', 50, 62.5, 'last 2 mocks: 3 of 6 items'],
        ['exercises', 50, 37.5, '1 of 2 exercises passed'],
        ['quizzes', undefined, 0, 'no topic quiz yet'],
      ],
    );
    // (180 × 68.8 + 290 × 72.5 + 250 × 50) / 720
    assert.strictEqual(r.overall, 63.8);
    assert.deepStrictEqual(
      r.mocks.map((m) => m.percent),
      [10, 85, 78, 90],
    );
    assert.deepStrictEqual(r.sections[0].topics, [
      { id: 't1', title: 'Topic t1' },
      { id: 't5', title: 'Topic t5' },
    ]);
  });

  it('has no evidence and 0 % for a section nothing was done in', () => {
    const r = certReadiness(PACK, emptyProgress(), []);
    assert.deepStrictEqual(
      r.sections.map((s) => [s.id, s.percent, s.evidenced, s.missing.length]),
      [
        ['da', 0, false, 3],
        ['db', 0, true, 2],
      ],
    );
    assert.strictEqual(r.overall, 0);
  });
});

describe('readiness: the verdict', () => {
  it('names each thing missing: a low mock and each low section', () => {
    const v = verdict(certReadiness(DEMO, PROGRESS, HISTORY));
    assert.strictEqual(v.level, 'notYet');
    assert.strictEqual(v.headline, 'Not ready yet: 2 sections below 70 %.');
    assert.deepStrictEqual(
      v.reasons.map((r) => r.text),
      [
        '1 of your last three mocks scored below 80 % (78 %).',
        'Section one is at 68.8 % (needs 70 %).',
        'Section three is at 50 % (needs 70 %).',
      ],
    );
    assert.deepStrictEqual(
      v.reasons.map((r) => r.section),
      [undefined, '1', '3'],
    );
  });

  it('says no mock yet, and a section without any evidence', () => {
    const v = verdict(certReadiness(PACK, emptyProgress(), []));
    assert.deepStrictEqual(
      v.reasons.map((r) => [r.kind, r.text]),
      [
        ['noMock', 'No mock exam yet: take one to see where you stand.'],
        ['lowSection', 'Domain A: no exercise, quiz or mock yet (needs 70 %).'],
        ['lowSection', 'Domain B is at 0 % (needs 70 %).'],
      ],
    );
    assert.strictEqual(v.headline, 'Not ready yet: 2 sections below 70 %.');
  });

  it('is close when every section clears 70 % but fewer than three mocks reach 80 %', () => {
    const strong: [string, number, number][] = [
      ['1', 4, 4],
      ['2', 5, 5],
      ['3', 3, 3],
    ];
    const two = [mock(NOW - DAY_MS, 82, strong), mock(NOW, 79, strong)];
    const v = verdict(certReadiness(DEMO, passed(...ALL_EXERCISES), two));
    assert.strictEqual(v.level, 'close');
    assert.strictEqual(v.headline, 'Close: every section ≥ 70 %; now the last three mocks need ≥ 80 %.');
    assert.deepStrictEqual(
      v.reasons.map((r) => r.text),
      ['Only 2 mocks so far: the verdict needs your last three.', '1 of your last two mocks scored below 80 % (79 %).'],
    );
    const one = verdict(certReadiness(DEMO, passed(...ALL_EXERCISES), [mock(NOW, 75, strong)]));
    assert.deepStrictEqual(
      one.reasons.map((r) => r.text),
      ['Only 1 mock so far: the verdict needs your last three.', 'Your mock scored below 80 % (75 %).'],
    );
  });

  it('is ready when the last three mocks reach 80 % and every section 70 %', () => {
    const strong: [string, number, number][] = [
      ['1', 4, 4],
      ['2', 4, 5],
      ['3', 3, 3],
    ];
    const history = [
      mock(NOW - 3 * DAY_MS, 60, strong),
      ...[80, 84, 91].map((p, i) => mock(NOW - i * DAY_MS, p, strong)),
    ];
    const v = verdict(certReadiness(DEMO, passed(...ALL_EXERCISES), history));
    assert.deepStrictEqual(v, {
      level: 'ready',
      headline: 'Ready: the last three mocks ≥ 80 % and every section ≥ 70 %.',
      reasons: [],
      mockMark: 80,
      sectionMark: 70,
    });
    const allLow = [60, 70, 75].map((p, i) => mock(NOW - i * DAY_MS, p, strong));
    assert.deepStrictEqual(
      verdict(certReadiness(DEMO, passed(...ALL_EXERCISES), allLow)).reasons.map((r) => r.text),
      ['Your last three mocks all scored below 80 % (60 %, 70 %, 75 %).'],
    );
    const lower = history.map((h, i) => (i === 2 ? { ...h, percent: 79.9 } : h));
    assert.strictEqual(verdict(certReadiness(DEMO, passed(...ALL_EXERCISES), lower)).level, 'close');
  });
});

describe('readiness: the next best step', () => {
  const base = { cert: DEMO, progress: PROGRESS, history: HISTORY, deck: emptyDeck(), now: NOW };
  const step = (input: Partial<typeof base>) => {
    const all = { ...base, ...input };
    return nextStep({ ...all, readiness: certReadiness(all.cert, all.progress, all.history) });
  };

  it('is due reviews first, of this certification only', () => {
    const deck = addMiss(
      addMiss(emptyDeck(), questionItemKey('demo', 'a1'), 't1', NOW - 2 * DAY_MS),
      questionItemKey('demo', 'a2'),
      't1',
      NOW - 2 * DAY_MS,
    );
    assert.deepStrictEqual(step({ deck }), {
      kind: 'review',
      cert: 'demo',
      count: 2,
      label: 'Review 2 due items',
      reason: 'Questions and exercises you missed are due again; reviewing them on time is what makes them stick.',
    });
    const elsewhere = addMiss(emptyDeck(), questionItemKey('pcap', 'a1'), 't1', NOW - 2 * DAY_MS);
    assert.strictEqual(step({ deck: elsewhere }).kind, 'exercise');
    // Missed again in a review an hour ago: due again tomorrow, so not the step now.
    const first = addMiss(emptyDeck(), questionItemKey('demo', 'a1'), 't1', NOW - 2 * 3_600_000);
    const notYet = addMiss(first, questionItemKey('demo', 'a1'), 't1', NOW - 3_600_000);
    assert.strictEqual(step({ deck: notYet }).kind, 'exercise');
  });

  it('is the weakest section’s next unpassed exercise, in tree order', () => {
    assert.deepStrictEqual(step({}), {
      kind: 'exercise',
      cert: 'demo',
      section: '3',
      topic: 't3',
      exercise: 'demo/t3/e1',
      label: 'Practise: Exercise e1',
      reason: 'Section three is your weakest section (50 %); this is its next exercise not passed yet (Topic t3).',
    });
  });

  it('is the lesson of the weakest topic when the section’s exercises pass but its answers are weak', () => {
    const objectives: ObjectiveScore[] = [
      {
        code: '3.1',
        subject: 'Three',
        section: '3',
        credit: 2,
        total: 3,
        percent: 66.7,
        topics: [
          { id: 't3', title: 'Topic t3' },
          { id: 't5', title: 'Topic t5' },
        ],
      },
    ];
    const history = [
      ...HISTORY.slice(0, 2),
      mock(
        NOW - 2 * DAY_MS,
        78,
        [
          ['1', 4, 4],
          ['2', 3, 5],
          ['3', 2, 3],
        ],
        objectives,
      ),
      ...HISTORY.slice(3),
      quiz(NOW, 't5', [0, 0]),
    ];
    const s = step({ progress: passed(...ALL_EXERCISES), history });
    // Section three: mocks 50 %, exercises 100 %, quizzes 0 % → 55 %. t5: quiz 0 of 2 and mock 2 of 3 = 40 %; t3: 2 of 3.
    assert.deepStrictEqual(s, {
      kind: 'lesson',
      cert: 'demo',
      section: '3',
      topic: 't5',
      label: 'Read the lesson: Topic t5',
      reason:
        'Section three is your weakest section (55 %): its exercises pass, but its quiz and mock answers are weak; Topic t5 is the weakest topic (40 % of its answers right).',
    });
  });

  it('is the lesson of a section with no exercises, its first topic when nothing was answered', () => {
    const s = step({ cert: PACK, progress: emptyProgress(), history: [] });
    assert.deepStrictEqual(
      [s.kind, s.section, s.topic, s.reason],
      [
        'lesson',
        'da',
        'pa',
        'Domain A is your weakest section (0 %) and has no exercises; start with the lesson of Topic pa.',
      ],
    );
  });

  it('is a mock when every section clears the mark but the mocks do not yet', () => {
    const s = step({ progress: passed(...ALL_EXERCISES), history: [] });
    assert.deepStrictEqual(s, {
      kind: 'mock',
      cert: 'demo',
      label: 'Take a mock exam',
      reason: 'Every section is at 70 % or more: your last three mocks at 80 % or more will show you are ready.',
    });
  });

  it('is a mock to stay ready once ready', () => {
    const strong: [string, number, number][] = [
      ['1', 4, 4],
      ['2', 5, 5],
      ['3', 3, 3],
    ];
    const history = [80, 85, 90].map((p, i) => mock(NOW - i * DAY_MS, p, strong));
    const s = step({ progress: passed(...ALL_EXERCISES), history });
    assert.deepStrictEqual(
      [s.kind, s.reason],
      ['mock', 'You are ready; another mock keeps it that way until exam day.'],
    );
  });
});
