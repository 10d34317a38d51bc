// Progress export and import: the file format, reading it defensively, and merging it into a
// workspace's progress and exam history so that nothing already earned is ever lost.
import { isRecord } from '../records';
import { HISTORY_LIMIT, readHistory } from '../exam/history';
import { ExamResult } from '../exam/scoring';
import { readSeen, SeenLog } from '../exam/seen';
import { ReadinessSnapshot, readReadinessHistory } from '../readiness/history';
import { emptyDeck, ReviewDeck } from '../review/deck';
import { readDeck } from '../review/store';
import { ExerciseProgress, PROGRESS_VERSION, ProgressState, readProgress } from './progress';

/** The `format` field that marks a Cert Path progress file. */
export const EXPORT_FORMAT = 'cert-path-progress';
/** Version of the file layout this extension writes and the newest it reads. */
export const EXPORT_VERSION = 1;

/** What an exported progress file holds. */
export interface ProgressExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  extensionVersion: string;
  progress: ProgressState;
  examHistory: ExamResult[];
  /** When each question was last part of a submitted attempt (the draw takes unseen ones first). */
  seen: SeenLog;
  /** Missed questions and failed exercises with their review schedule. */
  review: ReviewDeck;
  /** Daily readiness snapshots per certification. */
  readiness: ReadinessSnapshot[];
}

/** What an export carries besides the exercise progress and the exam history. */
export type ExportExtras = Pick<ProgressExport, 'seen' | 'review' | 'readiness'>;

/** Extras of a workspace with none. */
export function noExtras(): ExportExtras {
  return { seen: {}, review: emptyDeck(), readiness: [] };
}

/** What a progress file holds, in counts a message can state. */
export interface ProgressCounts {
  exercises: number;
  passed: number;
  examAttempts: number;
}

/** What an import changed in the exercise progress. */
export interface MergeSummary {
  /** Exercises the workspace had no record of. */
  added: number;
  /** Exercises the workspace had, whose record the file improved. */
  improved: number;
  /** Exercises passed now that were not passed before (added or improved). */
  newlyPassed: number;
}

const HOW_TO = 'Choose a file written by "Cert Path: Export Progress…".';

/** The export of a workspace's progress and exam history. */
export function exportProgress(
  progress: ProgressState,
  examHistory: ExamResult[],
  extensionVersion: string,
  now: Date,
  extras: ExportExtras = noExtras(),
): ProgressExport {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    extensionVersion,
    progress,
    examHistory,
    ...extras,
  };
}

/** The export as the text written to disk: pretty JSON ending in a newline. */
export function serializeExport(data: ProgressExport): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** The default file name of an export made on `now`'s local date: `cert-path-progress-YYYY-MM-DD.json`. */
export function exportFileName(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `cert-path-progress-${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}.json`;
}

/** Exercise records, passed exercises and exam attempts. */
export function progressCounts(progress: ProgressState, examHistory: ExamResult[]): ProgressCounts {
  const entries = Object.values(progress.exercises);
  return {
    exercises: entries.length,
    passed: entries.filter((e) => e.passedAt).length,
    examAttempts: examHistory.length,
  };
}

// Exercise keys are `certification/topic/exercise`; anything else (such as `__proto__`) is not a record.
const KEY = /^[^/\s]+\/[^/\s]+\/[^/\s]+$/;

/**
 * Reads a progress file. An error names what is wrong and what to do; otherwise the readable
 * progress and exam attempts come back with the number of entries that could not be read.
 */
export function parseProgressExport(text: string): { data: ProgressExport; skipped: number } | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      error: `the file is not valid JSON (${error instanceof Error ? error.message : String(error)}). ${HOW_TO}`,
    };
  }
  if (!isRecord(raw) || raw.format !== EXPORT_FORMAT) {
    return { error: `this is not a Cert Path progress file: it has no "format": "${EXPORT_FORMAT}" field. ${HOW_TO}` };
  }
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      error: `the file's "version" is ${JSON.stringify(version) ?? 'missing'}, not a version number. ${HOW_TO}`,
    };
  }
  if (version > EXPORT_VERSION) {
    const by = typeof raw.extensionVersion === 'string' ? ` by Cert Path ${raw.extensionVersion}` : '';
    return {
      error: `the file was written${by} in progress format version ${version}, and this Cert Path reads up to version ${EXPORT_VERSION}. Update the Cert Path extension, then import again.`,
    };
  }
  const progress = raw.progress;
  if (!isRecord(progress) || !isRecord(progress.exercises)) {
    return { error: `the file's "progress" section is missing or damaged (it needs an "exercises" object). ${HOW_TO}` };
  }
  if (raw.examHistory !== undefined && !Array.isArray(raw.examHistory)) {
    return { error: `the file's "examHistory" is not a list of exam attempts. ${HOW_TO}` };
  }
  const keys = Object.keys(progress.exercises);
  const wellNamed = keys.filter((k) => KEY.test(k));
  const read = readProgress({
    version: PROGRESS_VERSION,
    exercises: Object.fromEntries(wellNamed.map((k) => [k, (progress.exercises as Record<string, unknown>)[k]])),
  });
  const history = readHistory(raw.examHistory ?? []);
  const seen = new Set<string>();
  const examHistory = history.history.filter((h) => !seen.has(h.id) && !!seen.add(h.id));
  return {
    data: {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: typeof raw.exportedAt === 'string' ? raw.exportedAt : '',
      extensionVersion: typeof raw.extensionVersion === 'string' ? raw.extensionVersion : '',
      progress: read.state,
      examHistory,
      // Absent in files of earlier versions: nothing seen, nothing to review, no snapshots.
      seen: readSeen(raw.seen),
      review: readDeck(raw.review).deck,
      readiness: readReadinessHistory(raw.readiness).history,
    },
    skipped: keys.length - wellNamed.length + read.dropped + history.dropped,
  };
}

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (!a || !b) return a ?? b;
  return Date.parse(b) < Date.parse(a) ? b : a;
}

/** One exercise's record from two sources: passes and counts are never lowered. */
function mergeEntry(mine: ExerciseProgress, theirs: ExerciseProgress): ExerciseProgress {
  const merged: ExerciseProgress = {
    runs: Math.max(mine.runs, theirs.runs),
    failedRuns: Math.max(mine.failedRuns, theirs.failedRuns),
  };
  const generatedAt = earliest(mine.generatedAt, theirs.generatedAt);
  if (generatedAt) merged.generatedAt = generatedAt;
  // The last run is whichever happened later; on a tie (or no dates) this workspace's own stands.
  const theirsLater =
    theirs.lastRunAt !== undefined
      ? mine.lastRunAt === undefined || Date.parse(theirs.lastRunAt) > Date.parse(mine.lastRunAt)
      : mine.lastRunAt === undefined && mine.lastOutcome === undefined;
  const last = theirsLater ? theirs : mine;
  if (last.lastRunAt) merged.lastRunAt = last.lastRunAt;
  if (last.lastOutcome) merged.lastOutcome = last.lastOutcome;
  const passedAt = earliest(mine.passedAt, theirs.passedAt);
  if (passedAt) merged.passedAt = passedAt;
  const hints = Math.max(mine.hintsRevealed ?? 0, theirs.hintsRevealed ?? 0);
  if (hints > 0) merged.hintsRevealed = hints;
  return merged;
}

function sameEntry(a: ExerciseProgress, b: ExerciseProgress): boolean {
  const fields: (keyof ExerciseProgress)[] = [
    'generatedAt',
    'runs',
    'failedRuns',
    'lastOutcome',
    'lastRunAt',
    'passedAt',
    'hintsRevealed',
  ];
  return fields.every((f) => a[f] === b[f]);
}

/**
 * Merges imported progress into the current one, exercise by exercise: the earliest pass and
 * generation, the highest counts, the later run's outcome. Records only one side has are kept as they are.
 */
export function mergeProgress(
  current: ProgressState,
  incoming: ProgressState,
): { state: ProgressState; summary: MergeSummary } {
  const exercises: Record<string, ExerciseProgress> = { ...current.exercises };
  const summary: MergeSummary = { added: 0, improved: 0, newlyPassed: 0 };
  for (const [key, theirs] of Object.entries(incoming.exercises)) {
    const mine = Object.prototype.hasOwnProperty.call(current.exercises, key) ? current.exercises[key] : undefined;
    if (!mine) {
      exercises[key] = { ...theirs };
      summary.added++;
      if (theirs.passedAt) summary.newlyPassed++;
      continue;
    }
    const merged = mergeEntry(mine, theirs);
    if (sameEntry(merged, mine)) continue;
    exercises[key] = merged;
    summary.improved++;
    if (merged.passedAt && !mine.passedAt) summary.newlyPassed++;
  }
  return { state: { ...current, exercises }, summary };
}

/**
 * The union of two exam histories: each attempt once (this workspace's copy when both have it),
 * newest first, capped at HISTORY_LIMIT. `added` counts imported attempts kept, `dropped` the
 * oldest attempts beyond the cap.
 */
export function mergeHistory(
  current: ExamResult[],
  incoming: ExamResult[],
): { history: ExamResult[]; added: number; dropped: number } {
  const ids = new Set(current.map((h) => h.id));
  const fresh = incoming.filter((h) => !ids.has(h.id) && !!ids.add(h.id));
  // Array.prototype.sort is stable, so equal times keep this workspace's attempts first.
  const all = [...current, ...fresh].sort((a, b) => b.submittedAt - a.submittedAt);
  const history = all.slice(0, HISTORY_LIMIT);
  const kept = new Set(history.map((h) => h.id));
  return { history, added: fresh.filter((h) => kept.has(h.id)).length, dropped: all.length - history.length };
}
