// The messages between the extension and the exam webview, typed once for both ends. Incoming
// messages are untrusted data: parseFromWebview() returns a message only when its shape is right.
import type { ExamView } from '../core/exam/view';
import type { ResultView } from '../core/exam/resultView';

/** Messages the webview sends. Positions are shown positions (see core/exam/positions). */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'answer'; item: number; chosen: number[] }
  | { type: 'flag'; item: number; flagged: boolean }
  | { type: 'goto'; item: number }
  | { type: 'submit' }
  | { type: 'openTopic'; topic: string }
  | { type: 'again' };

/** Messages the extension sends. */
export type ToWebview = { type: 'show'; view: ExamView } | { type: 'show'; view: ResultView; stateKey: string };

const position = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 10_000;

/** The message if it has one of the expected shapes, else undefined. */
export function parseFromWebview(raw: unknown): FromWebview | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'submit':
    case 'again':
      return { type: m.type };
    case 'goto':
      return position(m.item) ? { type: 'goto', item: m.item } : undefined;
    case 'flag':
      return position(m.item) && typeof m.flagged === 'boolean'
        ? { type: 'flag', item: m.item, flagged: m.flagged }
        : undefined;
    case 'answer':
      return position(m.item) &&
        Array.isArray(m.chosen) &&
        m.chosen.length <= 64 &&
        m.chosen.every((c) => Number.isInteger(c) && c >= -1 && c < 10_000)
        ? { type: 'answer', item: m.item, chosen: m.chosen as number[] }
        : undefined;
    case 'openTopic':
      return typeof m.topic === 'string' && /^[a-z0-9-]{1,100}$/.test(m.topic)
        ? { type: 'openTopic', topic: m.topic }
        : undefined;
    default:
      return undefined;
  }
}
