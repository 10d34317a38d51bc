// Child processes for runs and probes: spawned without a shell, output kept up to a cap, ended at a
// timeout or on cancel together with everything they started (their process group; on Windows, their
// process tree).
import { ChildProcess, spawn } from 'child_process';
import { promises as fs } from 'fs';

/** Bytes of stdout and of stderr kept from one run; the rest is counted, not stored. */
export const OUTPUT_CAP = 256 * 1024;

/** Environment variable that marks every process a run starts, even ones that leave its process group. */
export const RUN_MARKER = 'CERT_PATH_RUN';

/**
 * Kills every process whose environment carries this run's marker: children that started a session
 * of their own (and so left the process group) still inherit the environment. Linux only (/proc).
 */
export async function killMarked(marker: string, platform: NodeJS.Platform = process.platform): Promise<number> {
  if (platform !== 'linux') return 0; // no /proc to read: the process group (Windows: the job object) has to do
  const needle = Buffer.from(`${RUN_MARKER}=${marker}\0`);
  const pids = (await fs.readdir('/proc').catch(() => [] as string[])).filter(
    (p) => /^\d+$/.test(p) && Number(p) !== process.pid,
  );
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

/** Output kept up to OUTPUT_CAP bytes; what comes after is only counted. */
export class CappedText {
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

/** How a process tree is ended on a platform: taskkill on Windows, SIGKILL to the process group elsewhere. */
export function killCommand(
  pid: number,
  platform: NodeJS.Platform,
): { command: string; args: string[] } | { group: number } {
  return platform === 'win32' ? { command: 'taskkill', args: ['/pid', String(pid), '/T', '/F'] } : { group: -pid };
}

/** Kills a process and everything in its group (or tree); ignores processes that are already gone. */
export function killTree(child: ChildProcess, platform: NodeJS.Platform = process.platform): void {
  if (child.pid === undefined) return;
  const how = killCommand(child.pid, platform);
  try {
    if ('group' in how) process.kill(how.group, 'SIGKILL');
    else spawn(how.command, how.args, { stdio: 'ignore', windowsHide: true });
  } catch {
    // ESRCH: nothing left to kill
  }
}

/** How a spawned process ended and what it printed. */
export interface Spawned {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  cancelled: boolean;
  stdout: CappedText;
  stderr: CappedText;
  error?: Error;
}

/** Spawns a command, collects capped output, and ends it at the timeout or on abort. Never rejects. */
export function runProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number; signal?: AbortSignal; stdin?: string },
): Promise<Spawned> {
  return new Promise((resolve) => {
    const out: Spawned = {
      exitCode: null,
      signal: null,
      timedOut: false,
      cancelled: false,
      stdout: new CappedText(),
      stderr: new CappedText(),
    };
    let child: ChildProcess;
    try {
      child = spawn(command, args, {
        cwd: options.cwd,
        env: options.env,
        // No stdin unless given: input() meets end-of-file instead of waiting forever.
        stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
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
    if (options.stdin !== undefined) {
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(options.stdin);
    }
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
