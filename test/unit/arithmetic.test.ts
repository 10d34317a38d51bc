import * as assert from 'assert';
import { evaluate, pythonNumber } from '../../src/core/syllabus/arithmetic';
import { drawParams, fill, placeholders } from '../../src/core/syllabus/variants';
import { gateSeeds } from '../../src/core/verify/variants';

describe('computed placeholders', () => {
  const show = (source: string, values: Record<string, unknown> = {}) => pythonNumber(evaluate(source, values));

  it('follows Python: int and float results, floor division and remainder rounding down', () => {
    assert.strictEqual(show('7 / 2'), '3.5');
    assert.strictEqual(show('6 / 2'), '3.0');
    assert.strictEqual(show('7 // 2'), '3');
    assert.strictEqual(show('-7 // 2'), '-4');
    assert.strictEqual(show('-7 % 3'), '2');
    assert.strictEqual(show('2 ** 10'), '1024');
    assert.strictEqual(show('2 + 3 * 4'), '14');
    assert.strictEqual(show('(2 + 3) * 4'), '20');
    assert.strictEqual(show('-2 ** 2'), '-4');
    assert.strictEqual(show('round(n / 3, 2)', { n: 10 }), '3.33');
    assert.strictEqual(show('max(a, b) - min(a, b)', { a: 3, b: 9 }), '6');
    assert.strictEqual(show('abs(a - b)', { a: 3, b: 9 }), '6');
    assert.strictEqual(show('round(2.5)'), '2');
    assert.strictEqual(show('round(3.5)'), '4');
    assert.strictEqual(show('round(n / 4)', { n: 10 }), '2');
  });

  it('names its problems instead of evaluating anything else', () => {
    assert.throws(() => evaluate('__import__("os")', {}), /not available|cannot read/);
    assert.throws(() => evaluate('n / 0', { n: 1 }), /division by zero/);
    assert.throws(() => evaluate('word + 1', { word: 'x' }), /not a number param/);
    assert.throws(() => evaluate('1 +', {}), /ends too early/);
  });

  it('fills texts and reports the params it uses', () => {
    assert.strictEqual(
      fill('{{year}} is {{= year - 2000}} years after 2000', { year: 2024 }),
      '2024 is 24 years after 2000',
    );
    assert.deepStrictEqual(placeholders('{{= a * b}} and {{c}}').sort(), ['a', 'b', 'c']);
    assert.deepStrictEqual(placeholders('{{= round(total / 12, 2)}}'), ['total']);
  });
});

describe('mutation gate draws', () => {
  it('draws until every value of every choice param has come up', () => {
    const exercise = {
      params: { side: { choice: ['left', 'right', 'up'] }, n: { int: [1, 100] } },
    } as unknown as import('../../src/core/syllabus/model').Exercise;
    const seeds = gateSeeds(exercise);
    assert.ok(seeds.length >= 2 && seeds.length <= 8);
    const sides = new Set(seeds.map((s) => drawParams(exercise.params!, s).side));
    assert.deepStrictEqual([...sides].sort(), ['left', 'right', 'up']);
    assert.deepStrictEqual(
      gateSeeds({ params: undefined } as unknown as import('../../src/core/syllabus/model').Exercise),
      [1],
    );
  });
});
