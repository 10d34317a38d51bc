// The evidence behind a section's readiness, each kind on its own: exercises passed in the section's
// topics, the latest topic quizzes of those topics, and the section's score in the latest mocks.
// A topic belongs to every official section that lists one of its objectives (for a pack without a
// blueprint, the section is its domain); a topic off the blueprint belongs to none.
import { ExamResult } from '../exam/scoring';
import { examSections, ExamSection } from '../exam/sections';
import { ProgressState, topicKeys } from '../progress/progress';
import { ExamCertification, Topic } from '../syllabus/model';
import { Evidence, EvidenceKind } from './types';

/** How many of the latest mocks (and of each topic's latest quizzes) count. */
export const RECENT = 3;

/** The kinds of evidence, in the order they are shown. */
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['mocks', 'exercises', 'quizzes'];

/** A section of the exam with the topics that practise it. */
export interface SectionTopics {
  section: ExamSection;
  topics: Topic[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Each exam section with its topics, in blueprint (or domain) order. */
export function sectionTopics(cert: ExamCertification): SectionTopics[] {
  return examSections(cert).map((section) => ({
    section,
    topics: section.domain
      ? (cert.domains.find((d) => d.id === section.domain)?.topics ?? [])
      : cert.domains.flatMap((d) => d.topics).filter((t) => t.objectives.some((o) => section.objectives.includes(o))),
  }));
}

/** The certification's mock attempts, newest first. */
export function mocksOf(history: readonly ExamResult[], cert: string): ExamResult[] {
  return history.filter((h) => h.kind === 'exam' && h.cert === cert).sort((a, b) => b.submittedAt - a.submittedAt);
}

/** The latest quizzes of one topic, newest first. */
export function quizzesOf(history: readonly ExamResult[], cert: string, topic: string): ExamResult[] {
  return history
    .filter((h) => h.kind === 'quiz' && h.cert === cert && h.topic === topic)
    .sort((a, b) => b.submittedAt - a.submittedAt)
    .slice(0, RECENT);
}

/** Credit over items of a topic's latest quizzes, or undefined when it has none. */
export function topicQuizTally(
  history: readonly ExamResult[],
  cert: string,
  topic: string,
): { credit: number; total: number } | undefined {
  const items = quizzesOf(history, cert, topic).flatMap((q) => q.items);
  if (!items.length) return undefined;
  return { credit: items.reduce((sum, i) => sum + i.credit, 0), total: items.length };
}

/** Exercises passed in the section's topics. */
export function exerciseEvidence(progress: ProgressState, cert: string, topics: readonly Topic[]): Evidence {
  const keys = topics.flatMap((t) => topicKeys(cert, t));
  const passed = keys.filter((k) => progress.exercises[k]?.passedAt).length;
  if (!keys.length) return { kind: 'exercises', detail: 'no exercises in this section' };
  return {
    kind: 'exercises',
    percent: round1((passed / keys.length) * 100),
    detail: `${passed} of ${keys.length} exercise${keys.length === 1 ? '' : 's'} passed`,
  };
}

/** The mean of the section's topics' latest quiz scores, over the topics quizzed. */
export function quizEvidence(history: readonly ExamResult[], cert: string, topics: readonly Topic[]): Evidence {
  const scores = topics
    .map((t) => topicQuizTally(history, cert, t.id))
    .filter((s): s is { credit: number; total: number } => !!s)
    .map((s) => (s.credit / s.total) * 100);
  if (!scores.length) return { kind: 'quizzes', detail: 'no topic quiz yet' };
  return {
    kind: 'quizzes',
    percent: round1(scores.reduce((a, b) => a + b, 0) / scores.length),
    detail: `latest quizzes on ${scores.length} of ${topics.length} topic${topics.length === 1 ? '' : 's'}`,
  };
}

/** The section's credit over its items in the latest RECENT mocks. */
export function mockEvidence(mocks: readonly ExamResult[], section: string): Evidence {
  const recent = mocks.slice(0, RECENT);
  const scores = recent.flatMap((m) => m.sections.filter((s) => s.id === section && s.total > 0));
  if (!recent.length) return { kind: 'mocks', detail: 'no mock yet' };
  if (!scores.length) return { kind: 'mocks', detail: 'no recent mock scored this section' };
  const credit = scores.reduce((sum, s) => sum + s.credit, 0);
  const total = scores.reduce((sum, s) => sum + s.total, 0);
  const n = scores.length;
  return {
    kind: 'mocks',
    percent: round1((credit / total) * 100),
    detail: `${n === 1 ? 'last mock' : `last ${n} mocks`}: ${round1(credit)} of ${total} items`,
  };
}
