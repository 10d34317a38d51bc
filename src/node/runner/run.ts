// Runs the canonical checks of an exercise against a learner's file with a real Python. Used by the
// extension and by the content tests alike. No shell: an argument array; the process gets its own
// group so a timeout or cancellation kills everything it started.
import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Candidate } from '../../core/interpreter/interpreter';
import { killMarked, RUN_MARKER, runProcess } from './process';
import { Check, ExerciseKind } from '../../core/syllabus/model';
import { interpretResults, RunResult, Termination } from '../../core/runner/results';
import { ParamValue } from '../../core/syllabus/variants';

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
    const checks = request.checks.map((c) => ({
      id: c.id,
      title: c.title,
      code: c.code,
      message: c.message,
      target: c.target,
    }));
    await fs.writeFile(
      jobPath,
      JSON.stringify({
        file: path.resolve(request.file),
        kind: request.kind,
        checks,
        params: request.params ?? {},
        minPython: request.minPython,
        requires: request.requires,
        database: request.database,
        key,
        resultPath,
      }),
      'utf8',
    );
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
