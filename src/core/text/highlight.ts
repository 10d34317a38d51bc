// A small Python highlighter for code shown in webviews: tokens whose kinds the webview colours
// with theme variables (classes `tok-kw`, `tok-str`, `tok-num`, `tok-com`, `tok-bi`, `tok-deco`, `tok-def`).
import { Token } from './rich';

const KEYWORDS = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
  'match',
  'case',
]);
const BUILTINS = new Set([
  'abs',
  'all',
  'any',
  'bool',
  'bytearray',
  'bytes',
  'callable',
  'chr',
  'classmethod',
  'dict',
  'dir',
  'divmod',
  'enumerate',
  'eval',
  'filter',
  'float',
  'format',
  'frozenset',
  'getattr',
  'hasattr',
  'hash',
  'id',
  'input',
  'int',
  'isinstance',
  'issubclass',
  'iter',
  'len',
  'list',
  'map',
  'max',
  'min',
  'next',
  'object',
  'open',
  'ord',
  'pow',
  'print',
  'property',
  'range',
  'repr',
  'reversed',
  'round',
  'set',
  'setattr',
  'slice',
  'sorted',
  'staticmethod',
  'str',
  'sum',
  'super',
  'tuple',
  'type',
  'vars',
  'zip',
  'self',
  'cls',
]);

// Order matters: comments and strings first, so keywords inside them stay plain text.
const TOKEN = new RegExp(
  [
    /(#[^\n]*)/.source,
    /((?:[rRbBuUfF]{1,2})?(?:'''[\s\S]*?(?:'''|$)|"""[\s\S]*?(?:"""|$)|'(?:\\.|[^'\\\n])*'?|"(?:\\.|[^"\\\n])*"?))/
      .source,
    /(@[A-Za-z_][\w.]*)/.source,
    /\b(0[xX][\da-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?[jJ]?)\b/.source,
    /([A-Za-z_]\w*)/.source,
  ].join('|'),
  'g',
);

/** Python source as tokens to colour (comments and strings first, so keywords inside them stay plain). */
export function pythonTokens(code: string): Token[] {
  const out: Token[] = [];
  const plain = (text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && !last.kind) last.text += text;
    else out.push({ text });
  };
  let last = 0;
  let previousWord = '';
  for (const m of code.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    plain(code.slice(last, at));
    last = at + m[0].length;
    const [, comment, string, deco, number, word] = m;
    if (comment) out.push({ text: comment, kind: 'com' });
    else if (string) out.push({ text: string, kind: 'str' });
    else if (deco) out.push({ text: deco, kind: 'deco' });
    else if (number) out.push({ text: number, kind: 'num' });
    else if (word) {
      if (previousWord === 'def' || previousWord === 'class') out.push({ text: word, kind: 'def' });
      else if (KEYWORDS.has(word)) out.push({ text: word, kind: 'kw' });
      else if (BUILTINS.has(word)) out.push({ text: word, kind: 'bi' });
      else plain(word);
      previousWord = word;
      continue;
    }
    previousWord = '';
  }
  plain(code.slice(last));
  return out;
}

/** Python tokens with each `___` of a gap-fill snippet as a token of its own (kind `gap`). */
export function pythonTokensWithGaps(code: string): Token[] {
  return code
    .split('___')
    .flatMap((part, i) => [...(i ? [{ text: '___', kind: 'gap' as const }] : []), ...pythonTokens(part)]);
}
