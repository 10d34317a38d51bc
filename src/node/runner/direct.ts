// Where Python cannot fork (Windows): the job runs in a child process started per run, inside a job
// object that ends its whole process tree, and its records go to a file in the run folder that is read
// as a regular file only, and only up to a cap. The supervisor's report is rebuilt from the process.
import { promises as fs, constants } from 'fs';
import * as path from 'path';
import { runProcess } from './process';
import { RunFolder } from './runFolder';
import { runnerEnv, runnerScript } from './script';
import { SupervisorReport } from './supervisor';

/** Bytes of records read at most. */
const RESULTS_CAP = 4 * 1024 * 1024;

/** A regular file's first `cap` bytes; nothing for anything else (a FIFO, a link, a device, a folder). */
export async function readRegularFile(file: string, cap: number): Promise<{ text: string; overflow: boolean }> {
  const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, flags);
    const stat = await handle.stat();
    if (!stat.isFile()) return { text: '', overflow: false };
    const buffer = Buffer.alloc(Math.min(cap, stat.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { text: buffer.subarray(0, bytesRead).toString('utf8'), overflow: stat.size > cap };
  } catch {
    return { text: '', overflow: false };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Runs one job in `python runner.py direct` and reports like a supervisor would. */
export async function runDirect(
  executable: string,
  runnerSource: string,
  job: Record<string, unknown> & { timeout: number },
  run: RunFolder,
  signal?: AbortSignal,
): Promise<SupervisorReport> {
  const resultPath = path.join(run.dir, 'results.jsonl');
  const started = Date.now();
  const spawned = await runProcess(executable, [runnerScript(runnerSource), 'direct'], {
    cwd: run.work,
    env: runnerEnv(job.env as NodeJS.ProcessEnv),
    timeoutMs: job.timeout * 1000,
    signal,
    // The job line, then what the run itself reads from stdin (a lesson example's input).
    stdin: `${JSON.stringify({ ...job, resultPath })}\n${typeof job.stdin === 'string' ? job.stdin : ''}`,
  });
  const results = await readRegularFile(resultPath, RESULTS_CAP);
  return {
    exitCode: spawned.exitCode,
    signal: spawned.signal,
    timedOut: spawned.timedOut,
    cancelled: spawned.cancelled,
    overflow: results.overflow,
    stdout: spawned.stdout.text(),
    stderr: spawned.error ? `Could not start ${executable}: ${spawned.error.message}` : spawned.stderr.text(),
    results: results.text,
    dropped: spawned.stdout.dropped + spawned.stderr.dropped,
    killed: 0,
    ms: Date.now() - started,
  };
}
