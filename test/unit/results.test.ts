import * as assert from 'assert';
import { withSetting } from '../../src/core/config';
import { interpretResults, signLine, summarize, Termination } from '../../src/core/runner/results';

const KEY = 'k3y-of-this-run';
const CHECKS = [
  { id: 'a', title: 'first' },
  { id: 'b', title: 'second' },
];
const CLEAN: Termination = {
  exitCode: 0,
  signal: null,
  timedOut: false,
  cancelled: false,
  timeoutSeconds: 10,
  stderrTail: '',
};

let seq = 0;
/** A signed record with the next sequence number (call in file order). */
function rec(fields: Record<string, unknown>, key = KEY): string {
  return signLine(key, JSON.stringify({ seq: seq++, ...fields }));
}
/** Lines numbered from 0, as one run writes them. */
function run(...make: (() => string)[]): string {
  seq = 0;
  return make.map((m) => m()).join('\n');
}
const start = () => rec({ type: 'start', python: '3.11.7', executable: '/usr/bin/python3' });
const pass = (id: string) => () => rec({ type: 'check', id, status: 'pass', message: '' });
const end = () => rec({ type: 'end' });

describe('result protocol', () => {
  it('passes only when every check passed and the end record arrived', () => {
    const r = interpretResults(run(start, pass('a'), pass('b'), end), KEY, CHECKS, CLEAN);
    assert.strictEqual(r.outcome, 'passed');
    assert.deepStrictEqual(r.python, { version: '3.11.7', executable: '/usr/bin/python3' });
    assert.strictEqual(summarize(r), 'All 2 checks passed');
  });

  it('keeps expected, actual and line of a failed check, in check order', () => {
    const fail = () =>
      rec({
        type: 'check',
        id: 'b',
        status: 'fail',
        message: 'add(2, 3) should return 5.',
        expected: '5',
        actual: 'None',
        line: 4,
        durationMs: 0.5,
      });
    const r = interpretResults(run(start, pass('a'), fail, end), KEY, CHECKS, CLEAN);
    assert.strictEqual(r.outcome, 'failed');
    assert.deepStrictEqual(
      r.checks.map((c) => c.status),
      ['pass', 'fail'],
    );
    assert.deepStrictEqual(
      [r.checks[1].expected, r.checks[1].actual, r.checks[1].line, r.checks[1].title],
      ['5', 'None', 4, 'second'],
    );
    assert.strictEqual(summarize(r), '1 of 2 checks passed: add(2, 3) should return 5.');
  });

  it('ignores records not signed with the run key, so printed or written imitations cannot pass', () => {
    const forged = run(
      start,
      pass('a'),
      () => rec({ type: 'check', id: 'b', status: 'pass' }, 'guessed-key'),
      () => rec({ type: 'end' }, 'guessed-key'),
    );
    const r = interpretResults(forged, KEY, CHECKS, CLEAN);
    assert.strictEqual(r.outcome, 'error');
    assert.strictEqual(r.checks[1].status, 'error');
    const unsigned = interpretResults(
      ['start', 'a', 'b', 'end']
        .map((t, i) => JSON.stringify({ seq: i, type: t === 'a' || t === 'b' ? 'check' : t, id: t, status: 'pass' }))
        .join('\n'),
      KEY,
      CHECKS,
      CLEAN,
    );
    assert.strictEqual(unsigned.outcome, 'error');
  });

  it('ignores a replayed or reordered authentic record', () => {
    seq = 0;
    const s0 = start();
    const a = pass('a')();
    const bFail = rec({ type: 'check', id: 'b', status: 'fail', message: 'no' });
    const e = end();
    assert.strictEqual(
      interpretResults([s0, a, bFail, a, e].join('\n'), KEY, CHECKS, CLEAN).outcome,
      'failed',
      'a replayed pass cannot hide a fail',
    );
    seq = 0;
    const t0 = start();
    const pa = pass('a')();
    const pb = pass('b')();
    const te = end();
    assert.notStrictEqual(
      interpretResults([t0, pb, pa, te].join('\n'), KEY, CHECKS, CLEAN).outcome,
      'passed',
      'reordered records do not count',
    );
    assert.strictEqual(
      interpretResults([t0, pa, pb, te].join('\n'), KEY, CHECKS, CLEAN).outcome,
      'passed',
      'the genuine order passes',
    );
  });

  it('never passes without the end record (the code exited early)', () => {
    const r = interpretResults(run(start, pass('a'), pass('b')), KEY, CHECKS, { ...CLEAN, exitCode: 0 });
    assert.strictEqual(r.outcome, 'error');
    assert.strictEqual(r.problem?.kind, 'crash');
    assert.match(r.problem.message, /ended the run before every check had reported/);
  });

  it('ignores checks reported out of order, twice, or unknown', () => {
    const lines = run(
      start,
      pass('b'),
      pass('a'),
      pass('a'),
      () => rec({ type: 'check', id: 'zzz', status: 'pass' }),
      end,
    );
    const r = interpretResults(lines, KEY, CHECKS, CLEAN);
    assert.notStrictEqual(r.outcome, 'passed');
    assert.strictEqual(r.checks[1].status, 'error');
  });

  it('treats garbage and a truncated last line as a damaged run, without throwing', () => {
    const r = interpretResults(
      `${run(start, pass('a'))}\n${signLine(KEY, '{"seq": 2, "type": "che')}`,
      KEY,
      CHECKS,
      CLEAN,
    );
    assert.strictEqual(r.outcome, 'error');
    const empty = interpretResults('\u0000\u0001 not json\n[1,2]\nnull\n', KEY, CHECKS, {
      ...CLEAN,
      exitCode: 1,
      stderrTail: 'Traceback...\nImportError: boom',
    });
    assert.strictEqual(empty.outcome, 'error');
    assert.match(empty.problem!.message, /did not start.*ImportError: boom/);
  });

  it('reports a syntax error with its line and skips the checks', () => {
    const load = () =>
      rec({ type: 'load', status: 'error', kind: 'SyntaxError', message: "SyntaxError: expected ':'", line: 7 });
    const skipped = (id: string) => () => rec({ type: 'check', id, status: 'skipped', message: 'Not run' });
    const r = interpretResults(run(start, load, skipped('a'), skipped('b'), end), KEY, CHECKS, CLEAN);
    assert.strictEqual(r.outcome, 'error');
    assert.deepStrictEqual(r.problem, { kind: 'syntax', message: "SyntaxError: expected ':'", line: 7 });
    assert.match(summarize(r), /0 of 2 checks passed: SyntaxError: expected ':' \(line 7\)/);
  });

  it('names the timeout setting when a run is stopped', () => {
    const r = interpretResults(run(start), KEY, CHECKS, {
      ...CLEAN,
      exitCode: null,
      signal: 'SIGKILL',
      timedOut: true,
      timeoutSeconds: 3,
    });
    assert.strictEqual(r.outcome, 'error');
    // Core names no setting; the edge adds it (withSetting), so the learner still reads which one.
    assert.match(
      withSetting(r.problem!.message, r.problem!.setting),
      /stopped after 3 s.*certPath\.checkTimeoutSeconds/,
    );
    assert.ok(r.checks.every((c) => c.status === 'error'));
  });

  it('marks a cancelled run as cancelled with skipped checks', () => {
    const r = interpretResults(run(start), KEY, CHECKS, {
      ...CLEAN,
      cancelled: true,
      signal: 'SIGKILL',
      exitCode: null,
    });
    assert.strictEqual(r.outcome, 'cancelled');
    assert.ok(r.checks.every((c) => c.status === 'skipped'));
  });
});
