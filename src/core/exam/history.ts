// Finished attempts, newest first, as kept in workspace state and in progress exports. Attempts saved
// by earlier versions (scored by domain, all-or-nothing items) are read into the current shape.
import { ExamResult, ItemOutcome, SectionScore, tally } from './scoring';
import { AttemptKind } from './session';

/** Workspace-state key of finished attempts. */
export const EXAM_HISTORY_KEY = 'certPath.exam.history';
/** Attempts kept in the history; older ones drop off. */
export const HISTORY_LIMIT = 100;

/** The history with a new attempt first, capped at HISTORY_LIMIT; an attempt is recorded once. */
export function addToHistory(history: readonly ExamResult[], result: ExamResult): ExamResult[] {
  return [result, ...history.filter((h) => h.id !== result.id)].slice(0, HISTORY_LIMIT);
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const record = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function common(r: Record<string, unknown>): boolean {
  return (
    typeof r.id === 'string' &&
    (r.kind === 'exam' || r.kind === 'quiz' || r.kind === 'review') &&
    typeof r.cert === 'string' &&
    finite(r.percent) &&
    finite(r.submittedAt) &&
    finite(r.startedAt) &&
    Array.isArray(r.items) &&
    Array.isArray(r.objectives)
  );
}

/** An attempt saved before scoring by official section: domains become its sections, items all-or-nothing. */
function fromVersion1(r: Record<string, unknown>): ExamResult | undefined {
  if (!Array.isArray(r.domains) || !finite(r.correct) || !finite(r.total)) return undefined;
  const sections: SectionScore[] = (r.domains as Record<string, unknown>[]).filter(record).map((d) => ({
    id: String(d.id),
    title: String(d.title),
    weight: finite(d.total) ? d.total : 0,
    ...tally(finite(d.correct) ? d.correct : 0, finite(d.total) ? d.total : 0),
  }));
  const items: ItemOutcome[] = (r.items as Record<string, unknown>[]).filter(record).map((i) => ({
    question: String(i.question),
    kind: 'choices',
    answer: Array.isArray(i.chosen) ? (i.chosen as unknown[]).filter(Number.isInteger).map(Number) : [],
    credit: i.correct === true ? 1 : 0,
    correct: i.correct === true,
    order: Array.isArray(i.order) ? (i.order as unknown[]).filter(Number.isInteger).map(Number) : [],
    flagged: i.flagged === true,
  }));
  const objectives = (r.objectives as Record<string, unknown>[]).filter(record).map((o) => ({
    code: String(o.code),
    subject: String(o.subject),
    ...tally(finite(o.correct) ? o.correct : 0, finite(o.total) ? o.total : 0),
    topics: Array.isArray(o.topics) ? (o.topics as { id: string; title: string }[]) : [],
  }));
  return {
    version: 2,
    id: r.id as string,
    kind: r.kind as AttemptKind,
    cert: r.cert as string,
    ...(typeof r.topic === 'string' ? { topic: r.topic } : {}),
    startedAt: r.startedAt as number,
    submittedAt: r.submittedAt as number,
    timedOut: r.timedOut === true,
    percent: r.percent as number,
    passMark: finite(r.passMark) ? r.passMark : 70,
    passed: r.passed === true,
    correct: r.correct,
    total: r.total,
    sections,
    objectives,
    items,
  };
}

/** One stored attempt in the current shape, or undefined when it cannot be read. */
export function readResult(value: unknown): ExamResult | undefined {
  if (!record(value) || !common(value)) return undefined;
  if (value.version === 2)
    return Array.isArray(value.sections) && finite(value.correct) && finite(value.total)
      ? (value as unknown as ExamResult)
      : undefined;
  return fromVersion1(value);
}

/** Stored history, keeping the entries that can be read; anything else counts as dropped. */
export function readHistory(stored: unknown): { history: ExamResult[]; dropped: number } {
  if (!Array.isArray(stored)) return { history: [], dropped: stored === undefined ? 0 : 1 };
  const history = stored.map(readResult).filter((r): r is ExamResult => !!r);
  return { history, dropped: stored.length - history.length };
}

/** Passed, failed and best score of the exam attempts for one certification. */
export function examStanding(
  history: readonly ExamResult[],
  cert: string,
): { attempts: number; passed: number; best?: number; last?: ExamResult } {
  const exams = history.filter((h) => h.kind === 'exam' && h.cert === cert);
  return {
    attempts: exams.length,
    passed: exams.filter((h) => h.passed).length,
    ...(exams.length ? { best: Math.max(...exams.map((h) => h.percent)), last: exams[0] } : {}),
  };
}
