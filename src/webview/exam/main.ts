// The exam webview: shows what the extension sends (an exam in progress or a result) and reports
// every answer, flag and move back at once, so nothing lives only here. HTML inside the views was
// escaped and highlighted by the extension (src/core/examView.ts).
import type { ExamView, ResultView, ReviewView } from '../../core/exam/view';

interface VsCodeApi {
  postMessage(message: unknown): void;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('app')!;
let exam: ExamView | undefined;
let timer: number | undefined;
let confirming = false;
let reviewFilter: 'all' | 'wrong' | 'flagged' = 'all';
let announced = new Set<number>();

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  html?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (html !== undefined) node.innerHTML = html;
  return node;
}

function button(label: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs });
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `${h ? `${h}:` : ''}${String(m).padStart(h ? 2 : 1, '0')}:${String(sec).padStart(2, '0')}`;
}

function announce(text: string): void {
  const live = document.getElementById('live');
  if (live) live.textContent = text;
}

function tick(): void {
  if (!exam?.deadline) return;
  const left = exam.deadline - Date.now();
  const shown = document.getElementById('timer');
  if (shown) {
    shown.textContent = clock(left);
    shown.classList.toggle('low', left <= 5 * 60_000);
  }
  // Screen readers hear the time only at a few marks, not every second.
  for (const mark of [10, 5, 1]) {
    if (left <= mark * 60_000 && left > (mark - 1) * 60_000 && !announced.has(mark)) {
      announced.add(mark);
      announce(`${mark} minute${mark === 1 ? '' : 's'} left`);
    }
  }
}

function choiceLabel(html: string, style: string): string {
  return style === 'text'
    ? `<span class="choice-text">${html}</span>`
    : `<pre class="choice-${style}"><code>${html}</code></pre>`;
}

function renderExam(view: ExamView, focusChoice = false): void {
  exam = view;
  vscode.setState({ session: view.sessionId });
  root.replaceChildren();
  const answered = view.answers.filter((a) => a.length > 0).length;
  const flagged = view.flags.filter(Boolean).length;
  const header = el('header', { class: 'bar' });
  header.append(el('h1', {}, view.title));
  const stats = el('div', { class: 'stats' });
  stats.append(el('span', {}, `Answered ${answered}/${view.items.length}`), el('span', {}, `Flagged ${flagged}`));
  if (view.deadline) {
    const t = el('span', { class: 'timer-box', title: `${view.minutes} minutes in all` });
    t.append(
      el('span', {}, 'Time left '),
      el('strong', { id: 'timer', role: 'timer', 'aria-live': 'off' }, clock(view.deadline - Date.now())),
    );
    stats.append(t);
  } else {
    stats.append(el('span', {}, 'Untimed quiz'));
  }
  header.append(stats);
  root.append(header, el('div', { id: 'live', class: 'sr-only', 'aria-live': 'polite' }));
  if (view.missing)
    root.append(
      el(
        'p',
        { class: 'note' },
        `${view.missing} question(s) of this attempt are no longer in the question bank and were left out.`,
      ),
    );

  const nav = el('nav', { class: 'grid', 'aria-label': 'Questions' });
  view.items.forEach((_, i) => {
    const state = [view.answers[i].length ? 'answered' : 'not answered', view.flags[i] ? 'flagged' : '']
      .filter(Boolean)
      .join(', ');
    const b = button(String(i + 1), () => go(i), {
      class: [
        'cell',
        view.answers[i].length ? 'answered' : '',
        view.flags[i] ? 'flagged' : '',
        i === view.current ? 'current' : '',
      ].join(' '),
      'aria-label': `Question ${i + 1}, ${state}`,
      ...(i === view.current ? { 'aria-current': 'step' } : {}),
    });
    nav.append(b);
  });
  root.append(nav);

  const item = view.items[view.current];
  const main = el('main', { class: 'question', 'aria-labelledby': 'qtitle' });
  main.append(
    el(
      'h2',
      { id: 'qtitle' },
      `Question ${view.current + 1} of ${view.items.length}${view.flags[view.current] ? ' <span class="flag-mark">⚑ flagged</span>' : ''}`,
    ),
  );
  main.append(el('p', { class: 'where' }, `${item.domain} · ${item.topic}`));
  main.append(el('div', { class: 'prompt' }, item.promptHtml));
  if (item.codeHtml)
    main.append(el('pre', { class: 'code', tabindex: '0', 'aria-label': 'Code' }, `<code>${item.codeHtml}</code>`));
  const fieldset = el('fieldset', { class: 'choices' });
  fieldset.append(el('legend', {}, item.pick > 1 ? `Choose ${item.pick} answers` : 'Choose one answer'));
  const chosen = view.answers[view.current];
  item.choices.forEach((c, i) => {
    const id = `c${i}`;
    const input = el('input', { type: item.pick > 1 ? 'checkbox' : 'radio', name: 'choice', id, value: String(i) });
    input.checked = chosen.includes(i);
    input.addEventListener('change', () => {
      const picked = [...fieldset.querySelectorAll<HTMLInputElement>('input')]
        .filter((x) => x.checked)
        .map((x) => Number(x.value));
      send({ type: 'answer', item: view.current, chosen: picked });
    });
    const label = el(
      'label',
      { for: id, class: 'choice' },
      `<span class="key">${String.fromCharCode(65 + i)}</span>${choiceLabel(c.html, c.style)}`,
    );
    const row = el('div', { class: 'choice-row' });
    row.append(input, label);
    fieldset.append(row);
  });
  main.append(fieldset);
  root.append(main);

  const footer = el('footer', { class: 'bar actions' });
  const previous = button('Previous', () => go(view.current - 1), { 'aria-keyshortcuts': 'P' });
  previous.disabled = view.current === 0;
  const next = button('Next', () => go(view.current + 1), { 'aria-keyshortcuts': 'N' });
  next.disabled = view.current === view.items.length - 1;
  footer.append(
    previous,
    button(
      view.flags[view.current] ? 'Unflag' : 'Flag for review',
      () => send({ type: 'flag', item: view.current, flagged: !view.flags[view.current] }),
      { 'aria-pressed': String(view.flags[view.current]), 'aria-keyshortcuts': 'Shift+F', id: 'flag' },
    ),
    next,
    button(
      view.kind === 'quiz' ? 'Submit quiz' : 'Submit exam',
      () => {
        confirming = true;
        renderExam(view);
      },
      { class: 'primary', id: 'submit' },
    ),
  );
  root.append(footer);
  if (confirming) {
    const unanswered = view.items.length - answered;
    const box = el('section', { class: 'confirm', role: 'alertdialog', 'aria-labelledby': 'confirm-text' });
    box.append(
      el(
        'p',
        { id: 'confirm-text' },
        `Submit now? ${unanswered ? `${unanswered} question${unanswered === 1 ? ' is' : 's are'} unanswered (scored as wrong)` : 'Every question is answered'}${flagged ? `, ${flagged} flagged for review` : ''}.`,
      ),
    );
    const yes = button(
      'Submit and see the score',
      () => {
        confirming = false;
        send({ type: 'submit' });
      },
      { class: 'primary', id: 'confirm-submit' },
    );
    box.append(
      yes,
      button('Keep working', () => {
        confirming = false;
        renderExam(view);
        document.getElementById('submit')?.focus();
      }),
    );
    root.append(box);
    yes.focus();
  } else if (focusChoice) {
    (
      fieldset.querySelector<HTMLInputElement>('input:checked') ?? fieldset.querySelector<HTMLInputElement>('input')
    )?.focus();
  }
  root.append(
    el(
      'p',
      { class: 'help' },
      'Keys: A–F choose an answer, N next, P previous, Shift+F flag for review; Tab moves between controls.',
    ),
  );
  tick();
}

function go(index: number): void {
  if (!exam || index < 0 || index >= exam.items.length) return;
  send({ type: 'goto', item: index });
  exam = { ...exam, current: index };
  renderExam(exam, true);
}

function choiceTag(right: boolean, mine: boolean): string {
  if (right) return mine ? 'your answer, right' : 'right answer';
  return mine ? 'your answer' : '';
}

const FILTER_LABELS = { all: 'All', wrong: 'Wrong or unanswered', flagged: 'Flagged' };

function reviewItem(r: ReviewView): HTMLElement {
  const verdict = r.correct ? 'correct' : 'wrong';
  const box = el('article', {
    class: `review ${r.correct ? 'right' : 'wrong'}`,
    'aria-label': `Question ${r.number}, ${r.answered || r.correct ? verdict : 'not answered'}`,
  });
  box.append(
    el(
      'h3',
      {},
      `${r.correct ? '✓' : '✗'} Question ${r.number}${r.flagged ? ' <span class="flag-mark">⚑</span>' : ''} <span class="where">${r.domain} · ${r.topic}</span>`,
    ),
  );
  box.append(el('div', { class: 'prompt' }, r.promptHtml));
  if (r.codeHtml) box.append(el('pre', { class: 'code' }, `<code>${r.codeHtml}</code>`));
  const list = el('ul', { class: 'review-choices' });
  r.choices.forEach((c, i) => {
    const right = r.right.includes(i);
    const mine = r.chosen.includes(i);
    const tag = choiceTag(right, mine);
    list.append(
      el(
        'li',
        { class: [right ? 'is-right' : '', mine && !right ? 'is-wrong' : ''].join(' ') },
        `<span class="key">${String.fromCharCode(65 + i)}</span>${choiceLabel(c.html, c.style)}${tag ? `<span class="tag">${tag}</span>` : ''}`,
      ),
    );
  });
  box.append(list);
  if (!r.answered) box.append(el('p', { class: 'note' }, 'Not answered.'));
  box.append(el('div', { class: 'explanation' }, `<strong>Why:</strong> ${r.explanationHtml}`));
  return box;
}

function renderResult(view: ResultView): void {
  exam = undefined;
  if (timer !== undefined) window.clearInterval(timer);
  timer = undefined;
  root.replaceChildren();
  const header = el('header', { class: 'bar' });
  header.append(el('h1', {}, view.title));
  root.append(header);
  const summary = el('section', {
    class: `score ${view.passed ? 'passed' : 'failed'}`,
    'aria-labelledby': 'score-title',
  });
  summary.append(
    el('h2', { id: 'score-title', tabindex: '-1' }, `${view.percent} % · ${view.passed ? 'Passed' : 'Not passed'}`),
  );
  summary.append(
    el(
      'p',
      {},
      `${view.correct} of ${view.total} correct · pass mark ${view.passMark} % · ${view.minutesTaken} min${view.timedOut ? ' · submitted automatically when the time ran out' : ''}`,
    ),
  );
  root.append(summary);

  const domains = el('section', { 'aria-labelledby': 'domains-title' });
  domains.append(el('h2', { id: 'domains-title' }, 'By domain'));
  const dt = el('table');
  dt.append(
    el(
      'thead',
      {},
      '<tr><th scope="col">Domain</th><th scope="col">Score</th><th scope="col"><span class="sr-only">Bar</span></th></tr>',
    ),
  );
  const db = el('tbody');
  for (const d of view.domains) {
    const row = el('tr');
    row.append(el('td', {}, d.title), el('td', {}, `${d.correct}/${d.total} (${d.percent} %)`));
    const cell = el('td');
    cell.append(
      el('progress', { max: '100', value: String(d.percent), 'aria-label': `${d.title} ${d.percent} percent` }),
    );
    row.append(cell);
    db.append(row);
  }
  dt.append(db);
  domains.append(dt);
  root.append(domains);

  const objectives = el('section', { 'aria-labelledby': 'objectives-title' });
  objectives.append(el('h2', { id: 'objectives-title' }, 'By objective'));
  const ot = el('table');
  ot.append(
    el('thead', {}, '<tr><th scope="col">Objective</th><th scope="col">Score</th><th scope="col">Practise</th></tr>'),
  );
  const ob = el('tbody');
  for (const o of view.objectives) {
    const row = el('tr', { class: o.weak ? 'weak' : '' });
    const escaped = document.createElement('span');
    escaped.textContent = `${o.code ? `${o.code} ` : ''}${o.subject}`;
    const first = el('td');
    first.append(escaped);
    row.append(
      first,
      el('td', {}, `${o.correct}/${o.total} (${o.percent} %)${o.weak ? ' <strong>weak</strong>' : ''}`),
    );
    const links = el('td');
    if (o.weak)
      for (const t of o.topics)
        links.append(button(t.title, () => send({ type: 'openTopic', topic: t.id }), { class: 'link' }));
    row.append(links);
    ob.append(row);
  }
  ot.append(ob);
  objectives.append(ot);
  root.append(objectives);

  const review = el('section', { 'aria-labelledby': 'review-title' });
  review.append(el('h2', { id: 'review-title' }, 'Review'));
  const filters = el('div', { class: 'filters', role: 'group', 'aria-label': 'Show' });
  const counts = {
    all: view.review.length,
    wrong: view.review.filter((r) => !r.correct).length,
    flagged: view.review.filter((r) => r.flagged).length,
  };
  for (const f of ['all', 'wrong', 'flagged'] as const) {
    filters.append(
      button(
        `${FILTER_LABELS[f]} (${counts[f]})`,
        () => {
          reviewFilter = f;
          renderResult(view);
        },
        { 'aria-pressed': String(reviewFilter === f) },
      ),
    );
  }
  review.append(filters);
  for (const r of view.review) {
    if (reviewFilter === 'wrong' && r.correct) continue;
    if (reviewFilter === 'flagged' && !r.flagged) continue;
    review.append(reviewItem(r));
  }
  root.append(review);

  if (view.history.length > 1) {
    const hist = el('section', { 'aria-labelledby': 'history-title' });
    hist.append(el('h2', { id: 'history-title' }, 'Your attempts'));
    const list = el('ol', { class: 'history' });
    for (const h of view.history)
      list.append(el('li', {}, `${new Date(h.when).toLocaleString()}: ${h.percent} % ${h.passed ? '(passed)' : ''}`));
    hist.append(list);
    root.append(hist);
  }
  const footer = el('footer', { class: 'bar actions' });
  footer.append(
    button(view.kind === 'quiz' ? 'New quiz on this topic' : 'Take another mock exam', () => send({ type: 'again' }), {
      class: 'primary',
    }),
  );
  root.append(footer);
  document.getElementById('score-title')?.focus();
}

function send(message: Record<string, unknown>): void {
  vscode.postMessage(message);
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = event.data as { type: string; view?: ExamView | ResultView; stateKey?: string };
  if (message.type !== 'show' || !message.view) return;
  if (message.view.screen === 'exam') {
    const fresh = exam?.sessionId !== message.view.sessionId;
    if (fresh) announced = new Set();
    renderExam(message.view);
    if (timer === undefined && message.view.deadline) timer = window.setInterval(tick, 1000);
  } else {
    vscode.setState({ result: message.stateKey });
    renderResult(message.view);
  }
});

document.addEventListener('keydown', (event) => {
  if (!exam || event.ctrlKey || event.metaKey || event.altKey) return;
  const key = event.key.toLowerCase();
  if (key === 'n') go(exam.current + 1);
  else if (key === 'p') go(exam.current - 1);
  else if (key === 'f' && event.shiftKey)
    send({ type: 'flag', item: exam.current, flagged: !exam.flags[exam.current] });
  else if (key.length === 1 && key >= 'a' && key <= 'f') {
    const input = document.getElementById(`c${key.charCodeAt(0) - 97}`) as HTMLInputElement | null;
    if (!input) return;
    if (input.type === 'radio') input.checked = true;
    else input.checked = !input.checked;
    input.dispatchEvent(new Event('change'));
    input.focus();
  } else return;
  event.preventDefault();
});

send({ type: 'ready' });
