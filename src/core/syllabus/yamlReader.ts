// Field readers for the question banks, after the schema has checked their shape: each problem is `file:line`.
import { isMap, isScalar, isSeq, LineCounter, Node, YAMLMap } from 'yaml';
import { SyllabusProblem } from './model';
import { duplicateIds } from './yaml';

import { ID } from './model';

export { ID };

/** Reads fields of one YAML file, collecting `file:line` problems. */
export class Reader {
  readonly problems: SyllabusProblem[] = [];
  constructor(
    private readonly file: string,
    private readonly lines: LineCounter,
  ) {}

  lineOf(node: Node | null | undefined): number {
    const offset = node?.range?.[0] ?? 0;
    return this.lines.linePos(offset).line;
  }

  problem(node: Node | null | undefined, message: string): void {
    this.problems.push({ file: this.file, line: this.lineOf(node), message });
  }

  value(map: YAMLMap, key: string): Node | undefined {
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
    return pair ? ((pair.value ?? undefined) as Node | undefined) : undefined;
  }

  has(map: YAMLMap, key: string): boolean {
    return map.items.some((p) => isScalar(p.key) && p.key.value === key);
  }

  str(map: YAMLMap, key: string, what: string, optional = false): string {
    const node = this.value(map, key);
    if (node === undefined || (isScalar(node) && node.value === null)) {
      if (!optional) this.problem(map, `missing field \`${key}\` in ${what}`);
      return '';
    }
    if (!isScalar(node) || typeof node.value !== 'string') {
      this.problem(node, `\`${key}\` in ${what} must be text`);
      return '';
    }
    if (!optional && node.value.trim() === '') this.problem(node, `\`${key}\` in ${what} is empty`);
    return node.value;
  }

  id(map: YAMLMap, what: string): string {
    const id = this.str(map, 'id', what);
    if (id && !ID.test(id)) {
      this.problem(
        this.value(map, 'id'),
        `id \`${id}\` in ${what} must be lower-case letters, digits and single hyphens (e.g. \`for-loops\`)`,
      );
    }
    return id;
  }

  strList(map: YAMLMap, key: string, what: string, minItems: number): string[] {
    const node = this.value(map, key);
    if (node === undefined) {
      if (minItems > 0) this.problem(map, `missing field \`${key}\` in ${what}`);
      return [];
    }
    if (!isSeq(node)) {
      this.problem(node, `\`${key}\` in ${what} must be a list`);
      return [];
    }
    const out: string[] = [];
    for (const item of node.items as Node[]) {
      if (!isScalar(item) || typeof item.value !== 'string' || item.value.trim() === '') {
        this.problem(
          item,
          `every entry of \`${key}\` in ${what} must be non-empty text${isScalar(item) && typeof item.value === 'number' ? ' (quote numbers, e.g. "1.1")' : ''}`,
        );
      } else {
        out.push(item.value);
      }
    }
    if (out.length < minItems && out.length === node.items.length) {
      this.problem(node, `\`${key}\` in ${what} needs at least ${minItems} ${minItems === 1 ? 'entry' : 'entries'}`);
    }
    return out;
  }

  /** The list under `key` as maps; non-map entries are reported. */
  maps(map: YAMLMap, key: string, what: string): YAMLMap[] {
    const node = this.value(map, key);
    if (node === undefined) {
      this.problem(map, `missing field \`${key}\` in ${what}`);
      return [];
    }
    if (!isSeq(node) || node.items.length === 0) {
      this.problem(node, `\`${key}\` in ${what} must be a non-empty list`);
      return [];
    }
    const out: YAMLMap[] = [];
    for (const item of node.items as Node[]) {
      if (isMap(item)) out.push(item);
      else this.problem(item, `each entry of \`${key}\` in ${what} must be a mapping with fields`);
    }
    return out;
  }

  unique<T extends { id: string }>(items: T[], nodes: YAMLMap[], what: string): void {
    const entries = items.map((item, i) => ({ id: item.id, where: this.value(nodes[i], 'id') }));
    for (const d of duplicateIds(entries))
      this.problem(d.where, `duplicate ${what} id \`${d.id}\` (first used on line ${this.lineOf(d.first)})`);
  }
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}
