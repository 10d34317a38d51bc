// Every exercise with real Pythons and the same runner the extension uses: on each interpreter of
// the matrix (3.8 … 3.13), the reference solution passes every check and the starter fails at least
// one; every parametrized exercise is also verified over 20 draws (on the default Python where it has
// what the exercise needs). `python file.py` agrees on the default Python.
import * as assert from 'assert';
import { execFile, execFileSync } from 'child_process';
import * as os from 'os';
import { Candidate } from '../../src/core/interpreter/interpreter';
import { allExercises, Exercise, ExerciseRef } from '../../src/core/syllabus/model';
import { DatabaseConfig, runChecks } from '../../src/node/runner/run';
import { matrixPythons, pool, runnerSource, shippedSyllabus, tempDir, testPython, writeVariant } from './helpers';

const DRAWS = Number(process.env.CERT_PATH_DRAWS) || 20;
/** Multiprocessing exercises must work under "spawn" (the macOS and Windows default), so test with it. */
const ENV = { CERT_PATH_MP_START: 'spawn' };

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

const found = new Map<string, boolean>();
/** Whether an interpreter can meet one of an exercise's requirements (a display is assumed under $DISPLAY). */
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

function older(version: string, minPython?: string): boolean {
  if (!minPython) return false;
  const [a, b] = version.split('.').map(Number);
  const [c, d] = minPython.split('.').map(Number);
  return a < c || (a === c && b < d);
}

interface Job {
  python: Candidate;
  version: string;
  ref: ExerciseRef;
  seed: number;
  standalone: boolean;
  database?: DatabaseConfig;
}

describe('exercise content on every interpreter', function () {
  this.timeout(3600000);
  const refs = allExercises(shippedSyllabus());
  const pythons = matrixPythons();
  const defaultVersion = execFileSync(
    testPython().command,
    ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'],
    { encoding: 'utf8' },
  ).trim();
  const problems = new Map<string, string[]>(); // exercise key → what went wrong, per interpreter and draw
  const skipped = new Map<string, string>(); // `${key}@${version}` → why the machine could not run it
  const verified = new Set<string>(); // exercise keys verified on at least one interpreter
  const mysql = mysqlFromEnv();
  const mysqlPython = process.env.CERT_PATH_MYSQL_PYTHON || '/usr/bin/python3';
  let mysqlRuns = 0;

  before(async () => {
    const dir = tempDir('cert-path-content-');
    const jobs: Job[] = [];
    // Every exercise runs on every interpreter (draw 1); the 20 draws of a parametrized exercise run
    // on the first interpreter that has what it needs — the default one where it can.
    const ordered = [...pythons].sort(
      (a, b) => Number(b.version === defaultVersion) - Number(a.version === defaultVersion),
    );
    for (const ref of refs) {
      const drawsOn = ref.exercise.params
        ? ordered.find((p) => (ref.exercise.requires ?? []).every((need) => has(p.candidate.command, need)))
        : undefined;
      for (const { candidate, version } of pythons) {
        const draws = drawsOn?.version === version ? DRAWS : 1;
        for (let seed = 1; seed <= draws; seed++)
          jobs.push({ python: candidate, version, ref, seed, standalone: version === defaultVersion && seed === 1 });
      }
    }
    if (mysql) {
      // Every database exercise again, against the real server, with the interpreter that has PyMySQL.
      const version = execFileSync(mysqlPython, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], {
        encoding: 'utf8',
      }).trim();
      for (const ref of refs.filter((r) => r.exercise.requires?.includes('database'))) {
        jobs.push({
          python: { command: mysqlPython, args: [], source: 'path' },
          version: `${version} + MySQL`,
          ref,
          seed: 1,
          standalone: false,
          database: mysql,
        });
        mysqlRuns++;
      }
    }
    const started = Date.now();
    let n = 0;
    await pool(jobs, os.cpus().length, async (job) => {
      const where = `${dir}/${n++}`;
      const wrong: string[] = [];
      for (const which of ['solution', 'starter'] as const) {
        const { file, exercise, params } = writeVariant(`${where}/${which}`, job.ref, job.seed, which);
        const report = await runChecks({
          interpreter: job.python,
          file,
          kind: exercise.kind,
          checks: exercise.checks,
          params,
          minPython: exercise.minPython,
          requires: exercise.requires,
          database: job.database,
          timeoutSeconds: 30,
          runnerSource,
          env: ENV,
        });
        const r = report.result;
        if (r.outcome === 'skipped') {
          if (job.database) wrong.push(`${which} against MySQL was skipped: ${r.problem?.message}`);
          else skipped.set(`${job.ref.key}@${job.version}`, r.problem?.requirement ?? '?');
          continue;
        }
        if (which === 'solution' && r.outcome === 'passed') verified.add(job.ref.key);
        if (older(job.version, exercise.minPython)) {
          if (r.problem?.kind !== 'version')
            wrong.push(`${which} on ${job.version} should get the needs-newer-Python message, got ${r.outcome}`);
          continue;
        }
        const bad = r.checks
          .filter((c) => c.status !== 'pass')
          .map((c) => `${c.id}: ${c.status} ${c.message.split('\n').join(' | ')}`)
          .join('; ');
        if (which === 'solution' && r.outcome !== 'passed')
          wrong.push(
            `solution on Python ${job.version}, draw ${job.seed}: ${r.outcome}${r.problem ? ` (${r.problem.message})` : ''} ${bad}`,
          );
        if (which === 'starter' && r.outcome === 'passed')
          wrong.push(`starter on Python ${job.version}, draw ${job.seed} passes every check`);
        if (job.standalone && !skipped.has(`${job.ref.key}@${job.version}`)) {
          const code = await standalone(job.python.command, file, sampleInput(job.python.command, exercise));
          if (code !== (which === 'solution' ? 0 : 1)) wrong.push(`python file.py with the ${which} exited ${code}`);
        }
      }
      if (wrong.length)
        problems.set(`${job.ref.key}@${job.version}`, [
          ...(problems.get(`${job.ref.key}@${job.version}`) ?? []),
          ...wrong,
        ]);
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const perCert = new Map<string, { topics: Set<string>; exercises: number; variants: number }>();
    for (const ref of refs) {
      const c = perCert.get(ref.cert.shortTitle) ?? { topics: new Set<string>(), exercises: 0, variants: 0 };
      c.topics.add(ref.topic.id);
      c.exercises++;
      if (ref.exercise.params) c.variants++;
      perCert.set(ref.cert.shortTitle, c);
    }
    console.log(
      `      ${jobs.length} draws × (solution, starter) = ${jobs.length * 2} runs in ${seconds} s; ${DRAWS} draws of each parametrized exercise on one interpreter, one on the others${mysql ? `; ${mysqlRuns} database exercises also against MySQL at ${mysql.host}:${mysql.port} with ${mysqlPython}` : ''}`,
    );
    for (const [cert, c] of perCert)
      console.log(`      ${cert}: ${c.topics.size} topics, ${c.exercises} exercises, ${c.variants} parametrized`);
    console.log('      interpreter     exercises passed   failed  skipped (needs)');
    for (const { version } of pythons) {
      const failed = refs.filter((r) => problems.has(`${r.key}@${version}`)).length;
      const skips = refs.filter((r) => skipped.has(`${r.key}@${version}`));
      const needs = [...new Set(skips.map((r) => skipped.get(`${r.key}@${version}`)))].join(', ');
      console.log(
        `      Python ${version.padEnd(9)} ${String(refs.length - failed - skips.length).padStart(16)} ${String(failed).padStart(8)} ${String(skips.length).padStart(8)}${needs ? ` (${needs})` : ''}`,
      );
    }
    if (mysql) {
      const failed = refs.filter((r) =>
        [...problems.keys()].some((k) => k.startsWith(`${r.key}@`) && k.endsWith('+ MySQL')),
      ).length;
      console.log(
        `      MySQL (${mysqlPython})   ${String(mysqlRuns - failed).padStart(10)} ${String(failed).padStart(8)}`,
      );
    }
  });

  it('has exercises and interpreters to verify', () => {
    assert.ok(refs.length > 0);
    assert.ok(pythons.length > 0, 'no Python 3.8+ found');
  });

  for (const ref of refs) {
    it(`${ref.key}: solution passes, starter fails on every interpreter${ref.exercise.params ? `, and over ${DRAWS} draws` : ''}`, () => {
      const found = [...problems.entries()].filter(([k]) => k.startsWith(`${ref.key}@`)).flatMap(([, v]) => v);
      assert.deepStrictEqual(found, []);
      assert.ok(verified.has(ref.key), 'verified on at least one interpreter (not skipped everywhere)');
    });
  }
});
