import * as assert from 'assert';
import { ExamResult } from '../../src/core/exam/scoring';
import { emptyProgress } from '../../src/core/progress/progress';
import { labelIndexes, mockChart, sectionBars, shortDate } from '../../src/core/readiness/chart';
import {
  addSnapshot,
  dayOf,
  mergeReadinessHistory,
  readReadinessHistory,
  ReadinessSnapshot,
  snapshotOf,
  snapshotsOf,
  SNAPSHOTS_PER_CERT,
} from '../../src/core/readiness/history';
import { certReadiness } from '../../src/core/readiness/readiness';
import { SectionReadiness } from '../../src/core/readiness/types';
import { readinessView } from '../../src/core/readiness/view';
import { addMiss, DAY_MS, emptyDeck, questionItemKey } from '../../src/core/review/deck';
import { parseFromReadiness } from '../../src/webview/readiness/protocol';
import { CERT, NOW } from './examFixture';

const HOUR = 3_600_000;

function mock(at: number, percent: number): ExamResult {
  return {
    version: 2,
    id: `m${at}`,
    kind: 'exam',
    cert: 'demo',
    startedAt: at - HOUR,
    submittedAt: at,
    timedOut: false,
    percent,
    passMark: 70,
    passed: percent >= 70,
    correct: 0,
    total: 12,
    sections: [
      { id: '1', title: 'Section one', weight: 180, credit: 3, total: 4, percent: 75 },
      { id: '2', title: 'Section two', weight: 290, credit: 2, total: 5, percent: 40 },
    ],
    objectives: [],
    items: [],
  };
}

function section(id: string, percent: number): SectionReadiness {
  return { id, title: `Section ${id}`, weight: 1, percent, evidenced: true, evidence: [], missing: [], topics: [] };
}

const MOCKS = [
  { at: NOW - 2 * DAY_MS, percent: 50, passed: false },
  { at: NOW - DAY_MS, percent: 75, passed: true },
  { at: NOW, percent: 90, passed: true },
];

describe('readiness charts: geometry', () => {
  it('places mocks evenly in order, 0–100 % up the side, with the pass line', () => {
    const c = mockChart(MOCKS, 70);
    assert.strictEqual(c.viewBox, '0 0 560 220');
    assert.deepStrictEqual([c.left, c.right, c.top, c.bottom], [44, 544, 12, 184]);
    assert.strictEqual(c.points, '44,98 294,55 544,29.2');
    assert.strictEqual(c.passY, 63.6);
    assert.strictEqual(c.passLabel, 'pass 70 %');
    assert.deepStrictEqual(
      c.yTicks.map((t) => [t.at, t.label]),
      [
        [184, '0 %'],
        [149.6, '20 %'],
        [115.2, '40 %'],
        [80.8, '60 %'],
        [46.4, '80 %'],
        [12, '100 %'],
      ],
    );
    assert.deepStrictEqual(
      c.xTicks.map((t) => [t.at, t.label]),
      [
        [44, '22 Nov'],
        [294, '23 Nov'],
        [544, '24 Nov'],
      ],
    );
    assert.deepStrictEqual(c.dots[0], { x: 44, y: 98, passed: false, label: '22 Nov: 50 %' });
    assert.strictEqual(
      c.ariaLabel,
      'Mock exam scores: 3 attempts, from 50 % on 22 Nov to 90 % on 24 Nov; pass mark 70 %.',
    );
  });

  it('centres a single attempt and draws nothing without one', () => {
    const one = mockChart(MOCKS.slice(2), 70);
    assert.strictEqual(one.points, '294,29.2');
    assert.strictEqual(one.ariaLabel, 'Mock exam scores: one attempt, 90 % on 24 Nov; pass mark 70 %.');
    const none = mockChart([], 65);
    assert.deepStrictEqual([none.points, none.dots, none.xTicks], ['', [], []]);
    assert.strictEqual(none.passY, 72.2);
    assert.strictEqual(none.ariaLabel, 'Mock exam scores: no attempt yet; pass mark 65 %.');
  });

  it('labels dates on the learner’s clock, with the year when attempts span years', () => {
    assert.strictEqual(shortDate(NOW, -600), '23 Nov', '09:00 UTC is 23:00 the day before at UTC-10');
    assert.strictEqual(shortDate(NOW, 0, true), '24 Nov 2026');
    const span = mockChart([{ at: Date.UTC(2025, 11, 31), percent: 60, passed: false }, MOCKS[2]], 70);
    assert.deepStrictEqual(
      span.xTicks.map((t) => t.label),
      ['31 Dec 2025', '24 Nov 2026'],
    );
  });

  it('labels at most six dates, the first and the last among them', () => {
    assert.deepStrictEqual(labelIndexes(10, 6), [0, 2, 4, 5, 7, 9]);
    assert.deepStrictEqual(labelIndexes(4, 6), [0, 1, 2, 3]);
    assert.deepStrictEqual(labelIndexes(0, 6), []);
  });

  it('draws a bar per section, its fill in proportion, the pass mark across', () => {
    const b = sectionBars([section('a', 50), section('b', 68.8), section('c', 120)], 70);
    assert.strictEqual(b.viewBox, '0 0 560 132');
    assert.deepStrictEqual([b.trackWidth, b.valueX, b.passX, b.passLabel], [488, 496, 341.6, '70 %']);
    assert.deepStrictEqual(
      b.rows.map((r) => [r.label, r.labelY, r.y, r.height, r.width, r.valueLabel, r.clears]),
      [
        ['Section a', 14, 20, 16, 244, '50 %', false],
        ['Section b', 58, 64, 16, 335.7, '68.8 %', false],
        ['Section c', 102, 108, 16, 488, '120 %', true],
      ],
    );
    assert.strictEqual(
      b.ariaLabel,
      'Readiness by official exam section (pass mark 70 %): Section a 50 %; Section b 68.8 %; Section c 120 %.',
    );
  });
});

describe('readiness history: daily snapshots', () => {
  const r = certReadiness(CERT, emptyProgress(), [mock(NOW - DAY_MS, 60)]);
  const snap = (cert: string, day: number, at = 0, overall = 50): ReadinessSnapshot => ({
    cert,
    day: dayOf(NOW + day * DAY_MS),
    at: NOW + day * DAY_MS + at,
    overall,
    sections: { '1': overall },
  });

  it('takes a snapshot of the day on the learner’s clock', () => {
    assert.deepStrictEqual(snapshotOf(r, NOW), {
      cert: 'demo',
      day: '2026-11-24',
      at: NOW,
      overall: r.overall,
      sections: { '1': 75, '2': 40, '3': 0 },
    });
    assert.strictEqual(snapshotOf(r, NOW, 16 * 60).day, '2026-11-25');
  });

  it('keeps one per certification and day, the latest', () => {
    let h = addSnapshot([], snap('demo', 0, 0, 40));
    h = addSnapshot(h, snap('demo', 0, HOUR, 45));
    h = addSnapshot(h, snap('demo', 0, -HOUR, 10));
    h = addSnapshot(h, snap('pcap', 0));
    h = addSnapshot(h, snap('demo', -1));
    assert.deepStrictEqual(
      h.map((s) => [s.cert, s.day, s.overall]),
      [
        ['demo', '2026-11-23', 50],
        ['demo', '2026-11-24', 45],
        ['pcap', '2026-11-24', 50],
      ],
    );
    assert.deepStrictEqual(
      snapshotsOf(h, 'demo').map((x) => x.day),
      ['2026-11-23', '2026-11-24'],
    );
  });

  it('caps each certification, dropping its oldest days', () => {
    let h: ReadinessSnapshot[] = [snap('pcap', 0)];
    for (let d = 0; d < SNAPSHOTS_PER_CERT + 5; d++) h = addSnapshot(h, snap('demo', d));
    assert.strictEqual(SNAPSHOTS_PER_CERT, 180);
    const demo = h.filter((s) => s.cert === 'demo');
    assert.strictEqual(demo.length, 180);
    assert.strictEqual(demo[0].day, dayOf(NOW + 5 * DAY_MS));
    assert.strictEqual(h.filter((s) => s.cert === 'pcap').length, 1);
  });

  it('reads what it can and merges two histories day by day', () => {
    const good = snap('demo', 0);
    const stored = [
      good,
      { ...good, day: '24.11.2026' },
      { ...good, cert: 'Demo!' },
      { ...good, overall: 101 },
      { ...good, at: 'now' },
      { ...good, sections: [] },
      { ...good, day: '2026-11-20', sections: { '1': 50, '2': -1, '3': 'x' } },
      'snapshot',
    ];
    const { history, dropped } = readReadinessHistory(JSON.parse(JSON.stringify(stored)));
    assert.strictEqual(dropped, 6);
    assert.deepStrictEqual(history, [{ ...good, day: '2026-11-20', sections: { '1': 50 } }, good]);
    assert.deepStrictEqual(readReadinessHistory(undefined), { history: [], dropped: 0 });
    assert.deepStrictEqual(readReadinessHistory({}), { history: [], dropped: 1 });
    const later = snap('demo', 0, HOUR, 70);
    assert.deepStrictEqual(mergeReadinessHistory([good, snap('demo', 1)], [later]), [later, snap('demo', 1)]);
    assert.deepStrictEqual(mergeReadinessHistory([later], [good]), [later]);
  });
});

describe('readiness dashboard: the view', () => {
  const deck = addMiss(emptyDeck(), questionItemKey('demo', 'a1'), 't1', NOW - 2 * DAY_MS);
  // Missed again an hour ago (in a review): due again tomorrow.
  const missedTwice = addMiss(deck, questionItemKey('demo', 'a1'), 't1', NOW - HOUR);
  const other = { ...CERT, id: 'other', title: 'Other', shortTitle: 'OTH' };
  const input = {
    certs: [CERT, other],
    progress: emptyProgress(),
    history: [mock(NOW - DAY_MS, 60)],
    deck,
    now: NOW,
  };

  it('holds a page per certification, the asked one selected', () => {
    const v = readinessView({ ...input, selected: 'other' });
    assert.deepStrictEqual(
      v.certs.map((c) => c.id),
      ['demo', 'other'],
    );
    assert.strictEqual(v.selected, 'other');
    assert.strictEqual(readinessView({ ...input, selected: 'gone' }).selected, 'demo');
    const waiting = readinessView({ ...input, deck: missedTwice });
    assert.deepStrictEqual(
      [waiting.dueText, waiting.certs[0].reviews],
      ['next review tomorrow', 'Nothing due; next review tomorrow.'],
    );
    assert.deepStrictEqual([v.due, v.dueText], [1, '1 due']);
    assert.deepStrictEqual(
      v.certs.map((c) => [c.due, c.reviews, c.nextStep.kind]),
      [
        [1, '1 due.', 'review'],
        [0, 'Nothing to review: missed questions and failed exercises will come here.', 'lesson'],
      ],
    );
  });

  it('gives the sections, their evidence and a table with the same numbers', () => {
    const c = readinessView(input).certs[0];
    assert.deepStrictEqual(
      c.sections.map((s) => [s.title, s.percent, s.clears, s.missing]),
      [
        ['Section one', 75, true, 'Missing: an exercise, a topic quiz'],
        ['Section two', 40, false, 'Missing: an exercise, a topic quiz'],
        ['Section three', 0, false, 'Missing: a mock, an exercise, a topic quiz'],
      ],
    );
    assert.deepStrictEqual(c.sections[0].evidence[0], {
      kind: 'mocks',
      name: 'Mocks',
      value: '75 %',
      detail: 'last mock: 3 of 4 items',
      share: '100 %',
    });
    assert.deepStrictEqual(c.sectionTable.head, ['Section', 'Readiness', 'Mocks', 'Exercises', 'Topic quizzes']);
    assert.deepStrictEqual(c.sectionTable.rows[0], [
      'Section one',
      '75 %',
      '75 % (last mock: 3 of 4 items)',
      'missing (no exercises in this section)',
      'missing (no topic quiz yet)',
    ]);
    assert.deepStrictEqual(
      c.bars.rows.map((r) => r.valueLabel),
      ['75 %', '40 %', '0 %'],
    );
  });

  it('gives the chart and its table, the verdict and the rule', () => {
    const c = readinessView({ ...input, utcOffsetMinutes: 120 }).certs[0];
    assert.deepStrictEqual(c.mockTable, {
      caption: 'Mock exam scores, oldest first (pass mark 70 %)',
      head: ['Date', 'Score', 'Result'],
      rows: [['23 Nov 2026', '60 %', 'not passed']],
    });
    assert.strictEqual(c.chart.points, '294,80.8');
    assert.strictEqual(c.verdict.level, 'notYet');
    assert.deepStrictEqual(c.verdict.reasons, [
      'Only 1 mock so far: the verdict needs your last three.',
      'Your mock scored below 80 % (60 %).',
      'Section two is at 40 % (needs 70 %).',
      'Section three: no exercise, quiz or mock yet (needs 70 %).',
    ]);
    assert.match(c.rule, /^A section's readiness weighs/);
    assert.strictEqual(JSON.stringify(c).includes('<'), false, 'no markup anywhere');
  });
});

describe('readiness dashboard: messages from the page', () => {
  it('accepts the four messages in their shapes', () => {
    assert.deepStrictEqual(parseFromReadiness({ type: 'ready' }), { type: 'ready' });
    assert.deepStrictEqual(parseFromReadiness({ type: 'nextStep', cert: 'pcap' }), { type: 'nextStep', cert: 'pcap' });
    assert.deepStrictEqual(parseFromReadiness({ type: 'review', cert: 'pcep', extra: 1 }), {
      type: 'review',
      cert: 'pcep',
    });
    assert.deepStrictEqual(parseFromReadiness({ type: 'openTopic', cert: 'pcap', topic: 'list-basics' }), {
      type: 'openTopic',
      cert: 'pcap',
      topic: 'list-basics',
    });
  });

  it('refuses anything else', () => {
    for (const bad of [
      undefined,
      null,
      'ready',
      [],
      { type: 'show' },
      { type: 'nextStep' },
      { type: 'review', cert: 3 },
      { type: 'review', cert: 'PCAP' },
      { type: 'openTopic', cert: 'pcap' },
      { type: 'openTopic', cert: 'pcap', topic: '../etc' },
      { type: 'openTopic', cert: 'pcap', topic: 'a'.repeat(101) },
    ])
      assert.strictEqual(parseFromReadiness(bad), undefined, JSON.stringify(bad));
  });
});
