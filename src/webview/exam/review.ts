// One reviewed item on the result page: the question, the learner's answer against the right one
// (choices tagged, lines side by side, each gap with both fragments), the explanation, and a link to
// the topic's lesson.
import type { ReviewView } from '../../core/exam/resultView';
import type { Token } from '../../core/text/rich';
import { blockNodes, button, codeNodes, el } from '../dom';
import { choiceNode, letter, questionHead } from './items';

function choiceTag(right: boolean, mine: boolean): string {
  if (right) return mine ? 'your answer, right' : 'right answer';
  return mine ? 'your answer' : '';
}

function choiceList(r: ReviewView): HTMLElement {
  const list = el('ul', { class: 'review-choices' });
  r.choices.forEach((c, i) => {
    const right = r.right.includes(i);
    const mine = r.chosen.includes(i);
    const tag = choiceTag(right, mine);
    list.append(
      el(
        'li',
        { class: [right ? 'is-right' : '', mine && !right ? 'is-wrong' : ''].join(' ') },
        el('span', { class: 'key' }, letter(i)),
        choiceNode(c),
        tag ? el('span', { class: 'tag' }, tag) : null,
      ),
    );
  });
  return list;
}

const verdictClass = (ok: boolean) => (ok ? 'is-right' : 'is-wrong');

function lineList(title: string, lines: Token[][], order: number[], right?: number[]): HTMLElement {
  const list = el('ol', { class: 'review-lines' });
  order.forEach((line, at) => {
    const ok = right ? right[at] === line : undefined;
    list.append(
      el(
        'li',
        { class: ok === undefined ? '' : verdictClass(ok) },
        el('pre', { class: 'choice-code' }, el('code', {}, ...codeNodes(lines[line]))),
        ok === undefined ? null : el('span', { class: 'tag' }, ok ? 'in place' : 'out of place'),
      ),
    );
  });
  return el('div', { class: 'review-column' }, el('h4', {}, title), list);
}

function lines(r: ReviewView): HTMLElement {
  const all = r.lines ?? [];
  return el(
    'div',
    { class: 'review-order' },
    r.chosen.length
      ? lineList('Your order', all, r.chosen, r.right)
      : el('p', { class: 'note' }, 'You did not arrange the lines.'),
    lineList('Right order', all, r.right),
  );
}

function gaps(r: ReviewView): HTMLElement {
  const fragments = r.gaps ?? [];
  const gap = (g: number) => {
    const mine = r.chosen[g] ?? -1;
    const right = r.right[g];
    const ok = mine === right;
    return el(
      'span',
      { class: `gap-review ${ok ? 'is-right' : 'is-wrong'}`, 'aria-label': `Gap ${g + 1}: ${ok ? 'right' : 'wrong'}` },
      mine >= 0 ? el(ok ? 'span' : 's', {}, ...codeNodes(fragments[g][mine])) : el('span', {}, '(empty)'),
      ok ? null : el('span', { class: 'right-fragment' }, ' → ', ...codeNodes(fragments[g][right])),
    );
  };
  return el('pre', { class: 'code gaps' }, el('code', {}, ...codeNodes(r.code ?? [], gap)));
}

/** One reviewed item; `onLesson` opens its topic's lesson. */
export function reviewItem(r: ReviewView, onLesson: (topic: string) => void): HTMLElement {
  let status = r.answered ? 'wrong' : 'not answered';
  if (r.answered && r.credit > 0) status = 'partly right';
  if (r.correct) status = 'correct';
  const box = el('article', {
    class: `review ${r.correct ? 'right' : 'wrong'}`,
    'aria-label': `Question ${r.number}, ${status}`,
  });
  const credit = !r.correct && r.credit > 0 ? ` (credit ${Math.round(r.credit * 100)} %)` : '';
  box.append(
    el(
      'h3',
      {},
      `${r.correct ? '✓' : '✗'} Question ${r.number}${credit}`,
      r.flagged ? el('span', { class: 'flag-mark' }, ' ⚑') : null,
      ' ',
      el('span', { class: 'where' }, [r.section, r.topic].filter(Boolean).join(' · ')),
    ),
    ...questionHead(r),
  );
  if (r.kind === 'order') box.append(lines(r));
  else if (r.kind === 'gaps') box.append(gaps(r));
  else box.append(choiceList(r));
  if (!r.answered && r.kind !== 'order') box.append(el('p', { class: 'note' }, 'Not answered.'));
  box.append(
    el('div', { class: 'explanation' }, el('strong', {}, 'Why: '), ...blockNodes(r.explanation)),
    button(`Read the lesson: ${r.topic}`, () => onLesson(r.topicId), { class: 'link' }),
  );
  return box;
}
