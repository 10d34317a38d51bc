// What verifying an exercise runs: the reference solution (must pass), the starter (must fail), each
// authored wrong solution and each mutant of the solution (must fail). Pure: the caller writes the
// files, runs them and hands the results back to judge().
import { Exercise } from '../syllabus/model';
import { drawParams } from '../syllabus/variants';
import { RunResult } from '../runner/results';

/** Which version of an exercise a run checks. */
export type VariantKind = 'solution' | 'starter' | 'wrong' | 'mutant';

/** One version of an exercise's code: the main file and every extra file. */
export interface CodeVariant {
  kind: VariantKind;
  /** `solution`, `starter`, `wrong 1: <note>` or the mutant's name. */
  label: string;
  main: string;
  /** Extra files of a multi-file exercise, path → code. */
  files: Record<string, string>;
}

/** A mutant as the generator (src/python/mutate.py) reports it. */
export interface Mutant {
  /** `main` for the main file, else the extra file's path. */
  file: string;
  name: string;
  source: string;
}

/** The main file's name for the mutant generator. */
export const MAIN_FILE = 'main';

function filesOf(exercise: Exercise, which: 'solution' | 'starter'): Record<string, string> {
  return Object.fromEntries((exercise.files ?? []).map((f) => [f.path, f[which]]));
}

/** Solution, starter and the authored wrong solutions of an exercise (already instantiated for a draw). */
export function baseVariants(exercise: Exercise): CodeVariant[] {
  const solutionFiles = filesOf(exercise, 'solution');
  return [
    { kind: 'solution', label: 'solution', main: exercise.solution, files: solutionFiles },
    { kind: 'starter', label: 'starter', main: exercise.starter, files: filesOf(exercise, 'starter') },
    ...(exercise.wrong ?? []).map((w, i): CodeVariant => ({
      kind: 'wrong',
      label: `wrong ${i + 1}: ${w.note}`,
      main: w.code ?? exercise.solution,
      files: { ...solutionFiles, ...(w.files ?? {}) },
    })),
  ];
}

/** The files the mutant generator mutates: the solution's main file and extra files. */
export function mutationSources(exercise: Exercise): { file: string; source: string; prefix?: string }[] {
  return [
    { file: MAIN_FILE, source: exercise.solution },
    ...(exercise.files ?? []).map((f) => ({ file: f.path, source: f.solution, prefix: f.path })),
  ];
}

/** Each mutant as a full variant: the solution with one file changed. */
export function mutantVariants(exercise: Exercise, mutants: Mutant[]): CodeVariant[] {
  const files = filesOf(exercise, 'solution');
  return mutants.map((m) => ({
    kind: 'mutant',
    label: m.name,
    main: m.file === MAIN_FILE ? m.source : exercise.solution,
    files: m.file === MAIN_FILE ? files : { ...files, [m.file]: m.source },
  }));
}

/** What a run of a variant came to, from the verifier's point of view. */
export type Verdict =
  | { status: 'ok' }
  /** The machine could not run it (no display, no module): neither right nor wrong. */
  | { status: 'skipped'; reason: string }
  | { status: 'wrong'; message: string };

function failures(result: RunResult): string {
  const bad = result.checks
    .filter((c) => c.status !== 'pass')
    .map((c) => `${c.id}: ${c.status} ${c.message.split('\n').join(' | ')}`);
  return `${result.outcome}${result.problem ? ` (${result.problem.message})` : ''}${bad.length ? ` ${bad.join('; ')}` : ''}`;
}

/**
 * Judges one run: the solution must pass; the starter, a wrong solution and a mutant must not. A wrong
 * solution must also be rejected with a message a learner can act on: the first failing check shows
 * the expected and the actual value, or the error its code raised.
 */
export function judge(variant: CodeVariant, result: RunResult): Verdict {
  if (result.outcome === 'skipped')
    return { status: 'skipped', reason: result.problem?.requirement ?? result.problem?.message ?? 'skipped' };
  if (result.outcome === 'cancelled') return { status: 'skipped', reason: 'cancelled' };
  if (variant.kind === 'solution')
    return result.outcome === 'passed'
      ? { status: 'ok' }
      : { status: 'wrong', message: `the solution does not pass: ${failures(result)}` };
  if (result.outcome === 'passed') {
    if (variant.kind === 'mutant') return { status: 'wrong', message: `mutant survives: ${variant.label}` };
    return {
      status: 'wrong',
      message: variant.kind === 'starter' ? 'the starter passes every check' : `${variant.label}: passes every check`,
    };
  }
  if (variant.kind !== 'wrong') return { status: 'ok' };
  const first = result.checks.find((c) => c.status === 'fail' || c.status === 'error');
  if (first?.status === 'fail' && (first.expected === undefined || first.actual === undefined)) {
    return {
      status: 'wrong',
      message: `${variant.label}: rejected by check \`${first.id}\`, but its message shows no ${first.expected === undefined ? 'expected' : 'actual'} value (use expect(), or pass expected= and actual= to expect_true)`,
    };
  }
  return { status: 'ok' };
}

/** A mutant survivor is accepted only when the exercise lists it as equivalent. */
export function unexplained(exercise: Exercise, survivors: string[]): string[] {
  const listed = new Set((exercise.equivalentMutants ?? []).map((m) => m.mutant));
  return survivors.filter((s) => !listed.has(s));
}

/** Listed equivalents that are not survivors: killed by a check, or no longer made at all. */
export function staleEquivalents(exercise: Exercise, survivors: string[]): string[] {
  const surviving = new Set(survivors);
  return (exercise.equivalentMutants ?? []).map((m) => m.mutant).filter((m) => !surviving.has(m));
}

/**
 * The draws the mutation gate runs an exercise at: at least `min`, and enough for every value of every
 * `choice` param to come up (so that no branch taken only for some values goes untested), at most `max`.
 */
export function gateSeeds(exercise: Exercise, min = 2, max = 8): number[] {
  if (!exercise.params) return [1];
  const choices = Object.entries(exercise.params)
    .filter(([, spec]) => 'choice' in spec)
    .map(([name, spec]) => ({
      name,
      values: new Set(('choice' in spec ? spec.choice : []).map((v) => JSON.stringify(v))),
    }));
  const seen = new Map(choices.map((c) => [c.name, new Set<string>()]));
  const covered = () => choices.every((c) => seen.get(c.name)!.size >= c.values.size);
  const seeds: number[] = [];
  for (let seed = 1; seed <= 200 && seeds.length < max && (seeds.length < min || !covered()); seed++) {
    const drawn = drawParams(exercise.params, seed);
    const fresh = choices.some((c) => !seen.get(c.name)!.has(JSON.stringify(drawn[c.name])));
    if (seeds.length >= min && !fresh) continue;
    seeds.push(seed);
    for (const c of choices) seen.get(c.name)!.add(JSON.stringify(drawn[c.name]));
  }
  return seeds;
}
