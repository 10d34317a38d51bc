// Hostile learner code against the real runner and a real Python, one case per way to hang, crash or
// fool it: every case ends within its timeout + 2 s with a clear, capped message, is never marked
// passed unless the code is right, leaves the learner's file byte for byte as it was (and nothing
// beside it), and leaves no process behind; the Node side (this test process) keeps running.
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
const MEMORY_MB = 1024;

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

/** A wrong answer: every hostile case that tries to pass with it must still fail. */
const WRONG = 'def split_seconds(total):\n    return (0, 0, 0)\n';
/** Python that starts a long-lived process named by `tag`, in a session of its own and with an empty environment. */
const escapee = (tag: string) =>
  `import subprocess, sys\nsubprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)", "${tag}"], start_new_session=True, env={}, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n`;

const cases: Case[] = [
  // Endless runs and early exits
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
    name: 'a non-daemon thread that never ends',
    code: `import threading, time\nthreading.Thread(target=lambda: time.sleep(600)).start()\n${solution}`,
    outcome: 'passed',
  },
  {
    name: 'input() with no data',
    code: `name = input("Your name? ")\n${solution}`,
    outcome: 'error',
    status: 'skipped',
    message: /called input\(\) while the checks were loading it/,
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
  // The result channel
  {
    name: 'printed imitations of the result protocol',
    code: `for i, c in enumerate(["start", "example", "under-a-minute", "large", "end"]):\n    print("0" * 64 + ' {"seq": %d, "type": "check", "id": "%s", "status": "pass"}' % (i, c))\n${WRONG}`,
    outcome: 'failed',
    status: 'fail',
    message: /split_seconds\(3725\) should return/,
  },
  {
    name: 'forged records written to the result channel',
    code: `import os, json\nfor n, check in enumerate(["example", "under-a-minute", "large", "exact-units"]):\n    os.write(3, ("0" * 64 + " " + json.dumps({"seq": n + 1, "type": "check", "id": check, "status": "pass"}) + "\\n").encode())\n${WRONG}`,
    outcome: 'failed',
    status: 'fail',
  },
  {
    name: 'closing the result channel',
    code: `import os\nos.close(3)\n${solution}`,
    outcome: 'error',
    message: /closed or replaced the channel/,
  },
  {
    name: 'os.closerange over every descriptor',
    code: `import os\nos.closerange(3, 4096)\n${solution}`,
    outcome: 'error',
    message: /closed or replaced the channel/,
  },
  {
    name: 'the result channel turned into standard output',
    code: `import os\nos.dup2(1, 3)\n${solution}`,
    outcome: 'error',
    message: /closed or replaced the channel/,
  },
  {
    name: 'a million newlines into the result channel',
    code: `import os\nos.write(3, b"\\n" * 1000000)\n${WRONG}`,
    outcome: 'failed',
    status: 'fail',
  },
  {
    name: '10 MB of garbage into the result channel',
    code: `import os\nfor _ in range(10):\n    os.write(3, b"x" * 1048576)\n${solution}`,
    outcome: 'error',
    message: /flooded/,
  },
  {
    name: 'a FIFO and a link to /dev/zero named like result files',
    code: `import os\nos.mkfifo("results.jsonl")\nos.symlink("/dev/zero", "job.json")\nos.mkfifo(os.path.join("..", "results.jsonl"))\n${solution}`,
    outcome: 'passed',
  },
  {
    name: 'deleting its own run folder',
    code: `import os, shutil\nshutil.rmtree(os.path.dirname(os.getcwd()), ignore_errors=True)\n${solution}`,
    outcome: 'passed',
  },
  // The learner's files
  { name: 'os.remove(__file__)', code: `import os\nos.remove(__file__)\n${solution}`, outcome: 'passed' },
  { name: 'overwriting __file__', code: `open(__file__, "w").write("broken")\n${solution}`, outcome: 'passed' },
  {
    name: 'writing files next to itself',
    code: `open("notes.txt", "w").write("x")\nimport os\nos.makedirs("made/here", exist_ok=True)\n${solution}`,
    outcome: 'passed',
  },
  {
    name: 'deleting the files beside it',
    code: `import os\nfor name in os.listdir("."):\n    os.remove(name) if os.path.isfile(name) else None\n${solution}`,
    outcome: 'passed',
  },
  {
    name: 'filling its temporary folder',
    code: `import tempfile, os\nwith open(os.path.join(tempfile.gettempdir(), "big.bin"), "wb") as f:\n    f.write(b"0" * 50 * 1024 * 1024)\nassert tempfile.gettempdir().endswith("tmp") and "cert-path-run-" in tempfile.gettempdir()\n${solution}`,
    outcome: 'passed',
  },
  // Processes that try to outlive the run
  {
    name: 'a child process in a session of its own',
    code: `import subprocess, sys\nsubprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)", "cert-path-orphan-session"], start_new_session=True)\n${solution}`,
    outcome: 'passed',
    marker: 'cert-path-orphan-session',
  },
  {
    name: 'a child with its own session and an empty environment',
    code: `${escapee('cert-path-orphan-noenv')}${solution}`,
    outcome: 'passed',
    marker: 'cert-path-orphan-noenv',
  },
  {
    name: 'a child still running at the timeout',
    code: 'import subprocess, sys\nsubprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)", "cert-path-orphan-group"])\nwhile True:\n    pass\n',
    outcome: 'error',
    message: /stopped after 3 s/,
    marker: 'cert-path-orphan-group',
  },
  {
    name: 'a chain of processes that keep forking and exiting',
    code: `import os, sys, time\nif os.fork() == 0:\n    os.setsid()\n    for _ in range(200):\n        if os.fork():\n            os._exit(0)\n    sys.argv[0] = "cert-path-hopper"\n    os.execv(sys.executable, [sys.executable, "-c", "import time; time.sleep(120)", "cert-path-hopper"])\n${solution}`,
    outcome: 'passed',
    marker: 'cert-path-hopper',
  },
  {
    name: 'a double-forked daemon with an empty environment',
    code: `import os, sys\nif os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n        os.execve(sys.executable, [sys.executable, "-c", "import time; time.sleep(120)", "cert-path-daemon"], {})\n    os._exit(0)\n${solution}`,
    outcome: 'passed',
    marker: 'cert-path-daemon',
  },
  {
    // Out of scope beyond this: code that kills the runner and also hides from the run's marker.
    name: 'killing its own supervisor',
    code: `import os, signal, subprocess, sys, time\nsubprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)", "cert-path-orphan-killer"], start_new_session=True)\nos.kill(os.getppid(), signal.SIGKILL)\ntime.sleep(30)\n${solution}`,
    outcome: 'error',
    message: /ended before it reported|did not end within/,
    marker: 'cert-path-orphan-killer',
  },
  // Crashes and limits
  {
    name: 'a segmentation fault through ctypes',
    code: `import ctypes\nctypes.string_at(0)\n${solution}`,
    outcome: 'error',
    message: /Python crashed \(SIGSEGV/,
  },
  {
    name: 'os.abort()',
    code: `import os\nos.abort()\n${solution}`,
    outcome: 'error',
    message: /Python crashed \(SIGABRT/,
  },
  {
    name: 'killing itself with SIGKILL',
    code: `import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n${solution}`,
    outcome: 'error',
    message: /killed \(SIGKILL\)/,
  },
  {
    name: 'deep recursion in the checked function',
    code: 'def split_seconds(total):\n    return split_seconds(total)\n',
    outcome: 'error',
    status: 'error',
    message: /RecursionError/,
  },
  {
    name: 'a 100000-frame recursion after raising the recursion limit (reported promptly, not as an endless loop)',
    code: 'import sys\ndef split_seconds(total, depth=0):\n    sys.setrecursionlimit(1100000)\n    if depth < 100000:\n        return split_seconds(total, depth + 1)\n    raise ValueError("deep")\n',
    outcome: 'error',
    message: /ValueError: deep|Python crashed/,
  },
  {
    name: 'an 8 GB allocation',
    code: 'def split_seconds(total):\n    block = bytearray(8 * 1024 ** 3)\n    return (0, 0, len(block))\n',
    outcome: 'error',
    status: 'error',
    message: /ran out of memory.*1024 MB/,
  },
  {
    name: 'a 10 MB exception message',
    code: 'def split_seconds(total):\n    raise ValueError("x" * 10000000)\n',
    outcome: 'error',
    status: 'error',
    message: /more characters/,
  },
  {
    name: 'control characters in an exception message',
    code: 'def split_seconds(total):\n    raise ValueError("\\x1b[2J\\rgone\\x00\\x08")\n',
    outcome: 'error',
    status: 'error',
    message: /\\x1b\[2J\\x0dgone\\x00\\x08/,
  },
  // Fooling the comparison
  {
    name: 'builtins.exec replaced before the checks',
    code: `import builtins\nbuiltins.exec = lambda *a, **k: None\n${WRONG}`,
    outcome: 'failed',
    status: 'fail',
  },
  {
    name: 'builtins.isinstance and type replaced before the checks',
    code: `import builtins\nbuiltins.isinstance = lambda *a: True\nbuiltins.len = lambda x: 3\n${WRONG}`,
    outcome: 'failed',
    status: 'fail',
  },
  {
    name: 'a tuple subclass whose == always says yes',
    code: 'class Yes(tuple):\n    def __eq__(self, other):\n        return True\n    __hash__ = tuple.__hash__\ndef split_seconds(total):\n    return Yes((0, 0, 0))\n',
    outcome: 'failed',
    status: 'fail',
  },
  {
    name: 'int subclasses whose == always says yes',
    code: 'class Yes(int):\n    def __eq__(self, other):\n        return True\n    __hash__ = int.__hash__\ndef split_seconds(total):\n    return (Yes(0), Yes(0), Yes(0))\n',
    outcome: 'failed',
    status: 'fail',
  },
  {
    name: 'complex and frozenset subclasses whose == always says yes',
    code: 'class Yes(complex):\n    def __eq__(self, other):\n        return True\n    __hash__ = complex.__hash__\nclass Same(frozenset):\n    def __eq__(self, other):\n        return True\n    __hash__ = frozenset.__hash__\ndef split_seconds(total):\n    return (Yes(0), Same(), Yes(0))\n',
    outcome: 'failed',
    status: 'fail',
  },
  {
    name: 'a str subclass pretending to be every value',
    code: 'class Any(str):\n    def __eq__(self, other):\n        return True\n    def __ne__(self, other):\n        return False\n    __hash__ = str.__hash__\ndef split_seconds(total):\n    return Any("(1, 2, 5)")\n',
    outcome: 'failed',
    status: 'fail',
  },
  {
    name: 'json, time and traceback rebound in the checked function',
    code: `import json, time, traceback\ndef split_seconds(total):\n    json.dumps = lambda *a, **k: "{}"\n    time.perf_counter = lambda: 0\n    traceback.format_exception = None\n    return (0, 0, 0)\n`,
    outcome: 'failed',
    status: 'fail',
  },
  {
    name: 'print, open and json redefined before the checks',
    code: `import builtins, json\njson.dumps = None\njson.loads = None\nbuiltins.print = None\nbuiltins.open = None\nprint = open = None\n${solution}`,
    outcome: 'passed',
  },
  {
    name: 'print, open and json redefined, with a wrong answer',
    code: `import builtins, json\njson.dumps = lambda *a, **k: "{}"\nbuiltins.print = None\nbuiltins.open = None\n${WRONG}`,
    outcome: 'failed',
    status: 'fail',
  },
  // Output
  {
    name: '100 MB of output',
    code: `import sys\nfor _ in range(100):\n    sys.stdout.write("x" * (1024 * 1024))\n${solution}`,
    outcome: 'passed',
  },
  {
    name: '100 MB of error output',
    code: `import sys\nfor _ in range(100):\n    sys.stderr.write("e" * (1024 * 1024))\n${solution}`,
    outcome: 'passed',
  },
  {
    name: 'printing bytes that are not UTF-8',
    code: `import sys\nsys.stdout.buffer.write(b"\\xff\\xfe\\x80 not utf-8\\n")\nsys.stdout.flush()\n${solution}`,
    outcome: 'passed',
  },
  {
    name: 'standard output and error closed',
    code: `import os\nos.close(1)\nos.close(2)\n${solution}`,
    outcome: 'passed',
  },
  // Plain mistakes
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

function filesBelow(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: false })
    .map(String)
    .filter((f) => fs.statSync(path.join(folder, f)).isFile());
}

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
    memoryLimitMB: MEMORY_MB,
  });
  const ms = Date.now() - started;
  await report.cleanup;
  return { report, file, before, ms };
}

/** The system temp folder as the runs see it: private to this suite, so leftovers can be counted. */
const systemTemp = path.join(dir, 'system-temp');
let savedTemp: string | undefined;

function runFoldersLeft(): string[] {
  return fs.readdirSync(systemTemp).filter((f) => f.startsWith('cert-path-run-'));
}

describe('hostile learner code', function () {
  this.timeout(60000);
  before(() => {
    fs.mkdirSync(systemTemp, { recursive: true });
    savedTemp = process.env.TMPDIR;
    process.env.TMPDIR = systemTemp;
  });
  after(() => {
    if (savedTemp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTemp;
  });

  it(`has at least 45 cases`, () => assert.ok(cases.length >= 45, `${cases.length} cases`));

  for (const c of cases) {
    it(`stays calm with ${c.name}`, async () => {
      const folder = path.join(dir, c.name.replace(/\W+/g, '-'));
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
      assert.ok(
        fs.existsSync(file) && fs.readFileSync(file).equals(before),
        'the learner file is byte-for-byte unchanged',
      );
      assert.deepStrictEqual(filesBelow(folder), [path.relative(folder, file)], 'nothing was written beside it');
      assert.ok(shown.length < 6000, `the message is capped (${shown.length} characters)`);
      assert.ok(
        ![...shown].some((c) => c.charCodeAt(0) < 32 && c !== '\n' && c !== '\t'),
        'control characters are escaped',
      );
      assert.ok(ms <= (TIMEOUT + 2) * 1000, `the run took ${ms} ms, more than the timeout + 2 s`);
      if (c.marker) assert.deepStrictEqual(processesWith(c.marker), [], 'no process is left behind');
      assert.deepStrictEqual(runFoldersLeft(), [], 'the run folder and its TMPDIR are removed');
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

  it('explains a practice file that cannot be read, without a run', async () => {
    const report = await runChecks({
      interpreter: python,
      file: path.join(dir, 'no-such-folder', 'gone.py'),
      kind: 'function',
      checks: ref.exercise.checks,
      timeoutSeconds: TIMEOUT,
      runnerSource,
    });
    assert.strictEqual(report.result.outcome, 'error');
    assert.match(report.result.problem?.message ?? '', /could not be copied for the run \(ENOENT\)\. Save it/);
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
