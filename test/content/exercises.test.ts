// Every exercise, with a real Python and the same runner the extension uses: the reference solution
// passes every check, the starter fails at least one, and `python file.py` agrees.
import * as assert from 'assert';
import { execFile, execFileSync } from 'child_process';
import * as os from 'os';
import { allExercises, ExerciseRef } from '../../src/core/model';
import { runChecks } from '../../src/core/runner';
import { pool, pythonVersion, runnerSource, shippedSyllabus, tempDir, testPython, writePracticeFile } from './helpers';

interface Verdict {
  ref: ExerciseRef;
  solution: string;
  starter: string;
  standaloneSolution: number | null;
  standaloneStarter: number | null;
}

/** The stdin of the first run_program("...") call in an exercise's checks: a program's sample input. */
function sampleInput(python: string, ref: ExerciseRef): string {
  if (ref.exercise.kind !== 'program') return '';
  const finder = 'import ast, json, sys\nfor node in ast.walk(ast.parse(sys.stdin.read())):\n    if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "run_program" and node.args:\n        print(json.dumps(ast.literal_eval(node.args[0]))); break';
  const code = ref.exercise.checks.map((c) => c.code).join('\n');
  const found = execFileSync(python, ['-c', finder], { input: code, encoding: 'utf8' }).trim();
  return found ? (JSON.parse(found) as string) : '';
}

/** Exit code of `python file.py`, given the sample input on stdin. */
function standalone(python: string, file: string, input: string): Promise<number | null> {
  return new Promise((resolve) => {
    const child = execFile(python, [file], { timeout: 20000 }, () => resolve(child.exitCode));
    child.stdin?.end(input);
  });
}

describe('exercise content', function () {
  this.timeout(600000);
  const python = testPython();
  const refs = allExercises(shippedSyllabus());
  const verdicts = new Map<string, Verdict>();

  before(async () => {
    const dir = tempDir('cert-path-content-');
    const version = pythonVersion(python);
    const started = Date.now();
    const results = await pool(refs, os.cpus().length, async (ref): Promise<Verdict> => {
      const run = async (which: 'solution' | 'starter') => {
        const file = writePracticeFile(`${dir}/${which}`, ref, ref.exercise[which]);
        const report = await runChecks({ interpreter: python, file, kind: ref.exercise.kind, checks: ref.exercise.checks, timeoutSeconds: 20, runnerSource });
        const bad = report.result.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.status} ${c.message.split('\n').join(' | ')}`);
        return { outcome: report.result.outcome, detail: `${report.result.outcome}${report.result.problem ? ` (${report.result.problem.message})` : ''}${bad.length ? `\n      ${bad.join('\n      ')}` : ''}`, file };
      };
      const solution = await run('solution');
      const starter = await run('starter');
      return {
        ref,
        solution: solution.outcome === 'passed' ? 'passed' : solution.detail,
        starter: starter.outcome,
        standaloneSolution: await standalone(python.command, solution.file, sampleInput(python.command, ref)),
        standaloneStarter: await standalone(python.command, starter.file, sampleInput(python.command, ref)),
      };
    });
    for (const v of results) verdicts.set(v.ref.key, v);
    const failures = results.filter((v) => v.solution !== 'passed' || v.starter === 'passed').length;
    console.log(`      content: ${refs.length} exercises, ${refs.reduce((n, r) => n + r.exercise.checks.length, 0)} checks on Python ${version} in ${Date.now() - started} ms; ${failures} exercise(s) wrong`);
  });

  it('has exercises to verify', () => {
    assert.ok(refs.length > 0);
  });

  for (const ref of refs) {
    describe(ref.key, () => {
      it('reference solution passes every check (extension runner and python file.py)', () => {
        const v = verdicts.get(ref.key)!;
        assert.strictEqual(v.solution, 'passed');
        assert.strictEqual(v.standaloneSolution, 0, 'python file.py should exit 0 for the solution');
      });
      it('starter fails at least one check (extension runner and python file.py)', () => {
        const v = verdicts.get(ref.key)!;
        assert.notStrictEqual(v.starter, 'passed');
        assert.strictEqual(v.standaloneStarter, 1, 'python file.py should exit 1 for the starter');
      });
    });
  }
});
