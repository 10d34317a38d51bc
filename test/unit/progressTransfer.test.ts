import * as assert from 'assert';
import { HISTORY_LIMIT } from '../../src/core/exam/history';
import { readReadinessHistory } from '../../src/core/readiness/history';
import { addMiss, emptyDeck } from '../../src/core/review/deck';
import { ExamResult } from '../../src/core/exam/scoring';
import {
  emptyProgress,
  ExerciseProgress,
  ProgressState,
  recordGenerated,
  recordRun,
  revealHint,
} from '../../src/core/progress/progress';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  exportFileName,
  exportProgress,
  noExtras,
  mergeHistory,
  mergeProgress,
  parseProgressExport,
  progressCounts,
  ProgressExport,
  serializeExport,
} from '../../src/core/progress/transfer';

const T = (hour: number) => new Date(Date.UTC(2026, 2, 1, hour, 0, 0));
const iso = (hour: number) => T(hour).toISOString();
const A = 'pcep/loops/collatz-steps';
const B = 'pcep/lists/rotate-list';
const GONE = 'oldcert/old-topic/old-exercise';

function result(id: string, submittedAt: number, extra: Partial<ExamResult> = {}): ExamResult {
  return {
    version: 2,
    id,
    kind: 'exam',
    cert: 'pcep',
    startedAt: submittedAt - 60_000,
    submittedAt,
    timedOut: false,
    correct: 20,
    total: 30,
    percent: 66.7,
    passMark: 70,
    passed: false,
    sections: [],
    objectives: [],
    items: [],
    ...extra,
  };
}

function state(exercises: Record<string, ExerciseProgress>): ProgressState {
  return { version: 1, exercises };
}

function file(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...exportProgress(emptyProgress(), [], '0.1.0', T(0)), ...overrides });
}

function parsed(text: string): { data: ProgressExport; skipped: number } {
  const out = parseProgressExport(text);
  if ('error' in out) throw new Error(`unexpected error: ${out.error}`);
  return out;
}

function error(text: string): string {
  const out = parseProgressExport(text);
  assert.ok('error' in out, `expected an error for ${text.slice(0, 80)}`);
  return out.error;
}

describe('progress export', () => {
  it('round-trips progress and exam history through the file text', () => {
    let s = recordGenerated(emptyProgress(), A, T(1));
    s = recordRun(s, A, 'failed', T(2));
    s = recordRun(s, A, 'passed', T(3));
    s = revealHint(s, A, 3).state;
    s = recordRun(s, B, 'error', T(4));
    s = recordGenerated(s, GONE, T(0));
    const history = [
      result('exam-2', T(6).getTime(), { passed: true, percent: 80 }),
      result('quiz-1', T(5).getTime(), { kind: 'quiz', topic: 'loops' }),
    ];
    const data = exportProgress(s, history, '1.2.3', T(7), { ...noExtras(), seen: { 'pcep/q1': T(6).getTime() } });
    assert.deepStrictEqual(
      {
        format: data.format,
        version: data.version,
        exportedAt: data.exportedAt,
        extensionVersion: data.extensionVersion,
      },
      { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: iso(7), extensionVersion: '1.2.3' },
    );
    const text = serializeExport(data);
    assert.ok(text.endsWith('}\n') && text.includes('\n  "format": "cert-path-progress",\n'), 'pretty JSON');
    // Compared with what JSON holds: the state in memory may carry fields set to undefined.
    assert.deepStrictEqual(parsed(text), { data: JSON.parse(JSON.stringify(data)), skipped: 0 });
    assert.deepStrictEqual(progressCounts(data.progress, data.examHistory), {
      exercises: 3,
      passed: 1,
      examAttempts: 2,
    });
  });

  it('carries the seen log, the review deck and the readiness history; a file without them has none', () => {
    const review = addMiss(emptyDeck(), 'question:pcep/q1', 'loops', T(1).getTime());
    const readiness = [
      { cert: 'pcep', day: '2026-03-01', at: T(2).getTime(), overall: 41, sections: { '1': 50, '2': 30 } },
    ];
    const data = exportProgress(emptyProgress(), [], '1.2.3', T(7), {
      seen: { 'pcep/q1': 5, 'pcap/q2': 9 },
      review,
      readiness: readReadinessHistory(readiness).history,
    });
    const read = parsed(serializeExport(data));
    assert.deepStrictEqual(read.data.seen, { 'pcep/q1': 5, 'pcap/q2': 9 });
    assert.deepStrictEqual(read.data.review, review);
    assert.deepStrictEqual(read.data.readiness, data.readiness);
    assert.strictEqual(read.data.readiness.length, 1);
    const old = JSON.parse(serializeExport(data)) as Record<string, unknown>;
    delete old.seen;
    delete old.review;
    delete old.readiness;
    const readOld = parsed(JSON.stringify(old));
    assert.deepStrictEqual(readOld.data.seen, {});
    assert.deepStrictEqual(readOld.data.review, emptyDeck());
    assert.deepStrictEqual(readOld.data.readiness, []);
  });

  it('names the file after the local date', () => {
    assert.strictEqual(exportFileName(new Date(2026, 0, 5, 23, 59)), 'cert-path-progress-2026-01-05.json');
    assert.strictEqual(exportFileName(new Date(2026, 11, 31, 0, 1)), 'cert-path-progress-2026-12-31.json');
  });
});

describe('reading a progress file', () => {
  it('rejects text that is not JSON', () => {
    assert.match(
      error('{"format": "cert-path-progress",'),
      /^the file is not valid JSON \(.+\)\. Choose a file written by "Cert Path: Export Progress…"\.$/,
    );
    assert.match(error(''), /not valid JSON/);
  });

  it('rejects JSON that is not a Cert Path progress file', () => {
    for (const text of [
      '[]',
      '42',
      'null',
      '{"version": 1, "progress": {"exercises": {}}}',
      file({ format: 'other-tool' }),
    ]) {
      assert.strictEqual(
        error(text),
        'this is not a Cert Path progress file: it has no "format": "cert-path-progress" field. Choose a file written by "Cert Path: Export Progress…".',
        text,
      );
    }
  });

  it('rejects a newer file version, naming both versions and the fix', () => {
    assert.strictEqual(
      error(file({ version: 2, extensionVersion: '9.0.0' })),
      'the file was written by Cert Path 9.0.0 in progress format version 2, and this Cert Path reads up to version 1. Update the Cert Path extension, then import again.',
    );
    assert.match(
      error(file({ version: 3, extensionVersion: undefined })),
      /^the file was written in progress format version 3/,
    );
  });

  it('rejects a missing or nonsensical version', () => {
    assert.match(error(file({ version: undefined })), /^the file's "version" is missing, not a version number\./);
    assert.match(error(file({ version: '1' })), /^the file's "version" is "1", not a version number\./);
    assert.match(error(file({ version: 0 })), /"version" is 0/);
    assert.match(error(file({ version: 1.5 })), /"version" is 1\.5/);
  });

  it('rejects a damaged progress section or exam history', () => {
    for (const progress of [undefined, [], 'x', { version: 1 }, { version: 1, exercises: [] }]) {
      assert.strictEqual(
        error(file({ progress })),
        'the file\'s "progress" section is missing or damaged (it needs an "exercises" object). Choose a file written by "Cert Path: Export Progress…".',
        JSON.stringify(progress),
      );
    }
    assert.match(error(file({ examHistory: { a: 1 } })), /^the file's "examHistory" is not a list of exam attempts\./);
  });

  it('reads the good entries of a file with some bad ones, and counts the rest', () => {
    const good = result('exam-1', T(5).getTime());
    // A "__proto__" key is spliced into the text: JSON.parse, unlike an object literal, makes it an ordinary key.
    const text = `\uFEFF${JSON.stringify({
      format: EXPORT_FORMAT,
      version: 1,
      progress: {
        version: 1,
        exercises: {
          [A]: { runs: 2, failedRuns: 1, passedAt: iso(3), lastRunAt: iso(3), lastOutcome: 'passed' },
          [B]: 'junk',
          [GONE]: { runs: 'many', failedRuns: -1, passedAt: 'not a date' },
          'no-slashes': { runs: 1, failedRuns: 0 },
        },
      },
      examHistory: [good, { id: 7 }, 'junk', good],
    }).replace('"no-slashes":', '"__proto__":{"runs":1,"failedRuns":0},"no-slashes":')}`;
    const { data, skipped } = parsed(text);
    assert.deepStrictEqual(
      data.progress,
      state({
        [A]: { runs: 2, failedRuns: 1, passedAt: iso(3), lastRunAt: iso(3), lastOutcome: 'passed' },
        [GONE]: { runs: 0, failedRuns: 0 },
      }),
    );
    assert.strictEqual(Object.getPrototypeOf(data.progress.exercises), Object.prototype);
    assert.deepStrictEqual(data.examHistory, [good], 'duplicates read once');
    assert.strictEqual(skipped, 5, 'B, no-slashes, __proto__ and two history entries');
    assert.strictEqual(data.exportedAt, '');
  });

  it('accepts a file without exam history', () => {
    assert.deepStrictEqual(parsed(file({ examHistory: undefined })).data.examHistory, []);
  });
});

describe('merging imported progress', () => {
  it('never loses a local pass to a later failed run in the file', () => {
    const mine = state({ [A]: { runs: 1, failedRuns: 0, lastOutcome: 'passed', lastRunAt: iso(2), passedAt: iso(2) } });
    const theirs = state({ [A]: { runs: 4, failedRuns: 4, lastOutcome: 'failed', lastRunAt: iso(5) } });
    const { state: s, summary } = mergeProgress(mine, theirs);
    assert.deepStrictEqual(s.exercises[A], {
      runs: 4,
      failedRuns: 4,
      lastOutcome: 'failed',
      lastRunAt: iso(5),
      passedAt: iso(2),
    });
    assert.deepStrictEqual(summary, { added: 0, improved: 1, newlyPassed: 0 });
  });

  it('takes a pass from the file even when the local run after it failed', () => {
    const mine = state({
      [A]: { runs: 2, failedRuns: 2, lastOutcome: 'error', lastRunAt: iso(6), generatedAt: iso(1) },
    });
    const theirs = state({
      [A]: { runs: 1, failedRuns: 0, lastOutcome: 'passed', lastRunAt: iso(3), passedAt: iso(3), generatedAt: iso(0) },
    });
    const { state: s, summary } = mergeProgress(mine, theirs);
    assert.deepStrictEqual(s.exercises[A], {
      runs: 2,
      failedRuns: 2,
      lastOutcome: 'error',
      lastRunAt: iso(6),
      passedAt: iso(3),
      generatedAt: iso(0),
    });
    assert.deepStrictEqual(summary, { added: 0, improved: 1, newlyPassed: 1 });
  });

  it('keeps the earliest pass and generation, the highest counts and hints, and the later run', () => {
    const mine = state({
      [A]: {
        runs: 9,
        failedRuns: 1,
        hintsRevealed: 1,
        passedAt: iso(4),
        generatedAt: iso(2),
        lastRunAt: iso(8),
        lastOutcome: 'passed',
      },
    });
    const theirs = state({
      [A]: {
        runs: 3,
        failedRuns: 3,
        hintsRevealed: 2,
        passedAt: iso(3),
        generatedAt: iso(1),
        lastRunAt: iso(7),
        lastOutcome: 'failed',
      },
    });
    assert.deepStrictEqual(mergeProgress(mine, theirs).state.exercises[A], {
      runs: 9,
      failedRuns: 3,
      hintsRevealed: 2,
      passedAt: iso(3),
      generatedAt: iso(1),
      lastRunAt: iso(8),
      lastOutcome: 'passed',
    });
    // The same merge the other way round gives the same record: the order of the workspaces does not matter.
    assert.deepStrictEqual(
      mergeProgress(theirs, mine).state.exercises[A],
      mergeProgress(mine, theirs).state.exercises[A],
    );
  });

  it('lets the later run set the last outcome, and an equal time keep the local one', () => {
    const mine = state({ [A]: { runs: 1, failedRuns: 1, lastRunAt: iso(5), lastOutcome: 'failed' } });
    assert.strictEqual(
      mergeProgress(mine, state({ [A]: { runs: 1, failedRuns: 1, lastRunAt: iso(6), lastOutcome: 'error' } })).state
        .exercises[A].lastOutcome,
      'error',
    );
    assert.strictEqual(
      mergeProgress(mine, state({ [A]: { runs: 1, failedRuns: 1, lastRunAt: iso(4), lastOutcome: 'error' } })).state
        .exercises[A].lastOutcome,
      'failed',
    );
    assert.strictEqual(
      mergeProgress(mine, state({ [A]: { runs: 1, failedRuns: 1, lastRunAt: iso(5), lastOutcome: 'error' } })).state
        .exercises[A].lastOutcome,
      'failed',
    );
    const generatedOnly = state({ [A]: { runs: 0, failedRuns: 0, generatedAt: iso(1) } });
    assert.deepStrictEqual(mergeProgress(generatedOnly, mine).state.exercises[A], {
      ...mine.exercises[A],
      generatedAt: iso(1),
    });
  });

  it('adds exercises only the file has and keeps records only the workspace has, known or not', () => {
    const mine = state({
      [GONE]: { runs: 5, failedRuns: 5, lastOutcome: 'failed', lastRunAt: iso(1) },
      [B]: { runs: 0, failedRuns: 0, generatedAt: iso(1) },
    });
    const theirs = state({
      [A]: { runs: 1, failedRuns: 0, passedAt: iso(2), lastRunAt: iso(2), lastOutcome: 'passed' },
      'gone2/t/e': { runs: 1, failedRuns: 1 },
    });
    const { state: s, summary } = mergeProgress(mine, theirs);
    assert.deepStrictEqual(s.exercises, { ...mine.exercises, ...theirs.exercises });
    assert.deepStrictEqual(summary, { added: 2, improved: 0, newlyPassed: 1 });
    assert.deepStrictEqual(mine.exercises[A], undefined, 'the current state is not changed in place');
  });

  it('reports nothing when the file adds nothing new', () => {
    const mine = state({
      [A]: { runs: 3, failedRuns: 1, passedAt: iso(2), lastRunAt: iso(4), lastOutcome: 'passed', generatedAt: iso(0) },
    });
    const older = state({
      [A]: { runs: 2, failedRuns: 1, passedAt: iso(2), lastRunAt: iso(3), lastOutcome: 'failed', generatedAt: iso(1) },
    });
    const { state: s, summary } = mergeProgress(mine, older);
    assert.deepStrictEqual(s, mine);
    assert.deepStrictEqual(summary, { added: 0, improved: 0, newlyPassed: 0 });
  });
});

describe('merging exam history', () => {
  it('joins both histories newest first, each attempt once, keeping the local copy', () => {
    const local = [result('c', 30, { percent: 50 }), result('a', 10)];
    const imported = [result('d', 40), result('c', 30, { percent: 99 }), result('b', 20)];
    const { history, added, dropped } = mergeHistory(local, imported);
    assert.deepStrictEqual(
      history.map((h) => h.id),
      ['d', 'c', 'b', 'a'],
    );
    assert.strictEqual(history[1].percent, 50);
    assert.deepStrictEqual({ added, dropped }, { added: 2, dropped: 0 });
    assert.deepStrictEqual(
      mergeHistory(history, imported),
      { history, added: 0, dropped: 0 },
      'importing again adds nothing',
    );
  });

  it('caps the union at HISTORY_LIMIT, dropping the oldest', () => {
    const local = Array.from({ length: HISTORY_LIMIT }, (_, i) => result(`l${i}`, 1000 - i * 2));
    const imported = Array.from({ length: 10 }, (_, i) => result(`i${i}`, 1001 - i * 2));
    const { history, added, dropped } = mergeHistory(local, imported);
    assert.strictEqual(history.length, HISTORY_LIMIT);
    assert.deepStrictEqual(
      history.slice(0, 4).map((h) => h.id),
      ['i0', 'l0', 'i1', 'l1'],
    );
    assert.ok(
      history.every((h, i) => i === 0 || history[i - 1].submittedAt >= h.submittedAt),
      'newest first',
    );
    assert.deepStrictEqual({ added, dropped }, { added: 10, dropped: 10 });
    const old = mergeHistory(local, [result('ancient', 1)]);
    assert.deepStrictEqual({ added: old.added, dropped: old.dropped }, { added: 0, dropped: 1 });
    assert.deepStrictEqual(old.history, local);
  });
});
