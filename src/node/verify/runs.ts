// Writing each planned variant as a practice folder just before its run, and running the plans in a batch.
import * as fs from 'fs';
import * as path from 'path';
import { renderPracticeFile, practiceRelativePath } from '../../core/practice/practiceFile';
import { ExerciseRef } from '../../core/syllabus/model';
import { instantiate } from '../../core/syllabus/variants';
import { CodeVariant } from '../../core/verify/variants';
import { BatchJob, BatchResult, runBatch } from '../runner/batch';
import { Planned, VerifyOptions } from './types';

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
    // Only the solution must pass every check; anything else is rejected by its first failing one.
    failFast: plan.variant.kind !== 'solution',
    folder: !!exercise.files,
    database: exercise.requires?.includes('database') ? options.database : undefined,
  };
}

/** Runs the planned variants through warm supervisors; results in plan order. */
export async function runPlans(
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
