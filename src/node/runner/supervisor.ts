// One supervisor process (src/python/supervisor.py): a warm Python that has imported the harness and
// waits for jobs on stdin. It answers each job with one JSON report line, after it has ended every
// process the run started. A run that does not report by its deadline (the supervisor itself was
// killed, say) is ended from here: the supervisor's group, the run's session and every process that
// carries the run's marker.
import { ChildProcess, spawn } from 'child_process';
import { killCommand, killMarked } from './process';

/** How a supervised run ended, as the supervisor reports it. */
export interface SupervisorReport {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  cancelled: boolean;
  overflow: boolean;
  stdout: string;
  stderr: string;
  results: string;
  dropped: number;
  killed: number;
  ms: number;
  /** Set when the supervisor gave no report (it died, or missed the deadline): why. */
  lost?: string;
}

/** The report of a run that gave none: `why` says what happened instead. */
export function noReport(why: string, stderr = '', killed = 0): SupervisorReport {
  return {
    exitCode: null,
    signal: null,
    timedOut: false,
    cancelled: false,
    overflow: false,
    stdout: '',
    stderr,
    results: '',
    dropped: 0,
    killed,
    ms: 0,
    lost: why,
  };
}

/** The job the supervisor hands to its child (see run_job() in checklib.py). */
export interface SupervisorJob {
  id: string;
  timeout: number;
  [field: string]: unknown;
}

/** Longest line a supervisor may send (its reports are capped well below this). */
const MAX_LINE = 64 * 1024 * 1024;

/** Splits a stream into lines, never holding more than MAX_LINE characters. */
class LineSplitter {
  private buffer = '';
  constructor(
    private readonly onLine: (line: string) => void,
    private readonly onOverflow: () => void,
  ) {}

  push(chunk: string): void {
    this.buffer += chunk;
    let at: number;
    while ((at = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, at);
      this.buffer = this.buffer.slice(at + 1);
      this.onLine(line);
    }
    if (this.buffer.length > MAX_LINE) {
      this.buffer = '';
      this.onOverflow();
    }
  }
}

/** A spawned supervisor: ready once it has said so; runs one job at a time. */
export class Supervisor {
  readonly process: ChildProcess;
  /** Resolves when the supervisor is warm (harness imported); rejects if it could not start. */
  readonly ready: Promise<{ python: string; executable: string; subreaper: boolean }>;
  private pending?: {
    resolve: (r: SupervisorReport) => void;
    runPid?: number;
    marker?: string;
    timer?: NodeJS.Timeout;
  };
  private exited = false;
  private stderr = '';

  /**
   * @param command the interpreter's real executable (never a shim)
   * @param script the harness followed by the supervisor
   * @param mode `serve-one` (used once, then replaced) or `serve` (jobs one after another)
   */
  constructor(
    readonly command: string,
    script: string,
    mode: 'serve-one' | 'serve',
    env: NodeJS.ProcessEnv,
  ) {
    this.process = spawn(command, [script, mode], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env,
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
    let ready: (info: { python: string; executable: string; subreaper: boolean }) => void = () => undefined;
    let failed: (error: Error) => void = () => undefined;
    this.ready = new Promise((resolve, reject) => {
      ready = resolve;
      failed = reject;
    });
    this.ready.catch(() => undefined); // a caller that never waits must not see an unhandled rejection
    const lines = new LineSplitter(
      (line) => this.onLine(line, ready),
      () => this.kill(),
    );
    this.process.stdout?.setEncoding('utf8').on('data', (d: string) => lines.push(d));
    this.process.stderr?.setEncoding('utf8').on('data', (d: string) => (this.stderr = (this.stderr + d).slice(-4000)));
    this.process.stdin?.on('error', () => undefined); // a dead supervisor's stdin: the exit handler reports it
    this.process.on('error', (error) => {
      this.exited = true;
      failed(error);
      this.settle(
        `The check runner did not start: ${command} could not be run (${(error as NodeJS.ErrnoException).code ?? error.message}). Select another interpreter.`,
      );
    });
    this.process.on('exit', (code, signal) => {
      this.exited = true;
      failed(
        new Error(
          `the check runner exited before it was ready (${signal ?? `exit code ${code}`}) ${this.stderr.trim().split('\n').pop() ?? ''}`.trim(),
        ),
      );
      this.settle(
        `The check runner ended before it reported (${signal ?? `exit code ${code}`}), so nothing can be marked as passed.`,
      );
    });
  }

  /** Whether the supervisor has exited. */
  get dead(): boolean {
    return this.exited;
  }

  private onLine(
    line: string,
    ready: (info: { python: string; executable: string; subreaper: boolean }) => void,
  ): void {
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return;
    }
    if (message.type === 'ready') ready(message as never);
    else if (message.type === 'started' && this.pending && typeof message.pid === 'number')
      this.pending.runPid = message.pid;
    else if (message.type === 'report' && this.pending) {
      const pending = this.pending;
      this.pending = undefined;
      clearTimeout(pending.timer);
      pending.resolve(message as unknown as SupervisorReport);
    }
  }

  /** Ends a run that gave no report: its session, the supervisor, and whatever carries the run's marker. */
  private settle(why: string): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    if (pending.runPid) this.killGroup(pending.runPid);
    this.kill();
    const swept = pending.marker ? killMarked(pending.marker) : Promise.resolve(0);
    void swept.then((killed) => pending.resolve(noReport(why, this.stderr, killed)));
  }

  private killGroup(pid: number): void {
    const how = killCommand(pid, process.platform);
    try {
      if ('group' in how) process.kill(how.group, 'SIGKILL');
    } catch {
      // gone already
    }
  }

  /**
   * Runs a job; resolves with the supervisor's report, or a report saying why there is none (the
   * supervisor died, or did not report within the run's timeout plus `graceMs`). Never rejects.
   */
  run(job: SupervisorJob, marker: string, signal?: AbortSignal, graceMs = 2500): Promise<SupervisorReport> {
    return new Promise((resolve) => {
      const onAbort = () => this.process.stdin?.write('cancel\n');
      const done = (report: SupervisorReport) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(report);
      };
      this.pending = { resolve: done, marker };
      this.pending.timer = setTimeout(
        () => this.settle(`The run did not end within ${job.timeout} s and was stopped.`),
        job.timeout * 1000 + graceMs,
      );
      if (this.exited) {
        this.settle('The check runner was not running.');
        return;
      }
      this.process.stdin?.write(`${JSON.stringify(job)}\n`);
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort);
    });
  }

  /** Stops the supervisor (and anything left in its process group). */
  kill(): void {
    if (this.process.pid !== undefined && !this.exited) this.killGroup(this.process.pid);
    try {
      this.process.kill('SIGKILL');
    } catch {
      // gone already
    }
  }
}
