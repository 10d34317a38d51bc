// The result page: the weighted score and how it was computed, the score by official section and by
// objective (weak ones linked to practice), the review with filters, earlier attempts, and what is
// left to draw.
import type { ResultView } from '../../core/exam/resultView';
import { button, el } from '../dom';
import { reviewItem } from './review';

/** What the result page reports back. */
export interface ResultActions {
  filter(which: ReviewFilter): void;
  openTopic(topic: string): void;
  openLesson(topic: string): void;
  again(): void;
}

/** Which reviewed items are shown. */
export type ReviewFilter = 'all' | 'wrong' | 'flagged';

const AGAIN: Record<ResultView['kind'], string> = {
  exam: 'Take another mock exam',
  quiz: 'New quiz on this topic',
  review: 'Review the next due items',
};

const FILTER_LABELS: Record<ReviewFilter, string> = { all: 'All', wrong: 'Wrong or unanswered', flagged: 'Flagged' };

function table(
  caption: string,
  head: string[],
  rows: (Node | string)[][],
  rowClass?: (i: number) => string,
): HTMLElement {
  return el(
    'table',
    {},
    el('caption', { class: 'sr-only' }, caption),
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
    el(
      'tbody',
      {},
      ...rows.map((cells, i) => el('tr', { class: rowClass?.(i) }, ...cells.map((c) => el('td', {}, c)))),
    ),
  );
}

const bar = (label: string, percent: number) =>
  el('progress', { max: '100', value: String(percent), 'aria-label': `${label} ${percent} percent` });

function sections(view: ResultView): HTMLElement | null {
  if (!view.sections.length) return null;
  const rows = view.sections.map((s) => [
    s.title,
    `${s.share} %`,
    `${s.credit}/${s.total} (${s.percent} %)`,
    bar(s.title, s.percent),
  ]);
  return el(
    'section',
    { 'aria-labelledby': 'sections-title' },
    el('h2', { id: 'sections-title' }, 'By official section'),
    table('Score by official exam section', ['Section', 'Weight', 'Credit', 'Bar'], rows),
  );
}

function objectives(view: ResultView, actions: ResultActions): HTMLElement {
  const rows = view.objectives.map((o) => [
    `${o.code ? `${o.code} ` : ''}${o.subject}`,
    el('span', {}, `${o.credit}/${o.total} (${o.percent} %)`, o.weak ? el('strong', {}, ' weak') : null),
    el(
      'span',
      {},
      ...(o.weak ? o.topics.map((t) => button(t.title, () => actions.openTopic(t.id), { class: 'link' })) : []),
    ),
  ]);
  return el(
    'section',
    { 'aria-labelledby': 'objectives-title' },
    el('h2', { id: 'objectives-title' }, 'By objective'),
    table('Score by objective', ['Objective', 'Credit', 'Practise'], rows, (i) =>
      view.objectives[i].weak ? 'weak' : '',
    ),
  );
}

function review(view: ResultView, filter: ReviewFilter, actions: ResultActions): HTMLElement {
  const counts: Record<ReviewFilter, number> = {
    all: view.review.length,
    wrong: view.review.filter((r) => !r.correct).length,
    flagged: view.review.filter((r) => r.flagged).length,
  };
  const filters = el(
    'div',
    { class: 'filters', role: 'group', 'aria-label': 'Show' },
    ...(['all', 'wrong', 'flagged'] as const).map((f) =>
      button(`${FILTER_LABELS[f]} (${counts[f]})`, () => actions.filter(f), { 'aria-pressed': String(filter === f) }),
    ),
  );
  const keep: Record<ReviewFilter, (r: ResultView['review'][number]) => boolean> = {
    all: () => true,
    wrong: (r) => !r.correct,
    flagged: (r) => r.flagged,
  };
  const shown = view.review.filter(keep[filter]);
  return el(
    'section',
    { 'aria-labelledby': 'review-title' },
    el('h2', { id: 'review-title' }, 'Review'),
    filters,
    ...shown.map((r) => reviewItem(r, (topic) => actions.openLesson(topic))),
  );
}

function supply(view: ResultView): HTMLElement | null {
  if (!view.supply) return null;
  const { unseen, pool, freshMocks } = view.supply;
  return el(
    'p',
    { class: 'note', id: 'supply' },
    `${unseen} of the ${pool} questions in this exam's sections are still unseen: enough for ${freshMocks} more mock${freshMocks === 1 ? '' : 's'} without a repeat. After that, the least recently seen questions come back first.`,
  );
}

/** Renders the result page into `root`. */
export function renderResult(root: HTMLElement, view: ResultView, filter: ReviewFilter, actions: ResultActions): void {
  const summary = el(
    'section',
    { class: `score ${view.passed ? 'passed' : 'failed'}`, 'aria-labelledby': 'score-title' },
    el('h2', { id: 'score-title', tabindex: '-1' }, `${view.percent} % · ${view.passed ? 'Passed' : 'Not passed'}`),
    el(
      'p',
      {},
      `${view.correct} of ${view.total} fully right · pass mark ${view.passMark} % · ${view.minutesTaken} min${view.timedOut ? ' · submitted automatically when the time ran out' : ''}`,
    ),
    el('p', { class: 'note' }, view.rule),
  );
  const history =
    view.history.length > 1
      ? el(
          'section',
          { 'aria-labelledby': 'history-title' },
          el('h2', { id: 'history-title' }, 'Your attempts'),
          el(
            'ol',
            { class: 'history' },
            ...view.history.map((h) =>
              el('li', {}, `${new Date(h.when).toLocaleString()}: ${h.percent} %${h.passed ? ' (passed)' : ''}`),
            ),
          ),
        )
      : null;
  root.replaceChildren(
    el('header', { class: 'bar' }, el('h1', {}, view.title)),
    summary,
    ...[sections(view), supply(view)].filter((n): n is HTMLElement => !!n),
    objectives(view, actions),
    review(view, filter, actions),
    ...(history ? [history] : []),
    el(
      'footer',
      { class: 'bar actions' },
      button(AGAIN[view.kind], () => actions.again(), {
        class: 'primary',
      }),
    ),
  );
}
