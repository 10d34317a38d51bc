// The lesson page: the topic's place on the exam, its lesson with highlighted examples (each with
// Run and Open as scratch file), the exam's traps and the topic's exercises. Everything is built from
// the data the extension sends (../dom.ts); an example runs only in the extension, by its id.
import type { ExerciseRow, ExampleView, LessonView, SectionView } from '../../core/lesson/types';
import { blockNodes, button, codeBlock, el, inlineNodes, vscodeApi } from '../dom';
import type { ExampleOutput, ToLesson } from './protocol';

const root = document.getElementById('app')!;
const outputs = new Map<string, ExampleOutput>();
let view: LessonView | undefined;

function send(message: Record<string, unknown>): void {
  vscodeApi.postMessage(message);
}

function outputNode(e: ExampleView): HTMLElement {
  const box = el('div', { class: 'run-output', id: `out-${e.id}`, 'aria-live': 'polite' });
  const o = outputs.get(e.id);
  if (!o) return box;
  if (o.running) {
    box.append(
      el('p', { class: 'note' }, 'Running with your interpreter…'),
      button('Cancel', () => send({ type: 'cancel', example: e.id }), { class: 'small' }),
    );
    return box;
  }
  box.append(el('h5', {}, 'Your run printed'));
  box.append(el('pre', { class: 'output' }, o.stdout || '(nothing)'));
  if (o.stderr) box.append(el('pre', { class: 'output error' }, o.stderr));
  if (o.problem) box.append(el('p', { class: 'problem' }, o.problem));
  else if (o.matches !== undefined)
    box.append(
      el(
        'p',
        { class: o.matches ? 'note match' : 'note differs' },
        o.matches
          ? '✓ The same as the lesson says.'
          : 'Differs from the lesson: check which Python this is (the versions note above), or what changed in the code.',
      ),
    );
  return box;
}

function example(e: ExampleView, canRun: boolean): HTMLElement {
  const expected = e.raises
    ? `${e.output}${e.output && !e.output.endsWith('\n') ? '\n' : ''}… then raises ${e.raises}`
    : e.output;
  return el(
    'figure',
    { class: 'example', id: `ex-${e.id}` },
    el(
      'figcaption',
      {},
      e.title ?? 'Example',
      e.versions ? el('span', { class: 'versions' }, ` · ${e.versions}`) : null,
    ),
    codeBlock(e.code, { tabindex: '0', 'aria-label': `Code of ${e.title ?? 'the example'}` }),
    e.stdin !== undefined ? el('p', { class: 'note' }, 'Input: ', el('code', {}, e.stdin.replace(/\n/g, '⏎'))) : null,
    el('h5', {}, 'It prints'),
    el('pre', { class: 'output' }, expected || '(nothing)'),
    el(
      'div',
      { class: 'example-actions' },
      button('▶ Run', () => send({ type: canRun ? 'run' : 'trust', example: e.id }), {
        class: 'primary small',
        title: canRun ? 'Run it with your Python interpreter' : 'Running code needs a trusted workspace',
      }),
      button('Open as scratch file', () => send({ type: 'scratch', example: e.id }), { class: 'small' }),
    ),
    outputNode(e),
  );
}

function section(s: SectionView, canRun: boolean): HTMLElement {
  return el(
    'section',
    { id: `section-${s.id}`, class: 'lesson-section', 'aria-labelledby': `h-${s.id}` },
    el('h2', { id: `h-${s.id}`, tabindex: '-1' }, s.title),
    ...blockNodes(s.body),
    ...s.examples.map((e) => example(e, canRun)),
  );
}

function exercises(rows: ExerciseRow[]): HTMLElement {
  return el(
    'section',
    { 'aria-labelledby': 'exercises-title' },
    el('h2', { id: 'exercises-title' }, 'Practise'),
    el(
      'ul',
      { class: 'exercises' },
      ...rows.map((r) =>
        el(
          'li',
          { class: `status-${r.status}` },
          button(r.title, () => send({ type: 'exercise', key: r.key }), { class: 'link' }),
          el('span', { class: 'note' }, ` ${r.difficulty} · ${r.statusText}`),
          r.hints.length ? el('ol', { class: 'hints' }, ...r.hints.map((h) => el('li', {}, ...inlineNodes(h)))) : null,
        ),
      ),
    ),
  );
}

function render(v: LessonView): void {
  const header = el(
    'header',
    { class: 'bar' },
    el('div', {}, el('h1', {}, v.title), el('p', { class: 'where' }, v.where)),
    el('span', { class: 'note' }, `${v.passed} of ${v.total} exercises passed`),
  );
  const intro = el(
    'section',
    { class: 'intro' },
    el('p', { class: v.extra ? 'on-exam extra' : 'on-exam' }, v.onExam),
    v.objectives.length
      ? el(
          'ul',
          { class: 'objectives' },
          ...v.objectives.map((o) => el('li', {}, el('strong', {}, o.code), ` ${o.subject}`)),
        )
      : null,
    ...blockNodes(v.summary),
  );
  const toc = v.sections.length
    ? el(
        'nav',
        { class: 'toc', 'aria-label': 'Lesson sections' },
        ...v.sections.map((s) => button(s.title, () => scrollTo(s.id), { class: 'link' })),
        v.traps.length ? button('Exam traps', () => scrollTo('traps'), { class: 'link' }) : null,
      )
    : el('p', { class: 'note' }, 'This topic has no lesson yet: its summary and exercises are below.');
  const traps = v.traps.length
    ? el(
        'section',
        { id: 'section-traps', class: 'traps', 'aria-labelledby': 'h-traps' },
        el('h2', { id: 'h-traps', tabindex: '-1' }, 'Exam traps'),
        el('ul', {}, ...v.traps.map((t) => el('li', {}, ...inlineNodes(t)))),
      )
    : null;
  const actions = el(
    'footer',
    { class: 'bar actions' },
    v.quizQuestions
      ? button(`Take a quiz on this topic (${Math.min(5, v.quizQuestions)} questions)`, () => send({ type: 'quiz' }), {
          class: 'primary',
        })
      : null,
  );
  root.replaceChildren(
    header,
    intro,
    toc,
    ...v.sections.map((s) => section(s, v.canRun)),
    ...(traps ? [traps] : []),
    exercises(v.exercises),
    actions,
  );
}

function scrollTo(anchor: string): void {
  const target = document.getElementById(`section-${anchor}`);
  target?.scrollIntoView({ block: 'start' });
  target?.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
}

window.addEventListener('message', (event: MessageEvent) => {
  const m = event.data as ToLesson;
  if (m.type === 'show') {
    if (view?.title !== m.view.title) outputs.clear();
    view = m.view;
    vscodeApi.setState({ cert: m.view.certId, title: m.view.title });
    render(m.view);
    if (m.anchor) scrollTo(m.anchor);
  } else if (m.type === 'output') {
    outputs.set(m.example, m);
    const e = view?.sections.flatMap((s) => s.examples).find((x) => x.id === m.example);
    const old = document.getElementById(`out-${m.example}`);
    if (e && old) old.replaceWith(outputNode(e));
  } else if (m.type === 'scroll') {
    scrollTo(m.anchor);
  }
});

send({ type: 'ready' });
