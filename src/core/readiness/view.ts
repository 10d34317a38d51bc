// The readiness dashboard as plain data: per certification the section bars with the evidence behind
// them and the rule, the mock chart's geometry, tables with the same numbers as text, the verdict and
// its reasons, the next step and the due reviews. The webview only places it; no HTML anywhere.
import { ExamResult } from '../exam/scoring';
import { ProgressState } from '../progress/progress';
import { ReviewDeck } from '../review/deck';
import { DeckCounts, deckCounts, statusText } from '../review/queue';
import { ExamCertification } from '../syllabus/model';
import { mockChart, sectionBars, shortDate } from './chart';
import { nextStep } from './nextStep';
import { certReadiness, READINESS_RULE } from './readiness';
import {
  CertReadiness,
  CertView,
  EvidenceKind,
  ReadinessView,
  SectionReadiness,
  SectionView,
  TableView,
} from './types';
import { verdict } from './verdict';

/** What the dashboard is built from. */
export interface ReadinessInput {
  certs: readonly ExamCertification[];
  progress: ProgressState;
  history: readonly ExamResult[];
  deck: ReviewDeck;
  now: number;
  /** The learner's clock, minutes ahead of UTC (dates and "tomorrow"). */
  utcOffsetMinutes?: number;
  /** The certification to show first (e.g. from its context menu). */
  selected?: string;
}

const NAMES: Record<EvidenceKind, string> = { mocks: 'Mocks', exercises: 'Exercises', quizzes: 'Topic quizzes' };
const MISSING: Record<EvidenceKind, string> = { mocks: 'a mock', exercises: 'an exercise', quizzes: 'a topic quiz' };

function sectionView(s: SectionReadiness, passMark: number): SectionView {
  return {
    id: s.id,
    title: s.title,
    percent: s.percent,
    clears: s.percent >= passMark,
    evidence: s.evidence.map((e) => ({
      kind: e.kind,
      name: NAMES[e.kind],
      value: e.percent === undefined ? 'missing' : `${e.percent} %`,
      detail: e.detail,
      share: e.percent === undefined ? '—' : `${e.share} %`,
    })),
    missing: s.missing.length ? `Missing: ${s.missing.map((k) => MISSING[k]).join(', ')}` : '',
    topics: s.topics,
  };
}

function sectionTable(sections: readonly SectionView[], passMark: number): TableView {
  return {
    caption: `Readiness by official exam section (pass mark ${passMark} %)`,
    head: ['Section', 'Readiness', ...(sections[0]?.evidence.map((e) => e.name) ?? [])],
    rows: sections.map((s) => [
      s.title,
      `${s.percent} %`,
      ...s.evidence.map((e) => (e.value === 'missing' ? `missing (${e.detail})` : `${e.value} (${e.detail})`)),
    ]),
  };
}

function mockTable(cert: CertReadiness, utcOffsetMinutes: number): TableView {
  return {
    caption: `Mock exam scores, oldest first (pass mark ${cert.passMark} %)`,
    head: ['Date', 'Score', 'Result'],
    rows: cert.mocks.map((m) => [
      shortDate(m.at, utcOffsetMinutes, true),
      `${m.percent} %`,
      m.passed ? 'passed' : 'not passed',
    ]),
  };
}

/** A certification's reviews in a sentence, for the page. */
function reviewsText(counts: DeckCounts, now: number, utcOffsetMinutes: number): string {
  if (counts.due) return `${counts.due} due.`;
  if (counts.next === undefined) return 'Nothing to review: missed questions and failed exercises will come here.';
  return `Nothing due; ${statusText(counts, now, utcOffsetMinutes)}.`;
}

/** One certification's page. */
export function certView(cert: ExamCertification, input: ReadinessInput): CertView {
  const offset = input.utcOffsetMinutes ?? 0;
  const readiness = certReadiness(cert, input.progress, input.history);
  const v = verdict(readiness);
  const sections = readiness.sections.map((s) => sectionView(s, readiness.passMark));
  const counts = deckCounts(input.deck, input.now, cert.id);
  return {
    id: cert.id,
    title: cert.title,
    shortTitle: cert.shortTitle,
    passMark: readiness.passMark,
    overall: readiness.overall,
    rule: READINESS_RULE,
    verdict: { level: v.level, headline: v.headline, reasons: v.reasons.map((r) => r.text) },
    nextStep: nextStep({ ...input, cert, readiness }),
    due: counts.due,
    reviews: reviewsText(counts, input.now, offset),
    sections,
    bars: sectionBars(readiness.sections, readiness.passMark),
    sectionTable: sectionTable(sections, readiness.passMark),
    chart: mockChart(readiness.mocks, readiness.passMark, offset),
    mockTable: mockTable(readiness, offset),
  };
}

/** The dashboard for the given certifications. */
export function readinessView(input: ReadinessInput): ReadinessView {
  const certs = input.certs.map((c) => certView(c, input));
  const counts = deckCounts(input.deck, input.now);
  const selected = certs.find((c) => c.id === input.selected)?.id ?? certs[0]?.id ?? '';
  return { certs, selected, due: counts.due, dueText: statusText(counts, input.now, input.utcOffsetMinutes ?? 0) };
}
