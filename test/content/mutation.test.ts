// The mutation gate: every reference solution is mutated (src/python/mutate.py) and each mutant runs
// against its exercise's checks, at draws that cover every drawn choice of a parametrized exercise.
// A mutant no draw kills must be listed as equivalent, with its reason; an unexplained survivor, or
// an equivalent that is really killed, fails. Each exercise runs on the default interpreter, or on
// the first one that has what it needs (numpy, matplotlib, a display). Prints the kill rate per
// certification.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as os from 'os';
import { Candidate } from '../../src/core/interpreter/interpreter';
import { allExercises, ExerciseRef } from '../../src/core/syllabus/model';
import { gateSeeds } from '../../src/core/verify/variants';
import { ExerciseVerification, killRate, verifyExercises } from '../../src/node/verify';
import { CONTENT_ENV } from './contentCheck';
import { matrixPythons, runnerSource, shippedSyllabus, tempDir, testPython } from './helpers';

/** Kill rates the gate demands (of mutants not listed as equivalent). */
const PER_EXERCISE = 90;
const BANK_WIDE = 95;

const found = new Map<string, boolean>();
/** Whether an interpreter can meet one requirement (a display is assumed under $DISPLAY). */
function has(python: string, need: string): boolean {
  if (need === 'database') return true;
  if (need === 'display') return !!process.env.DISPLAY || process.platform !== 'linux';
  const key = `${python} ${need}`;
  if (!found.has(key)) {
    try {
      execFileSync(
        python,
        ['-c', `import importlib.util, sys; sys.exit(0 if importlib.util.find_spec(${JSON.stringify(need)}) else 1)`],
        { stdio: 'ignore' },
      );
      found.set(key, true);
    } catch {
      found.set(key, false);
    }
  }
  return found.get(key)!;
}

describe('mutation gate', function () {
  this.timeout(3600000);
  const refs = allExercises(shippedSyllabus());
  const reports = new Map<string, ExerciseVerification>();

  before(async () => {
    const started = Date.now();
    const candidates: Candidate[] = [testPython(), ...matrixPythons().map((p) => p.candidate)];
    const byPython = new Map<string, { python: Candidate; refs: ExerciseRef[] }>();
    for (const ref of refs) {
      const python =
        candidates.find((c) => (ref.exercise.requires ?? []).every((need) => has(c.command, need))) ?? candidates[0];
      const group = byPython.get(python.command) ?? { python, refs: [] };
      group.refs.push(ref);
      byPython.set(python.command, group);
    }
    for (const { python, refs: group } of byPython.values()) {
      const verified = await verifyExercises(group, {
        interpreter: python,
        runnerSource,
        dir: tempDir('cert-path-mutants-'),
        workers: os.cpus().length,
        seeds: (ref) => gateSeeds(ref.exercise),
        mutants: true,
        kinds: ['solution'],
        env: CONTENT_ENV,
      });
      for (const v of verified) reports.set(v.ref.key, v);
    }
    const perCert = new Map<
      string,
      { exercises: number; total: number; killed: number; equivalent: number; survivors: number }
    >();
    for (const v of reports.values()) {
      const c = perCert.get(v.ref.cert.shortTitle) ?? {
        exercises: 0,
        total: 0,
        killed: 0,
        equivalent: 0,
        survivors: 0,
      };
      c.exercises++;
      c.total += v.mutants.total;
      c.killed += v.mutants.killed;
      c.equivalent += v.mutants.equivalent;
      c.survivors += v.mutants.unexplained.length;
      perCert.set(v.ref.cert.shortTitle, c);
    }
    console.log(`      ${refs.length} exercises mutated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log('      certification   exercises   mutants    killed   equivalent   unexplained   kill rate');
    for (const [cert, c] of perCert) {
      const rate = (100 * c.killed) / Math.max(1, c.total - c.equivalent);
      console.log(
        `      ${cert.padEnd(15)} ${String(c.exercises).padStart(9)} ${String(c.total).padStart(9)} ${String(c.killed).padStart(9)} ${String(c.equivalent).padStart(12)} ${String(c.survivors).padStart(13)} ${rate.toFixed(1).padStart(9)} %`,
      );
    }
  });

  it(`kills at least ${BANK_WIDE} % of the non-equivalent mutants bank-wide`, () => {
    const all = [...reports.values()];
    const total = all.reduce((n, v) => n + v.mutants.total - v.mutants.equivalent, 0);
    const killed = all.reduce((n, v) => n + v.mutants.killed, 0);
    assert.ok(total > 0, 'mutants were made');
    assert.ok((100 * killed) / total >= BANK_WIDE, `${killed} of ${total} killed`);
  });

  for (const ref of refs) {
    it(`${ref.key}: every mutant is killed or listed as equivalent (${PER_EXERCISE} % or more killed)`, () => {
      const v = reports.get(ref.key)!;
      assert.ok(v, 'verified');
      assert.deepStrictEqual(v.problems, []);
      assert.ok(v.skipped.length === 0, `skipped here: ${v.skipped.join(', ')}`);
      assert.ok(killRate(v.mutants) >= PER_EXERCISE, `${killRate(v.mutants).toFixed(1)} % killed`);
    });
  }
});
