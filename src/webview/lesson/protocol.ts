// The messages between the extension and the lesson page, typed once for both ends. Incoming
// messages are untrusted data: parseFromLesson() returns a message only when its shape is right.
import type { LessonView } from '../../core/lesson/types';

/** Messages the page sends. Examples are named by their page id (`<section>.<n>`), never by code. */
export type FromLesson =
  | { type: 'ready' }
  | { type: 'run'; example: string }
  | { type: 'cancel'; example: string }
  | { type: 'scratch'; example: string }
  | { type: 'exercise'; key: string }
  | { type: 'quiz' }
  | { type: 'trust' };

/** What a run of an example printed (or why it did not finish). */
export interface ExampleOutput {
  example: string;
  running: boolean;
  stdout?: string;
  stderr?: string;
  problem?: string;
  /** Whether the output matches what the lesson says. */
  matches?: boolean;
}

/** Messages the extension sends. `anchor` scrolls to a section. */
export type ToLesson =
  | { type: 'show'; view: LessonView; anchor?: string }
  | ({ type: 'output' } & ExampleOutput)
  | { type: 'scroll'; anchor: string };

const exampleId = (v: unknown): v is string => typeof v === 'string' && /^[a-z0-9-]{1,80}\.\d{1,3}$/.test(v);
const exerciseKey = (v: unknown): v is string =>
  typeof v === 'string' && /^[a-z0-9-]+\/[a-z0-9-]+\/[a-z0-9-]+$/.test(v) && v.length < 300;

/** The message if it has one of the expected shapes, else undefined. */
export function parseFromLesson(raw: unknown): FromLesson | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'quiz':
    case 'trust':
      return { type: m.type };
    case 'run':
    case 'cancel':
    case 'scratch':
      return exampleId(m.example) ? { type: m.type, example: m.example } : undefined;
    case 'exercise':
      return exerciseKey(m.key) ? { type: 'exercise', key: m.key } : undefined;
    default:
      return undefined;
  }
}
