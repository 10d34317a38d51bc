// The exam webview: shows what the extension sends (an attempt in progress or a result) and reports
// every answer, flag and move back at once, so nothing lives only here. Everything shown is built
// from data with textContent (../dom.ts); nothing is parsed as HTML.
import type { ResultView } from '../../core/exam/resultView';
import type { ExamView } from '../../core/exam/view';
import { vscodeApi } from '../dom';
import { clock, ExamActions, renderExam } from './examScreen';
import { renderResult, ResultActions, ReviewFilter } from './resultScreen';

const root = document.getElementById('app')!;
let exam: ExamView | undefined;
let result: ResultView | undefined;
let timer: number | undefined;
let confirming = false;
let reviewFilter: ReviewFilter = 'all';
let announced = new Set<number>();

function send(message: Record<string, unknown>): void {
  vscodeApi.postMessage(message);
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

const examActions: ExamActions = {
  go(index) {
    if (!exam || index < 0 || index >= exam.items.length) return;
    send({ type: 'goto', item: index });
    exam = { ...exam, current: index };
    showExam(true);
  },
  answer(item, answer) {
    if (!exam) return;
    // Shown at once; the extension's next view confirms it.
    exam = { ...exam, answers: exam.answers.map((a, i) => (i === item ? answer : a)) };
    send({ type: 'answer', item, chosen: answer });
    showExam(false);
  },
  flag(item, flagged) {
    send({ type: 'flag', item, flagged });
  },
  submit() {
    confirming = false;
    send({ type: 'submit' });
  },
  confirm(open) {
    confirming = open;
    showExam(false);
    if (!open) document.getElementById('submit')?.focus();
  },
};

const resultActions: ResultActions = {
  filter(which) {
    reviewFilter = which;
    if (result) renderResult(root, result, reviewFilter, resultActions);
  },
  openTopic: (topic) => send({ type: 'openTopic', topic }),
  openLesson: (topic) => send({ type: 'openTopic', topic }),
  again: () => send({ type: 'again' }),
};

function showExam(focusChoice: boolean): void {
  if (!exam) return;
  renderExam(root, exam, confirming, examActions, focusChoice);
  tick();
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = event.data as { type: string; view?: ExamView | ResultView; stateKey?: string };
  if (message.type !== 'show' || !message.view) return;
  if (message.view.screen === 'exam') {
    if (exam?.sessionId !== message.view.sessionId) announced = new Set();
    exam = message.view;
    result = undefined;
    vscodeApi.setState({ session: exam.sessionId });
    showExam(false);
    if (timer === undefined && exam.deadline) timer = window.setInterval(tick, 1000);
  } else {
    exam = undefined;
    if (timer !== undefined) window.clearInterval(timer);
    timer = undefined;
    result = message.view;
    vscodeApi.setState({ result: message.stateKey });
    renderResult(root, result, reviewFilter, resultActions);
    document.getElementById('score-title')?.focus();
  }
});

document.addEventListener('keydown', (event) => {
  if (!exam || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.target instanceof HTMLSelectElement) return; // letters pick a fragment there
  const key = event.key.toLowerCase();
  if (key === 'n') examActions.go(exam.current + 1);
  else if (key === 'p') examActions.go(exam.current - 1);
  else if (key === 'f' && event.shiftKey) examActions.flag(exam.current, !exam.flags[exam.current]);
  else if (key.length === 1 && key >= 'a' && key <= 'f') {
    const input = document.getElementById(`c${key.charCodeAt(0) - 97}`) as HTMLInputElement | null;
    if (!input) return;
    if (input.type === 'radio') input.checked = true;
    else input.checked = !input.checked;
    input.dispatchEvent(new Event('change'));
    document.getElementById(input.id)?.focus();
  } else return;
  event.preventDefault();
});

send({ type: 'ready' });
