// The body of one exam item: its prompt and code, and the controls that answer it — choices (radio
// buttons or checkboxes), lines to arrange (buttons, Alt+Up/Down, or drag and drop) or a list per
// gap — each calling `onAnswer` with the answer in shown positions.
import type { ChoiceView, ItemView } from '../../core/exam/view';
import type { Token } from '../../core/text/rich';
import { blockNodes, button, codeNodes, el, inlineNodes } from '../dom';

/** A letter for a shown position: A, B, C… */
export const letter = (i: number): string => String.fromCharCode(65 + i);

/** How a choice looks, as an element. */
export function choiceNode(c: ChoiceView): HTMLElement {
  if (c.style === 'code') return el('pre', { class: 'choice-code' }, el('code', {}, ...codeNodes(c.tokens)));
  if (c.style === 'output') return el('pre', { class: 'choice-output' }, el('code', {}, c.text));
  return el('span', { class: 'choice-text' }, ...inlineNodes(c.content));
}

const tokensText = (tokens: readonly Token[]) => tokens.map((t) => t.text).join('');

/** The prompt and, except for gaps items (whose code holds the lists), the code. */
export function questionHead(item: ItemView): Node[] {
  const nodes: Node[] = [el('div', { class: 'prompt' }, ...blockNodes(item.prompt))];
  if (item.code && item.kind !== 'gaps')
    nodes.push(
      el('pre', { class: 'code', tabindex: '0', 'aria-label': 'Code' }, el('code', {}, ...codeNodes(item.code))),
    );
  return nodes;
}

function choices(item: ItemView, chosen: number[], onAnswer: (answer: number[]) => void): HTMLElement {
  const fieldset = el('fieldset', { class: 'choices' });
  fieldset.append(el('legend', {}, item.pick > 1 ? `Choose ${item.pick} answers` : 'Choose one answer'));
  item.choices.forEach((c, i) => {
    const id = `c${i}`;
    const input = el('input', { type: item.pick > 1 ? 'checkbox' : 'radio', name: 'choice', id, value: String(i) });
    input.checked = chosen.includes(i);
    input.addEventListener('change', () =>
      onAnswer(
        [...fieldset.querySelectorAll<HTMLInputElement>('input')].filter((x) => x.checked).map((x) => Number(x.value)),
      ),
    );
    const label = el('label', { for: id, class: 'choice' }, el('span', { class: 'key' }, letter(i)), choiceNode(c));
    fieldset.append(el('div', { class: 'choice-row' }, input, label));
  });
  return fieldset;
}

/** Lines to put in order: each row has Move up / Move down, takes Alt+Up/Down, and can be dragged. */
function arrangement(item: ItemView, answer: number[], onAnswer: (answer: number[]) => void): HTMLElement {
  const lines = item.lines ?? [];
  const current = answer.length === lines.length ? answer : lines.map((_, i) => i);
  const list = el('ol', { class: 'order-list', 'aria-label': 'Lines of the program, in the order you chose' });
  const move = (from: number, to: number) => {
    if (to < 0 || to >= current.length || from === to) return;
    const next = current.slice();
    const [line] = next.splice(from, 1);
    next.splice(to, 0, line);
    onAnswer(next);
    focusAfterRender = { line, part: 'row' };
  };
  current.forEach((line, at) => {
    const text = tokensText(lines[line]);
    const row = el('li', {
      class: 'order-line',
      tabindex: '0',
      draggable: 'true',
      'data-line': String(line),
      'aria-label': `Line ${at + 1} of ${current.length}: ${text.trim() || 'blank'}. Alt+Up or Alt+Down moves it.`,
    });
    row.append(
      el('span', { class: 'grip', 'aria-hidden': 'true' }, '⋮⋮'),
      el('pre', { class: 'choice-code' }, el('code', {}, ...codeNodes(lines[line]))),
      button('↑', () => move(at, at - 1), {
        class: 'small',
        'aria-label': `Move up: ${text.trim()}`,
        ...(at === 0 ? { disabled: '' } : {}),
      }),
      button('↓', () => move(at, at + 1), {
        class: 'small',
        'aria-label': `Move down: ${text.trim()}`,
        ...(at === current.length - 1 ? { disabled: '' } : {}),
      }),
    );
    row.addEventListener('keydown', (e) => {
      if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
      e.preventDefault();
      e.stopPropagation();
      move(at, e.key === 'ArrowUp' ? at - 1 : at + 1);
    });
    row.addEventListener('dragstart', (e) => e.dataTransfer?.setData('text/plain', String(at)));
    row.addEventListener('dragover', (e) => e.preventDefault());
    row.addEventListener('drop', (e) => {
      e.preventDefault();
      move(Number(e.dataTransfer?.getData('text/plain')), at);
    });
    list.append(row);
  });
  return el(
    'div',
    { class: 'order' },
    el(
      'p',
      { class: 'legend' },
      answer.length ? 'Your order:' : 'Arrange the lines (the order below is not yet an answer):',
    ),
    list,
    answer.length ? null : button('Keep this order as my answer', () => onAnswer(current), { class: 'small' }),
  );
}

/** Code with a list in each gap. */
function gapLists(item: ItemView, answer: number[], onAnswer: (answer: number[]) => void): HTMLElement {
  const gaps = item.gaps ?? [];
  const current = answer.length === gaps.length ? answer : gaps.map(() => -1);
  const select = (g: number) => {
    const s = el('select', {
      class: 'gap-select',
      'aria-label': `Gap ${g + 1} of ${gaps.length}`,
      'data-gap': String(g),
    });
    s.append(el('option', { value: '-1' }, `gap ${g + 1}: choose…`));
    gaps[g].forEach((fragment, i) => s.append(el('option', { value: String(i) }, tokensText(fragment))));
    s.value = String(current[g]);
    s.addEventListener('change', () => {
      const next = current.slice();
      next[g] = Number(s.value);
      onAnswer(next);
      focusAfterRender = { gap: g };
    });
    return s;
  };
  return el('pre', { class: 'code gaps' }, el('code', {}, ...codeNodes(item.code ?? [], select)));
}

/** What to focus after the next render (the control the learner just used). */
let focusAfterRender: { line?: number; part?: 'row'; gap?: number } | undefined;

/** Restores focus to the control used before the render. */
export function restoreFocus(root: HTMLElement): void {
  const f = focusAfterRender;
  focusAfterRender = undefined;
  if (f?.line !== undefined) root.querySelector<HTMLElement>(`.order-line[data-line="${f.line}"]`)?.focus();
  else if (f?.gap !== undefined) root.querySelector<HTMLElement>(`select[data-gap="${f.gap}"]`)?.focus();
}

/** The controls that answer an item. */
export function answerControls(item: ItemView, answer: number[], onAnswer: (answer: number[]) => void): HTMLElement {
  if (item.kind === 'order') return arrangement(item, answer, onAnswer);
  if (item.kind === 'gaps') return gapLists(item, answer, onAnswer);
  return choices(item, answer, onAnswer);
}
