// What verifying exercises takes and gives: the options, each exercise's report, and the runs planned.
import { Candidate } from '../../core/interpreter/interpreter';
import { ExerciseRef } from '../../core/syllabus/model';
import { CodeVariant, VariantKind } from '../../core/verify/variants';
import { DatabaseConfig } from '../runner/run';

/** How to verify. */
export interface VerifyOptions {
  interpreter: Candidate;
  runnerSource: string;
  /** A scratch folder (created; left for the caller to remove). */
  dir: string;
  workers: number;
  /** Draws (variant seeds) per exercise; seed 1 for exercises without params. */
  seeds(ref: ExerciseRef): number[];
  /** Draws of the wrong solutions, when not those of `seeds`. */
  wrongSeeds?(ref: ExerciseRef): number[];
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

/** One run to make: a variant of an exercise at a draw. */
export interface Planned {
  ref: ExerciseRef;
  seed: number;
  variant: CodeVariant;
}

/** Asks the generator for every mutant of each (exercise, draw), in one interpreter run. */

/** A report with nothing found yet. */
export function emptyReport(ref: ExerciseRef): ExerciseVerification {
  return {
    ref,
    problems: [],
    skipped: [],
    wrongSolutions: ref.exercise.wrong?.length ?? 0,
    mutants: { total: 0, killed: 0, equivalent: 0, survivors: [], unexplained: [] },
  };
}

/** Reports by exercise key. */
export type Reports = Map<string, ExerciseVerification>;

/** The planned base runs of one kind of variant. */
