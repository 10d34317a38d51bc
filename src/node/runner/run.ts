// Runs the canonical checks of an exercise against a learner's file with a real Python, under a
// supervisor (src/python/supervisor.py). Used by the extension and by the content tests alike: the
// run executes a snapshot of the learner's files in a private folder, its records come through a pipe
// only the supervisor reads, and every process it starts is ended before the result is reported.
import { randomBytes } from 'crypto';
import { Candidate } from '../../core/interpreter/interpreter';
import { RUN_MARKER } from './process';
import { originalPaths, prepareRun, removeRun, RunFolder } from './runFolder';
import { noReport, SupervisorReport } from './supervisor';
import { coldSource, SupervisorSource } from './warm';
import { runDirect } from './direct';
import { Check, ExerciseKind } from '../../core/syllabus/model';
import { interpretResults, RunResult, Termination } from '../../core/runner/results';
import { ParamValue } from '../../core/syllabus/variants';

/** What to run. */
export interface RunRequest {
  /** The interpreter; its `executable` (from the probe) is what starts, never a shim. */
  interpreter: Candidate & { executable?: string };
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
  /** Extra environment for the run. */
  env?: NodeJS.ProcessEnv;
  /** Memory the run may use (MB); 0 or absent: no limit. */
  memoryLimitMB?: number;
  /** `folder`: snapshot the practice file's whole folder (multi-file exercises); `file` (default): it and the Python files beside it. */
  snapshot?: 'file' | 'folder';
  /** Stop at the first check that does not pass (the verifier's mutants). */
  failFast?: boolean;
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
  /** How many leftover processes were ended after the run (they are all gone before the report). */
  cleanup: Promise<number>;
}

/** The interpreter to start: the real executable the probe reported, never a shim. */
export function executableOf(interpreter: Candidate & { executable?: string }): string {
  return interpreter.executable && interpreter.executable !== '?' ? interpreter.executable : interpreter.command;
}

function jobFor(
  request: RunRequest,
  run: RunFolder,
  key: string,
  marker: string,
): Record<string, unknown> & { id: string; timeout: number } {
  const checks = request.checks.map((c) => ({
    id: c.id,
    title: c.title,
    code: c.code,
    message: c.message,
    target: c.target,
  }));
  const env = { ...request.env, [RUN_MARKER]: marker, TMPDIR: run.tmp, TEMP: run.tmp, TMP: run.tmp };
  return {
    id: marker,
    timeout: request.timeoutSeconds,
    file: run.main,
    cwd: run.work,
    importDir: run.importDir,
    env,
    memoryMB: request.memoryLimitMB ?? 0,
    key,
    kind: request.kind,
    checks,
    params: request.params ?? {},
    minPython: request.minPython,
    requires: request.requires,
    database: request.database,
    failFast: request.failFast ?? false,
  };
}

function termination(report: SupervisorReport, timeoutSeconds: number): Termination {
  return {
    exitCode: report.exitCode,
    signal: report.signal,
    timedOut: report.timedOut,
    cancelled: report.cancelled,
    timeoutSeconds,
    stderrTail: report.stderr.slice(-2000),
    overflow: report.overflow,
    lost: report.lost,
  };
}

/** The run's texts with the snapshot's paths shown as the learner's own files. */
function shownAsOriginal(result: RunResult, run: RunFolder): RunResult {
  const map = (text: string | undefined) => (text === undefined ? undefined : originalPaths(text, run));
  return {
    ...result,
    problem: result.problem && { ...result.problem, message: originalPaths(result.problem.message, run) },
    checks: result.checks.map((c) => ({
      ...c,
      message: originalPaths(c.message, run),
      traceback: map(c.traceback),
      actual: map(c.actual),
      expected: map(c.expected),
    })),
  };
}

/** Runs the job where it can: a supervisor from `source`, or a job object on Windows. Never rejects. */
async function supervised(
  request: RunRequest,
  run: RunFolder,
  job: ReturnType<typeof jobFor>,
  source: SupervisorSource,
): Promise<SupervisorReport> {
  const executable = executableOf(request.interpreter);
  try {
    if (process.platform === 'win32')
      return await runDirect(executable, request.runnerSource, job, run, request.signal);
    const supervisor = source.take(executable);
    const report = await supervisor.run(job, job.id, request.signal);
    source.release(supervisor);
    return report;
  } catch (error) {
    return noReport(`The check runner could not run (${(error as Error).message}).`);
  }
}

/** Runs the checks; the result is `passed` only if every canonical check reported a pass. Never rejects. */
export async function runChecks(
  request: RunRequest,
  source: SupervisorSource = coldSource(request.runnerSource),
): Promise<RunReport> {
  const started = Date.now();
  const key = randomBytes(32).toString('hex');
  const marker = randomBytes(8).toString('hex');
  const executable = executableOf(request.interpreter);
  const report = (run: RunFolder | undefined, sup: SupervisorReport): RunReport => {
    const shown = (text: string) => (run ? originalPaths(text, run) : text);
    const result = interpretResults(sup.results, key, request.checks, termination(sup, request.timeoutSeconds));
    return {
      result: run ? shownAsOriginal(result, run) : result,
      stdout: shown(sup.stdout),
      stderr: shown(sup.stderr),
      truncatedBytes: sup.dropped,
      durationMs: Date.now() - started,
      commandLine: [executable, '(Cert Path runner)'],
      // Every process is gone already; the run folder is removed while the result is shown.
      cleanup: run ? removeRun(run).then(() => sup.killed) : Promise.resolve(sup.killed),
    };
  };
  let run: RunFolder;
  try {
    run = prepareRun(request.file, request.snapshot ?? 'file');
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return report(
      undefined,
      noReport(`Your file could not be copied for the run (${why}). Save it and run the checks again.`),
    );
  }
  return report(run, await supervised(request, run, jobFor(request, run, key, marker), source));
}
