// What the exam webview shows while an attempt is in progress, as plain data (rich text, tokens and
// shown positions), so the webview script only places it. See ./resultView for the result page.
import { pythonTokens, pythonTokensWithGaps } from '../text/highlight';
import { inlines, markdown } from '../text/markdown';
import { Block, Inline, Token } from '../text/rich';
import { ExamCertification } from '../syllabus/model';
import { toShown } from './positions';
import { Question } from './question';
import { raisesInOutput } from './raises';
import { examSections, sectionOf } from './sections';
import { AttemptKind, ExamSession, SessionItem } from './session';

/** One choice, ready to display. */
export type ChoiceView =
  { style: 'code'; tokens: Token[] } | { style: 'output'; text: string } | { style: 'text'; content: Inline[] };

/** One question as shown. Every list is in shown order; answers refer to shown positions. */
export interface ItemView {
  number: number;
  kind: SessionItem['kind'];
  /** Where the question belongs: the exam section (mock exams) and the topic. */
  section?: string;
  topic: string;
  topicId: string;
  /** How many choices to pick (choice items): 1 means radio buttons. */
  pick: number;
  prompt: Block[];
  /** The snippet; a gaps item's `gap` tokens are where its lists go. */
  code?: Token[];
  choices: ChoiceView[];
  /** Order items: the lines as first shown. */
  lines?: Token[][];
  /** Gaps items: each gap's fragments. */
  gaps?: Token[][][];
}

/** The exam screen: questions, the learner's answers (shown positions), flags and the clock. */
export interface ExamView {
  screen: 'exam';
  sessionId: string;
  kind: AttemptKind;
  title: string;
  deadline?: number;
  minutes?: number;
  passMark: number;
  items: ItemView[];
  /** Per item, in shown positions: chosen choices; the arrangement of lines; each gap's fragment (-1: none). */
  answers: number[][];
  flags: boolean[];
  current: number;
  /** Questions no longer in the bank, left out of the exam. */
  missing: number;
}

function choiceView(q: Question, text: string): ChoiceView {
  if (q.type === 'fill' || q.verify) return { style: 'code', tokens: pythonTokens(text) };
  if (q.type === 'output') {
    const error = raisesInOutput(text);
    return error
      ? {
          style: 'text',
          content: [
            { t: 'text', text: 'The code raises ' },
            { t: 'code', text: error },
          ],
        }
      : { style: 'output', text };
  }
  if (q.type === 'raises') {
    const nothing = /^nothing( is raised)?$/i.test(text.trim());
    return {
      style: 'text',
      content: [{ t: 'text', text: nothing ? 'No exception is raised' : text.replace(/^line (\d+)/, 'Line $1') }],
    };
  }
  return { style: 'text', content: inlines(text.trim()) };
}

/** One question as shown, its lists in the order of `item`. */
export function itemView(
  cert: ExamCertification,
  q: Question,
  item: SessionItem,
  number: number,
  exam: boolean,
): ItemView {
  const domain = cert.domains.find((d) => d.id === q.domain);
  const topic = domain?.topics.find((t) => t.id === q.topic);
  const section = exam ? sectionOf(examSections(cert), q) : undefined;
  const view: ItemView = {
    number,
    kind: item.kind,
    ...(section ? { section: section.title } : {}),
    topic: topic?.title ?? q.topic,
    topicId: q.topic,
    pick: q.answer.length,
    prompt: markdown(q.prompt),
    choices: item.kind === 'choices' ? item.order.map((i) => choiceView(q, q.choices[i])) : [],
  };
  if (q.code) view.code = q.type === 'gaps' || q.type === 'fill' ? pythonTokensWithGaps(q.code) : pythonTokens(q.code);
  if (item.kind === 'order') view.lines = item.order.map((i) => pythonTokens(q.lines?.[i] ?? ''));
  if (item.kind === 'gaps')
    view.gaps = (q.gaps ?? []).map((g, gi) => (item.gapOrders?.[gi] ?? []).map((c) => pythonTokens(g.choices[c])));
  return view;
}

/** The title of an attempt's page. */
export function titleOf(s: { kind: AttemptKind; topic?: string }, cert: ExamCertification): string {
  if (s.kind === 'review') return `${cert.shortTitle} review: questions due again`;
  if (s.kind === 'exam') return `${cert.shortTitle} mock exam (${cert.examCode})`;
  const topic = s.topic ? cert.domains.flatMap((d) => d.topics).find((t) => t.id === s.topic) : undefined;
  return `${cert.shortTitle} quiz: ${topic?.title ?? s.topic}`;
}

/** The exam screen for a session; answers are translated to shown positions. */
export function examView(s: ExamSession, cert: ExamCertification, bank: readonly Question[]): ExamView {
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
    items.push(itemView(cert, q, it, items.length + 1, s.kind === 'exam'));
    answers.push(toShown(it, s.answers[i] ?? []));
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
