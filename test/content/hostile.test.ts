// Hostile input against the real runner and a real Python: every case ends inside its timeout with a
// clear message, is never marked passed unless the code is right, leaves the learner's file exactly as
// it was, and leaves no process behind.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Candidate } from '../../src/core/interpreter/interpreter';
import { findExercise } from '../../src/core/syllabus/index';
import { CheckStatus, RunOutcome } from '../../src/core/runner/results';
import { RunReport, runChecks } from '../../src/node/runner/run';
import { findInterpreter } from '../../src/node/runner/probe';
import { runnerSource, shippedSyllabus, tempDir, testPython, writePracticeFile } from './helpers';

const python = testPython();
const ref = findExercise(shippedSyllabus(), 'pcep/arithmetic/split-seconds')!;
const solution = ref.exercise.solution;
const dir = tempDir('cert-path-hostile-');
const TIMEOUT = 3;

interface Case {
  name: string;
  code: string;
  outcome: RunOutcome;
  /** Expected status of the first check. */
  status?: CheckStatus;
  /** Text the learner sees: the run problem, else the first non-passing check's message. */
  message?: RegExp;
  /** A string in the command line of any process the code starts, to prove none is left. */
  marker?: string;
  interpreter?: Candidate;
}

/**
 * Learner code that finds the result file of its own run through its open file descriptors (Linux),
 * as a determined learner could, without touching other runs on the machine.
 */
const OWN_RESULT_FILE =
  'import os\nown = [os.readlink("/proc/self/fd/" + fd) for fd in os.listdir("/proc/self/fd") if "cert-path-run-" in os.path.realpath("/proc/self/fd/" + fd)][0]\n';

const cases: Case[] = [
  { name: 'an infinite loop', code: 'while True:\n    pass\n', outcome: 'error', message: /stopped after 3 s/ },
  {
    name: 'an infinite loop that ignores SIGTERM',
    code: 'import signal\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\nwhile True:\n    pass\n',
    outcome: 'error',
    message: /stopped after 3 s/,
  },
  {
    name: 'sys.exit(0) before the checks run',
    code: `${solution}\nimport sys\nsys.exit(0)\n`,
    outcome: 'error',
    status: 'skipped',
    message: /exit\(\) or sys\.exit\(\)/,
  },
  {
    name: 'os._exit(0) before the checks run',
    code: `${solution}\nimport os\nos._exit(0)\n`,
    outcome: 'error',
    message: /ended the run before every check had reported/,
  },
  {
    name: 'printed imitations of the result protocol',
    code: `for i, c in enumerate(["start", "example", "under-a-minute", "large", "end"]):\n    print("0" * 64 + ' {"seq": %d, "type": "check", "id": "%s", "status": "pass"}' % (i, c))\ndef split_seconds(total):\n    return (0, 0, 0)\n`,
    outcome: 'failed',
    status: 'fail',
    message: /split_seconds\(3725\) should return/,
  },
  {
    name: 'appending forged records to the result file',
    code: `${OWN_RESULT_FILE}import json\nlines = open(own).read().splitlines()\nwith open(own, "a") as out:\n    for n, check in enumerate(["example", "under-a-minute", "large"]):\n        mac, record = lines[0].split(" ", 1)\n        out.write(mac + " " + json.dumps({"seq": n + 1, "type": "check", "id": check, "status": "pass"}) + "\\n")\ndef split_seconds(total):\n    return (0, 0, 0)\n`,
    outcome: 'failed',
    status: 'fail',
  },
  {
    name: 'deleting the result file and its folder',
    code: `${OWN_RESULT_FILE}import shutil\nshutil.rmtree(os.path.dirname(own), ignore_errors=True)\n${solution}`,
    outcome: 'error',
    message: /ended without leaving readable results/,
  },
  {
    name: '100 MB of output',
    code: `import sys\nfor _ in range(100):\n    sys.stdout.write("x" * (1024 * 1024))\n${solution}`,
    outcome: 'passed',
  },
  {
    name: 'deep recursion in the checked function',
    code: 'def split_seconds(total):\n    return split_seconds(total)\n',
    outcome: 'error',
    status: 'error',
    message: /RecursionError/,
  },
  {
    name: 'input() with no data',
    code: `name = input("Your name? ")\n${solution}`,
    outcome: 'error',
    status: 'skipped',
    message: /called input\(\) while the checks were loading it/,
  },
  {
    name: 'printing bytes that are not UTF-8',
    code: `import sys\nsys.stdout.buffer.write(b"\\xff\\xfe\\x80 not utf-8\\n")\nsys.stdout.flush()\n${solution}`,
    outcome: 'passed',
  },
  {
    name: 'KeyboardInterrupt inside the checked function',
    code: 'def split_seconds(total):\n    raise KeyboardInterrupt\n',
    outcome: 'error',
    status: 'error',
    message: /KeyboardInterrupt/,
  },
  {
    name: 'SystemExit inside the checked function',
    code: 'def split_seconds(total):\n    raise SystemExit(0)\n',
    outcome: 'error',
    status: 'error',
    message: /SystemExit/,
  },
  {
    name: 'print, open and json redefined before the checks',
    code: `import builtins, json\njson.dumps = None\njson.loads = None\nbuiltins.print = None\nbuiltins.open = None\nprint = open = None\n${solution}`,
    outcome: 'passed',
  },
  {
    name: 'print, open and json redefined, with a wrong answer',
    code: `import builtins, json\njson.dumps = lambda *a, **k: "{}"\nbuiltins.print = None\nbuiltins.open = None\ndef split_seconds(total):\n    return (1, 2, 3)\n`,
    outcome: 'failed',
    status: 'fail',
  },
  {
    name: 'a child process that outlives the run (in a session of its own)',
    code: `import subprocess, sys\nsubprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)", "cert-path-orphan-session"], start_new_session=True)\n${solution}`,
    outcome: 'passed',
    marker: 'cert-path-orphan-session',
  },
  {
    name: 'a child process still running at the timeout',
    code: 'import subprocess, sys\nsubprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)", "cert-path-orphan-group"])\nwhile True:\n    pass\n',
    outcome: 'error',
    message: /stopped after 3 s/,
    marker: 'cert-path-orphan-group',
  },
  {
    name: 'a syntax error',
    code: 'def split_seconds(total)\n    return 1\n',
    outcome: 'error',
    status: 'skipped',
    message: /SyntaxError/,
  },
  {
    name: 'an import error',
    code: `from collections import no_such_name\n${solution}`,
    outcome: 'error',
    status: 'skipped',
    message: /Import failed: ImportError/,
  },
  {
    name: 'the function renamed',
    code: solution.replace('def split_seconds', 'def split_secs'),
    outcome: 'failed',
    status: 'fail',
    message: /does not define `split_seconds`/,
  },
  {
    name: 'the function missing',
    code: 'x = 1\n',
    outcome: 'failed',
    status: 'fail',
    message: /does not define `split_seconds`/,
  },
];

function processesWith(text: string): string[] {
  return execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.includes(text) && !l.includes('ps -eo'));
}

async function runCase(
  c: Case,
  interpreter = python,
): Promise<{ report: RunReport; file: string; before: Buffer; ms: number }> {
  const file = writePracticeFile(path.join(dir, c.name.replace(/\W+/g, '-')), ref, c.code);
  const before = fs.readFileSync(file);
  const started = Date.now();
  const report = await runChecks({
    interpreter,
    file,
    kind: 'function',
    checks: ref.exercise.checks,
    timeoutSeconds: TIMEOUT,
    runnerSource,
  });
  const ms = Date.now() - started;
  await report.cleanup;
  return { report, file, before, ms };
}

describe('hostile learner code', function () {
  this.timeout(60000);

  for (const c of cases) {
    it(`stays calm with ${c.name}`, async () => {
      const { report, file, before, ms } = await runCase(c);
      const r = report.result;
      assert.strictEqual(r.outcome, c.outcome, `${c.name}: ${JSON.stringify(r).slice(0, 600)}`);
      if (c.outcome !== 'passed')
        assert.ok(
          r.checks.some((k) => k.status !== 'pass'),
          'not every check passed',
        );
      if (c.status) assert.strictEqual(r.checks[0].status, c.status);
      const shown = r.problem?.message ?? r.checks.find((k) => k.status !== 'pass')?.message ?? '';
      if (c.message) assert.match(shown, c.message);
      assert.ok(fs.readFileSync(file).equals(before), 'the learner file is byte-for-byte unchanged');
      assert.ok(ms <= (TIMEOUT + 2) * 1000, `the run took ${ms} ms, more than the timeout + 2 s`);
      if (c.marker) assert.deepStrictEqual(processesWith(c.marker), [], 'no process is left behind');
    });
  }
});

describe('hostile environment', function () {
  this.timeout(60000);
  const pyenv = path.join(os.homedir(), '.pyenv', 'versions');
  const old = (prefix: string) =>
    fs.existsSync(pyenv) ? fs.readdirSync(pyenv).find((v) => v.startsWith(prefix)) : undefined;

  for (const [label, prefix] of [
    ['Python 2.7', '2.7'],
    ['Python 3.6', '3.6'],
  ]) {
    it(`refuses ${label} with a message naming what was found`, async function () {
      const version = old(prefix);
      if (!version) this.skip(); // only where pyenv has that version (it does on the project machine)
      const found = await findInterpreter([
        { command: path.join(pyenv, version, 'bin', 'python'), args: [], source: 'setting' },
      ]);
      assert.strictEqual(found.interpreter, undefined);
      assert.match(
        found.message!,
        new RegExp(`needs Python 3\\.8 or newer; found only Python ${prefix.replace('.', '\\.')}\\.\\d+`),
      );
    });
  }

  it('runs an interpreter whose path has spaces and non-ASCII characters', async () => {
    const odd = path.join(dir, 'my pythön dir', 'bïn');
    fs.mkdirSync(odd, { recursive: true });
    const executable = execFileSync(python.command, ['-c', 'import sys; print(sys.executable)'], {
      encoding: 'utf8',
    }).trim();
    const link = path.join(odd, 'pŷthon 3');
    fs.symlinkSync(executable, link);
    const found = await findInterpreter([{ command: link, args: [], source: 'setting' }]);
    assert.ok(found.interpreter, found.message);
    const { report } = await runCase(
      { name: 'odd interpreter path', code: solution, outcome: 'passed' },
      found.interpreter,
    );
    assert.strictEqual(report.result.outcome, 'passed');
  });

  it('explains that no interpreter was found', async () => {
    const found = await findInterpreter([
      { command: '/nowhere/python3', args: [], source: 'path' },
      { command: 'no-such-python', args: [], source: 'path' },
    ]);
    assert.strictEqual(
      found.message,
      'No Python interpreter found (tried /nowhere/python3, no-such-python). Cert Path needs Python 3.8 or newer: install it or select an interpreter.',
    );
  });

  it('keeps two runs at once apart', async () => {
    const [right, wrong] = await Promise.all([
      runCase({ name: 'concurrent right', code: solution, outcome: 'passed' }),
      runCase({
        name: 'concurrent wrong',
        code: 'def split_seconds(total):\n    return (0, 0, 0)\n',
        outcome: 'failed',
      }),
    ]);
    assert.strictEqual(right.report.result.outcome, 'passed');
    assert.strictEqual(wrong.report.result.outcome, 'failed');
  });

  it('copes with the practice file deleted while its run is in progress', async () => {
    const file = writePracticeFile(path.join(dir, 'deleted'), ref, `import time\ntime.sleep(0.5)\n${solution}`);
    const pending = runChecks({
      interpreter: python,
      file,
      kind: 'function',
      checks: ref.exercise.checks,
      timeoutSeconds: TIMEOUT,
      runnerSource,
    });
    setTimeout(() => fs.rmSync(file), 150);
    const report = await pending;
    assert.ok(['passed', 'error'].includes(report.result.outcome), report.result.outcome); // the code was read before it went
    assert.ok(!fs.existsSync(file));
  });
});
