// Rich text as plain data: what the extension sends to its webviews. The webviews build DOM nodes
// from it with textContent only (src/webview/dom.ts), so no text from the syllabus, a pack or learner
// code is ever parsed as HTML there.

/** A piece of highlighted code; `kind` names its colour (none: plain text). */
export interface Token {
  text: string;
  kind?: 'kw' | 'str' | 'num' | 'com' | 'bi' | 'deco' | 'def' | 'gap';
}

/** Text within a paragraph. */
export type Inline =
  | { t: 'text'; text: string }
  | { t: 'code'; text: string }
  | { t: 'strong'; children: Inline[] }
  | { t: 'em'; children: Inline[] }
  | { t: 'link'; text: string; href: string };

/** A block of a page. */
export type Block =
  | { t: 'p'; children: Inline[] }
  | { t: 'heading'; level: 3 | 4; children: Inline[] }
  | { t: 'list'; ordered: boolean; items: Block[][] }
  | { t: 'code'; language: 'python' | 'text'; tokens: Token[] }
  | { t: 'table'; head: Inline[][]; rows: Inline[][][] };

/** Plain text of inline content (for titles, labels and tests). */
export function plainText(inlines: readonly Inline[]): string {
  return inlines
    .map((i) => {
      switch (i.t) {
        case 'text':
        case 'code':
        case 'link':
          return i.text;
        default:
          return plainText(i.children);
      }
    })
    .join('');
}

/** Plain text of blocks, paragraphs separated by blank lines. */
export function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.t) {
        case 'p':
        case 'heading':
          return plainText(b.children);
        case 'list':
          return b.items.map((item) => `- ${blocksText(item)}`).join('\n');
        case 'code':
          return b.tokens.map((k) => k.text).join('');
        case 'table':
          return [b.head, ...b.rows].map((row) => row.map(plainText).join(' | ')).join('\n');
      }
    })
    .join('\n\n');
}
