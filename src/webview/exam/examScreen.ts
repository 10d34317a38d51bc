// The exam screen: header with the clock, the question grid, the current question with its answer
// controls, navigation, flagging and the submit confirmation.
import type { ExamView } from '../../core/exam/view';
import { button, el } from '../dom';
import { answerControls, questionHead, restoreFocus } from './items';

/** What the exam screen reports back. */
export interface ExamActions {
  go(index: number): void;
  answer(item: number, answer: number[]): void;
  flag(item: number, flagged: boolean): void;
  submit(): void;
  /** Shows or hides the submit confirmation. */
  confirm(open: boolean): void;
}

/** A clock text: m:ss or h:mm:ss. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `${h ? `${h}:` : ''}${String(m).padStart(h ? 2 : 1, '0')}:${String(sec).padStart(2, '0')}`;
}

function header(view: ExamView, answered: number, flagged: number): HTMLElement {
  const stats = el(
    'div',
    { class: 'stats' },
    el('span', {}, `Answered ${answered}/${view.items.length}`),
    el('span', {}, `Flagged ${flagged}`),
  );
  if (view.deadline)
    stats.append(
      el(
        'span',
        { class: 'timer-box', title: `${view.minutes} minutes in all` },
        'Time left ',
        el('strong', { id: 'timer', role: 'timer', 'aria-live': 'off' }, clock(view.deadline - Date.now())),
      ),
    );
  else stats.append(el('span', {}, 'Untimed quiz'));
  return el('header', { class: 'bar' }, el('h1', {}, view.title), stats);
}

function grid(view: ExamView, actions: ExamActions): HTMLElement {
  const nav = el('nav', { class: 'grid', 'aria-label': 'Questions' });
  view.items.forEach((_, i) => {
    const answered = view.answers[i].length > 0;
    const state = [answered ? 'answered' : 'not answered', view.flags[i] ? 'flagged' : ''].filter(Boolean).join(', ');
    nav.append(
      button(String(i + 1), () => actions.go(i), {
        class: [
          'cell',
          answered ? 'answered' : '',
          view.flags[i] ? 'flagged' : '',
          i === view.current ? 'current' : '',
        ].join(' '),
        'aria-label': `Question ${i + 1}, ${state}`,
        'aria-current': i === view.current ? 'step' : undefined,
      }),
    );
  });
  return nav;
}

function footer(view: ExamView, actions: ExamActions): HTMLElement {
  const i = view.current;
  return el(
    'footer',
    { class: 'bar actions' },
    button('Previous', () => actions.go(i - 1), { 'aria-keyshortcuts': 'P', disabled: i === 0 ? '' : undefined }),
    button(view.flags[i] ? 'Unflag' : 'Flag for review', () => actions.flag(i, !view.flags[i]), {
      'aria-pressed': String(view.flags[i]),
      'aria-keyshortcuts': 'Shift+F',
      id: 'flag',
    }),
    button('Next', () => actions.go(i + 1), {
      'aria-keyshortcuts': 'N',
      disabled: i === view.items.length - 1 ? '' : undefined,
    }),
    button(`Submit ${view.kind === 'exam' ? 'exam' : view.kind}`, () => actions.confirm(true), {
      class: 'primary',
      id: 'submit',
    }),
  );
}

function confirmation(view: ExamView, answered: number, flagged: number, actions: ExamActions): HTMLElement {
  const unanswered = view.items.length - answered;
  const text = `Submit now? ${unanswered ? `${unanswered} question${unanswered === 1 ? ' is' : 's are'} unanswered (scored as wrong)` : 'Every question is answered'}${flagged ? `, ${flagged} flagged for review` : ''}.`;
  return el(
    'section',
    { class: 'confirm', role: 'alertdialog', 'aria-labelledby': 'confirm-text' },
    el('p', { id: 'confirm-text' }, text),
    button('Submit and see the score', () => actions.submit(), { class: 'primary', id: 'confirm-submit' }),
    button('Keep working', () => actions.confirm(false), { id: 'keep-working' }),
  );
}

/** Renders the exam screen into `root`. */
export function renderExam(
  root: HTMLElement,
  view: ExamView,
  confirming: boolean,
  actions: ExamActions,
  focusChoice: boolean,
): void {
  const answered = view.answers.filter((a) => a.length > 0).length;
  const flagged = view.flags.filter(Boolean).length;
  const item = view.items[view.current];
  root.replaceChildren(
    header(view, answered, flagged),
    el('div', { id: 'live', class: 'sr-only', 'aria-live': 'polite' }),
  );
  if (view.missing)
    root.append(
      el(
        'p',
        { class: 'note' },
        `${view.missing} question(s) of this attempt are no longer in the question bank and were left out.`,
      ),
    );
  root.append(grid(view, actions));
  if (item) {
    const title = el(
      'h2',
      { id: 'qtitle', tabindex: '-1' },
      `Question ${view.current + 1} of ${view.items.length}`,
      view.flags[view.current] ? el('span', { class: 'flag-mark' }, ' ⚑ flagged') : null,
    );
    const where = el('p', { class: 'where' }, [item.section, item.topic].filter(Boolean).join(' · '));
    const controls = answerControls(item, view.answers[view.current], (a) => actions.answer(view.current, a));
    root.append(
      el('main', { class: 'question', 'aria-labelledby': 'qtitle' }, title, where, ...questionHead(item), controls),
    );
  }
  root.append(footer(view, actions));
  if (confirming) {
    root.append(confirmation(view, answered, flagged, actions));
    document.getElementById('confirm-submit')?.focus();
  } else if (focusChoice) {
    // A choice question: its (chosen) answer, so A–F and the arrows work at once; otherwise the heading,
    // so N and P still move on (a list in a gap would take the letters).
    (root.querySelector<HTMLElement>('main input:checked, main input') ?? document.getElementById('qtitle'))?.focus();
  }
  restoreFocus(root);
  root.append(
    el(
      'p',
      { class: 'help' },
      'Keys: A–F choose an answer, N next, P previous, Shift+F flag for review; in an ordering question Alt+Up and Alt+Down move the focused line; Tab moves between controls.',
    ),
  );
}
