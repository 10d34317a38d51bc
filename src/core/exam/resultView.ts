// The result page of an attempt as plain data: the weighted score by official section, the
// objectives (weak ones linked to their topics), the review of every item with the right answer and
// a link to its topic's lesson, earlier attempts, and how many questions are still unseen.
import { markdown } from '../text/markdown';
import { Block } from '../text/rich';
import { ExamCertification } from '../syllabus/model';
import { sectionSupply } from './draw';
import { toShown } from './positions';
import { Question } from './question';
import { ExamResult, weakObjectives } from './scoring';
import { SeenLog } from './seen';
import { AttemptKind } from './session';
import { ItemView, itemView, titleOf } from './view';

/** One reviewed question on the result screen. */
export interface ReviewView extends ItemView {
  credit: number;
  correct: boolean;
  answered: boolean;
  flagged: boolean;
  /** The learner's answer and the right one, in shown positions (see ExamView.answers). */
  chosen: number[];
  right: number[];
  explanation: Block[];
}

/** What is left to draw: questions never seen, and how many fresh mocks they make. */
export interface Supply {
  unseen: number;
  pool: number;
  /** Full mocks that can still be drawn without a repeat (the scarcest section decides). */
  freshMocks: number;
}

/** The result screen. */
export interface ResultView {
  screen: 'result';
  kind: AttemptKind;
  title: string;
  percent: number;
  correct: number;
  total: number;
  passMark: number;
  passed: boolean;
  timedOut: boolean;
  minutesTaken: number;
  /** How the score was computed, in a sentence. */
  rule: string;
  sections: { title: string; weight: number; share: number; credit: number; total: number; percent: number }[];
  objectives: {
    code: string;
    subject: string;
    credit: number;
    total: number;
    percent: number;
    weak: boolean;
    topics: { id: string; title: string }[];
  }[];
  review: ReviewView[];
  /** Earlier attempts of the same kind for this certification (newest first). */
  history: { when: number; percent: number; passed: boolean }[];
  supply?: Supply;
}

/** The right answer in bank indexes (see ExamSession). */
function rightAnswer(q: Question, kind: ReviewView['kind']): number[] {
  if (kind === 'order') return (q.lines ?? []).map((_, i) => i);
  if (kind === 'gaps') return (q.gaps ?? []).map((g) => g.answer);
  return q.answer;
}

function reviewItems(result: ExamResult, cert: ExamCertification, bank: readonly Question[]): ReviewView[] {
  const byId = new Map(bank.filter((q) => q.cert === cert.id).map((q) => [q.id, q]));
  const review: ReviewView[] = [];
  for (const it of result.items) {
    const q = byId.get(it.question);
    if (!q) continue;
    const item = { kind: it.kind, order: it.order, gapOrders: it.gapOrders, question: q.id };
    const right = rightAnswer(q, it.kind);
    review.push({
      ...itemView(cert, q, item, review.length + 1, result.kind === 'exam'),
      credit: it.credit,
      correct: it.correct,
      answered: it.answer.length > 0,
      flagged: it.flagged,
      chosen: toShown(item, it.answer),
      right: toShown(item, right),
      explanation: markdown(q.explanation),
    });
  }
  return review;
}

function supplyOf(cert: ExamCertification, bank: readonly Question[], seen: Readonly<SeenLog>): Supply {
  const sections = sectionSupply(cert, bank, seen).filter((s) => s.items > 0);
  return {
    unseen: sections.reduce((sum, s) => sum + s.unseen, 0),
    pool: sections.reduce((sum, s) => sum + s.pool, 0),
    freshMocks: sections.length ? Math.min(...sections.map((s) => Math.floor(s.unseen / s.items))) : 0,
  };
}

/** The sentence under the score that says how it was computed. */
function ruleOf(result: ExamResult, cert: ExamCertification): string {
  if (result.kind === 'review')
    return 'A question answered fully right moves on to a later review; one answered wrong comes back tomorrow.';
  if (result.kind === 'quiz')
    return 'Each question earns credit per right response; the quiz score is the credit over all questions.';
  const weights = result.sections.map((s) => s.weight).join(' / ');
  return `Each section counts with its official weight (${weights}${cert.blueprint ? `, ${cert.blueprint.source}` : ''}); a multiple-select or gaps item earns credit per right response, choosing more answers than asked earns none; ${cert.exam.passMark} % of the weighted total passes.`;
}

/** The result screen for a scored attempt. */
export function resultView(
  result: ExamResult,
  cert: ExamCertification,
  bank: readonly Question[],
  history: readonly ExamResult[],
  seen: Readonly<SeenLog>,
): ResultView {
  const weak = new Set(weakObjectives(result).map((o) => o.code));
  const weight = result.sections.reduce((sum, s) => sum + s.weight, 0);
  return {
    screen: 'result',
    kind: result.kind,
    title: titleOf(result, cert),
    percent: result.percent,
    correct: result.correct,
    total: result.total,
    passMark: result.passMark,
    passed: result.passed,
    timedOut: result.timedOut,
    minutesTaken: Math.max(0, Math.round((result.submittedAt - result.startedAt) / 60_000)),
    rule: ruleOf(result, cert),
    sections: result.sections.map((s) => ({
      title: s.title,
      weight: s.weight,
      share: weight ? Math.round((s.weight / weight) * 1000) / 10 : 0,
      credit: s.credit,
      total: s.total,
      percent: s.percent,
    })),
    objectives: result.objectives.map((o) => ({
      code: o.code.startsWith('topic:') ? '' : o.code,
      subject: o.subject,
      credit: o.credit,
      total: o.total,
      percent: o.percent,
      weak: weak.has(o.code),
      topics: o.topics,
    })),
    review: reviewItems(result, cert, bank),
    history: history
      .filter(
        (h) => h.kind === result.kind && h.cert === result.cert && (result.kind === 'exam' || h.topic === result.topic),
      )
      .map((h) => ({ when: h.submittedAt, percent: h.percent, passed: h.passed })),
    ...(result.kind === 'exam' ? { supply: supplyOf(cert, bank, seen) } : {}),
  };
}
