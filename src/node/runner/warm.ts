// Warm supervisors for the extension: one pre-started per interpreter, so a fresh, clean process is
// ready before the learner presses Run. Each is used for one run and then replaced; a spare that is
// not used for a few idle minutes is stopped. Idle, a spare waits on its stdin and uses no CPU.
import { runnerEnv, runnerScript } from './script';
import { Supervisor } from './supervisor';

/** Minutes a spare supervisor waits for a run before it is stopped. */
export const IDLE_MINUTES = 5;

/** Where runs take their supervisor from. */
export interface SupervisorSource {
  /** A ready (or starting) supervisor for the interpreter executable. */
  take(executable: string): Supervisor;
  /** Gives a supervisor back after its run. */
  release(supervisor: Supervisor): void;
}

/** A fresh supervisor per run, stopped after it (the cold path, and the default). */
export function coldSource(runnerSource: string): SupervisorSource {
  return {
    take: (executable) => new Supervisor(executable, runnerScript(runnerSource), 'serve-one', runnerEnv()),
    release: (supervisor) => supervisor.kill(),
  };
}

/** One spare supervisor per interpreter executable, replaced after each use. */
export class WarmPool implements SupervisorSource {
  private readonly spares = new Map<string, Supervisor>();
  /** Supervisors handed out since the last clear(): only these are replaced when released. */
  private readonly lent = new Set<Supervisor>();
  private idle?: NodeJS.Timeout;
  private disposed = false;

  constructor(
    private readonly runnerSource: string,
    private readonly idleMs = IDLE_MINUTES * 60_000,
  ) {}

  private spawn(executable: string): Supervisor {
    return new Supervisor(executable, runnerScript(this.runnerSource), 'serve-one', runnerEnv());
  }

  /** Starts a spare for the interpreter if there is none (call only where learner code may run). */
  prepare(executable: string): void {
    if (this.disposed) return;
    const spare = this.spares.get(executable);
    if (!spare || spare.dead) this.spares.set(executable, this.spawn(executable));
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.clear(), this.idleMs);
    this.idle.unref();
  }

  /** Resolves once the spare for the interpreter is warm (started by prepare()). */
  async whenReady(executable: string): Promise<void> {
    await this.spares.get(executable)?.ready.catch(() => undefined);
  }

  take(executable: string): Supervisor {
    const spare = this.spares.get(executable);
    this.spares.delete(executable);
    const supervisor = spare && !spare.dead ? spare : this.spawn(executable);
    this.lent.add(supervisor);
    return supervisor;
  }

  release(supervisor: Supervisor): void {
    supervisor.kill(); // used once: the next run gets a fresh process,
    // started after this run (so the two never compete for a core), unless the pool was cleared meanwhile
    if (this.lent.delete(supervisor)) this.prepare(supervisor.command);
  }

  /** Stops every spare (interpreter or settings changed, idle, trust revoked). */
  clear(): void {
    for (const spare of this.spares.values()) spare.kill();
    this.spares.clear();
    this.lent.clear();
    clearTimeout(this.idle);
  }

  /** Number of spares running (for tests and the benchmark). */
  get size(): number {
    return [...this.spares.values()].filter((s) => !s.dead).length;
  }

  dispose(): void {
    this.disposed = true;
    this.clear();
  }
}
