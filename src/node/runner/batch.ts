// Many runs through warm supervisors, one per worker, each taking the next job when it finishes one
// (slow exercises do not leave a core idle): the content tests and the exercise verifier. The same
// harness, supervision and signed records as the extension's runs, with a fork per run instead of a
// new interpreter.
import { Candidate } from '../../core/interpreter/interpreter';
import { Check, ExerciseKind } from '../../core/syllabus/model';
import { RunResult } from '../../core/runner/results';
import { ParamValue } from '../../core/syllabus/variants';
import { DatabaseConfig, executableOf, runChecks } from './run';
import { runnerEnv, runnerScript } from './script';
import { Supervisor } from './supervisor';
import { SupervisorSource } from './warm';

/** One exercise file to verify. */
export interface BatchJob {
  /** The practice file, or `prepare` writes it just before the run (so thousands of jobs do not sit on disk at once). */
  file?: string;
  prepare?: () => string;
  /** Called after the run (to remove what `prepare` wrote). */
  cleanup?: () => void;
  kind: ExerciseKind;
  checks: Check[];
  params?: Record<string, ParamValue>;
  minPython?: string;
  requires?: string[];
  timeoutSeconds: number;
  /** Stop at the first check that does not pass (the rest report skipped): enough to know a mutant is killed. */
  failFast?: boolean;
  /** Snapshot the practice file's whole folder (multi-file exercises). */
  folder?: boolean;
  database?: DatabaseConfig;
}

/** A worker's own supervisor, reused run after run (a dead one is replaced). */
class Lane implements SupervisorSource {
  private supervisor?: Supervisor;
  constructor(private readonly runnerSource: string) {}

  take(executable: string): Supervisor {
    if (!this.supervisor || this.supervisor.dead)
      this.supervisor = new Supervisor(executable, runnerScript(this.runnerSource), 'serve', runnerEnv());
    return this.supervisor;
  }

  release(): void {
    // kept for the worker's next run
  }

  close(): void {
    this.supervisor?.kill();
  }
}

/** A batch run's result with its wall time (loading the code included), in ms. */
export type BatchResult = RunResult & { wallMs?: number };

/** Runs every job on `workers` warm supervisors; results in job order. An abort stops handing out jobs. */
export async function runBatch(
  interpreter: Candidate & { executable?: string },
  runnerSource: string,
  jobs: BatchJob[],
  workers: number,
  env: NodeJS.ProcessEnv = {},
  signal?: AbortSignal,
  progress?: (done: number, total: number) => void,
): Promise<BatchResult[]> {
  const results: BatchResult[] = new Array(jobs.length);
  const executable = executableOf(interpreter);
  let next = 0;
  let done = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(workers, jobs.length)) }, () => new Lane(runnerSource));
  await Promise.all(
    lanes.map(async (lane) => {
      const removals: Promise<number>[] = [];
      while (next < jobs.length && !signal?.aborted) {
        const i = next++;
        const job = jobs[i];
        const file = job.file ?? job.prepare?.() ?? '';
        const report = await runChecks(
          {
            interpreter: { ...interpreter, executable },
            file,
            kind: job.kind,
            checks: job.checks,
            params: job.params,
            minPython: job.minPython,
            requires: job.requires,
            database: job.database,
            timeoutSeconds: job.timeoutSeconds,
            runnerSource,
            env,
            failFast: job.failFast,
            snapshot: job.folder ? 'folder' : 'file',
          },
          lane,
        );
        results[i] = { ...report.result, wallMs: report.durationMs };
        removals.push(report.cleanup); // run folders go while the next job runs
        job.cleanup?.();
        progress?.(++done, jobs.length);
      }
      lane.close();
      await Promise.all(removals);
    }),
  );
  // Jobs not handed out before an abort.
  for (let i = 0; i < results.length; i++)
    results[i] ??= {
      outcome: 'cancelled',
      checks: [],
      problem: { kind: 'cancelled', message: 'The run was cancelled.' },
    };
  return results;
}
