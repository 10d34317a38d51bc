// The messages between the extension and the readiness dashboard, typed once for both ends. Incoming
// messages are untrusted data: parseFromReadiness() returns a message only when its shape is right.
// Every action names its certification, since one page can hold several.
import type { ReadinessView } from '../../core/readiness/types';

/** Messages the dashboard sends. */
export type FromReadiness =
  | { type: 'ready' }
  | { type: 'nextStep'; cert: string }
  | { type: 'review'; cert: string }
  | { type: 'openTopic'; cert: string; topic: string };

/** Messages the extension sends. */
export type ToReadiness = { type: 'show'; view: ReadinessView };

const id = (v: unknown): v is string =>
  typeof v === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v) && v.length <= 100;

/** The message if it has one of the expected shapes, else undefined. */
export function parseFromReadiness(raw: unknown): FromReadiness | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'nextStep':
    case 'review':
      return id(m.cert) ? { type: m.type, cert: m.cert } : undefined;
    case 'openTopic':
      return id(m.cert) && id(m.topic) ? { type: 'openTopic', cert: m.cert, topic: m.topic } : undefined;
    default:
      return undefined;
  }
}
