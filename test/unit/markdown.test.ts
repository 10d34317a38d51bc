import * as assert from 'assert';
import { pythonTokens } from '../../src/core/text/highlight';
import { inlines, markdown } from '../../src/core/text/markdown';
import { blocksText } from '../../src/core/text/rich';

describe('Markdown to rich text', () => {
  it('reads inline code, strong, emphasis and links; code wins over markup inside it', () => {
    assert.deepStrictEqual(inlines('a `x**2**` **b** *c* _d_ [e](https://x.org)'), [
      { t: 'text', text: 'a ' },
      { t: 'code', text: 'x**2**' },
      { t: 'text', text: ' ' },
      { t: 'strong', children: [{ t: 'text', text: 'b' }] },
      { t: 'text', text: ' ' },
      { t: 'em', children: [{ t: 'text', text: 'c' }] },
      { t: 'text', text: ' ' },
      { t: 'em', children: [{ t: 'text', text: 'd' }] },
      { t: 'text', text: ' ' },
      { t: 'link', text: 'e', href: 'https://x.org' },
    ]);
    assert.deepStrictEqual(inlines('snake_case_name and 2 * 3 * 4'), [
      { t: 'text', text: 'snake_case_name and 2 * 3 * 4' },
    ]);
  });

  it('reads paragraphs, lists with continuation lines, fenced code, tables and headings', () => {
    const blocks = markdown(
      [
        'First line',
        'continues.',
        '',
        '- one',
        '  more of one',
        '- two',
        '',
        '1. first',
        '2. second',
        '',
        '```python',
        'print(1)',
        '```',
        '',
        '| a | b |',
        '|---|---|',
        '| `1` | 2 |',
        '',
        '### Title',
      ].join('\n'),
    );
    assert.deepStrictEqual(
      blocks.map((b) => b.t),
      ['p', 'list', 'list', 'code', 'table', 'heading'],
    );
    assert.strictEqual(blocksText([blocks[0]]), 'First line continues.');
    assert.strictEqual(blocksText([blocks[1]]), '- one more of one\n- two');
    assert.ok(blocks[2].t === 'list' && blocks[2].ordered);
    assert.ok(blocks[3].t === 'code' && blocks[3].language === 'python' && blocks[3].tokens[0].kind === 'bi');
    assert.strictEqual(blocksText([blocks[4]]), 'a | b\n1 | 2');
  });

  it('keeps raw HTML as text', () => {
    assert.strictEqual(blocksText(markdown('<img src=x onerror=alert(1)>')), '<img src=x onerror=alert(1)>');
  });

  it('highlights Python into tokens that join back to the source', () => {
    const code = 'def f(x):  # c\n    return "s" + str(1.5e3)\n@dec\nclass A: pass';
    const tokens = pythonTokens(code);
    assert.strictEqual(tokens.map((t) => t.text).join(''), code);
    assert.deepStrictEqual(
      tokens.filter((t) => t.kind).map((t) => `${t.kind}:${t.text}`),
      [
        'kw:def',
        'def:f',
        'com:# c',
        'kw:return',
        'str:"s"',
        'bi:str',
        'num:1.5e3',
        'deco:@dec',
        'kw:class',
        'def:A',
        'kw:pass',
      ],
    );
  });
});
