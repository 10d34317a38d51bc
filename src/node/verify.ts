// Verifies exercises the way a pack author or the content tests need: for each draw, the reference
// solution passes, the starter and every authored wrong solution fail, and (optionally) every mutant
// of the solution is killed by the checks. Runs go through warm interpreters (a fork per run).
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Candidate } from '../core/interpreter/interpreter';
import { ExerciseRef } from '../core/syllabus/model';
import { renderPracticeFile, practiceRelativePath } from '../core/practice/practiceFile';
import { instantiate } from '../core/syllabus/variants';
import {
  VariantKind,
  baseVariants,
  CodeVariant,
  judge,
  MAIN_FILE,
  Mutant,
  mutantVariants,
  mutationSources,
  staleEquivalents,
  unexplained,
} from '../core/verify/variants';
import mutateSource from '../python/mutate.py';
import { BatchJob, BatchResult, runBatch } from './runner/batch';
import { DatabaseConfig } from './runner/run';

/** How to verify. */
export interface VerifyOptions {
  interpreter: Candidate;
  runnerSource: string;
  /** A scratch folder (created; left for the caller to remove). */
  dir: string;
  workers: number;
  /** Draws (variant seeds) per exercise; seed 1 for exercises without params. */
  seeds(ref: ExerciseRef): number[];
  mutants: boolean;
  /** Which of solution, starter and wrong solutions to run (all of them by default). */
  kinds?: VariantKind[];
  /** A MySQL/MariaDB server for the database exercises (SQLite otherwise). */
  database?: DatabaseConfig;
  env?: NodeJS.ProcessEnv;
  /** Limit for the solution, starter and wrong solutions. */
  timeoutSeconds?: number;
  /** Called as runs finish, for a progress display: (done, total). */
  progress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** What verifying one exercise found. */
export interface ExerciseVerification {
  ref: ExerciseRef;
  /** Everything that is wrong: a failing solution, a passing starter or wrong solution, an unexplained survivor. */
  problems: string[];
  /** Why runs could not happen on this machine (no display, a missing module). */
  skipped: string[];
  wrongSolutions: number;
  mutants: { total: number; killed: number; equivalent: number; survivors: string[]; unexplained: string[] };
}

interface Planned {
  ref: ExerciseRef;
  seed: number;
  variant: CodeVariant;
}

/** Asks the generator for every mutant of each (exercise, draw), in one interpreter run. */
export function generateMutants(
  python: Candidate,
  requests: { id: string; ref: ExerciseRef; seed: number }[],
  dir: string,
): Promise<Map<string, Mutant[]>> {
  const script = path.join(dir, 'cert_path_mutate.py');
  fs.writeFileSync(script, mutateSource);
  const jobs = requests.map((r) => {
    const { exercise } = instantiate(r.ref.exercise, r.seed);
    return { id: r.id, files: mutationSources(exercise), skipMain: exercise.kind !== 'program' };
  });
  return new Promise((resolve, reject) => {
    const child = execFile(python.command, [...python.args, script], { maxBuffer: 1 << 30 }, (error, stdout) => {
      if (error) reject(new Error(`the mutant generator failed: ${error.message}`));
      else resolve(new Map(Object.entries(JSON.parse(stdout) as Record<string, Mutant[]>)));
    });
    child.stdin?.end(JSON.stringify({ jobs }));
  });
}

/** Writes one variant as a practice folder; returns the main file. */
function writeVariant(dir: string, ref: ExerciseRef, seed: number, variant: CodeVariant, runnerSource: string): string {
  const { exercise, params } = instantiate(ref.exercise, seed);
  const file = path.join(dir, ...practiceRelativePath(ref));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    renderPracticeFile(
      { ...ref, exercise: { ...exercise, starter: variant.main } },
      runnerSource,
      ref.exercise.params ? { seed, params } : undefined,
    ),
  );
  for (const [relative, code] of Object.entries(variant.files)) {
    const target = path.join(path.dirname(file), ...relative.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, code);
  }
  return file;
}

function jobFor(plan: Planned, folder: string, options: VerifyOptions, timeoutSeconds: number): BatchJob {
  const { exercise, params } = instantiate(plan.ref.exercise, plan.seed);
  // A mutant is killed by its first failing check; the others need not run.
  return {
    prepare: () => writeVariant(folder, plan.ref, plan.seed, plan.variant, options.runnerSource),
    cleanup: () => fs.rmSync(folder, { recursive: true, force: true }),
    kind: exercise.kind,
    checks: exercise.checks,
    params,
    minPython: exercise.minPython,
    requires: exercise.requires,
    timeoutSeconds,
    failFast: plan.variant.kind === 'mutant',
    folder: !!exercise.files,
    database: exercise.requires?.includes('database') ? options.database : undefined,
  };
}

async function runPlans(
  plans: Planned[],
  options: VerifyOptions,
  timeoutOf: (p: Planned) => number,
  label: string,
): Promise<BatchResult[]> {
  const root = path.join(options.dir, label);
  const jobs = plans.map((p, i) => jobFor(p, path.join(root, String(i)), options, timeoutOf(p)));
  return runBatch(
    options.interpreter,
    options.runnerSource,
    jobs,
    options.workers,
    options.env ?? {},
    options.signal,
    options.progress,
  );
}

function emptyReport(ref: ExerciseRef): ExerciseVerification {
  return {
    ref,
    problems: [],
    skipped: [],
    wrongSolutions: ref.exercise.wrong?.length ?? 0,
    mutants: { total: 0, killed: 0, equivalent: 0, survivors: [], unexplained: [] },
  };
}

type Reports = Map<string, ExerciseVerification>;

/** Runs every draw's solution, starter and wrong solutions; returns each passing solution's slowest check time. */
async function verifyBase(refs: ExerciseRef[], options: VerifyOptions, reports: Reports): Promise<Map<string, number>> {
  const base: Planned[] = refs.flatMap((ref) =>
    options.seeds(ref).flatMap((seed) =>
      baseVariants(instantiate(ref.exercise, seed).exercise)
        .filter((variant) => !options.kinds || options.kinds.includes(variant.kind))
        .map((variant) => ({ ref, seed, variant })),
    ),
  );
  const baseResults = await runPlans(base, options, () => options.timeoutSeconds ?? 30, 'base');
  // The slowest passing solution run of each exercise (wall time, loading its imports included: a
  // heavy import on a busy machine must not pass for a hang) sets how long its mutants may take.
  const solutionMs = new Map<string, number>();
  base.forEach((plan, i) => {
    const report = reports.get(plan.ref.key)!;
    const result = baseResults[i];
    const verdict = judge(plan.variant, result);
    const draw = plan.ref.exercise.params ? ` (draw ${plan.seed})` : '';
    if (verdict.status === 'wrong') report.problems.push(`${verdict.message}${draw}`);
    if (verdict.status === 'skipped' && !report.skipped.includes(verdict.reason)) report.skipped.push(verdict.reason);
    if (plan.variant.kind === 'solution' && result.outcome === 'passed') {
      const ms = result.wallMs ?? result.checks.reduce((sum, c) => sum + (c.durationMs ?? 0), 0);
      solutionMs.set(plan.ref.key, Math.max(solutionMs.get(plan.ref.key) ?? 0, ms));
    }
  });
  return solutionMs;
}

/** Names of each exercise's mutants that ran, and of those a check rejected at some draw. */
interface MutantTally {
  seen: Map<string, Set<string>>;
  killed: Map<string, Set<string>>;
}

const addTo = (map: Map<string, Set<string>>, key: string, name: string) =>
  map.set(key, (map.get(key) ?? new Set()).add(name));

/**
 * One round: every mutant of the given draws not yet killed at an earlier draw; mutants that make the
 * same code run once.
 */
function roundPlans(
  requests: { id: string; ref: ExerciseRef; seed: number }[],
  generated: Map<string, Mutant[]>,
  tally: MutantTally,
) {
  const plans: Planned[] = [];
  const alsoNamed = new Map<Planned, string[]>();
  for (const r of requests) {
    const byCode = new Map<string, Planned>();
    for (const variant of mutantVariants(instantiate(r.ref.exercise, r.seed).exercise, generated.get(r.id) ?? [])) {
      if (tally.killed.get(r.ref.key)?.has(variant.label)) continue;
      const code = JSON.stringify([variant.main, variant.files]);
      const twin = byCode.get(code);
      if (twin) {
        alsoNamed.set(twin, [...(alsoNamed.get(twin) ?? []), variant.label]);
        continue;
      }
      const plan = { ref: r.ref, seed: r.seed, variant };
      byCode.set(code, plan);
      plans.push(plan);
    }
  }
  return { plans, alsoNamed };
}

/**
 * Runs the mutants draw by draw: round k runs, at each exercise's k-th draw, only the mutants no
 * earlier draw killed (a branch taken only for some drawn values is tested at the draws that take it).
 */
async function runMutants(
  eligible: ExerciseRef[],
  options: VerifyOptions,
  solutionMs: Map<string, number>,
): Promise<MutantTally> {
  const requests = eligible.flatMap((ref) =>
    options.seeds(ref).map((seed, round) => ({ id: `${ref.key}@${seed}`, ref, seed, round })),
  );
  const generated = await generateMutants(options.interpreter, requests, options.dir);
  // An endless loop is a kill too; it need not wait the full limit.
  const limit = (p: Planned) =>
    Math.min(options.timeoutSeconds ?? 30, Math.max(1.5, (3 * (solutionMs.get(p.ref.key) ?? 100)) / 1000 + 1));
  const tally: MutantTally = { seen: new Map(), killed: new Map() };
  const rounds = Math.max(0, ...requests.map((r) => r.round + 1));
  for (let round = 0; round < rounds && !options.signal?.aborted; round++) {
    const { plans, alsoNamed } = roundPlans(
      requests.filter((r) => r.round === round),
      generated,
      tally,
    );
    const results = await runPlans(plans, options, limit, `mutants-${round}`);
    plans.forEach((plan, i) => {
      const verdict = judge(plan.variant, results[i]);
      if (verdict.status === 'skipped') return;
      for (const name of [plan.variant.label, ...(alsoNamed.get(plan) ?? [])]) {
        addTo(tally.seen, plan.ref.key, name);
        if (verdict.status === 'ok') addTo(tally.killed, plan.ref.key, name);
      }
    });
  }
  return tally;
}

/** Verifies every exercise; reports come back in the order of `refs`. */
export async function verifyExercises(refs: ExerciseRef[], options: VerifyOptions): Promise<ExerciseVerification[]> {
  const reports: Reports = new Map(refs.map((ref) => [ref.key, emptyReport(ref)]));
  const solutionMs = await verifyBase(refs, options, reports);
  if (!options.mutants) return refs.map((ref) => reports.get(ref.key)!);
  // Mutants only of exercises whose solution passed here: otherwise a "kill" would mean nothing.
  const eligible = refs.filter(
    (ref) => solutionMs.has(ref.key) && !reports.get(ref.key)!.problems.some((p) => p.startsWith('the solution')),
  );
  const { seen, killed: killedNames } = await runMutants(eligible, options, solutionMs);
  for (const ref of eligible) {
    const report = reports.get(ref.key)!;
    const names = [...(seen.get(ref.key) ?? [])];
    const killed = killedNames.get(ref.key) ?? new Set<string>();
    const survivors = names.filter((n) => !killed.has(n));
    const listed = new Set((ref.exercise.equivalentMutants ?? []).map((m) => m.mutant));
    report.mutants = {
      total: names.length,
      killed: killed.size,
      equivalent: survivors.filter((n) => listed.has(n)).length,
      survivors,
      unexplained: unexplained(ref.exercise, survivors),
    };
    for (const name of report.mutants.unexplained) report.problems.push(`mutant survives: ${name}`);
    // Only judged when the machine ran every draw (a skipped run could hide a survivor).
    if (!report.skipped.length)
      for (const name of staleEquivalents(ref.exercise, survivors))
        report.problems.push(
          `listed as an equivalent mutant, but the checks kill it (or it is no longer made): remove "${name}" from equivalentMutants`,
        );
  }
  return refs.map((ref) => reports.get(ref.key)!);
}

/** Kill rate over non-equivalent mutants, in percent (100 when there are none). */
export function killRate(m: ExerciseVerification['mutants']): number {
  const counted = m.total - m.equivalent;
  return counted > 0 ? (100 * m.killed) / counted : 100;
}

export { MAIN_FILE };
