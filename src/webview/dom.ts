// Building the page in a webview: elements made with createElement and text set with textContent
// only, never innerHTML, so nothing the extension sends (syllabus, pack or learner text) is parsed as
// HTML. Rich text arrives as data (src/core/text/rich.ts) and is turned into elements here.
import type { Block, Inline, Token } from '../core/text/rich';

/** Something that can go inside an element. */
export type Child = Node | string | null | undefined | false;

/** An element with attributes and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) node.setAttribute(k, v);
  for (const child of children) if (child) node.append(child);
  return node;
}

/** A button that calls `onClick`. */
export function button(
  label: Child | Child[],
  onClick: () => void,
  attrs: Record<string, string | undefined> = {},
): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, ...(Array.isArray(label) ? label : [label]));
  b.addEventListener('click', onClick);
  return b;
}

/** Highlighted code as spans (a `gap` token becomes a visible blank unless `gap` makes something else). */
export function codeNodes(tokens: readonly Token[], gap?: (index: number) => Node): Node[] {
  let gaps = 0;
  return tokens.map((token) => {
    if (token.kind === 'gap') return gap ? gap(gaps++) : el('span', { class: 'gap' }, '_____');
    return token.kind ? el('span', { class: `tok-${token.kind}` }, token.text) : document.createTextNode(token.text);
  });
}

/** A `<pre><code>` block of highlighted code. */
export function codeBlock(tokens: readonly Token[], attrs: Record<string, string> = {}): HTMLPreElement {
  return el('pre', { class: 'code', ...attrs }, el('code', {}, ...codeNodes(tokens)));
}

/** Inline rich text as nodes. Links show their text and open only through the extension. */
export function inlineNodes(inlines: readonly Inline[], onLink?: (href: string) => void): Node[] {
  return inlines.map((i): Node => {
    switch (i.t) {
      case 'text':
        return document.createTextNode(i.text);
      case 'code':
        return el('code', {}, i.text);
      case 'strong':
        return el('strong', {}, ...inlineNodes(i.children, onLink));
      case 'em':
        return el('em', {}, ...inlineNodes(i.children, onLink));
      case 'link':
        return onLink
          ? button(i.text, () => onLink(i.href), { class: 'link', title: i.href })
          : el('span', { class: 'link-text', title: i.href }, i.text);
    }
  });
}

/** Blocks of rich text as elements. */
export function blockNodes(blocks: readonly Block[], onLink?: (href: string) => void): Node[] {
  return blocks.map((b): Node => {
    switch (b.t) {
      case 'p':
        return el('p', {}, ...inlineNodes(b.children, onLink));
      case 'heading':
        return el(b.level === 3 ? 'h3' : 'h4', {}, ...inlineNodes(b.children, onLink));
      case 'list':
        return el(b.ordered ? 'ol' : 'ul', {}, ...b.items.map((item) => el('li', {}, ...blockNodes(item, onLink))));
      case 'code':
        return codeBlock(b.tokens, { tabindex: '0' });
      case 'table':
        return el(
          'table',
          { class: 'md' },
          el('thead', {}, el('tr', {}, ...b.head.map((c) => el('th', { scope: 'col' }, ...inlineNodes(c, onLink))))),
          el(
            'tbody',
            {},
            ...b.rows.map((row) => el('tr', {}, ...row.map((c) => el('td', {}, ...inlineNodes(c, onLink))))),
          ),
        );
    }
  });
}

/** Inline content of a single paragraph without the paragraph (for labels and short texts). */
export function flowNodes(blocks: readonly Block[], onLink?: (href: string) => void): Node[] {
  return blocks.length === 1 && blocks[0].t === 'p'
    ? inlineNodes(blocks[0].children, onLink)
    : blockNodes(blocks, onLink);
}

/** The VS Code API of a webview. */
export interface VsCodeApi {
  postMessage(message: unknown): void;
  setState(state: unknown): void;
  getState(): unknown;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** The webview's API (acquireVsCodeApi may be called only once per page). */
export const vscodeApi: VsCodeApi = acquireVsCodeApi();
