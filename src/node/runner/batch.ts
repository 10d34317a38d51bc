// Whole-bank verification from warm interpreters (see batch.py): the same harness, job files and
// signed result records as the extension's runner, with a fork per exercise instead of a new
// interpreter. Each worker takes the next job when it finishes one, so slow exercises do not
// leave a core idle.
import { spawn } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as readline from 'readline';
import { Candidate } from '../../core/interpreter/interpreter';
import { Check, ExerciseKind } from '../../core/syllabus/model';
import { interpretResults, RunResult } from '../../core/runner/results';
import { ParamValue } from '../../core/syllabus/variants';
import batchSource from '../../python/batch.py';

/** One exercise file to verify. */
export interface BatchJob {
  file: string;
  kind: ExerciseKind;
  checks: Check[];
  params?: Record<string, ParamValue>;
  minPython?: string;
  requires?: string[];
  timeoutSeconds: number;
  /** Stop at the first check that does not pass (the rest report skipped): enough to know a mutant is killed. */
  failFast?: boolean;
}

/** Runs every job on `workers` warm interpreters; results in job order. An abort stops handing out jobs. */
export async function runBatch(
  interpreter: Candidate,
  runnerSource: string,
  jobs: BatchJob[],
  workers: number,
  dir: string,
  env: NodeJS.ProcessEnv = {},
  signal?: AbortSignal,
  progress?: (done: number, total: number) => void,
): Promise<RunResult[]> {
  fs.mkdirSync(dir, { recursive: true });
  const script = path.join(dir, 'cert_path_batch.py');
  fs.writeFileSync(script, `${runnerSource}\n${batchSource}`);
  const results: RunResult[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const prepared = (i: number) => {
    const job = jobs[i];
    const key = randomBytes(32).toString('hex');
    const jobPath = path.join(dir, `job-${i}.json`);
    const resultPath = path.join(dir, `results-${i}.jsonl`);
    const checks = job.checks.map((c) => ({
      id: c.id,
      title: c.title,
      code: c.code,
      message: c.message,
      target: c.target,
    }));
    fs.writeFileSync(
      jobPath,
      JSON.stringify({
        file: path.resolve(job.file),
        kind: job.kind,
        checks,
        params: job.params ?? {},
        minPython: job.minPython,
        requires: job.requires,
        key,
        resultPath,
        failFast: job.failFast ?? false,
      }),
    );
    return {
      spec: {
        id: i,
        job: jobPath,
        cwd: path.dirname(path.resolve(job.file)),
        output: path.join(dir, `output-${i}.txt`),
        timeout: job.timeoutSeconds,
      },
      key,
      resultPath,
    };
  };
  await Promise.all(
    Array.from(
      { length: Math.min(workers, jobs.length) },
      () =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(interpreter.command, [...interpreter.args, script], {
            cwd: dir,
            env: {
              ...process.env,
              ...env,
              PYTHONIOENCODING: 'utf-8',
              PYTHONDONTWRITEBYTECODE: '1',
              PYTHONUNBUFFERED: '1',
            },
            stdio: ['pipe', 'pipe', 'inherit'],
          });
          const pending = new Map<number, { key: string; resultPath: string }>();
          const feed = () => {
            if (next >= jobs.length || signal?.aborted) {
              child.stdin.end();
              return;
            }
            const i = next++;
            const p = prepared(i);
            pending.set(i, p);
            child.stdin.write(`${JSON.stringify(p.spec)}\n`);
          };
          readline.createInterface({ input: child.stdout }).on('line', (line) => {
            const reply = JSON.parse(line) as {
              id: number;
              exitCode: number | null;
              signal: number | null;
              timedOut: boolean;
            };
            const p = pending.get(reply.id)!;
            pending.delete(reply.id);
            const raw = fs.existsSync(p.resultPath) ? fs.readFileSync(p.resultPath, 'utf8') : '';
            const output = fs.readFileSync(path.join(dir, `output-${reply.id}.txt`), 'utf8');
            results[reply.id] = interpretResults(raw, p.key, jobs[reply.id].checks, {
              exitCode: reply.exitCode,
              signal: reply.signal === null ? null : `signal ${reply.signal}`,
              timedOut: reply.timedOut,
              cancelled: false,
              timeoutSeconds: jobs[reply.id].timeoutSeconds,
              stderrTail: output.slice(-2000),
            });
            progress?.(++done, jobs.length);
            feed();
          });
          child.on('error', reject);
          child.on('close', (code) =>
            pending.size
              ? reject(new Error(`batch worker exited (${code}) with ${pending.size} job(s) unanswered`))
              : resolve(),
          );
          feed();
        }),
    ),
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
