// Every exercise with real Pythons and the same runner the extension uses (warm supervisors, a fork
// per run): on each interpreter of the matrix (3.8 … 3.13) the reference solution passes every check,
// the starter fails at least one, and every authored wrong solution fails with a message that shows
// the expected and the actual value. Parametrized exercises are verified over 20 draws (solution and
// starter) and 2 draws (wrong solutions) on the default Python, where it has what they need. Database
// exercises run against MariaDB too, and `python file.py` agrees with the runner on the default Python.
import * as assert from 'assert';
import { execFile, execFileSync } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { Candidate, supported } from '../../src/core/interpreter/interpreter';
import { allExercises, Exercise, ExerciseRef } from '../../src/core/syllabus/model';
import { gateSeeds } from '../../src/core/verify/variants';
import { DatabaseConfig } from '../../src/node/runner/run';
import { verifyExercises } from '../../src/node/verify';
import { CONTENT_ENV } from './contentCheck';
import {
  matrixPythons,
  pool,
  pythonVersion,
  runnerSource,
  shippedSyllabus,
  tempDir,
  testPython,
  writeVariant,
} from './helpers';

/** Draws of a parametrized exercise's solution and starter on the default interpreter: the first few, and the gate's (every drawn choice value). */
const DRAWS = Number(process.env.CERT_PATH_DRAWS) || 6;
/** Draws of each wrong solution of a parametrized exercise on the default interpreter. */
const WRONG_DRAWS = 2;

const firstSeeds = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** $CERT_PATH_MYSQL ("host=…;port=…;user=…;password=…;database=…"): a server for the database exercises. */
function mysqlFromEnv(): DatabaseConfig | undefined {
  const raw = process.env.CERT_PATH_MYSQL;
  if (!raw) return undefined;
  const f = Object.fromEntries(raw.split(';').map((kv) => kv.split('=') as [string, string]));
  return {
    kind: 'mysql',
    host: f.host,
    port: Number(f.port || 3306),
    user: f.user,
    password: f.password ?? '',
    database: f.database || 'certpath',
  };
}

/** The stdin of the first run_program("...") call in an exercise's checks: a program's sample input. */
function sampleInput(python: string, exercise: Exercise): string {
  if (exercise.kind !== 'program') return '';
  const finder =
    'import ast, json, sys\nfor node in ast.walk(ast.parse(sys.stdin.read())):\n    if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "run_program" and node.args:\n        print(json.dumps(ast.literal_eval(node.args[0]))); break';
  const found = execFileSync(python, ['-c', finder], {
    input: exercise.checks.map((c) => c.code).join('\n'),
    encoding: 'utf8',
  }).trim();
  return found ? (JSON.parse(found) as string) : '';
}

/** Exit code of `python file.py`, given the sample input on stdin. */
function standalone(python: string, file: string, input: string): Promise<number | null> {
  return new Promise((resolve) => {
    const child = execFile(python, [file], { timeout: 20000 }, () => resolve(child.exitCode));
    child.stdin?.end(input);
  });
}

/** Verifies `refs` on one interpreter: `draws` of solution and starter, `wrongDraws` of the wrong solutions. */
async function verifyOn(
  python: Candidate,
  refs: ExerciseRef[],
  draws: (ref: ExerciseRef) => number[],
  wrongDraws: (ref: ExerciseRef) => number[],
  database?: DatabaseConfig,
) {
  const reports = await verifyExercises(refs, {
    interpreter: python,
    runnerSource,
    dir: tempDir('cert-path-content-'),
    workers: os.cpus().length,
    mutants: false,
    env: CONTENT_ENV,
    database,
    seeds: (ref) => (ref.exercise.params ? draws(ref) : [1]),
    wrongSeeds: (ref) => (ref.exercise.params ? wrongDraws(ref) : [1]),
  });
  return reports.map((r) => ({ ref: r.ref, problems: r.problems, skipped: r.skipped }));
}

function older(version: string, minPython?: string): boolean {
  if (!minPython) return false;
  const [a, b] = version.split('.').map(Number);
  const [c, d] = minPython.split('.').map(Number);
  return a < c || (a === c && b < d);
}

describe('exercise content on every interpreter', function () {
  this.timeout(3600000);
  const refs = allExercises(shippedSyllabus());
  const pythons = matrixPythons();
  const defaultVersion = pythonVersion(testPython());
  const problems = new Map<string, string[]>(); // exercise key → what went wrong, per interpreter
  const skipped = new Map<string, string>(); // `${key}@${version}` → why the machine could not run it
  const verified = new Set<string>(); // exercise keys verified on at least one interpreter
  const mysql = mysqlFromEnv();
  const mysqlPython = process.env.CERT_PATH_MYSQL_PYTHON || '/usr/bin/python3';

  // A second interpreter of the default's minor version (the distribution's Python beside pyenv's) adds
  // only what the default may lack: the exercises that need a module, a display or a database.
  const minor = (v: string) => v.split('.').slice(0, 2).join('.');
  const extraOfDefault = (v: string) => v !== defaultVersion && minor(v) === minor(defaultVersion);
  const refsOn = (v: string) => (extraOfDefault(v) ? refs.filter((r) => r.exercise.requires?.length) : refs);

  before(async () => {
    const started = Date.now();
    for (const { candidate, version } of pythons) {
      const isDefault = version === defaultVersion;
      // Exercises for newer Pythons get the needs-newer-Python message on older ones (checked below).
      const reports = await verifyOn(
        candidate,
        refsOn(version),
        (ref) => (isDefault ? [...new Set([...firstSeeds(DRAWS), ...gateSeeds(ref.exercise)])] : [1]),
        () => firstSeeds(isDefault ? WRONG_DRAWS : 1),
      );
      for (const r of reports) {
        const key = `${r.ref.key}@${version}`;
        if (r.skipped.length) skipped.set(key, r.skipped.join(', '));
        if (older(version, r.ref.exercise.minPython)) {
          // The runner must answer with the needs-newer-Python message instead of running anything.
          const unexpected = r.problems.filter((p) => !/needs Python \d\.\d+ or newer/.test(p));
          if (unexpected.length || !r.problems.length)
            problems.set(key, unexpected.length ? unexpected : ['should get the needs-newer-Python message']);
          continue;
        }
        if (r.problems.length) problems.set(key, r.problems);
        else if (!r.skipped.length) verified.add(r.ref.key);
      }
    }
    if (mysql) {
      // Every database exercise again, against the real server, with the interpreter that has PyMySQL.
      const dbRefs = refs.filter((r) => r.exercise.requires?.includes('database'));
      const version = `${pythonVersion({ command: mysqlPython, args: [], source: 'path' })} + MySQL`;
      const reports = await verifyOn(
        { command: mysqlPython, args: [], source: 'path' },
        dbRefs,
        () => [1],
        () => [1],
        mysql,
      );
      for (const r of reports) {
        if (r.skipped.length)
          problems.set(`${r.ref.key}@${version}`, [`skipped against MySQL: ${r.skipped.join(', ')}`]);
        else if (r.problems.length) problems.set(`${r.ref.key}@${version}`, r.problems);
      }
    }
    // `python file.py` with the solution passes and with the starter fails, on the default interpreter.
    const python = testPython().command;
    const dir = tempDir('cert-path-standalone-');
    const runs = refs
      .filter((r) => !skipped.has(`${r.key}@${defaultVersion}`))
      .flatMap((ref, n) => (['solution', 'starter'] as const).map((which) => ({ ref, which, n })));
    // A folder per run: exercises of one topic may write extra files of the same name.
    await pool(runs, os.cpus().length, async ({ ref, which, n }) => {
      const { file, exercise } = writeVariant(path.join(dir, which, String(n)), ref, 1, which);
      const code = await standalone(python, file, sampleInput(python, exercise));
      if (code !== (which === 'solution' ? 0 : 1))
        problems.set(`${ref.key}@standalone`, [
          ...(problems.get(`${ref.key}@standalone`) ?? []),
          `python file.py with the ${which} exited ${code}`,
        ]);
    });
    console.log(
      `      ${refs.length} exercises on ${pythons.length} interpreters (${DRAWS} draws and the gate's of parametrized solutions and starters, ${WRONG_DRAWS} of wrong solutions, on ${defaultVersion}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    console.log('      interpreter     exercises passed   failed  skipped (needs)');
    for (const { version } of pythons) {
      const ran = refsOn(version);
      const failed = ran.filter((r) => problems.has(`${r.key}@${version}`)).length;
      const skips = ran.filter((r) => skipped.has(`${r.key}@${version}`));
      const needs = [...new Set(skips.map((r) => skipped.get(`${r.key}@${version}`)))].join(', ');
      const only = extraOfDefault(version) ? ` of the ${ran.length} that need a module, a display or a database` : '';
      console.log(
        `      Python ${version.padEnd(9)} ${String(ran.length - failed - skips.length).padStart(16)} ${String(failed).padStart(8)} ${String(skips.length).padStart(8)}${needs ? ` (${needs})` : ''}${only}`,
      );
    }
  });

  it('has exercises and interpreters to verify', () => {
    assert.ok(refs.length > 0);
    assert.ok(
      pythons.length > 0 &&
        pythons.every((p) => supported(p.version.split('.').map(Number) as [number, number, number])),
      'Python 3.8+ found',
    );
  });

  for (const ref of refs) {
    it(`${ref.key}: solution passes, starter and ${ref.exercise.wrong?.length ?? 0} wrong solutions fail, on every interpreter${ref.exercise.params ? `, over ${DRAWS} draws` : ''}`, () => {
      const found = [...problems.entries()]
        .filter(([k]) => k.startsWith(`${ref.key}@`))
        .flatMap(([k, v]) => v.map((p) => `${k.slice(ref.key.length + 1)}: ${p}`));
      assert.deepStrictEqual(found, []);
      assert.ok(verified.has(ref.key), 'verified on at least one interpreter (not skipped everywhere)');
    });
  }
});
