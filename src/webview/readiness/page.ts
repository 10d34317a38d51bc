// One certification's readiness page: the verdict and its reasons, the next step and the due
// reviews, the bars per official section with the evidence behind each and the rule, and the mock
// scores over time. Each chart has a table with the same numbers as its text alternative.
import type { CertView, ReadinessView, SectionView, TableView } from '../../core/readiness/types';
import { button, el } from '../dom';
import { barChart, lineChart } from './charts';

/** What the page reports back. */
export interface PageActions {
  select(cert: string): void;
  nextStep(cert: string): void;
  review(cert: string): void;
  openTopic(cert: string, topic: string): void;
}

/** A table of text inside a disclosure, so it is there for whoever wants the numbers. */
function table(t: TableView, summary: string, id: string): HTMLElement {
  return el(
    'details',
    { class: 'numbers', id },
    el('summary', {}, summary),
    el(
      'table',
      {},
      el('caption', {}, t.caption),
      el('thead', {}, el('tr', {}, ...t.head.map((h) => el('th', { scope: 'col' }, h)))),
      el(
        'tbody',
        {},
        ...t.rows.map((row) =>
          el('tr', {}, ...row.map((cell, i) => (i === 0 ? el('th', { scope: 'row' }, cell) : el('td', {}, cell)))),
        ),
      ),
    ),
  );
}

function switcher(view: ReadinessView, shown: string, actions: PageActions): HTMLElement | null {
  if (view.certs.length < 2) return null;
  return el(
    'div',
    { class: 'switcher', role: 'group', 'aria-label': 'Certification' },
    ...view.certs.map((c) =>
      button(c.shortTitle, () => actions.select(c.id), {
        id: `cert-${c.id}`,
        'aria-pressed': String(c.id === shown),
        title: c.title,
      }),
    ),
  );
}

function verdictSection(cert: CertView): HTMLElement {
  return el(
    'section',
    { class: `verdict ${cert.verdict.level}`, 'aria-labelledby': 'verdict-title' },
    el('h2', { id: 'verdict-title', tabindex: '-1' }, cert.verdict.headline),
    el('p', { class: 'overall' }, `Overall readiness ${cert.overall} % (sections weighted as on the exam)`),
    cert.verdict.reasons.length
      ? el('ul', { class: 'reasons' }, ...cert.verdict.reasons.map((r) => el('li', {}, r)))
      : null,
  );
}

function stepSection(cert: CertView, actions: PageActions): HTMLElement {
  const step = cert.nextStep;
  // Due reviews always come first (core/readiness/nextStep.ts), so the step's button is then the
  // review button itself; otherwise the page says when the next review is.
  const review = step.kind === 'review';
  return el(
    'section',
    { class: 'next', 'aria-labelledby': 'next-title' },
    el('h2', { id: 'next-title' }, 'Next best step'),
    el('p', {}, step.reason),
    el(
      'div',
      { class: 'actions' },
      button(step.label, () => (review ? actions.review(cert.id) : actions.nextStep(cert.id)), {
        class: 'primary',
        id: 'next-step',
      }),
      review ? null : el('span', { class: 'note', id: 'reviews' }, cert.reviews),
    ),
  );
}

function sectionDetail(cert: CertView, s: SectionView, index: number, actions: PageActions): HTMLElement {
  const topics = s.topics.length
    ? el(
        'details',
        { class: 'topics', id: `topics-${index}` },
        el('summary', {}, `Topics (${s.topics.length})`),
        el(
          'ul',
          {},
          ...s.topics.map((t) =>
            el(
              'li',
              {},
              button(t.title, () => actions.openTopic(cert.id, t.id), { class: 'link', id: `topic-${index}-${t.id}` }),
            ),
          ),
        ),
      )
    : null;
  return el(
    'li',
    { class: `section ${s.clears ? 'clears' : 'short'}` },
    el('h3', {}, `${s.title}: ${s.percent} %`),
    el(
      'ul',
      { class: 'evidence' },
      ...s.evidence.map((e) =>
        el(
          'li',
          { class: e.value === 'missing' ? 'missing' : '' },
          el('strong', {}, `${e.name}: ${e.value}`),
          ` — ${e.detail}${e.value === 'missing' ? '' : ` · ${e.share} of the section's percent`}`,
        ),
      ),
    ),
    s.missing ? el('p', { class: 'note' }, s.missing) : null,
    topics,
  );
}

function sectionsSection(cert: CertView, actions: PageActions): HTMLElement {
  return el(
    'section',
    { 'aria-labelledby': 'sections-title' },
    el('h2', { id: 'sections-title' }, 'By official exam section'),
    el('p', { class: 'note rule' }, cert.rule),
    el(
      'figure',
      {},
      barChart(cert.bars),
      el('figcaption', { class: 'note' }, `The line marks the pass mark, ${cert.passMark} %.`),
    ),
    table(cert.sectionTable, 'Show the numbers as a table', 'sections-table'),
    el('ol', { class: 'sections' }, ...cert.sections.map((s, i) => sectionDetail(cert, s, i, actions))),
  );
}

function mocksSection(cert: CertView): HTMLElement {
  return el(
    'section',
    { 'aria-labelledby': 'mocks-title' },
    el('h2', { id: 'mocks-title' }, 'Mock exams over time'),
    el('figure', {}, lineChart(cert.chart)),
    cert.mockTable.rows.length ? table(cert.mockTable, 'Show the scores as a table', 'mocks-table') : null,
  );
}

/** Renders one certification of the dashboard into `root`. */
export function renderPage(root: HTMLElement, view: ReadinessView, shown: string, actions: PageActions): void {
  const cert = view.certs.find((c) => c.id === shown) ?? view.certs[0];
  if (!cert) {
    root.replaceChildren(el('p', {}, 'No certification to show.'));
    return;
  }
  root.replaceChildren(
    el('header', { class: 'bar' }, el('h1', {}, `Readiness: ${cert.title}`), switcher(view, cert.id, actions)),
    verdictSection(cert),
    stepSection(cert, actions),
    sectionsSection(cert, actions),
    mocksSection(cert),
  );
}
