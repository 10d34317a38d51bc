// The Markdown the syllabus is written in (lessons, prompts, explanations), parsed into rich-text
// data (./rich). A deliberate subset: paragraphs, `-`/`*`/`1.` lists, fenced code, pipe tables,
// headings, and inline `code`, **strong**, *em*/_em_ and [links](url). Raw HTML is plain text.
import { pythonTokens } from './highlight';
import { Block, Inline } from './rich';

// The earliest inline marker wins; `code` first, so nothing inside backticks is read as markup.
const INLINE =
  /`([^`]+)`|\*\*(?=\S)([\s\S]*?\S)\*\*|\*(?=[^\s*])([\s\S]*?[^\s*])\*|(?<![\w])_(?=\S)([^_]*?\S)_(?![\w])|\[([^\]]+)\]\(([^)\s]+)\)/;

/** Inline Markdown as rich text. */
export function inlines(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest) {
    const m = INLINE.exec(rest);
    if (!m) {
      out.push({ t: 'text', text: rest });
      break;
    }
    if (m.index > 0) out.push({ t: 'text', text: rest.slice(0, m.index) });
    const [, code, strong, star, under, label, href] = m;
    if (code !== undefined) out.push({ t: 'code', text: code });
    else if (strong !== undefined) out.push({ t: 'strong', children: inlines(strong) });
    else if (star !== undefined || under !== undefined) out.push({ t: 'em', children: inlines(star ?? under) });
    else out.push({ t: 'link', text: label, href });
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
}

const ITEM = /^(\s*)([-*]|\d+[.)])\s+(.*)$/;
const FENCE = /^\s*```\s*([\w+-]*)\s*$/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

function cells(line: string): Inline[][] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => inlines(c.trim()));
}

function codeBlock(language: string, code: string): Block {
  const python = ['', 'python', 'py', 'python3', 'pycon'].includes(language.toLowerCase());
  return python
    ? { t: 'code', language: 'python', tokens: pythonTokens(code) }
    : { t: 'code', language: 'text', tokens: [{ text: code }] };
}

/** Reads a list starting at `start`; returns the block and the index after it. */
function list(lines: string[], start: number): [Block, number] {
  const isOrdered = (line: string) => /\d/.test(ITEM.exec(line)?.[2] ?? '');
  const ordered = isOrdered(lines[start]);
  const sameKind = (line: string | undefined) => line !== undefined && ITEM.test(line) && isOrdered(line) === ordered;
  const items: string[] = [];
  let i = start;
  while (i < lines.length) {
    const m = ITEM.exec(lines[i]);
    if (m && isOrdered(lines[i]) !== ordered) break;
    if (m) items.push(m[3]);
    else if (lines[i].trim() && /^\s/.test(lines[i])) items[items.length - 1] += ` ${lines[i].trim()}`;
    else if (!lines[i].trim() && sameKind(lines[i + 1])) {
      i++;
      continue;
    } else break;
    i++;
  }
  return [{ t: 'list', ordered, items: items.map((text) => [{ t: 'p', children: inlines(text) }]) }, i];
}

/** Block Markdown as rich text. */
export function markdown(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const end = lines.findIndex((l, j) => j > i && /^\s*```\s*$/.test(l));
      const stop = end < 0 ? lines.length : end;
      blocks.push(codeBlock(fence[1], lines.slice(i + 1, stop).join('\n')));
      i = stop + 1;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ t: 'heading', level: heading[1].length <= 3 ? 3 : 4, children: inlines(heading[2]) });
      i++;
      continue;
    }
    if (line.includes('|') && TABLE_RULE.test(lines[i + 1] ?? '')) {
      const rows: Inline[][][] = [];
      let j = i + 2;
      while (j < lines.length && lines[j].includes('|') && lines[j].trim()) rows.push(cells(lines[j++]));
      blocks.push({ t: 'table', head: cells(line), rows });
      i = j;
      continue;
    }
    if (ITEM.test(line)) {
      const [block, next] = list(lines, i);
      blocks.push(block);
      i = next;
      continue;
    }
    const para: string[] = [];
    while (
      i < lines.length &&
      lines[i].trim() &&
      !FENCE.test(lines[i]) &&
      !ITEM.test(lines[i]) &&
      !HEADING.test(lines[i])
    )
      para.push(lines[i++].trim());
    blocks.push({ t: 'p', children: inlines(para.join(' ')) });
  }
  return blocks;
}
