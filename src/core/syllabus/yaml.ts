// Parsing a syllabus or question file: the YAML document with its line counter, or its syntax problems.
import { Document, LineCounter, parseDocument } from 'yaml';
import { SyllabusProblem } from './model';

/** A parsed file, or the syntax problems that stopped it. */
export type ParsedYaml = { doc: Document; lines: LineCounter; problems?: undefined } | { problems: SyllabusProblem[] };

/** Parses `text` (named `file` in messages); duplicate keys are problems too. */
export function parseYaml(file: string, text: string): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  if (!doc.errors.length) return { doc, lines };
  return {
    problems: doc.errors.map((e) => ({
      file,
      line: e.linePos?.[0].line ?? 1,
      message: `YAML syntax: ${e.message.split('\n')[0]}`,
    })),
  };
}

/** Entries whose id was used before, with the first entry that used it: one rule for every list of ids. */
export function duplicateIds<T>(entries: { id: string; where: T }[]): { id: string; where: T; first: T }[] {
  const seen = new Map<string, T>();
  const out: { id: string; where: T; first: T }[] = [];
  for (const { id, where } of entries) {
    if (!id) continue;
    const first = seen.get(id);
    if (first !== undefined) out.push({ id, where, first });
    else seen.set(id, where);
  }
  return out;
}
