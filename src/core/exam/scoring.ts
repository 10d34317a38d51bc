// Scoring an attempt the way the official exams do: each item earns credit per correct response
// (a multiple-select item a share per right choice, a gaps item a share per right gap), each exam
// section counts with its official weight, and the weighted total against the pass mark decides.
import { ExamCertification } from '../syllabus/model';
import { Question } from './question';
import { examSections, ExamSection, sectionOf } from './sections';
import { AttemptKind, ExamSession, SessionItem } from './session';

/** The outcome of one item, as kept in the history. */
export interface ItemOutcome {
  question: string;
  kind: SessionItem['kind'];
  /** The learner's answer (see ExamSession). */
  answer: number[];
  /** Credit earned, 0 to 1. */
  credit: number;
  /** Full credit. */
  correct: boolean;
  /** How the item was shown, so the review shows it the same way. */
  order: number[];
  gapOrders?: number[][];
  flagged: boolean;
  /** The exam section it counted toward (mock exams). */
  section?: string;
}

/** Credit over items of one part of an attempt. */
export interface Tally {
  credit: number;
  total: number;
  /** credit / total in percent, one decimal. */
  percent: number;
}

/** One section's score: its credit, and what it adds to the weighted total. */
export interface SectionScore extends Tally {
  id: string;
  title: string;
  weight: number;
}

/** Score of one objective, with the topics that practise it. */
export interface ObjectiveScore extends Tally {
  code: string;
  subject: string;
  section?: string;
  topics: { id: string; title: string }[];
}

/** A submitted attempt. */
export interface ExamResult {
  version: 2;
  id: string;
  kind: AttemptKind;
  cert: string;
  topic?: string;
  startedAt: number;
  submittedAt: number;
  timedOut: boolean;
  /** The score in percent: weighted by section for an exam, plain credit for a quiz. */
  percent: number;
  passMark: number;
  passed: boolean;
  /** Items with full credit, and items in all. */
  correct: number;
  total: number;
  sections: SectionScore[];
  objectives: ObjectiveScore[];
  items: ItemOutcome[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** A tally with its percent. */
export function tally(credit: number, total: number): Tally {
  return { credit: round1(credit * 100) / 100, total, percent: total ? round1((credit / total) * 100) : 0 };
}

/** Credit for an answer, 0 to 1 (see the file comment). */
export function credit(q: Question, given: readonly number[]): number {
  if (q.type === 'order') return given.length > 0 && given.every((line, i) => line === i) ? 1 : 0;
  if (q.type === 'gaps') {
    const gaps = q.gaps ?? [];
    return gaps.length ? gaps.filter((g, i) => given[i] === g.answer).length / gaps.length : 0;
  }
  // Choosing more than asked earns nothing, so ticking every box is never a strategy.
  if (given.length > q.answer.length) return 0;
  return q.answer.filter((a) => given.includes(a)).length / q.answer.length;
}

function topicsOf(cert: ExamCertification, code: string): { id: string; title: string }[] {
  return cert.domains
    .flatMap((d) => d.topics)
    .filter((t) => (code.startsWith('topic:') ? t.id === code.slice(6) : t.objectives.includes(code)))
    .map((t) => ({ id: t.id, title: t.title }));
}

function outcomes(s: ExamSession, byId: Map<string, Question>, sections: ExamSection[]): ItemOutcome[] {
  const items: ItemOutcome[] = [];
  s.items.forEach((it, i) => {
    const q = byId.get(it.question);
    if (!q) return; // removed from the bank since the attempt began: left out, not counted wrong
    const given = s.answers[i] ?? [];
    const earned = credit(q, given);
    items.push({
      question: q.id,
      kind: it.kind,
      answer: given,
      credit: earned,
      correct: earned === 1,
      order: it.order,
      ...(it.gapOrders ? { gapOrders: it.gapOrders } : {}),
      flagged: !!s.flags[i],
      ...(s.kind === 'exam' && sectionOf(sections, q) ? { section: sectionOf(sections, q)!.id } : {}),
    });
  });
  return items;
}

function sectionScores(items: ItemOutcome[], sections: ExamSection[]): SectionScore[] {
  return sections
    .map((sec) => {
      const mine = items.filter((i) => i.section === sec.id);
      return {
        id: sec.id,
        title: sec.title,
        weight: sec.weight,
        ...tally(
          mine.reduce((sum, i) => sum + i.credit, 0),
          mine.length,
        ),
      };
    })
    .filter((sec) => sec.total > 0);
}

/** The weighted percent of section scores (sections without items do not count). */
export function weightedPercent(sections: readonly SectionScore[]): number {
  const weight = sections.reduce((sum, s) => sum + s.weight, 0);
  return weight ? round1((sections.reduce((sum, s) => sum + (s.weight * s.credit) / s.total, 0) / weight) * 100) : 0;
}

function objectiveScores(
  cert: ExamCertification,
  items: ItemOutcome[],
  byId: Map<string, Question>,
  sections: ExamSection[],
): ObjectiveScore[] {
  const acc = new Map<string, { credit: number; total: number; section?: string }>();
  for (const item of items) {
    const q = byId.get(item.question)!;
    const code = q.objective ?? `topic:${q.topic}`;
    const o = acc.get(code) ?? { credit: 0, total: 0, section: sectionOf(sections, q)?.id };
    acc.set(code, { ...o, credit: o.credit + item.credit, total: o.total + 1 });
  }
  return [...acc]
    .map(([code, o]) => {
      const topics = topicsOf(cert, code);
      return {
        code,
        subject: code.startsWith('topic:') ? (topics[0]?.title ?? code) : (cert.objectives[code] ?? code),
        ...(o.section ? { section: o.section } : {}),
        ...tally(o.credit, o.total),
        topics,
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code, undefined, { numeric: true }));
}

/** Scores a session. Submitting after the deadline marks the result timed out. */
export function score(
  s: ExamSession,
  cert: ExamCertification,
  bank: readonly Question[],
  now: number,
  timedOut = false,
): ExamResult {
  const byId = new Map(bank.filter((q) => q.cert === cert.id).map((q) => [q.id, q]));
  const sections = examSections(cert);
  const items = outcomes(s, byId, sections);
  const scored = s.kind === 'exam' ? sectionScores(items, sections) : [];
  const plain = tally(
    items.reduce((sum, i) => sum + i.credit, 0),
    items.length,
  ).percent;
  const percent = s.kind === 'exam' && scored.length ? weightedPercent(scored) : plain;
  return {
    version: 2,
    id: s.id,
    kind: s.kind,
    cert: s.cert,
    ...(s.topic ? { topic: s.topic } : {}),
    startedAt: s.startedAt,
    submittedAt: timedOut && s.deadline !== undefined ? Math.min(now, s.deadline) : now,
    timedOut,
    percent,
    passMark: cert.exam.passMark,
    passed: items.length > 0 && percent >= cert.exam.passMark,
    correct: items.filter((i) => i.correct).length,
    total: items.length,
    sections: scored,
    objectives: objectiveScores(cert, items, byId, sections),
    items,
  };
}

/** Objectives scored below the pass mark: where to practise next. */
export function weakObjectives(result: ExamResult): ObjectiveScore[] {
  return result.objectives.filter((o) => o.total > 0 && o.percent < result.passMark);
}
