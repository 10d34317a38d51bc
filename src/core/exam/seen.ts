// Which questions a learner has already met, and when: the draw takes never-seen questions first,
// then the least recently seen, so five mocks in a row repeat nothing while the bank lasts.
import { shuffled } from '../random';
import { Question } from './question';
import { ExamResult } from './scoring';

/** Workspace-state key of the seen log. */
export const SEEN_KEY = 'certPath.exam.seen';

/** Question key (`cert/id`) → epoch ms it was last part of a submitted attempt. */
export type SeenLog = Record<string, number>;

/** The key of a question in the seen log. */
export function seenKey(q: Pick<Question, 'cert' | 'id'>): string {
  return `${q.cert}/${q.id}`;
}

/** The log with every item of a submitted attempt marked as seen at its submission time. */
export function markSeen(log: Readonly<SeenLog>, result: Pick<ExamResult, 'cert' | 'items' | 'submittedAt'>): SeenLog {
  const next = { ...log };
  for (const item of result.items) next[seenKey({ cert: result.cert, id: item.question })] = result.submittedAt;
  return next;
}

/** A stored log, keeping only well-formed entries. */
export function readSeen(stored: unknown): SeenLog {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return {};
  const log: SeenLog = {};
  for (const [key, at] of Object.entries(stored as Record<string, unknown>))
    if (typeof at === 'number' && Number.isFinite(at) && /^[\w.-]+\/[\w.-]+$/.test(key)) log[key] = at;
  return log;
}

/** Two logs merged (an import): the later sighting of each question wins. */
export function mergeSeen(a: Readonly<SeenLog>, b: Readonly<SeenLog>): SeenLog {
  const merged = { ...a };
  for (const [key, at] of Object.entries(b)) merged[key] = Math.max(merged[key] ?? 0, at);
  return merged;
}

/** The pool ordered for drawing: never-seen questions (shuffled) first, then the least recently seen. */
export function freshFirst<Q extends Pick<Question, 'cert' | 'id'>>(
  pool: readonly Q[],
  log: Readonly<SeenLog>,
  random: () => number,
): Q[] {
  const unseen = shuffled(
    pool.filter((q) => log[seenKey(q)] === undefined),
    random,
  );
  const seen = shuffled(
    pool.filter((q) => log[seenKey(q)] !== undefined),
    random,
  ).sort((a, b) => log[seenKey(a)] - log[seenKey(b)]);
  return [...unseen, ...seen];
}

/** How many questions of the pool have never been seen. */
export function unseenCount(pool: readonly Pick<Question, 'cert' | 'id'>[], log: Readonly<SeenLog>): number {
  return pool.filter((q) => log[seenKey(q)] === undefined).length;
}
