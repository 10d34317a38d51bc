// Readiness over time: one snapshot per certification and calendar day (the day's latest wins),
// capped per certification, read defensively and merged on import like the review deck.
import { isRecord } from '../records';
import { ID } from '../syllabus/model';
import { CertReadiness } from './types';

/** Workspace-state key of the readiness history. */
export const READINESS_HISTORY_KEY = 'certPath.readiness.history';
/** Snapshots kept per certification; the oldest drop off. */
export const SNAPSHOTS_PER_CERT = 180;

/** A certification's readiness on one day. */
export interface ReadinessSnapshot {
  cert: string;
  /** The learner's calendar day, `YYYY-MM-DD`. */
  day: string;
  /** When it was taken (epoch ms); the latest of a day wins. */
  at: number;
  overall: number;
  /** Section id → readiness percent. */
  sections: Record<string, number>;
}

/** The calendar day of `at` on a clock `utcOffsetMinutes` ahead of UTC, as `YYYY-MM-DD`. */
export function dayOf(at: number, utcOffsetMinutes = 0): string {
  return new Date(at + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Today's snapshot of a certification's readiness. */
export function snapshotOf(r: CertReadiness, now: number, utcOffsetMinutes = 0): ReadinessSnapshot {
  return {
    cert: r.cert,
    day: dayOf(now, utcOffsetMinutes),
    at: now,
    overall: r.overall,
    sections: Object.fromEntries(r.sections.map((s) => [s.id, s.percent])),
  };
}

/** Snapshots with one per certification and day (the latest wins), each certification capped, oldest first. */
function normalize(snapshots: readonly ReadinessSnapshot[]): ReadinessSnapshot[] {
  const byDay = new Map<string, ReadinessSnapshot>();
  for (const s of snapshots) {
    const key = `${s.cert} ${s.day}`;
    const kept = byDay.get(key);
    if (!kept || s.at > kept.at) byDay.set(key, s);
  }
  const sorted = [...byDay.values()].sort((a, b) => a.cert.localeCompare(b.cert) || a.day.localeCompare(b.day));
  const perCert = new Map<string, number>();
  for (const s of sorted) perCert.set(s.cert, (perCert.get(s.cert) ?? 0) + 1);
  const seen = new Map<string, number>();
  return sorted.filter((s) => {
    const index = seen.get(s.cert) ?? 0;
    seen.set(s.cert, index + 1);
    return index >= perCert.get(s.cert)! - SNAPSHOTS_PER_CERT;
  });
}

/** The history with a snapshot added (replacing an earlier one of the same certification and day). */
export function addSnapshot(history: readonly ReadinessSnapshot[], snapshot: ReadinessSnapshot): ReadinessSnapshot[] {
  return normalize([...history, snapshot]);
}

/** Snapshots of one certification, oldest first. */
export function snapshotsOf(history: readonly ReadinessSnapshot[], cert: string): ReadinessSnapshot[] {
  return history.filter((s) => s.cert === cert).sort((a, b) => a.day.localeCompare(b.day));
}

const percent = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100;

function readSnapshot(value: unknown): ReadinessSnapshot | undefined {
  if (!isRecord(value) || !isRecord(value.sections)) return undefined;
  const { cert, day, at, overall } = value;
  if (typeof cert !== 'string' || !ID.test(cert) || typeof day !== 'string' || !/^\d{4}-\d\d-\d\d$/.test(day))
    return undefined;
  if (typeof at !== 'number' || !Number.isFinite(at) || !percent(overall)) return undefined;
  const sections: Record<string, number> = {};
  // Section ids are the blueprint's (free text such as "1"), so only their length is limited.
  for (const [id, p] of Object.entries(value.sections))
    if (id.length <= 100 && id !== '__proto__' && percent(p)) sections[id] = p;
  return { cert, day, at, overall, sections };
}

/** A stored history, keeping the snapshots that can be read; `dropped` counts the rest. */
export function readReadinessHistory(stored: unknown): { history: ReadinessSnapshot[]; dropped: number } {
  if (!Array.isArray(stored)) return { history: [], dropped: stored === undefined ? 0 : 1 };
  const read = stored.map(readSnapshot).filter((s): s is ReadinessSnapshot => !!s);
  return { history: normalize(read), dropped: stored.length - read.length };
}

/** Two histories merged (an import): the union, per certification and day the later snapshot. */
export function mergeReadinessHistory(
  a: readonly ReadinessSnapshot[],
  b: readonly ReadinessSnapshot[],
): ReadinessSnapshot[] {
  return normalize([...a, ...b]);
}
