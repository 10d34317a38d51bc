// Verifies exercises the way a pack author or the content tests need: for each draw, the reference
// solution passes, the starter and every authored wrong solution fail, and (optionally) every mutant
// of the solution is killed by the checks. Runs go through warm interpreters (a fork per run).
import { ExerciseRef } from '../../core/syllabus/model';
import { MAIN_FILE, staleEquivalents, unexplained } from '../../core/verify/variants';
import { verifyBase } from './base';
import { runMutants } from './mutants';
import { emptyReport, ExerciseVerification, Reports, VerifyOptions } from './types';

export type { ExerciseVerification, VerifyOptions } from './types';
export { generateMutants } from './mutants';

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
