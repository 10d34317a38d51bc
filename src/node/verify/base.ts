// The base runs: every draw's solution must pass, then its starter and wrong solutions must fail.
import { ExerciseRef } from '../../core/syllabus/model';
import { instantiate } from '../../core/syllabus/variants';
import { baseVariants, judge } from '../../core/verify/variants';
import { BatchResult } from '../runner/batch';
import { runPlans } from './runs';
import { Planned, Reports, VerifyOptions } from './types';

function basePlans(refs: ExerciseRef[], options: VerifyOptions, solution: boolean): Planned[] {
  const wanted = (kind: string) =>
    (kind === 'solution') === solution && (!options.kinds || options.kinds.includes(kind as never));
  return refs.flatMap((ref) => {
    const seeds = new Set([...options.seeds(ref), ...(options.wrongSeeds?.(ref) ?? [])]);
    return [...seeds].flatMap((seed) =>
      baseVariants(instantiate(ref.exercise, seed).exercise)
        .filter((variant) => wanted(variant.kind))
        .filter((variant) =>
          (variant.kind === 'wrong' && options.wrongSeeds ? options.wrongSeeds(ref) : options.seeds(ref)).includes(
            seed,
          ),
        )
        .map((variant) => ({ ref, seed, variant })),
    );
  });
}

/**
 * Runs every draw's solution, then its starter and wrong solutions (each given three times the
 * solution's run, so one that hangs costs seconds, not the full limit); returns each passing
 * solution's slowest wall time.
 */
export async function verifyBase(
  refs: ExerciseRef[],
  options: VerifyOptions,
  reports: Reports,
): Promise<Map<string, number>> {
  const limit = options.timeoutSeconds ?? 30;
  const solutions = basePlans(refs, options, true);
  const solved = await runPlans(solutions, options, () => limit, 'solutions');
  // The slowest passing solution run of each exercise (wall time, loading its imports included: a
  // heavy import on a busy machine must not pass for a hang) sets how long the other variants may take.
  const solutionMs = new Map<string, number>();
  const judgeAll = (plans: Planned[], results: BatchResult[]) =>
    plans.forEach((plan, i) => {
      const report = reports.get(plan.ref.key)!;
      const result = results[i];
      const verdict = judge(plan.variant, result);
      const draw = plan.ref.exercise.params ? ` (draw ${plan.seed})` : '';
      if (verdict.status === 'wrong') report.problems.push(`${verdict.message}${draw}`);
      if (verdict.status === 'skipped' && !report.skipped.includes(verdict.reason)) report.skipped.push(verdict.reason);
      if (plan.variant.kind === 'solution' && result.outcome === 'passed') {
        const ms = result.wallMs ?? result.checks.reduce((sum, c) => sum + (c.durationMs ?? 0), 0);
        solutionMs.set(plan.ref.key, Math.max(solutionMs.get(plan.ref.key) ?? 0, ms));
      }
    });
  judgeAll(solutions, solved);
  const others = basePlans(refs, options, false);
  const otherLimit = (p: Planned) => Math.min(limit, Math.max(5, (3 * (solutionMs.get(p.ref.key) ?? 1000)) / 1000 + 2));
  judgeAll(others, await runPlans(others, options, otherLimit, 'others'));
  return solutionMs;
}

/** Names of each exercise's mutants that ran, and of those a check rejected at some draw. */
