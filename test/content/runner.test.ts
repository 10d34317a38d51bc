// The runner with a real Python on the cases learners hit: wrong answers, broken files, endless
// loops, early exits and imitation of the result protocol. None may end in a false pass.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import { findExercise } from '../../src/core/syllabus/index';
import { CHECKS_MARKER } from '../../src/core/practice/practiceFile';
import { RunReport, runChecks } from '../../src/node/runner/run';
import { runnerSource, shippedSyllabus, tempDir, testPython, writePracticeFile } from './helpers';

const python = testPython();
const syllabus = shippedSyllabus();
const ref = findExercise(syllabus, 'pcep/arithmetic/split-seconds')!;
const dir = tempDir('cert-path-runner-');
const solution = ref.exercise.solution;

function run(code: string, timeoutSeconds = 10, kind = ref.exercise.kind): Promise<RunReport> {
  const file = writePracticeFile(dir, ref, code);
  return runChecks({ interpreter: python, file, kind, checks: ref.exercise.checks, timeoutSeconds, runnerSource });
}

describe('runner with a real Python', function () {
  this.timeout(60000);

  it('fixture exercise exists and its solution passes', async () => {
    assert.ok(ref, 'pcep/arithmetic/split-seconds is in the syllabus');
    assert.strictEqual((await run(solution)).result.outcome, 'passed');
  });

  it('reports a syntax error with its line in the learner file', async () => {
    const code = `${solution}\ndef broken(:\n    pass\n`;
    const { result } = await run(code);
    const file = writePracticeFile(dir, ref, code);
    const line =
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('def broken(')) + 1;
    assert.strictEqual(result.outcome, 'error');
    assert.strictEqual(result.problem?.kind, 'syntax');
    assert.strictEqual(result.problem?.line, line);
    assert.ok(result.checks.every((c) => c.status === 'skipped'));
  });

  it('reports an import error as a load problem', async () => {
    const { result } = await run(`import no_such_module_here\n${solution}`);
    assert.strictEqual(result.outcome, 'error');
    assert.match(result.problem!.message, /Import failed: ModuleNotFoundError: No module named 'no_such_module_here'/);
  });

  it('points a failing check at the function it exercises and gives expected/actual', async () => {
    const { result } = await run(solution.replace(/return .*$/m, 'return (0, 0, 0)'));
    assert.strictEqual(result.outcome, 'failed');
    const failed = result.checks.find((c) => c.status === 'fail')!;
    assert.ok(failed.expected && failed.actual === '(0, 0, 0)', JSON.stringify(failed));
    assert.ok(failed.line && failed.line > 10, 'line points into the learner code below the header');
  });

  it('says which name is missing when the function was renamed', async () => {
    const { result } = await run(solution.replace(/def (\w+)/, 'def renamed_$1'));
    assert.strictEqual(result.outcome, 'failed');
    assert.match(result.checks[0].message, /does not define `\w+`/);
  });

  it('stops an endless loop at the timeout, within two seconds of it, with a clear message', async () => {
    const started = Date.now();
    const report = await run('while True:\n    pass\n', 2);
    const took = Date.now() - started;
    assert.strictEqual(report.result.outcome, 'error');
    assert.strictEqual(report.result.problem?.kind, 'timeout');
    assert.match(report.result.problem.message, /stopped after 2 s/);
    assert.ok(took < 4000, `took ${took} ms`);
  });

  it('kills the processes the learner code started when it times out', async () => {
    const marker = `cert-path-orphan-${Date.now()}`;
    const code = `import subprocess, sys\nsubprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", "${marker}"])\nwhile True:\n    pass\n`;
    await run(code, 2);
    await new Promise((r) => setTimeout(r, 300));
    const left = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.includes(marker));
    assert.deepStrictEqual(left, []);
  });

  it('never passes when the code exits before the checks run', async () => {
    for (const exit of ['import sys\nsys.exit(0)\n', 'import os\nos._exit(0)\n']) {
      const { result } = await run(`${solution}\n${exit}`);
      assert.strictEqual(result.outcome, 'error', exit);
      assert.ok(
        result.checks.every((c) => c.status !== 'pass'),
        exit,
      );
    }
  });

  it('is not fooled by printed imitations of the result protocol', async () => {
    const forged = ref.exercise.checks
      .map((c) => `print('{"nonce": "x", "type": "check", "id": "${c.id}", "status": "pass"}')`)
      .join('\n');
    const { result } = await run(`${forged}\nprint('{"nonce": "x", "type": "end"}')\ndef nothing():\n    pass\n`);
    assert.notStrictEqual(result.outcome, 'passed');
  });

  it('runs the canonical checks even when the file check section was deleted or edited', async () => {
    const file = writePracticeFile(dir, ref, ref.exercise.starter);
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.slice(0, text.indexOf(CHECKS_MARKER)));
    const deleted = await runChecks({
      interpreter: python,
      file,
      kind: ref.exercise.kind,
      checks: ref.exercise.checks,
      timeoutSeconds: 10,
      runnerSource,
    });
    assert.strictEqual(deleted.result.outcome, 'failed');
    fs.writeFileSync(file, text.replace(/"code": r'''[^']*'''/g, "\"code\": r'''pass'''"));
    const edited = await runChecks({
      interpreter: python,
      file,
      kind: ref.exercise.kind,
      checks: ref.exercise.checks,
      timeoutSeconds: 10,
      runnerSource,
    });
    assert.strictEqual(edited.result.outcome, 'failed');
  });

  it('keeps only the first 256 KiB of a flood of output', async () => {
    const report = await run(`print("x" * 3_000_000)\n${solution}`);
    assert.strictEqual(report.result.outcome, 'passed');
    assert.ok(
      report.stdout.length <= 256 * 1024 && report.truncatedBytes > 2_000_000,
      `${report.stdout.length} kept, ${report.truncatedBytes} dropped`,
    );
  });

  it('cancels a run when asked', async () => {
    const controller = new AbortController();
    const file = writePracticeFile(dir, ref, 'while True:\n    pass\n');
    const pending = runChecks({
      interpreter: python,
      file,
      kind: ref.exercise.kind,
      checks: ref.exercise.checks,
      timeoutSeconds: 30,
      runnerSource,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 300);
    const report = await pending;
    assert.strictEqual(report.result.outcome, 'cancelled');
  });

  it('tells an interpreter older than the exercise needs instead of running it', async () => {
    const file = writePracticeFile(dir, ref, 'match = 1\n');
    const report = await runChecks({
      interpreter: python,
      file,
      kind: 'function',
      checks: ref.exercise.checks,
      timeoutSeconds: 10,
      runnerSource,
      minPython: '3.99',
    });
    assert.strictEqual(report.result.outcome, 'error');
    assert.strictEqual(report.result.problem?.kind, 'version');
    assert.match(report.result.problem.message, /needs Python 3\.99 or newer; this interpreter is Python 3\.\d+\.\d+/);
    assert.ok(report.result.checks.every((c) => c.status === 'skipped'));
  });

  it('gives the checks the drawn params', async () => {
    const checks = [
      {
        id: 'p',
        title: 'params arrive',
        code: 'expect(params["n"], 42)\nexpect(params["names"], ["a", "b"])',
        message: 'params should arrive',
      },
    ];
    const file = writePracticeFile(dir, ref, solution);
    const report = await runChecks({
      interpreter: python,
      file,
      kind: 'function',
      checks,
      timeoutSeconds: 10,
      runnerSource,
      params: { n: 42, names: ['a', 'b'] },
    });
    assert.strictEqual(report.result.outcome, 'passed', JSON.stringify(report.result));
  });

  it('compares what capture() caught as plain text, and still rejects a str subclass the learner returns', async () => {
    const checks = [
      {
        id: 'printed',
        title: 'printed text',
        code: '_, printed = capture(print, "hi")\nexpect(printed, "hi\\n")',
        message: 'capture() output compares as str',
      },
      {
        id: 'subclass',
        title: 'a look-alike',
        code: 'class S(str):\n    def __eq__(self, other):\n        return True\nexpect(S("x"), "hi")',
        message: 'a str subclass is not the expected str',
      },
    ];
    const file = writePracticeFile(dir, ref, solution);
    const report = await runChecks({
      interpreter: python,
      file,
      kind: 'function',
      checks,
      timeoutSeconds: 10,
      runnerSource,
    });
    assert.deepStrictEqual(
      report.result.checks.map((c) => c.status),
      ['pass', 'fail'],
      JSON.stringify(report.result),
    );
  });

  it('skips, never passes, when a module the exercise needs is missing, and says how to install it', async () => {
    const file = writePracticeFile(dir, ref, solution);
    const report = await runChecks({
      interpreter: python,
      file,
      kind: 'function',
      checks: ref.exercise.checks,
      timeoutSeconds: 10,
      runnerSource,
      requires: ['no_such_module_for_cert_path'],
    });
    assert.strictEqual(report.result.outcome, 'skipped');
    assert.strictEqual(report.result.problem?.requirement, 'no_such_module_for_cert_path');
    assert.match(
      report.result.problem.message,
      /needs no_such_module_for_cert_path.*-m pip install no_such_module_for_cert_path/,
    );
    assert.ok(report.result.checks.every((c) => c.status === 'skipped'));
  });

  it('skips a GUI exercise with the reason when there is no display', async () => {
    const file = writePracticeFile(dir, ref, solution);
    const report = await runChecks({
      interpreter: python,
      file,
      kind: 'function',
      checks: ref.exercise.checks,
      timeoutSeconds: 10,
      runnerSource,
      requires: ['display'],
      env: { DISPLAY: '' },
    });
    assert.strictEqual(report.result.outcome, 'skipped');
    assert.match(report.result.problem!.message, /needs a display/);
  });

  const dbCheck = [
    {
      id: 'db',
      title: 'a table round trip',
      code: 'conn = db_connect()\ncur = conn.cursor()\ncur.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(20))")\ncur.executemany("INSERT INTO t (id, name) VALUES (?, ?)", [(1, "ann"), (2, "bo")])\nconn.commit()\ncur.execute("SELECT name FROM t WHERE id = ?", (2,))\nexpect(cur.fetchone()[0], "bo")\nexpect(db_dialect() in ("sqlite", "mysql"), True)',
      message: 'the table round trip should work',
    },
  ];

  it('gives database checks an SQLite connection by default', async () => {
    const report = await runChecks({
      interpreter: python,
      file: writePracticeFile(dir, ref, solution),
      kind: 'function',
      checks: dbCheck,
      timeoutSeconds: 10,
      runnerSource,
      requires: ['database'],
    });
    assert.strictEqual(report.result.outcome, 'passed', JSON.stringify(report.result));
  });

  it('runs database checks in a scratch schema on a real MySQL/MariaDB server and drops it afterwards', async function () {
    const raw = process.env.CERT_PATH_MYSQL;
    if (!raw) this.skip(); // the README test command starts a private MariaDB and sets this
    const f = Object.fromEntries(raw.split(';').map((kv) => kv.split('=') as [string, string]));
    const database = {
      kind: 'mysql' as const,
      host: f.host,
      port: Number(f.port),
      user: f.user,
      password: f.password,
      database: f.database,
    };
    const debian = process.env.CERT_PATH_MYSQL_PYTHON || '/usr/bin/python3';
    const checks = [{ ...dbCheck[0], code: `${dbCheck[0].code}\nexpect(db_dialect(), "mysql")` }];
    const report = await runChecks({
      interpreter: { command: debian, args: [], source: 'path' },
      file: writePracticeFile(dir, ref, solution),
      kind: 'function',
      checks,
      timeoutSeconds: 20,
      runnerSource,
      requires: ['database'],
      database,
    });
    assert.strictEqual(report.result.outcome, 'passed', JSON.stringify(report.result));
    const left = execFileSync(
      debian,
      [
        '-c',
        `import pymysql\nc = pymysql.connect(host=${JSON.stringify(f.host)}, port=${f.port}, user=${JSON.stringify(f.user)}, password=${JSON.stringify(f.password)})\ncur = c.cursor()\ncur.execute("SHOW DATABASES LIKE 'certpath%'")\nprint(len(cur.fetchall()))`,
      ],
      { encoding: 'utf8' },
    ).trim();
    assert.strictEqual(left, '0', 'the scratch schema was dropped');
  });

  it('lets learner code use multiprocessing under the spawn start method', async () => {
    const code =
      'from multiprocessing import Pool\n\n\ndef square(n):\n    return n * n\n\n\ndef squares(numbers):\n    with Pool(2) as pool:\n        return pool.map(square, numbers)\n';
    const checks = [
      {
        id: 'pool',
        title: 'a pool maps',
        code: 'expect(solution.squares([1, 2, 3]), [1, 4, 9])',
        message: 'squares([1, 2, 3]) should return [1, 4, 9]',
      },
    ];
    const report = await runChecks({
      interpreter: python,
      file: writePracticeFile(dir, ref, code),
      kind: 'function',
      checks,
      timeoutSeconds: 30,
      runnerSource,
      env: { CERT_PATH_MP_START: 'spawn' },
    });
    assert.strictEqual(report.result.outcome, 'passed', JSON.stringify(report.result) + report.stderr);
  });

  it('explains a missing interpreter instead of throwing', async () => {
    const report = await runChecks({
      interpreter: { command: '/no/such/python3', args: [], source: 'setting' },
      file: writePracticeFile(dir, ref, solution),
      kind: 'function',
      checks: ref.exercise.checks,
      timeoutSeconds: 5,
      runnerSource,
    });
    assert.strictEqual(report.result.outcome, 'error');
    assert.match(report.result.problem!.message, /did not start.*ENOENT/);
  });
});
