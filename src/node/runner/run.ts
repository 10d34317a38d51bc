// Runs the canonical checks of an exercise against a learner's file with a real Python. Used by the
// extension and by the content tests alike. No shell: an argument array; the process gets its own
// group so a timeout or cancellation kills everything it started.
import { ChildProcess, spawn } from 'child_process';
import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Candidate, choose, Interpreter, parseProbe, PROBE_CODE, ProbeOutcome, supported } from '../../core/interpreter/interpreter';
import { Check, ExerciseKind } from '../../core/syllabus/model';
import { interpretResults, RunResult, Termination } from '../../core/runner/results';
import { ParamValue } from '../../core/syllabus/variants';

/** Bytes of stdout and of stderr kept from one run; the rest is counted, not stored. */
export const OUTPUT_CAP = 256 * 1024;

/** What to run. */
export interface RunRequest {
  interpreter: Candidate;
  /** The learner's practice file. */
  file: string;
  kind: ExerciseKind;
  checks: Check[];
  timeoutSeconds: number;
  /** checklib.py's source. */
  runnerSource: string;
  /** Drawn variant values the checks receive as `params`. */
  params?: Record<string, ParamValue>;
  /** Oldest Python the exercise supports ("3.10"); older ones get a message instead of a run. */
  minPython?: string;
  /** What the run needs beyond Python (see Exercise.requires). */
  requires?: string[];
  /** A MySQL/MariaDB server for database exercises; SQLite is used without one. */
  database?: DatabaseConfig;
  signal?: AbortSignal;
  /** Extra environment for the Python process. */
  env?: NodeJS.ProcessEnv;
}

/** Connection settings of a MySQL/MariaDB server for database exercises. */
export interface DatabaseConfig {
  kind: 'mysql';
  host: string;
  port: number;
  user: string;
  password: string;
  /** Prefix of the scratch schema created for a run (and dropped after it). */
  database: string;
}

/** Everything a run produced. */
export interface RunReport {
  result: RunResult;
  stdout: string;
  stderr: string;
  truncatedBytes: number;
  durationMs: number;
  commandLine: string[];
  /** Settles once processes that escaped the run's process group are killed (how many). */
  cleanup: Promise<number>;
}

/** Environment variable that marks every process a run starts, even ones that leave its process group. */
export const RUN_MARKER = 'CERT_PATH_RUN';

/**
 * Kills every process whose environment carries this run's marker: children that started a session
 * of their own (and so left the process group) still inherit the environment. Linux only (/proc).
 */
export async function killMarked(marker: string): Promise<number> {
  if (process.platform !== 'linux') return 0;
  const needle = Buffer.from(`${RUN_MARKER}=${marker}\0`);
  const pids = (await fs.readdir('/proc').catch(() => [] as string[])).filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid);
  let killed = 0;
  await Promise.all(
    pids.map(async (pid) => {
      const environ = await fs.readFile(`/proc/${pid}/environ`).catch(() => undefined);
      if (!environ?.includes(needle)) return;
      try {
        process.kill(Number(pid), 'SIGKILL');
        killed++;
      } catch {
        // gone already, or not ours to kill
      }
    }),
  );
  return killed;
}

class CappedText {
  private chunks: Buffer[] = [];
  private kept = 0;
  dropped = 0;
  add(chunk: Buffer): void {
    const room = OUTPUT_CAP - this.kept;
    if (room > 0) {
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      this.chunks.push(part);
      this.kept += part.length;
    }
    this.dropped += Math.max(0, chunk.length - Math.max(room, 0));
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/** Kills a process and everything in its group; ignores processes that are already gone. */
export function killTree(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    if (process.platform === 'win32') {
      spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    } else {
      process.kill(-child.pid, 'SIGKILL');
    }
  } catch {
    // ESRCH: nothing left to kill
  }
}

interface Spawned {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  cancelled: boolean;
  stdout: CappedText;
  stderr: CappedText;
  error?: Error;
}

/** Spawns a command, collects capped output, and ends it at the timeout or on abort. Never rejects. */
function runProcess(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number; signal?: AbortSignal }): Promise<Spawned> {
  return new Promise((resolve) => {
    const out: Spawned = { exitCode: null, signal: null, timedOut: false, cancelled: false, stdout: new CappedText(), stderr: new CappedText() };
    let child: ChildProcess;
    try {
      child = spawn(command, args, {
        cwd: options.cwd,
        env: options.env,
        stdio: ['ignore', 'pipe', 'pipe'], // no stdin: input() meets end-of-file instead of waiting forever
        detached: process.platform !== 'win32', // own process group, killed as a whole
        windowsHide: true,
      });
    } catch (error) {
      resolve({ ...out, error: error as Error });
      return;
    }
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      killTree(child); // children the code left behind in its group go too
      resolve(out);
    };
    const timer = setTimeout(() => {
      out.timedOut = true;
      killTree(child);
    }, options.timeoutMs);
    const onAbort = () => {
      out.cancelled = true;
      killTree(child);
    };
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort);
    child.stdout?.on('data', (d: Buffer) => out.stdout.add(d));
    child.stderr?.on('data', (d: Buffer) => out.stderr.add(d));
    child.on('error', (error) => {
      out.error = error;
      finish();
    });
    child.on('exit', (code, signal) => {
      out.exitCode = code;
      out.signal = signal;
      // A grandchild may still hold the pipes open; give them a moment, then stop waiting.
      setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
        finish();
      }, 200).unref();
    });
    child.on('close', finish);
  });
}

/** Asks one candidate for its version. */
export async function probe(candidate: Candidate, timeoutMs = 10000): Promise<ProbeOutcome> {
  const run = await runProcess(candidate.command, [...candidate.args, '-c', PROBE_CODE], { cwd: os.tmpdir(), env: process.env, timeoutMs });
  const parsed = parseProbe(run.stdout.text());
  if (!parsed) {
    const detail = run.error ? (run.error as NodeJS.ErrnoException).code ?? run.error.message : run.timedOut ? 'no answer within 10 s' : run.stderr.text().trim().split('\n').pop() || `exit code ${run.exitCode}`;
    return { kind: 'missing', candidate, detail };
  }
  if (!supported(parsed.version)) return { kind: 'tooOld', candidate, ...parsed };
  return { kind: 'ok', interpreter: { ...candidate, ...parsed } };
}

/** Probes candidates in order until one is usable. */
export async function findInterpreter(list: Candidate[]): Promise<{ interpreter?: Interpreter; message?: string }> {
  const outcomes: ProbeOutcome[] = [];
  for (const candidate of list) {
    const outcome = await probe(candidate);
    outcomes.push(outcome);
    if (outcome.kind === 'ok') break;
  }
  return choose(outcomes);
}

/** Runs the checks; the result is `passed` only if every canonical check reported a pass. */
export async function runChecks(request: RunRequest): Promise<RunReport> {
  const started = Date.now();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cert-path-run-'));
  const key = randomBytes(32).toString('hex');
  const marker = randomBytes(8).toString('hex');
  const runnerPath = path.join(dir, 'cert_path_runner.py');
  const jobPath = path.join(dir, 'job.json');
  const resultPath = path.join(dir, 'results.jsonl');
  const commandLine = [request.interpreter.command, ...request.interpreter.args, runnerPath];
  try {
    await fs.writeFile(runnerPath, `${request.runnerSource}\n\nif __name__ == "__main__":\n    job_main()\n`, 'utf8');
    const checks = request.checks.map((c) => ({ id: c.id, title: c.title, code: c.code, message: c.message, target: c.target }));
    await fs.writeFile(jobPath, JSON.stringify({ file: path.resolve(request.file), kind: request.kind, checks, params: request.params ?? {}, minPython: request.minPython, requires: request.requires, database: request.database, key, resultPath }), 'utf8');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...request.env,
      CERT_PATH_JOB: jobPath,
      [RUN_MARKER]: marker,
      PYTHONIOENCODING: 'utf-8',
      PYTHONDONTWRITEBYTECODE: '1',
      PYTHONUNBUFFERED: '1',
    };
    const run = await runProcess(commandLine[0], commandLine.slice(1), {
      cwd: path.dirname(path.resolve(request.file)),
      env,
      timeoutMs: request.timeoutSeconds * 1000,
      signal: request.signal,
    });
    const raw = await fs.readFile(resultPath, 'utf8').catch(() => '');
    const stderr = run.stderr.text();
    const end: Termination = {
      exitCode: run.exitCode,
      signal: run.signal,
      timedOut: run.timedOut,
      cancelled: run.cancelled,
      timeoutSeconds: request.timeoutSeconds,
      stderrTail: run.error ? `Could not start ${commandLine[0]}: ${run.error.message}` : stderr.slice(-2000),
    };
    return {
      result: interpretResults(raw, key, request.checks, end),
      stdout: run.stdout.text(),
      stderr,
      truncatedBytes: run.stdout.dropped + run.stderr.dropped,
      durationMs: Date.now() - started,
      commandLine,
      // After the result, not before it: the sweep costs a few ms that feedback should not wait for.
      cleanup: killMarked(marker),
    };
  } finally {
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
