import * as assert from 'assert';
import { Syllabus, Topic } from '../../src/core/syllabus/model';
import {
  certComplete,
  credentialStanding,
  emptyProgress,
  exerciseStatus,
  forget,
  readProgress,
  recordGenerated,
  recordRun,
  revealHint,
  solutionStanding,
  topicKeys,
  topicsTally,
  topicTally,
} from '../../src/core/progress/progress';
import { loadSyllabus } from '../../src/core/syllabus/loader';
import { edit } from './fixtures';

const T0 = new Date('2026-01-01T10:00:00Z');
const T1 = new Date('2026-01-01T11:00:00Z');
const twoExercises = edit(
  '            hints:\n              - The + operator adds.\n',
  `            hints:
              - The + operator adds.
          - id: add-three
            title: Add three
            difficulty: medium
            prompt: Write add3(a, b, c).
            starter: "def add3(a, b, c):\\n    pass\\n"
            solution: "def add3(a, b, c):\\n    return a + b + c\\n"
            checks:
              - id: one
                title: one
                code: expect(solution.add3(1, 2, 3), 6)
                message: add3(1, 2, 3) should return 6.
            hints: [Add them all.]
`,
);
const syllabus: Syllabus = loadSyllabus([
  { file: 'demo.yaml', text: twoExercises },
  {
    file: 'exp.yaml',
    text: 'kind: credential\nid: exp\ntitle: Expert\nshortTitle: EXP\norder: 9\nsummary: s\nrequires: [demo]\n',
  },
]);
const cert = syllabus.certifications[0];
if (cert.kind !== 'exam') throw new Error('fixture');
const topic: Topic = cert.domains[0].topics[0];
const [k1, k2] = topicKeys('demo', topic);

describe('progress rules', () => {
  it('moves an exercise from not started to attempted, failed and passed', () => {
    let s = emptyProgress();
    assert.strictEqual(exerciseStatus(s.exercises[k1]), 'notStarted');
    s = recordGenerated(s, k1, T0);
    assert.strictEqual(exerciseStatus(s.exercises[k1]), 'attempted');
    s = recordRun(s, k1, 'failed', T0);
    assert.strictEqual(exerciseStatus(s.exercises[k1]), 'failed');
    s = recordRun(s, k1, 'error', T0);
    assert.strictEqual(exerciseStatus(s.exercises[k1]), 'failed');
    s = recordRun(s, k1, 'passed', T1);
    assert.strictEqual(exerciseStatus(s.exercises[k1]), 'passed');
    assert.deepStrictEqual(s.exercises[k1], {
      generatedAt: T0.toISOString(),
      runs: 3,
      failedRuns: 2,
      lastOutcome: 'passed',
      lastRunAt: T1.toISOString(),
      passedAt: T1.toISOString(),
    });
  });

  it('keeps a pass when a later run fails, and ignores cancelled runs', () => {
    let s = recordRun(emptyProgress(), k1, 'passed', T0);
    s = recordRun(s, k1, 'failed', T1);
    assert.strictEqual(exerciseStatus(s.exercises[k1]), 'passed');
    assert.strictEqual(s.exercises[k1].passedAt, T0.toISOString());
    assert.strictEqual(recordRun(s, k1, 'cancelled', T1), s);
  });

  it('completes a topic only when all its exercises have passed', () => {
    let s = recordRun(emptyProgress(), k1, 'passed', T0);
    assert.deepStrictEqual(topicTally(s, 'demo', topic), { passed: 1, total: 2, status: 'attempted' });
    s = recordRun(s, k2, 'failed', T0);
    assert.strictEqual(topicTally(s, 'demo', topic).status, 'failed');
    assert.strictEqual(certComplete(s, cert), false);
    s = recordRun(s, k2, 'passed', T1);
    assert.deepStrictEqual(topicTally(s, 'demo', topic), { passed: 2, total: 2, status: 'passed' });
    assert.deepStrictEqual(topicsTally(s, 'demo', [topic]), { passed: 1, total: 1, status: 'passed' });
    assert.strictEqual(certComplete(s, cert), true);
  });

  it('earns a credential only when every required certification is complete', () => {
    let s = recordRun(emptyProgress(), k1, 'passed', T0);
    const before = credentialStanding(s, syllabus, ['demo']);
    assert.deepStrictEqual([before.earned, before.missing.map((c) => c.id)], [false, ['demo']]);
    s = recordRun(s, k2, 'passed', T0);
    assert.strictEqual(credentialStanding(s, syllabus, ['demo']).earned, true);
    assert.strictEqual(credentialStanding(s, syllabus, ['demo', 'missing']).earned, false);
  });

  it('resets a topic without touching other exercises, even ones the syllabus no longer has', () => {
    let s = recordRun(emptyProgress(), k1, 'passed', T0);
    s = recordRun(s, 'old/gone/exercise', 'passed', T0);
    s = forget(s, topicKeys('demo', topic));
    assert.deepStrictEqual(Object.keys(s.exercises), ['old/gone/exercise']);
  });

  it('reads stored progress defensively', () => {
    assert.deepStrictEqual(readProgress(undefined), { state: emptyProgress(), dropped: 0 });
    assert.deepStrictEqual(readProgress('garbage'), { state: emptyProgress(), dropped: 1 });
    assert.deepStrictEqual(readProgress({ version: 0, passed: ['x'] }), { state: emptyProgress(), dropped: 1 });
    const stored = {
      version: 1,
      exercises: {
        [k1]: { runs: 2, failedRuns: 1, lastOutcome: 'passed', passedAt: T0.toISOString(), extra: true },
        [k2]: 42,
        'x/y/z': { runs: -3, lastOutcome: 'weird', passedAt: 'not a date' },
      },
    };
    const { state, dropped } = readProgress(stored);
    assert.strictEqual(dropped, 1);
    assert.deepStrictEqual(state.exercises[k1], {
      runs: 2,
      failedRuns: 1,
      lastOutcome: 'passed',
      passedAt: T0.toISOString(),
    });
    assert.deepStrictEqual(state.exercises['x/y/z'], { runs: 0, failedRuns: 0 });
  });
});

describe('hints and solutions', () => {
  it('reveals hints one at a time and stops at the last', () => {
    let s = emptyProgress();
    const shown: number[] = [];
    for (let i = 0; i < 4; i++) {
      const next = revealHint(s, k1, 3);
      s = next.state;
      shown.push(next.shown);
    }
    assert.deepStrictEqual(shown, [1, 2, 3, 3]);
    assert.strictEqual(readProgress(s).state.exercises[k1].hintsRevealed, 3);
  });

  it('unlocks the solution after a pass or after enough failed runs', () => {
    let s = emptyProgress();
    assert.deepStrictEqual(solutionStanding(s.exercises[k1], 3), { unlocked: false, failedRuns: 0, needed: 3 });
    s = recordRun(recordRun(s, k1, 'failed', T0), k1, 'error', T0);
    assert.strictEqual(solutionStanding(s.exercises[k1], 3).unlocked, false);
    s = recordRun(s, k1, 'failed', T0);
    assert.strictEqual(solutionStanding(s.exercises[k1], 3).unlocked, true);
    assert.strictEqual(solutionStanding(recordRun(emptyProgress(), k2, 'passed', T0).exercises[k2], 3).unlocked, true);
  });
});
