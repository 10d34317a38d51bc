// An exam or quiz being taken: the drawn items, how each is shown, the learner's answers, flags and
// the clock. Pure: time and randomness come in as arguments.
import { shuffled } from '../random';
import { Question } from './question';

/** Workspace-state key of the exam in progress (survives a window reload). */
export const EXAM_SESSION_KEY = 'certPath.exam.session';

/** A timed mock exam, a topic quiz, or a review of questions due again (untimed like a quiz). */
export type AttemptKind = 'exam' | 'quiz' | 'review';

/** One drawn question and how it is shown. */
export interface SessionItem {
  question: string;
  /** How the item is answered: choosing choices, arranging lines, or filling gaps. */
  kind: 'choices' | 'order' | 'gaps';
  /**
   * Choice questions: shown position → index in the question's `choices`. `order` questions: the
   * lines' starting arrangement (indexes into `lines`), never the keyed one.
   */
  order: number[];
  /** `gaps` questions: for each gap, shown position → index in that gap's `choices`. */
  gapOrders?: number[][];
}

/**
 * An exam or quiz being taken. An answer is, by question type: the chosen choice indexes (sorted);
 * for `order`, the learner's arrangement of line indexes (empty until they arrange); for `gaps`, the
 * chosen choice index of each gap (-1 where none is chosen).
 */
export interface ExamSession {
  version: 2;
  id: string;
  kind: AttemptKind;
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

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** A shuffled arrangement that is not the identity (for two or more lines). */
function scrambled(n: number, random: () => number): number[] {
  let order = range(n);
  for (let tries = 0; tries < 10 && order.every((v, i) => v === i) && n > 1; tries++) order = shuffled(order, random);
  if (n > 1 && order.every((v, i) => v === i)) order = [...order.slice(1), order[0]];
  return order;
}

/** How a question is shown in one attempt: choices shuffled (unless they keep their written order). */
export function sessionItem(q: Question, random: () => number): SessionItem {
  if (q.type === 'order') return { question: q.id, kind: 'order', order: scrambled(q.lines?.length ?? 0, random) };
  if (q.type === 'gaps')
    return {
      question: q.id,
      kind: 'gaps',
      order: [],
      gapOrders: (q.gaps ?? []).map((g) => shuffled(range(g.choices.length), random)),
    };
  const indexes = range(q.choices.length);
  return { question: q.id, kind: 'choices', order: q.keepOrder ? indexes : shuffled(indexes, random) };
}

/** A new session over the chosen questions. */
export function newSession(
  kind: AttemptKind,
  cert: string,
  chosen: Question[],
  random: () => number,
  now: number,
  minutes?: number,
  topic?: string,
): ExamSession {
  const items = chosen.map((q) => sessionItem(q, random));
  return {
    version: 2,
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

/** The answer cleaned for its item: only values that item can take (see ExamSession). */
export function validAnswer(item: SessionItem, given: readonly number[]): number[] {
  if (item.kind === 'gaps') {
    const gapOrders = item.gapOrders ?? [];
    if (given.length !== gapOrders.length) return [];
    const gaps = given.map((c, i) => (gapOrders[i].includes(c) ? c : -1));
    return gaps.every((c) => c < 0) ? [] : gaps;
  }
  if (item.kind === 'order') {
    const n = item.order.length;
    const complete = given.length === n && new Set(given).size === n && given.every((c) => c >= 0 && c < n);
    return complete ? [...given] : [];
  }
  const allowed = new Set(item.order);
  return [...new Set(given)].filter((c) => allowed.has(c)).sort((a, b) => a - b);
}

/** The session with item `index` answered by `given` (bank indexes, see ExamSession). */
export function answer(s: ExamSession, index: number, given: readonly number[]): ExamSession {
  if (index < 0 || index >= s.items.length) return s;
  const valid = validAnswer(s.items[index], given);
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

/** Whether item `index` has an answer. */
export function isAnswered(s: ExamSession, index: number): boolean {
  return (s.answers[index] ?? []).length > 0;
}

const isIntArray = (v: unknown): v is number[] => Array.isArray(v) && v.every(Number.isInteger);

/** A stored session if it is well formed, else undefined (an old or damaged entry is not resumed). */
export function readSession(stored: unknown): ExamSession | undefined {
  const s = stored as ExamSession;
  if (!s || typeof s !== 'object' || s.version !== 2 || typeof s.id !== 'string' || typeof s.cert !== 'string')
    return undefined;
  if (!['exam', 'quiz', 'review'].includes(s.kind)) return undefined;
  if (!Array.isArray(s.items) || !Array.isArray(s.answers) || !Array.isArray(s.flags)) return undefined;
  if (s.items.length !== s.answers.length || s.items.length !== s.flags.length) return undefined;
  const itemOk = (i: SessionItem) =>
    i &&
    typeof i.question === 'string' &&
    ['choices', 'order', 'gaps'].includes(i.kind) &&
    isIntArray(i.order) &&
    (i.gapOrders === undefined || (Array.isArray(i.gapOrders) && i.gapOrders.every(isIntArray)));
  if (!s.items.every(itemOk) || !s.answers.every(isIntArray)) return undefined;
  return { ...s, current: Number.isInteger(s.current) ? Math.min(Math.max(0, s.current), s.items.length - 1) : 0 };
}
