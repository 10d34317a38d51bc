// Progress rules. State is plain data stored under one versioned key; every change returns a new
// state, and records for exercises the syllabus no longer has are kept untouched.
import { isRecord } from '../records';
import { Certification, ExamCertification, exerciseKey, Syllabus, Topic } from '../syllabus/model';
import { RunOutcome } from '../runner/results';

/** The workspace-state key progress is stored under. */
export const PROGRESS_KEY = 'certPath.progress';
/** Version of the stored shape. */
export const PROGRESS_VERSION = 1;

/** What is remembered about one exercise. */
export interface ExerciseProgress {
  generatedAt?: string;
  runs: number;
  failedRuns: number;
  lastOutcome?: Exclude<RunOutcome, 'cancelled' | 'skipped'>;
  lastRunAt?: string;
  /** Set by the first passing run and never cleared by a later failing one. */
  passedAt?: string;
  /** How many hints the learner has revealed, in order. */
  hintsRevealed?: number;
}

/** All progress of a workspace. */
export interface ProgressState {
  version: typeof PROGRESS_VERSION;
  exercises: Record<string, ExerciseProgress>;
}

import type { Status } from './status';
export type { Status };

/** An empty progress state. */
export function emptyProgress(): ProgressState {
  return { version: PROGRESS_VERSION, exercises: {} };
}

function cleanEntry(value: unknown): ExerciseProgress | undefined {
  if (!isRecord(value)) return undefined;
  const count = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0);
  const date = (v: unknown) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? v : undefined);
  const outcome = value.lastOutcome;
  const entry: ExerciseProgress = { runs: count(value.runs), failedRuns: count(value.failedRuns) };
  if (date(value.generatedAt)) entry.generatedAt = date(value.generatedAt);
  if (date(value.lastRunAt)) entry.lastRunAt = date(value.lastRunAt);
  if (date(value.passedAt)) entry.passedAt = date(value.passedAt);
  if (outcome === 'passed' || outcome === 'failed' || outcome === 'error') entry.lastOutcome = outcome;
  if (count(value.hintsRevealed) > 0) entry.hintsRevealed = count(value.hintsRevealed);
  return entry;
}

/** Reads stored progress defensively: unknown shapes become empty, bad entries are dropped one by one. */
export function readProgress(stored: unknown): { state: ProgressState; dropped: number } {
  if (!isRecord(stored) || stored.version !== PROGRESS_VERSION || !isRecord(stored.exercises)) {
    return { state: emptyProgress(), dropped: stored === undefined ? 0 : 1 };
  }
  const state = emptyProgress();
  let dropped = 0;
  for (const [key, value] of Object.entries(stored.exercises)) {
    const entry = cleanEntry(value);
    if (entry) state.exercises[key] = entry;
    else dropped++;
  }
  return { state, dropped };
}

function withEntry(
  state: ProgressState,
  key: string,
  change: (e: ExerciseProgress) => ExerciseProgress,
): ProgressState {
  const current = state.exercises[key] ?? { runs: 0, failedRuns: 0 };
  return { ...state, exercises: { ...state.exercises, [key]: change({ ...current }) } };
}

/** Notes that a practice file was generated. */
export function recordGenerated(state: ProgressState, key: string, now: Date): ProgressState {
  return withEntry(state, key, (e) => ({ ...e, generatedAt: e.generatedAt ?? now.toISOString() }));
}

/** Records a finished run. A cancelled or skipped run (nothing was checked) changes nothing. */
export function recordRun(state: ProgressState, key: string, outcome: RunOutcome, now: Date): ProgressState {
  if (outcome === 'cancelled' || outcome === 'skipped') return state;
  const at = now.toISOString();
  return withEntry(state, key, (e) => ({
    ...e,
    runs: e.runs + 1,
    failedRuns: e.failedRuns + (outcome === 'passed' ? 0 : 1),
    lastOutcome: outcome,
    lastRunAt: at,
    passedAt: e.passedAt ?? (outcome === 'passed' ? at : undefined),
  }));
}

/** Reveals the next hint (up to `total`); returns the new state and the 1-based number now shown. */
export function revealHint(state: ProgressState, key: string, total: number): { state: ProgressState; shown: number } {
  const current = state.exercises[key]?.hintsRevealed ?? 0;
  const shown = Math.min(total, current + 1);
  return { state: withEntry(state, key, (e) => ({ ...e, hintsRevealed: shown })), shown };
}

/** Why a solution may or may not be shown: after a pass, or after enough failed runs. */
export function solutionStanding(
  entry: ExerciseProgress | undefined,
  failedRunsNeeded: number,
): { unlocked: boolean; failedRuns: number; needed: number } {
  const failedRuns = entry?.failedRuns ?? 0;
  return { unlocked: !!entry?.passedAt || failedRuns >= failedRunsNeeded, failedRuns, needed: failedRunsNeeded };
}

/** Forgets the given exercises (a topic reset). */
export function forget(state: ProgressState, keys: string[]): ProgressState {
  const exercises = { ...state.exercises };
  for (const key of keys) delete exercises[key];
  return { ...state, exercises };
}

/** Status of one exercise. */
export function exerciseStatus(entry: ExerciseProgress | undefined): Status {
  if (!entry) return 'notStarted';
  if (entry.passedAt) return 'passed';
  if (entry.lastOutcome === 'failed' || entry.lastOutcome === 'error') return 'failed';
  return 'attempted';
}

/** Counts and status for a group of exercises. */
export interface Tally {
  passed: number;
  total: number;
  status: Status;
}

function tally(statuses: Status[]): Tally {
  const passed = statuses.filter((s) => s === 'passed').length;
  const total = statuses.length;
  let status: Status = 'notStarted';
  if (total > 0 && passed === total) status = 'passed';
  else if (statuses.includes('failed')) status = 'failed';
  else if (statuses.some((s) => s !== 'notStarted')) status = 'attempted';
  return { passed, total, status };
}

/** Exercise keys of a topic. */
export function topicKeys(certId: string, topic: Topic): string[] {
  return topic.exercises.map((e) => exerciseKey(certId, topic.id, e.id));
}

/** A topic is complete when every one of its exercises has passed. */
export function topicTally(state: ProgressState, certId: string, topic: Topic): Tally {
  return tally(topicKeys(certId, topic).map((k) => exerciseStatus(state.exercises[k])));
}

/** Topics complete out of topics, for a domain's or certification's topics. */
export function topicsTally(state: ProgressState, certId: string, topics: Topic[]): Tally {
  const tallies = topics.map((t) => topicTally(state, certId, t));
  const complete = tallies.filter((t) => t.status === 'passed').length;
  const base = tally(tallies.map((t) => t.status));
  return { passed: complete, total: topics.length, status: base.status };
}

/** Exercises passed out of all exercises of a certification. */
export function certExerciseTally(state: ProgressState, cert: ExamCertification): Tally {
  const topics = cert.domains.flatMap((d) => d.topics);
  return tally(topics.flatMap((t) => topicKeys(cert.id, t)).map((k) => exerciseStatus(state.exercises[k])));
}

/** Whether a certification's practice is complete (every topic complete). */
export function certComplete(state: ProgressState, cert: ExamCertification): boolean {
  return (
    topicsTally(
      state,
      cert.id,
      cert.domains.flatMap((d) => d.topics),
    ).status === 'passed'
  );
}

/** A credential's standing: earned, or which required certifications are still open. */
export function credentialStanding(
  state: ProgressState,
  syllabus: Syllabus,
  requires: string[],
): { earned: boolean; missing: Certification[] } {
  const required = requires
    .map((id) => syllabus.certifications.find((c) => c.id === id))
    .filter((c): c is Certification => c !== undefined);
  const missing = required.filter((c) => c.kind !== 'exam' || !certComplete(state, c));
  return { earned: missing.length === 0 && required.length === requires.length, missing };
}
