// Mock exams and topic quizzes: drawing questions by domain weight, answering, timing, scoring
// and the history of attempts. Pure: time and randomness come in as arguments.
import { ExamCertification } from '../syllabus/model';
import { Question } from './question';
import { generator, shuffled } from '../random';

/** Workspace-state key of the exam in progress (survives a window reload). */
export const EXAM_SESSION_KEY = 'certPath.exam.session';
/** Workspace-state key of finished attempts. */
export const EXAM_HISTORY_KEY = 'certPath.exam.history';
/** Attempts kept in the history; older ones drop off. */
export const HISTORY_LIMIT = 50;
/** Questions in a topic quiz. */
export const QUIZ_SIZE = 5;

/** One drawn question and the order its choices are shown in. */
export interface SessionItem {
  question: string;
  /** Shown position → index in the question's `choices`. */
  order: number[];
}

/** An exam or quiz being taken. Answers hold choice indexes as written in the bank. */
export interface ExamSession {
  version: 1;
  id: string;
  kind: 'exam' | 'quiz';
  cert: string;
  topic?: string;
  startedAt: number;
  /** Epoch ms when the exam submits itself; a quiz has none. */
  deadline?: number;
  items: SessionItem[];
  answers: number[][];
  flags: boolean[];
  current: number;
}

/** Correct answers out of a total. */
export interface Score {
  correct: number;
  total: number;
}

/** The outcome of one item, as kept in the history. */
export interface ItemOutcome {
  question: string;
  chosen: number[];
  correct: boolean;
  /** The order the choices were shown in, so the review shows them the same way. */
  order: number[];
  flagged: boolean;
}

/** Score of one objective, with the topics that practise it. */
export interface ObjectiveScore extends Score {
  code: string;
  subject: string;
  domain: string;
  topics: { id: string; title: string }[];
}

/** A submitted attempt. */
export interface ExamResult extends Score {
  id: string;
  kind: 'exam' | 'quiz';
  cert: string;
  topic?: string;
  startedAt: number;
  submittedAt: number;
  timedOut: boolean;
  percent: number;
  passMark: number;
  passed: boolean;
  domains: (Score & { id: string; title: string })[];
  objectives: ObjectiveScore[];
  items: ItemOutcome[];
}

/** How many questions each domain gets: proportional to its weight, largest remainders first. */
export function domainQuotas(
  cert: ExamCertification,
  available: Map<string, number>,
  total: number,
): Map<string, number> {
  const domains = cert.domains.filter((d) => d.weight > 0 && (available.get(d.id) ?? 0) > 0);
  const weight = domains.reduce((s, d) => s + d.weight, 0);
  const quotas = new Map<string, number>();
  const want = Math.min(
    total,
    domains.reduce((s, d) => s + (available.get(d.id) ?? 0), 0),
  );
  if (!weight || !want) return quotas;
  const exact = domains.map((d) => ({ id: d.id, share: (want * d.weight) / weight }));
  for (const e of exact) quotas.set(e.id, Math.min(Math.floor(e.share), available.get(e.id)!));
  let left = want - [...quotas.values()].reduce((a, b) => a + b, 0);
  // Hand out the rest by largest remainder, skipping domains whose questions have run out.
  const order = [...exact].sort((a, b) => (b.share % 1) - (a.share % 1) || a.id.localeCompare(b.id));
  while (left > 0) {
    let gave = false;
    for (const e of order) {
      if (left > 0 && quotas.get(e.id)! < available.get(e.id)!) {
        quotas.set(e.id, quotas.get(e.id)! + 1);
        left--;
        gave = true;
      }
    }
    if (!gave) break;
  }
  return quotas;
}

function item(q: Question, random: () => number): SessionItem {
  const indexes = q.choices.map((_, i) => i);
  return { question: q.id, order: q.keepOrder || q.type === 'raises' ? indexes : shuffled(indexes, random) };
}

function session(
  kind: 'exam' | 'quiz',
  cert: string,
  chosen: Question[],
  random: () => number,
  now: number,
  minutes?: number,
  topic?: string,
): ExamSession {
  const items = chosen.map((q) => item(q, random));
  return {
    version: 1,
    id: `${kind}-${cert}-${now.toString(36)}-${Math.floor(random() * 1e9).toString(36)}`,
    kind,
    cert,
    ...(topic ? { topic } : {}),
    startedAt: now,
    ...(minutes ? { deadline: now + minutes * 60_000 } : {}),
    items,
    answers: items.map(() => []),
    flags: items.map(() => false),
    current: 0,
  };
}

/** Draws a mock exam: the exam's item count, per-domain quotas by weight, no question twice. */
export function drawExam(cert: ExamCertification, bank: Question[], seed: number, now: number): ExamSession {
  const random = generator(seed);
  const pool = bank.filter((q) => q.cert === cert.id);
  const byDomain = new Map<string, Question[]>();
  for (const q of pool) byDomain.set(q.domain, [...(byDomain.get(q.domain) ?? []), q]);
  const quotas = domainQuotas(cert, new Map([...byDomain].map(([d, qs]) => [d, qs.length])), cert.exam.items);
  const chosen = cert.domains.flatMap((d) =>
    shuffled(byDomain.get(d.id) ?? [], random).slice(0, quotas.get(d.id) ?? 0),
  );
  // Real exams mix the domains; the order is part of the draw.
  return session('exam', cert.id, shuffled(chosen, random), random, now, cert.exam.minutes);
}

/** Draws a quiz of up to QUIZ_SIZE questions from one topic, untimed. */
export function drawQuiz(
  cert: ExamCertification,
  topicId: string,
  bank: Question[],
  seed: number,
  now: number,
): ExamSession {
  const random = generator(seed);
  const pool = bank.filter((q) => q.cert === cert.id && q.topic === topicId);
  return session('quiz', cert.id, shuffled(pool, random).slice(0, QUIZ_SIZE), random, now, undefined, topicId);
}

/** The session with item `index` answered by `chosen` (indexes into the question's choices). */
export function answer(s: ExamSession, index: number, chosen: number[]): ExamSession {
  if (index < 0 || index >= s.items.length) return s;
  const valid = [...new Set(chosen)].filter((c) => s.items[index].order.includes(c)).sort((a, b) => a - b);
  return { ...s, answers: s.answers.map((a, i) => (i === index ? valid : a)) };
}

/** The session with the review flag of item `index` set to `flagged`. */
export function flag(s: ExamSession, index: number, flagged: boolean): ExamSession {
  if (index < 0 || index >= s.items.length) return s;
  return { ...s, flags: s.flags.map((f, i) => (i === index ? flagged : f)) };
}

/** The session showing item `index`. */
export function goTo(s: ExamSession, index: number): ExamSession {
  return index >= 0 && index < s.items.length ? { ...s, current: index } : s;
}

/** Whether the exam's time is up at `now`. */
export function isExpired(s: ExamSession, now: number): boolean {
  return s.deadline !== undefined && now >= s.deadline;
}

/** Milliseconds left at `now` (Infinity for an untimed quiz). */
export function timeLeft(s: ExamSession, now: number): number {
  return s.deadline === undefined ? Infinity : Math.max(0, s.deadline - now);
}

/** Whether the chosen indexes are exactly the right ones (multiple-select is all or nothing, as in the exam). */
export function isCorrect(q: Question, chosen: number[]): boolean {
  return chosen.length === q.answer.length && q.answer.every((a) => chosen.includes(a));
}

/**
 * Scores a session. Questions missing from the bank (removed since the exam began) are left out
 * of the score rather than counted wrong. Submitting after the deadline marks the result timed out.
 */
export function score(
  s: ExamSession,
  cert: ExamCertification,
  bank: Question[],
  now: number,
  timedOut = false,
): ExamResult {
  const byId = new Map(bank.filter((q) => q.cert === cert.id).map((q) => [q.id, q]));
  const items: ItemOutcome[] = [];
  const domains = new Map<string, Score>();
  const objectives = new Map<string, Score & { domain: string }>();
  s.items.forEach((it, i) => {
    const q = byId.get(it.question);
    if (!q) return;
    const correct = isCorrect(q, s.answers[i] ?? []);
    items.push({ question: q.id, chosen: s.answers[i] ?? [], correct, order: it.order, flagged: !!s.flags[i] });
    const d = domains.get(q.domain) ?? { correct: 0, total: 0 };
    domains.set(q.domain, { correct: d.correct + (correct ? 1 : 0), total: d.total + 1 });
    const code = q.objective ?? `topic:${q.topic}`;
    const o = objectives.get(code) ?? { correct: 0, total: 0, domain: q.domain };
    objectives.set(code, { ...o, correct: o.correct + (correct ? 1 : 0), total: o.total + 1 });
  });
  const correct = items.filter((i) => i.correct).length;
  const percent = items.length ? Math.round((correct / items.length) * 1000) / 10 : 0;
  const topicsOf = (code: string) =>
    cert.domains
      .flatMap((d) => d.topics)
      .filter((t) => (code.startsWith('topic:') ? t.id === code.slice(6) : t.objectives.includes(code)))
      .map((t) => ({ id: t.id, title: t.title }));
  return {
    id: s.id,
    kind: s.kind,
    cert: s.cert,
    ...(s.topic ? { topic: s.topic } : {}),
    startedAt: s.startedAt,
    submittedAt: timedOut && s.deadline !== undefined ? Math.min(now, s.deadline) : now,
    timedOut,
    correct,
    total: items.length,
    percent,
    passMark: cert.exam.passMark,
    passed: items.length > 0 && percent >= cert.exam.passMark,
    domains: cert.domains
      .filter((d) => domains.has(d.id))
      .map((d) => ({ id: d.id, title: d.title, ...domains.get(d.id)! })),
    objectives: [...objectives]
      .map(([code, o]) => {
        const topics = topicsOf(code);
        return {
          code,
          subject: code.startsWith('topic:') ? (topics[0]?.title ?? code) : (cert.objectives[code] ?? code),
          ...o,
          topics,
        };
      })
      .sort((a, b) => a.code.localeCompare(b.code, undefined, { numeric: true })),
    items,
  };
}

/** Objectives scored below the pass mark: where to practise next. */
export function weakObjectives(result: ExamResult): ObjectiveScore[] {
  return result.objectives.filter((o) => o.total > 0 && (o.correct / o.total) * 100 < result.passMark);
}

/** The history with a new attempt first, capped at HISTORY_LIMIT; an attempt is recorded once. */
export function addToHistory(history: ExamResult[], result: ExamResult): ExamResult[] {
  return [result, ...history.filter((h) => h.id !== result.id)].slice(0, HISTORY_LIMIT);
}

function isResult(value: unknown): value is ExamResult {
  const r = value as ExamResult;
  return (
    !!r &&
    typeof r === 'object' &&
    typeof r.id === 'string' &&
    (r.kind === 'exam' || r.kind === 'quiz') &&
    typeof r.cert === 'string' &&
    Number.isFinite(r.correct) &&
    Number.isFinite(r.total) &&
    Number.isFinite(r.percent) &&
    Number.isFinite(r.submittedAt) &&
    Array.isArray(r.domains) &&
    Array.isArray(r.objectives) &&
    Array.isArray(r.items)
  );
}

/** Stored history, keeping the entries that can be read; anything else counts as dropped. */
export function readHistory(stored: unknown): { history: ExamResult[]; dropped: number } {
  if (!Array.isArray(stored)) return { history: [], dropped: stored === undefined ? 0 : 1 };
  const history = stored.filter(isResult);
  return { history, dropped: stored.length - history.length };
}

/** A stored session if it is well formed, else undefined (an old or damaged entry is not resumed). */
export function readSession(stored: unknown): ExamSession | undefined {
  const s = stored as ExamSession;
  if (!s || typeof s !== 'object' || s.version !== 1 || typeof s.id !== 'string' || typeof s.cert !== 'string')
    return undefined;
  if (
    !Array.isArray(s.items) ||
    !Array.isArray(s.answers) ||
    !Array.isArray(s.flags) ||
    s.items.length !== s.answers.length ||
    s.items.length !== s.flags.length
  )
    return undefined;
  if (!s.items.every((i) => i && typeof i.question === 'string' && Array.isArray(i.order))) return undefined;
  if (!s.answers.every((a) => Array.isArray(a) && a.every(Number.isInteger))) return undefined;
  return { ...s, current: Number.isInteger(s.current) ? Math.min(Math.max(0, s.current), s.items.length - 1) : 0 };
}

/** Passed, failed and best score of the exam attempts for one certification. */
export function examStanding(
  history: ExamResult[],
  cert: string,
): { attempts: number; passed: number; best?: number; last?: ExamResult } {
  const exams = history.filter((h) => h.kind === 'exam' && h.cert === cert);
  return {
    attempts: exams.length,
    passed: exams.filter((h) => h.passed).length,
    ...(exams.length ? { best: Math.max(...exams.map((h) => h.percent)), last: exams[0] } : {}),
  };
}
