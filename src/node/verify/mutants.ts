// The mutation gate's runs: every mutant of each solution (src/python/mutate.py), draw by draw.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Candidate } from '../../core/interpreter/interpreter';
import { ExerciseRef } from '../../core/syllabus/model';
import { instantiate } from '../../core/syllabus/variants';
import { judge, Mutant, mutantVariants, mutationSources } from '../../core/verify/variants';
import mutateSource from '../../python/mutate.py';
import { runPlans } from './runs';
import { Planned, VerifyOptions } from './types';

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

export interface MutantTally {
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
export async function runMutants(
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
