// What the exam webview shows, as plain data with HTML already escaped and highlighted here, so
// the webview script only places it. Answers cross the boundary as shown positions.
import { ExamResult, ExamSession, weakObjectives } from './exam';
import { escapeHtml, highlightPython, inlineMarkdown } from '../text/highlight';
import { ExamCertification } from '../syllabus/model';
import { Question } from './question';
import { raisesInOutput } from './raises';

/** How a question's choices are displayed. */
export type ChoiceStyle = 'code' | 'output' | 'text';

/** One choice, ready to display. */
export interface ChoiceView {
  html: string;
  style: ChoiceStyle;
}

/** One question as shown during the exam. */
export interface ItemView {
  number: number;
  domain: string;
  topic: string;
  /** How many choices to pick: 1 means radio buttons. */
  pick: number;
  promptHtml: string;
  codeHtml?: string;
  choices: ChoiceView[];
}

/** The exam screen: questions, the learner's answers (shown positions), flags and the clock. */
export interface ExamView {
  screen: 'exam';
  sessionId: string;
  kind: 'exam' | 'quiz';
  title: string;
  deadline?: number;
  minutes?: number;
  passMark: number;
  items: ItemView[];
  answers: number[][];
  flags: boolean[];
  current: number;
  /** Questions no longer in the bank, left out of the exam. */
  missing: number;
}

/** One reviewed question on the result screen. */
export interface ReviewView extends ItemView {
  correct: boolean;
  answered: boolean;
  flagged: boolean;
  chosen: number[];
  right: number[];
  explanationHtml: string;
}

/** The result screen. */
export interface ResultView {
  screen: 'result';
  kind: 'exam' | 'quiz';
  title: string;
  percent: number;
  correct: number;
  total: number;
  passMark: number;
  passed: boolean;
  timedOut: boolean;
  minutesTaken: number;
  domains: { title: string; correct: number; total: number; percent: number }[];
  objectives: {
    code: string;
    subject: string;
    correct: number;
    total: number;
    percent: number;
    weak: boolean;
    topics: { id: string; title: string }[];
  }[];
  review: ReviewView[];
  /** Earlier attempts of the same kind for this certification (newest first). */
  history: { when: number; percent: number; passed: boolean }[];
}

/** How the choices of a question are displayed. */
export function choiceStyle(q: Question): ChoiceStyle {
  if (q.type === 'fill' || q.verify) return 'code';
  if (q.type === 'output') return 'output';
  return 'text';
}

function choiceView(q: Question, index: number): ChoiceView {
  const text = q.choices[index];
  const style = choiceStyle(q);
  if (style === 'code') return { style, html: highlightPython(text) };
  if (style === 'output') {
    const error = raisesInOutput(text);
    return error
      ? { style: 'text', html: `The code raises <code>${escapeHtml(error)}</code>` }
      : { style, html: escapeHtml(text) };
  }
  if (q.type === 'raises') {
    const nothing = /^nothing( is raised)?$/i.test(text.trim());
    return { style, html: nothing ? 'No exception is raised' : escapeHtml(text).replace(/^line (\d+)/, 'Line $1') };
  }
  return { style, html: inlineMarkdown(text).replace(/^<p>|<\/p>$/g, '') };
}

function itemView(cert: ExamCertification, q: Question, order: number[], number: number): ItemView {
  const domain = cert.domains.find((d) => d.id === q.domain);
  const topic = domain?.topics.find((t) => t.id === q.topic);
  const view: ItemView = {
    number,
    domain: domain?.title ?? q.domain,
    topic: topic?.title ?? q.topic,
    pick: q.answer.length,
    promptHtml: inlineMarkdown(q.prompt),
    choices: order.map((i) => choiceView(q, i)),
  };
  // A fill question shows its gap as a visible blank.
  if (q.code) view.codeHtml = highlightPython(q.code).replace(/___/g, '<span class="gap">_____</span>');
  return view;
}

function titleOf(s: { kind: 'exam' | 'quiz'; topic?: string }, cert: ExamCertification): string {
  const topic = s.topic ? cert.domains.flatMap((d) => d.topics).find((t) => t.id === s.topic) : undefined;
  return s.kind === 'quiz'
    ? `${cert.shortTitle} quiz: ${topic?.title ?? s.topic}`
    : `${cert.shortTitle} mock exam (${cert.examCode})`;
}

/** The exam screen for a session; answers are translated to shown positions. */
export function examView(s: ExamSession, cert: ExamCertification, bank: Question[]): ExamView {
  const byId = new Map(bank.filter((q) => q.cert === cert.id).map((q) => [q.id, q]));
  const items: ItemView[] = [];
  const answers: number[][] = [];
  const flags: boolean[] = [];
  let missing = 0;
  s.items.forEach((it, i) => {
    const q = byId.get(it.question);
    if (!q) {
      missing++;
      return;
    }
    items.push(itemView(cert, q, it.order, items.length + 1));
    answers.push((s.answers[i] ?? []).map((c) => it.order.indexOf(c)).filter((p) => p >= 0));
    flags.push(!!s.flags[i]);
  });
  return {
    screen: 'exam',
    sessionId: s.id,
    kind: s.kind,
    title: titleOf(s, cert),
    ...(s.deadline !== undefined ? { deadline: s.deadline, minutes: cert.exam.minutes } : {}),
    passMark: cert.exam.passMark,
    items,
    answers,
    flags,
    current: Math.min(s.current, Math.max(items.length - 1, 0)),
    missing,
  };
}

/**
 * Maps a position in the shown item list back to the session's item index (they differ only when
 * questions went missing from the bank).
 */
export function sessionIndex(s: ExamSession, bank: Question[], shown: number): number {
  const ids = new Set(bank.filter((q) => q.cert === s.cert).map((q) => q.id));
  let seen = -1;
  for (let i = 0; i < s.items.length; i++) {
    if (ids.has(s.items[i].question)) seen++;
    if (seen === shown) return i;
  }
  return -1;
}

const pct = (correct: number, total: number) => (total ? Math.round((correct / total) * 1000) / 10 : 0);

/** The result screen for a scored attempt. */
export function resultView(
  result: ExamResult,
  cert: ExamCertification,
  bank: Question[],
  history: ExamResult[],
): ResultView {
  const byId = new Map(bank.filter((q) => q.cert === cert.id).map((q) => [q.id, q]));
  const weak = new Set(weakObjectives(result).map((o) => o.code));
  const review: ReviewView[] = [];
  for (const it of result.items) {
    const q = byId.get(it.question);
    if (!q) continue;
    const order = it.order.length === q.choices.length ? it.order : q.choices.map((_, i) => i);
    const chosen = it.chosen.map((c) => order.indexOf(c)).filter((p) => p >= 0);
    const right = q.answer.map((c) => order.indexOf(c));
    review.push({
      ...itemView(cert, q, order, review.length + 1),
      correct: it.correct,
      answered: chosen.length > 0,
      flagged: it.flagged,
      chosen,
      right,
      explanationHtml: inlineMarkdown(q.explanation),
    });
  }
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
    domains: result.domains.map((d) => ({
      title: d.title,
      correct: d.correct,
      total: d.total,
      percent: pct(d.correct, d.total),
    })),
    objectives: result.objectives.map((o) => ({
      code: o.code.startsWith('topic:') ? '' : o.code,
      subject: o.subject,
      correct: o.correct,
      total: o.total,
      percent: pct(o.correct, o.total),
      weak: weak.has(o.code),
      topics: o.topics,
    })),
    review,
    history: history
      .filter(
        (h) => h.kind === result.kind && h.cert === result.cert && (result.kind === 'exam' || h.topic === result.topic),
      )
      .map((h) => ({ when: h.submittedAt, percent: h.percent, passed: h.passed })),
  };
}
