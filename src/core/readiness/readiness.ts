// Readiness per official exam section: one percentage from three kinds of evidence. The latest mocks
// weigh most (they are the exam's own format, timed, across the section), exercises passed next (the
// practice is done), topic quizzes least (a few questions on one topic). Evidence that is not there
// yet is left out and the others re-weighted, and the page names what is missing.
import { ExamResult } from '../exam/scoring';
import { ProgressState } from '../progress/progress';
import { ExamCertification } from '../syllabus/model';
import {
  EVIDENCE_KINDS,
  exerciseEvidence,
  mockEvidence,
  mocksOf,
  quizEvidence,
  RECENT,
  sectionTopics,
} from './evidence';
import { inWords } from './verdict';
import { CertReadiness, Evidence, EvidenceKind, SectionReadiness, WeighedEvidence } from './types';

/** How much each kind of evidence weighs when it is there. */
export const WEIGHTS: Readonly<Record<EvidenceKind, number>> = { mocks: 0.5, exercises: 0.3, quizzes: 0.2 };

/** The rule, as the page states it. */
export const READINESS_RULE =
  `A section's readiness weighs its score in your last ${inWords(RECENT)} mocks ${WEIGHTS.mocks * 100} %, ` +
  `the exercises passed in its topics ${WEIGHTS.exercises * 100} % and its topics' latest quiz scores ` +
  `${WEIGHTS.quizzes * 100} %; evidence you have not produced yet is left out and the rest re-weighted.`;

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Combines evidence by WEIGHTS, re-weighting over the kinds that are there. */
export function combine(evidence: readonly Evidence[]): { percent: number; evidence: WeighedEvidence[] } {
  const present = evidence.filter((e) => e.percent !== undefined);
  const weight = present.reduce((sum, e) => sum + WEIGHTS[e.kind], 0);
  const percent = weight ? present.reduce((sum, e) => sum + WEIGHTS[e.kind] * e.percent!, 0) / weight : 0;
  return {
    percent: round1(percent),
    evidence: evidence.map((e) => ({
      ...e,
      share: e.percent !== undefined && weight ? round1((WEIGHTS[e.kind] / weight) * 100) : 0,
    })),
  };
}

/** Readiness of every exam section of a certification, from progress and the exam history. */
export function certReadiness(
  cert: ExamCertification,
  progress: ProgressState,
  history: readonly ExamResult[],
): CertReadiness {
  const mocks = mocksOf(history, cert.id);
  const sections = sectionTopics(cert).map(({ section, topics }): SectionReadiness => {
    const found: Record<EvidenceKind, Evidence> = {
      mocks: mockEvidence(mocks, section.id),
      exercises: exerciseEvidence(progress, cert.id, topics),
      quizzes: quizEvidence(history, cert.id, topics),
    };
    const { percent, evidence } = combine(EVIDENCE_KINDS.map((k) => found[k]));
    return {
      id: section.id,
      title: section.title,
      weight: section.weight,
      percent,
      evidenced: evidence.some((e) => e.percent !== undefined),
      evidence,
      missing: evidence.filter((e) => e.percent === undefined).map((e) => e.kind),
      topics: topics.map((t) => ({ id: t.id, title: t.title })),
    };
  });
  const weight = sections.reduce((sum, s) => sum + s.weight, 0);
  return {
    cert: cert.id,
    passMark: cert.exam.passMark,
    sections,
    overall: weight ? round1(sections.reduce((sum, s) => sum + s.weight * s.percent, 0) / weight) : 0,
    mocks: mocks
      .slice()
      .reverse()
      .map((m) => ({ at: m.submittedAt, percent: m.percent, passed: m.passed })),
  };
}
