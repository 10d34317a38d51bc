import * as assert from 'assert';
import { drawExam, drawQuiz } from '../../src/core/exam/draw';
import { sessionIndex, toBank, toShown } from '../../src/core/exam/positions';
import { resultView } from '../../src/core/exam/resultView';
import { markSeen } from '../../src/core/exam/seen';
import { score } from '../../src/core/exam/scoring';
import { answer } from '../../src/core/exam/session';
import { examView } from '../../src/core/exam/view';
import { blocksText, plainText } from '../../src/core/text/rich';
import { BANK, byId, CERT, NOW, question } from './examFixture';

describe('exam views', () => {
  it('shows answers as positions in the shuffled order and reviews them the same way', () => {
    let s = drawExam(CERT, BANK, {}, 11, NOW);
    const it = s.items[0];
    const q = byId(it.question);
    s = answer(s, 0, q.answer);
    const view = examView(s, CERT, BANK);
    assert.deepStrictEqual(view.answers[0], [it.order.indexOf(q.answer[0])]);
    assert.strictEqual(view.items[0].pick, 1);
    assert.ok(view.items.every((i) => ['Section one', 'Section two', 'Section three'].includes(i.section!)));
    const result = score(s, CERT, BANK, NOW);
    const rv = resultView(result, CERT, BANK, [result], markSeen({}, result));
    assert.deepStrictEqual(rv.review[0].right, [it.order.indexOf(q.answer[0])]);
    assert.deepStrictEqual(rv.review[0].chosen, rv.review[0].right);
    assert.strictEqual(rv.review[0].correct, true);
    assert.strictEqual(rv.review.length, 12);
    assert.deepStrictEqual(rv.supply, { unseen: 48, pool: 60, freshMocks: 4 });
    assert.deepStrictEqual(
      rv.sections.map((x) => [x.title, x.share]),
      [
        ['Section one', 25],
        ['Section two', 40.3],
        ['Section three', 34.7],
      ],
    );
    assert.match(rv.rule, /official weight \(180 \/ 290 \/ 250, DEMO-1 syllabus\)/);
  });

  it('maps order and gaps answers between shown positions and the bank both ways', () => {
    const order = { kind: 'order' as const, order: [2, 0, 1] };
    assert.deepStrictEqual(toBank(order, [1, 2, 0]), [0, 1, 2]);
    assert.deepStrictEqual(toShown(order, [0, 1, 2]), [1, 2, 0]);
    const gaps = {
      kind: 'gaps' as const,
      order: [],
      gapOrders: [
        [2, 0, 1],
        [1, 0],
      ],
    };
    assert.deepStrictEqual(toBank(gaps, [0, -1]), [2, -1]);
    assert.deepStrictEqual(toShown(gaps, [2, 0]), [0, 1]);
    assert.deepStrictEqual(toBank(gaps, [9, 1]), [-1, 0]);
  });

  it('sends order lines and gap fragments in shown order, never revealing the key by position', () => {
    const o = question('o', 't1', '1.1', {
      type: 'order',
      choices: [],
      answer: [],
      lines: ['first()', 'second()', 'third()'],
    });
    const g = question('g', 't1', '1.1', {
      type: 'gaps',
      choices: [],
      answer: [],
      code: 'x = ___',
      gaps: [{ choices: ['1', '2', '3'], answer: 0 }],
    });
    const s = drawQuiz(CERT, 't1', [o, g], {}, 5, NOW);
    const view = examView(s, CERT, [o, g]);
    const ov = view.items.find((i) => i.kind === 'order')!;
    const oi = s.items.find((i) => i.question === 'o')!;
    assert.deepStrictEqual(
      ov.lines!.map((l) => l.map((t) => t.text).join('')),
      oi.order.map((i) => o.lines![i]),
    );
    const gv = view.items.find((i) => i.kind === 'gaps')!;
    assert.ok(gv.code!.some((t) => t.kind === 'gap'));
    assert.strictEqual(gv.gaps![0].length, 3);
  });

  it('turns question text into rich text: code stays text, markup is never HTML', () => {
    const q = question('x', 't1', '1.1', {
      type: 'output',
      prompt: 'What does `a < b` print? <script>alert(1)</script> **now**',
      code: 'print("<b>")  # done\n',
      choices: ['<b>', 'raises TypeError'],
      answer: [0],
    });
    const s = drawQuiz(CERT, 't1', [q], {}, 1, NOW);
    const item = examView(s, CERT, [q]).items[0];
    assert.strictEqual(blocksText(item.prompt), 'What does a < b print? <script>alert(1)</script> now');
    assert.deepStrictEqual(item.prompt[0].t === 'p' && item.prompt[0].children[1], { t: 'code', text: 'a < b' });
    assert.deepStrictEqual(
      item.code!.filter((t) => t.kind).map((t) => [t.kind, t.text]),
      [
        ['bi', 'print'],
        ['str', '"<b>"'],
        ['com', '# done'],
      ],
    );
    const shown = item.choices
      .map((c) => (c.style === 'output' ? c.text : plainText(c.style === 'text' ? c.content : [])))
      .sort();
    assert.deepStrictEqual(shown, ['<b>', 'The code raises TypeError']);
  });

  it('maps shown item positions to session items when a question went missing', () => {
    const s = drawExam(CERT, BANK, {}, 9, NOW);
    const smaller = BANK.filter((q) => q.id !== s.items[0].question);
    const view = examView(s, CERT, smaller);
    assert.strictEqual(view.items.length, 11);
    assert.strictEqual(view.missing, 1);
    assert.strictEqual(sessionIndex(s, smaller, 0), 1);
  });
});
