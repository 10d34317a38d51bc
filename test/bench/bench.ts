// `npm run bench`: measures, side by side, what a learner waits for — a check run against plain
// Python, unittest and pytest; activation and memory in a real VS Code; whole-bank verification;
// bundle and VSIX size — and writes the table to docs/performance.md. Medians of repeated runs.
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Candidate } from '../../src/core/interpreter/interpreter';
import { allExercises } from '../../src/core/syllabus/model';
import { renderPracticeFile } from '../../src/core/practice/practiceFile';
import { runChecks } from '../../src/node/runner/run';
import { loadSyllabus } from '../../src/core/syllabus/loader';
import runnerSource from '../../src/python/checklib.py';
import { pool, shippedSyllabus, writeVariant } from '../content/helpers';
import { runBatch } from '../../src/node/runner/batch';
import { WarmPool } from '../../src/node/runner/warm';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const REPEAT = Number(process.env.CERT_PATH_BENCH_REPEAT) || 30;
const python = execFileSync(process.env.CERT_PATH_PYTHON || 'python3', ['-c', 'import sys; print(sys.executable)'], {
  encoding: 'utf8',
}).trim();
const interpreter: Candidate = { command: python, args: [], source: 'path' };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Wall time of one process run, in ms. */
function timeProcess(command: string, args: string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(Number(process.hrtime.bigint() - started) / 1e6)
        : reject(new Error(`${command} ${args.join(' ')} exited ${code}`)),
    );
  });
}

async function repeat(times: number, work: () => Promise<number>): Promise<number> {
  await work(); // warm the file cache
  const samples: number[] = [];
  for (let i = 0; i < times; i++) samples.push(await work());
  return median(samples);
}

const TRIVIAL = `id: bench
title: Bench
shortTitle: BENCH
examCode: B-1
order: 1
summary: A trivial exercise for timing.
exam: {items: 1, minutes: 1, passMark: 70, feeUsd: 0, prerequisites: [], delivery: none}
objectives: {"1.1": timing}
domains:
  - id: d
    title: D
    weight: 100
    topics:
      - id: t
        title: T
        summary: s
        objectives: ["1.1"]
        exercises:
          - id: double
            title: Double
            difficulty: easy
            prompt: Write double(x).
            starter: "def double(x):\\n    pass\\n"
            solution: "def double(x):\\n    return 2 * x\\n"
            checks:
              - {id: one, title: one, target: double, code: "expect(solution.double(1), 2)", message: double(1) is 2}
              - {id: two, title: two, target: double, code: "expect(solution.double(21), 42)", message: double(21) is 42}
              - {id: neg, title: neg, target: double, code: "expect(solution.double(-3), -6)", message: double(-3) is -6}
            hints: [Multiply.]
`;

async function roundTrip(dir: string) {
  const ref = allExercises(loadSyllabus([{ file: 'bench.yaml', text: TRIVIAL }]))[0];
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'double.py');
  fs.writeFileSync(
    file,
    renderPracticeFile({ ...ref, exercise: { ...ref.exercise, starter: ref.exercise.solution } }, runnerSource),
  );
  fs.writeFileSync(path.join(dir, 'learner.py'), ref.exercise.solution);
  fs.writeFileSync(
    path.join(dir, 'test_unittest_double.py'),
    'import unittest\nfrom learner import double\n\n\nclass DoubleTest(unittest.TestCase):\n    def test_one(self):\n        self.assertEqual(double(1), 2)\n\n    def test_two(self):\n        self.assertEqual(double(21), 42)\n\n    def test_neg(self):\n        self.assertEqual(double(-3), -6)\n',
  );
  fs.writeFileSync(
    path.join(dir, 'test_pytest_double.py'),
    'from learner import double\n\n\ndef test_one():\n    assert double(1) == 2\n\n\ndef test_two():\n    assert double(21) == 42\n\n\ndef test_neg():\n    assert double(-3) == -6\n',
  );
  let learnerMs = 0;
  const request = {
    interpreter,
    file,
    kind: 'function' as const,
    checks: ref.exercise.checks,
    timeoutSeconds: 30,
    runnerSource,
  };
  const timed = async (source?: WarmPool) => {
    const started = process.hrtime.bigint();
    const report = await runChecks(request, source);
    if (report.result.outcome !== 'passed')
      throw new Error(`bench exercise did not pass: ${JSON.stringify(report.result)}`);
    learnerMs = report.result.checks.reduce((sum, c) => sum + (c.durationMs ?? 0), 0);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  // Warm: a runner process is ready before the learner presses Run (as in the extension).
  const pool = new WarmPool(runnerSource);
  const runner = await repeat(REPEAT, async () => {
    pool.prepare(python);
    await pool.whenReady(python);
    return timed(pool);
  });
  pool.dispose();
  // Cold: nothing started yet (the first run after VS Code starts, or after an idle stop).
  const cold = await repeat(REPEAT, () => timed());
  // The interpreter as a learner's PATH finds it (with pyenv, a shell shim); runs never start it.
  const onPath = process.env.CERT_PATH_PYTHON || 'python3';
  const shim = await repeat(REPEAT, () => timeProcess(onPath, ['-c', 'pass'], dir));
  const bare = await repeat(REPEAT, () => timeProcess(python, ['-c', 'pass'], dir));
  const direct = await repeat(REPEAT, () => timeProcess(python, [file], dir));
  const unittest = await repeat(REPEAT, () =>
    timeProcess(python, ['-m', 'unittest', '-q', 'test_unittest_double'], dir),
  );
  let pytest: number | undefined;
  try {
    execFileSync(python, ['-m', 'pytest', '--version'], { stdio: 'ignore' });
    pytest = await repeat(REPEAT, () =>
      timeProcess(python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'test_pytest_double.py'], dir),
    );
  } catch {
    pytest = undefined; // pytest is not installed for this interpreter
  }
  return { runner, cold, shim, onPath, bare, direct, unittest, pytest, learnerMs };
}

/** Whole bank through warm interpreters, one per core (batch.ts): what a bank verification costs. */
async function wholeBankBatch(dir: string) {
  const refs = allExercises(shippedSyllabus());
  const started = Date.now();
  const jobs = refs.flatMap((ref) =>
    (['solution', 'starter'] as const).map((which) => {
      const { file, exercise, params } = writeVariant(path.join(dir, which), ref, 1, which);
      return {
        which,
        job: {
          file,
          kind: exercise.kind,
          checks: exercise.checks,
          params,
          minPython: exercise.minPython,
          requires: exercise.requires,
          timeoutSeconds: 30,
          folder: !!exercise.files, // a multi-file exercise runs its whole folder, as the extension's runs do
        },
      };
    }),
  );
  const results = await runBatch(
    interpreter,
    runnerSource,
    jobs.map((j) => j.job),
    os.cpus().length,
  );
  let wrong = 0;
  let skipped = 0;
  results.forEach((result, i) => {
    if (result.outcome === 'skipped') skipped += jobs[i].which === 'solution' ? 1 : 0;
    else if ((jobs[i].which === 'solution') !== (result.outcome === 'passed')) wrong++;
  });
  return { exercises: refs.length, seconds: (Date.now() - started) / 1000, wrong, skipped };
}

/** Whole bank through the extension's own runner: a new interpreter per run. */
async function wholeBank(dir: string) {
  const refs = allExercises(shippedSyllabus());
  const started = Date.now();
  let wrong = 0;
  let skipped = 0;
  await pool(refs, os.cpus().length, async (ref) => {
    for (const which of ['solution', 'starter'] as const) {
      const { file, exercise, params } = writeVariant(path.join(dir, which), ref, 1, which);
      const { result } = await runChecks({
        interpreter,
        file,
        kind: exercise.kind,
        checks: exercise.checks,
        params,
        minPython: exercise.minPython,
        requires: exercise.requires,
        timeoutSeconds: 30,
        snapshot: exercise.files ? 'folder' : 'file',
        runnerSource,
      });
      // A run skipped for a missing display or module is counted apart: it is neither right nor wrong.
      if (result.outcome === 'skipped') skipped += which === 'solution' ? 1 : 0;
      else if ((which === 'solution') !== (result.outcome === 'passed')) wrong++;
    }
  });
  return { exercises: refs.length, seconds: (Date.now() - started) / 1000, wrong, skipped };
}

function vsix(): { bytes?: number; files?: number; note?: string } {
  try {
    const out = path.join(os.tmpdir(), 'cert-path-bench.vsix');
    // Exactly what `npm run package` builds (production bundle, same vsce flags), written elsewhere.
    execFileSync('npm', ['run', '--silent', 'package', '--', '--out', out], { cwd: ROOT, stdio: 'pipe' });
    const listing = execFileSync(path.join(ROOT, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    return { bytes: fs.statSync(out).size, files: listing.trim().split('\n').length };
  } catch (error) {
    // The first line that is not one of npm's own config warnings says what went wrong.
    const lines = String((error as { stderr?: Buffer }).stderr ?? error)
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('npm warn'));
    return { note: `npm run package failed: ${lines[0] ?? String(error)}` };
  }
}

/** Activation figures are single samples per host start: this many starts give their medians. */
const ACTIVATIONS = 5;

async function inVsCode(activationOnly = false): Promise<Record<string, number> & { vscodeVersion: string }> {
  const out = path.join(os.tmpdir(), `cert-path-bench-${process.pid}.json`);
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-path-bench-ws-'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runIntegration } = require(path.join(ROOT, 'test', 'vscode', 'runIntegration.js'));
  await runIntegration({
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'out', 'test', 'bench', 'vscode'),
    workspaceFolder: workspace,
    env: {
      CERT_PATH_TEST_PYTHON: python,
      CERT_PATH_BENCH_OUT: out,
      ...(activationOnly ? { CERT_PATH_BENCH_ACTIVATION_ONLY: '1' } : {}),
    },
  });
  fs.rmSync(workspace, { recursive: true, force: true });
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-path-bench-'));
  const pythonVersion = execFileSync(python, ['--version'], { encoding: 'utf8' }).trim();
  console.log(
    `Benchmark on ${os.cpus()[0].model}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${pythonVersion}; ${REPEAT} repetitions`,
  );
  const rt = await roundTrip(path.join(dir, 'rt'));
  fs.mkdirSync(path.join(dir, 'bank'));
  const bank = await wholeBankBatch(path.join(dir, 'bank'));
  fs.mkdirSync(path.join(dir, 'bank-runner'));
  const perRun = await wholeBank(path.join(dir, 'bank-runner'));
  const bundle = fs.statSync(path.join(ROOT, 'dist', 'extension.js')).size;
  const loader = fs.statSync(path.join(ROOT, 'dist', 'loader.js')).size;
  const packaged = vsix();
  const vs = await inVsCode();
  const starts = [vs];
  for (let i = 1; i < ACTIVATIONS; i++) starts.push(await inVsCode(true));
  const activation = {
    toTree: median(starts.map((s) => s.activationMs)),
    call: median(starts.map((s) => s.activateCallMs)),
    own: median(starts.map((s) => s.ownActivationMs)),
  };
  const target = rt.direct * 1.1;
  const f = (ms: number) => `${ms.toFixed(1)} ms`;
  const rows: [string, string, string, string][] = [
    [
      'Check round trip (3 checks, warm runner ready before Run)',
      f(rt.runner),
      `${(rt.runner / rt.bare).toFixed(2)}× bare start (learner code ${f(rt.learnerMs)})`,
      `≤ 0.5× bare start: ${rt.runner <= rt.bare * 0.5 ? 'met' : 'missed'}`,
    ],
    [
      'First check run, cold (the runner starts with the run)',
      f(rt.cold),
      `${(rt.cold / rt.bare).toFixed(2)}× bare start`,
      `no slower than \`python file.py\` below (one interpreter running the file and its checks, as every run did before the warm runner) + 10 % = ${f(target)}: ${rt.cold <= target ? 'met' : 'missed'}`,
    ],
    [
      `The interpreter as PATH finds it (\`${rt.onPath} -c pass\`)`,
      f(rt.shim),
      `${(rt.shim / rt.bare).toFixed(2)}× the real executable`,
      'runs start the executable the probe reports, never this',
    ],
    ['Bare interpreter start (`python -c pass`)', f(rt.bare), '1.00×', ''],
    [
      'Running the file (`python file.py`, embedded checks)',
      f(rt.direct),
      `${(rt.direct / rt.bare).toFixed(2)}× bare start`,
      '',
    ],
    [
      'Same checks as `python -m unittest`',
      f(rt.unittest),
      `runner is ${(rt.unittest / rt.runner).toFixed(2)}× faster`,
      '',
    ],
    [
      'Same checks as `python -m pytest`',
      rt.pytest === undefined ? 'pytest not installed' : f(rt.pytest),
      rt.pytest === undefined ? '' : `runner is ${(rt.pytest / rt.runner).toFixed(2)}× faster`,
      rt.pytest === undefined
        ? '≥ 5× faster: not measurable here'
        : `≥ 5× faster: ${rt.pytest / rt.runner >= 5 ? 'met' : 'missed'}`,
    ],
    [
      `Activation → first tree answer with the full syllabus (median of ${ACTIVATIONS} host starts)`,
      f(activation.toTree),
      '',
      `≤ 50 ms: ${activation.toTree <= 50 ? 'met' : 'missed'}`,
    ],
    [
      `activate() as called by the host, including bundle load, 3 s after the window started (median of ${ACTIVATIONS} host starts)`,
      f(activation.call),
      `of which the extension's own code (bundle evaluated, activate() run): ${f(activation.own)}; the rest is the host building the extension's context (its storage, over RPC)`,
      `≤ 40 ms: ${activation.call <= 40 ? 'met' : 'missed'}`,
    ],
    [
      `Whole bank: ${bank.exercises} exercises × (solution, starter), ${os.cpus().length} cores, a warm interpreter per core (fork per run)`,
      `${bank.seconds.toFixed(1)} s`,
      `${((bank.seconds * 1000) / (bank.exercises * 2)).toFixed(0)} ms per run; ${(perRun.seconds / bank.seconds).toFixed(2)}× faster than a new interpreter per run`,
      `≤ 30 s: ${bank.seconds <= 30 ? 'met' : 'missed'}${bank.wrong ? ` (${bank.wrong} wrong!)` : ''}${bank.skipped ? `; ${bank.skipped} skipped (needs a display or a module this Python lacks)` : ''}`,
    ],
    [
      `Whole bank, the extension's runner (a new interpreter per run), ${os.cpus().length} cores`,
      `${perRun.seconds.toFixed(1)} s`,
      `${((perRun.seconds * 1000) / (perRun.exercises * 2)).toFixed(0)} ms per run`,
      `${perRun.wrong ? `${perRun.wrong} wrong!` : 'same verdicts'}`,
    ],
    [
      'dist/extension.js (production)',
      kb(bundle),
      `dist/loader.js (YAML and schemas, loaded only to read YAML): ${kb(loader)}`,
      `≤ 250 KB: ${bundle <= 250 * 1024 ? 'met' : 'missed'}`,
    ],
    [
      'Packaged VSIX',
      packaged.bytes ? `${kb(packaged.bytes)} (${packaged.files} files)` : (packaged.note ?? ''),
      '',
      packaged.bytes ? `≤ 1 MB: ${packaged.bytes <= 1024 * 1024 ? 'met' : 'missed'}` : '',
    ],
    [
      'Extension host heap after activation',
      `${(vs.heapAfterActivation / 2 ** 20).toFixed(1)} MB`,
      `RSS ${(vs.rssAfterActivation / 2 ** 20).toFixed(0)} MB`,
      '',
    ],
    [
      'Heap after 10 / 100 check runs (after a full GC)',
      `${(vs.heapAfter10 / 2 ** 20).toFixed(1)} / ${(vs.heapAfter100 / 2 ** 20).toFixed(1)} MB`,
      `growth 10→100: ${((vs.heapAfter100 - vs.heapAfter10) / 2 ** 20).toFixed(1)} MB`,
      `flat after 10 runs (< 2 MB after a full GC): ${vs.heapAfter100 - vs.heapAfter10 < 2 * 2 ** 20 ? 'yes' : 'no'}`,
    ],
  ];
  const machine = `${os.cpus()[0].model}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}; Node ${process.version}; ${pythonVersion} (${python}); VS Code ${vs.vscodeVersion}`;
  const table = [
    '| measure | median | ratio | target |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  console.log(`\n${table}\n`);
  fs.mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, 'docs', 'performance.md'),
    `# Performance\n\nWritten by \`npm run bench\` (test/bench/bench.ts); medians of ${REPEAT} runs unless the row says otherwise.\n\nMachine: ${machine}.\n\n${table}\n`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
  console.log('Wrote docs/performance.md');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
