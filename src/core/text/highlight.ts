// A small Python highlighter for code shown in the exam webview: HTML-escaped text with spans
// (`tok-kw`, `tok-str`, `tok-num`, `tok-com`, `tok-bi`, `tok-deco`, `tok-def`) coloured by theme variables.

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

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function span(cls: string, text: string): string {
  return `<span class="${cls}">${escapeHtml(text)}</span>`;
}

/** Python source as highlighted, escaped HTML (for a `<pre><code>`). */
export function highlightPython(code: string): string {
  let out = '';
  let last = 0;
  let previousWord = '';
  for (const m of code.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    out += escapeHtml(code.slice(last, at));
    last = at + m[0].length;
    const [, comment, string, deco, number, word] = m;
    if (comment) out += span('tok-com', comment);
    else if (string) out += span('tok-str', string);
    else if (deco) out += span('tok-deco', deco);
    else if (number) out += span('tok-num', number);
    else if (word) {
      if (previousWord === 'def' || previousWord === 'class') out += span('tok-def', word);
      else if (KEYWORDS.has(word)) out += span('tok-kw', word);
      else if (BUILTINS.has(word)) out += span('tok-bi', word);
      else out += escapeHtml(word);
      previousWord = word;
      continue;
    }
    previousWord = '';
  }
  return out + escapeHtml(code.slice(last));
}

/** Prompt text as HTML: escaped, with `code`, **bold** and blank-line paragraphs. */
export function inlineMarkdown(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((para) => {
      const html = escapeHtml(para.replace(/\s*\n\s*/g, ' '))
        .replace(/`([^`]+)`/g, (_, c: string) => `<code>${c}</code>`)
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
      return `<p>${html}</p>`;
    })
    .join('');
}
