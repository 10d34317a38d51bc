// Parses and validates syllabus YAML. The shape of a file is checked by the JSON Schema in
// syllabus/schema/syllabus.schema.json (the one the YAML extension uses in the editor); what a schema
// cannot say (ids unique, codes that exist, weights adding up, placeholders with params) is checked
// here. Every problem is `file:line: what is wrong`; a file with any problem contributes nothing, so the
// tree is never silently half-built.
import { Document, isMap, isScalar } from 'yaml';
import { parseYaml } from './yaml';
import {
  Certification,
  Credential,
  ExamCertification,
  Syllabus,
  SyllabusProblem,
  SyllabusSource,
  Topic,
} from './model';
import { Checker, isTopicData, labeler, uniqueAcross } from './checker';
import { RawCert, RawCredential, RawExtension, readCertification, TopicFile, RawTopic } from './readers';
import { entryId, TopicEntries } from './topicEntries';
import { Locator, schemaProblems, sharedValidator, SYLLABUS_SCHEMA } from './schema';

export { topicFolder } from './readers';
export { formatProblem } from './model';
export type { SyllabusSource } from './model';

/** A pack file's topics for domains of a certification loaded from elsewhere (`extends`). */
export interface SyllabusExtension {
  extends: string;
  domains: { id: string; topics: Topic[] }[];
  file: string;
}

/** What one file yields: a certification, or an extension of one, and its problems. */
export interface ParsedFile {
  certification?: Certification;
  extension?: SyllabusExtension;
  problems: SyllabusProblem[];
  /** Line of the certification's prerequisites, for problems found across files. */
  refsLine?: number;
  /** Line lookup for checks that need other files (an extension's target). */
  at?: Locator;
}

/** Objective codes must be written as text: YAML reads 1.10 as the number 1.1, which JSON would hide. */
function unquotedCodes(doc: Document, at: Locator, file: string): SyllabusProblem[] {
  const map = isMap(doc.contents) ? doc.contents.get('objectives', true) : undefined;
  if (!isMap(map)) return [];
  return map.items
    .filter((pair) => !isScalar(pair.key) || typeof pair.key.value !== 'string')
    .map((pair) => ({
      file,
      line: at.lineOfNode(pair.key as never),
      message: `objective codes must be quoted text (write "${isScalar(pair.key) ? String(pair.key.value) : '1.1'}"), so 1.10 stays 1.10`,
    }));
}

/** A file parsed and shape-checked, not yet read into the syllabus. */
type Checked =
  | { kind: 'topic'; topic: TopicFile }
  | { kind: 'other'; data: object; at: Locator; source: SyllabusSource }
  | { kind: 'broken'; problems: SyllabusProblem[] };

/** Parses one file and checks it against the schema. */
function checkShape(source: SyllabusSource): Checked {
  const parsed = parseYaml(source.file, source.text);
  if (parsed.problems) return { kind: 'broken', problems: parsed.problems };
  const { doc, lines } = parsed;
  const at = new Locator(doc, lines);
  const data: unknown = doc.toJS();
  const root = 'a syllabus file';
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      kind: 'broken',
      problems: [
        {
          file: source.file,
          line: at.line([]),
          message: `${root} must be a mapping with \`id\`, \`title\`, ... (or \`extends\`) at the top level`,
        },
      ],
    };
  }
  const shape = [
    ...unquotedCodes(doc, at, source.file),
    ...schemaProblems(sharedValidator().errors(SYLLABUS_SCHEMA, data), data, at, source.file, labeler(data), root),
  ];
  if (shape.length) return { kind: 'broken', problems: shape.sort((a, b) => a.line - b.line) };
  if (isTopicData(data)) return { kind: 'topic', topic: { file: source.file, raw: data as RawTopic, at } };
  return { kind: 'other', data, at, source };
}

/** Reads a certification, credential or pack file whose shape is checked; topic entries resolve through `entries`. */
function readFile(checked: Extract<Checked, { kind: 'other' }>, entries: TopicEntries): ParsedFile {
  const { data, at, source } = checked;
  const c = new Checker(source.file, at);
  if ('extends' in data) {
    const raw = data as RawExtension;
    c.unique(
      raw.domains.map((d) => d.id),
      ['domains'],
      'domain',
    );
    uniqueAcross(
      c,
      raw.domains.map((d, i) => ({ ids: d.topics.map(entryId), path: ['domains', i, 'topics'] })),
      'topic',
    );
    // Codes and outline ids are checked against the target certification when the packs are merged.
    const before = entries.failures;
    const domains = raw.domains.map((d, i) => ({
      id: d.id,
      topics: d.topics
        .map((t, j) => entries.read(c, source.file, t, ['domains', i, 'topics', j]))
        .filter((t): t is Topic => t !== undefined),
    }));
    return c.problems.length || entries.failures > before
      ? { problems: c.problems }
      : { extension: { extends: raw.extends, domains, file: source.file }, problems: [], at };
  }
  if ((data as { kind?: string }).kind === 'credential') {
    const raw = data as RawCredential;
    const credential: Credential = {
      kind: 'credential',
      id: raw.id,
      title: raw.title,
      shortTitle: raw.shortTitle,
      order: raw.order,
      summary: raw.summary,
      requires: raw.requires,
      file: source.file,
    };
    return { certification: credential, problems: [], refsLine: at.line(['requires']) };
  }
  const before = entries.failures;
  const certification = readCertification(c, data as RawCert, source.file, entries);
  const refsLine = at.line((data as RawCert).exam.prerequisites ? ['exam', 'prerequisites'] : ['exam']);
  // A broken topic file leaves its certification out too: a half-built certification would lose progress.
  const broken = entries.failures > before;
  return c.problems.length || broken ? { problems: c.problems, refsLine } : { certification, problems: [], refsLine };
}

/** Checks an extension against its target certification; returns the extended copy, or problems. */
function applyExtension(
  target: Certification | undefined,
  parsed: ParsedFile,
  known: string[],
): { cert?: ExamCertification; problems: SyllabusProblem[] } {
  const ext = parsed.extension!;
  const c = new Checker(ext.file, parsed.at!);
  if (!target || target.kind !== 'exam') {
    c.problem(
      ['extends'],
      target
        ? `\`extends: ${ext.extends}\`: ${target.shortTitle} is a credential without topics; extend one of its certifications instead`
        : `\`extends: ${ext.extends}\`: no loaded certification has that id (loaded: ${known.join(', ') || 'none'})`,
    );
    return { problems: c.problems };
  }
  const taken = new Map(target.domains.flatMap((d) => d.topics.map((t) => [t.id, d.id] as const)));
  const outline = new Set(target.outline.map((o) => o.id));
  const domains = target.domains.map((d) => ({ ...d, topics: [...d.topics] }));
  ext.domains.forEach((d, i) => {
    const domain = domains.find((x) => x.id === d.id);
    if (!domain) {
      c.problem(
        ['domains', i, 'id'],
        `\`${d.id}\` is not a domain of ${target.shortTitle} (its domains: ${target.domains.map((x) => x.id).join(', ')})`,
      );
      return;
    }
    d.topics.forEach((topic, j) => {
      const path = ['domains', i, 'topics', j];
      const owner = taken.get(topic.id);
      if (owner)
        c.problem(
          [...path, 'id'],
          `topic id \`${topic.id}\` is already used in ${target.shortTitle} (domain \`${owner}\`); pick another id`,
        );
      for (const code of topic.objectives) {
        if (!(code in target.objectives))
          c.problem(
            [...path, 'objectives'],
            `topic \`${topic.id}\` names objective ${code}, which ${target.shortTitle} does not have (its codes: ${Object.keys(target.objectives).join(', ')})`,
          );
      }
      for (const entry of topic.covers) {
        if (!outline.has(entry))
          c.problem(
            [...path, 'covers'],
            `topic \`${topic.id}\` covers \`${entry}\`, which is not an id in ${target.shortTitle}'s \`outline\``,
          );
      }
      taken.set(topic.id, d.id);
      domain.topics.push({ ...topic, origin: ext.file });
    });
  });
  return c.problems.length ? { problems: c.problems } : { cert: { ...target, domains }, problems: [] };
}

/** Parses and reads each file on its own (topic files only through the file that lists them). */
function parseAll(sources: SyllabusSource[]): {
  parsed: (ParsedFile & { file: string })[];
  problems: SyllabusProblem[];
} {
  const checked = sources.map(checkShape);
  const topicFiles = new Map<string, TopicFile>();
  // Keys use `/` whatever the platform, as topicFolder() does.
  const key = (file: string) => file.replace(/\\/g, '/');
  for (const c of checked) if (c.kind === 'topic') topicFiles.set(key(c.topic.file), c.topic);
  const entries = new TopicEntries(
    topicFiles,
    new Set(sources.filter((_, i) => checked[i].kind === 'broken').map((s) => key(s.file))),
  );
  const problems: SyllabusProblem[] = [];
  const parsed: (ParsedFile & { file: string })[] = [];
  checked.forEach((c, i) => {
    if (c.kind === 'broken') problems.push(...c.problems);
    else if (c.kind === 'other') parsed.push({ ...readFile(c, entries), file: sources[i].file });
  });
  problems.push(...entries.problems, ...entries.unused().filter((p) => !problems.some((q) => q.file === p.file)));
  return { parsed, problems };
}

/**
 * Loads syllabus files on top of `base` (certifications already loaded and validated, e.g. the
 * build's compiled copy), then checks what spans files: duplicate ids, unknown prerequisites and
 * extensions' targets. A broken file leaves everything else as it was.
 */
export function loadSyllabus(sources: SyllabusSource[], base: Certification[] = []): Syllabus {
  const { parsed, problems } = parseAll(sources);
  let certs: { cert: Certification; refsLine: number }[] = base.map((cert) => ({ cert, refsLine: 0 }));
  const extensions: ParsedFile[] = [];
  for (const result of parsed) {
    problems.push(...result.problems);
    if (result.extension) extensions.push(result);
    if (!result.certification) continue;
    const twin = certs.find((c) => c.cert.id === result.certification!.id);
    if (twin) {
      const fix = twin.refsLine === 0 ? `; to add topics to it, write \`extends: ${twin.cert.id}\` instead` : '';
      problems.push({
        file: result.file,
        line: 1,
        message: `duplicate certification id \`${twin.cert.id}\` (also in ${twin.cert.file})${fix}`,
      });
      continue;
    }
    certs.push({ cert: result.certification, refsLine: result.refsLine ?? 1 });
  }
  // Dropping one certification can orphan another that requires it, so repeat until nothing changes.
  for (let changed = true; changed;) {
    const known = new Set(certs.map((c) => c.cert.id));
    const kept = certs.filter(({ cert, refsLine }) => {
      const refs = cert.kind === 'exam' ? cert.exam.prerequisites : cert.requires;
      const unknown = refs.filter((id) => !known.has(id));
      const field = cert.kind === 'exam' ? 'exam.prerequisites' : 'requires';
      for (const id of unknown) {
        problems.push({
          file: cert.file,
          line: refsLine,
          message: `unknown prerequisite \`${id}\` in ${field} of \`${cert.id}\`: no loaded certification has that id`,
        });
      }
      return unknown.length === 0;
    });
    changed = kept.length !== certs.length;
    certs = kept;
  }
  for (const parsed of extensions) {
    const index = certs.findIndex((c) => c.cert.id === parsed.extension!.extends);
    const applied = applyExtension(
      certs[index]?.cert,
      parsed,
      certs.map((c) => c.cert.id),
    );
    problems.push(...applied.problems);
    if (applied.cert) certs[index] = { ...certs[index], cert: applied.cert };
  }
  const certifications = certs.map((c) => c.cert).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return { certifications, problems };
}
