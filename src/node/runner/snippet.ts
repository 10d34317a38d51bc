// Runs a snippet — a lesson example — with the learner's interpreter, under the same supervisor,
// limits and private run folder as a check run, and returns what it printed.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { Candidate } from '../../core/interpreter/interpreter';
import { cappedText, crashMessage, signalName } from '../../core/runner/messages';
import { runDirect } from './direct';
import { RUN_MARKER } from './process';
import { executableOf } from './run';
import { originalPaths, prepareRun, removeRun } from './runFolder';
import { noReport, SupervisorReport } from './supervisor';
import { coldSource, SupervisorSource } from './warm';

/** A snippet to run. */
export interface SnippetRequest {
  interpreter: Candidate & { executable?: string };
  code: string;
  /** What the snippet reads from stdin. */
  stdin?: string;
  timeoutSeconds: number;
  memoryLimitMB?: number;
  /** checklib.py's source (the supervisor is appended to it). */
  runnerSource: string;
  signal?: AbortSignal;
}

/** What a snippet did. */
export interface SnippetReport {
  stdout: string;
  /** The traceback of an uncaught exception (the snippet's own frames), or what it wrote to stderr. */
  stderr: string;
  exitCode: number | null;
  timedOut: boolean;
  /** Set when the run did not end by itself: timeout, cancel, memory, crash, or the runner failing. */
  problem?: string;
  durationMs: number;
}

function problemOf(report: SupervisorReport, request: SnippetRequest): string | undefined {
  if (report.lost) return report.lost;
  if (report.cancelled) return 'The run was cancelled.';
  if (report.timedOut) return `The example did not finish within ${request.timeoutSeconds} s and was stopped.`;
  const crash = signalName(report.signal);
  if (crash) return crashMessage(crash).replace(' Nothing can be marked as passed.', '');
  if (/MemoryError/.test(report.stderr) && request.memoryLimitMB)
    return `The example needed more than the ${request.memoryLimitMB} MB the certPath.memoryLimitMB setting allows.`;
  return undefined;
}

/** Runs the snippet as `python example.py` would, in a private folder. Never rejects. */
export async function runSnippet(
  request: SnippetRequest,
  source: SupervisorSource = coldSource(request.runnerSource),
): Promise<SnippetReport> {
  const started = Date.now();
  const holder = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-path-example-'));
  const file = path.join(holder, 'example.py');
  let report: SupervisorReport;
  try {
    fs.writeFileSync(file, request.code, 'utf8');
    const run = prepareRun(file, 'file');
    const marker = randomBytes(8).toString('hex');
    const job = {
      id: marker,
      timeout: request.timeoutSeconds,
      kind: 'script',
      file: run.main,
      cwd: run.work,
      stdin: request.stdin ?? '',
      env: { [RUN_MARKER]: marker, TMPDIR: run.tmp, TEMP: run.tmp, TMP: run.tmp },
      memoryMB: request.memoryLimitMB ?? 0,
    };
    const executable = executableOf(request.interpreter);
    if (process.platform === 'win32') {
      report = await runDirect(executable, request.runnerSource, job, run, request.signal);
    } else {
      const supervisor = source.take(executable);
      report = await supervisor.run(job, marker, request.signal);
      source.release(supervisor);
    }
    report = { ...report, stdout: originalPaths(report.stdout, run), stderr: originalPaths(report.stderr, run) };
    void removeRun(run);
  } catch (error) {
    report = noReport(`The example could not be run (${(error as Error).message}).`);
  } finally {
    fs.rmSync(holder, { recursive: true, force: true });
  }
  return {
    stdout: cappedText(report.stdout, 20_000),
    stderr: cappedText(
      report.stderr.replace(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'g'), 'example.py'),
      20_000,
    ),
    exitCode: report.exitCode,
    timedOut: report.timedOut,
    problem: problemOf(report, request),
    durationMs: Date.now() - started,
  };
}
