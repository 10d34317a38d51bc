// Parses and validates syllabus YAML. The shape of a file is checked by the JSON Schema in
// syllabus/schema/syllabus.schema.json (the one the YAML extension uses in the editor); what a schema
// cannot say (ids unique, codes that exist, weights adding up, placeholders with params) is checked
// here. Every problem is `file:line: what is wrong`; a file with any problem contributes nothing, so the
// tree is never silently half-built.
import { Document, isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import {
  Certification, Check, Credential, Domain, ExamCertification, Exercise, Syllabus, SyllabusProblem, Topic,
} from './model';
import { DataPath, Locator, schemaProblems, sharedValidator, SYLLABUS_SCHEMA } from './schema';
import { placeholders } from './variants';
import { ID } from './yamlReader';

/** A syllabus file's name (as shown in messages) and text. */
export interface SyllabusSource {
  file: string;
  text: string;
}

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

// The raw shapes after the schema has accepted a file (optional fields as written).
type RawCheck = Check;
type RawExercise = Omit<Exercise, 'kind'> & { kind?: Exercise['kind'] };
type RawTopic = Omit<Topic, 'objectives' | 'covers' | 'exercises'> & { objectives?: string[]; covers?: string[]; exercises: RawExercise[] };
type RawDomain = Omit<Domain, 'topics'> & { topics: RawTopic[] };
type RawCert = Omit<ExamCertification, 'kind' | 'file' | 'examCode' | 'exam' | 'outline' | 'domains'> & {
  kind?: 'exam';
  examCode?: string;
  exam: Partial<ExamCertification['exam']> & Pick<ExamCertification['exam'], 'items' | 'minutes' | 'passMark'>;
  outline?: ExamCertification['outline'];
  domains: RawDomain[];
};
type RawCredential = Omit<Credential, 'file'>;
type RawExtension = { extends: string; domains: { id: string; topics: RawTopic[] }[] };

/** Names a snippet defines at top level (def, class, or assignment). */
function topLevelNames(code: string): Set<string> {
  const names = new Set<string>();
  for (const line of code.split('\n')) {
    const m = /^(?:async\s+def|def|class)\s+([A-Za-z_]\w*)/.exec(line) ?? /^([A-Za-z_]\w*)\s*(?::[^=]*)?=(?!=)/.exec(line);
    if (m) names.add(m[1]);
  }
  return names;
}

const named = (what: string, id: unknown) => (typeof id === 'string' && ID.test(id) ? `${what} \`${id}\`` : what);

/** Labels for messages: "exercise `add-two`", "check of exercise `add-two`", ... */
function labeler(data: unknown): (path: DataPath) => string {
  return (path) => {
    const root = data as Record<string, unknown>;
    let label = 'extends' in root ? `pack for \`${String(root.extends)}\`` : root.kind === 'credential' ? 'credential' : 'certification';
    let here: unknown = data;
    for (let i = 0; i < path.length; i++) {
      const key = path[i];
      const next = (here as Record<string | number, unknown> | undefined)?.[key];
      const item = next as Record<string, unknown> | undefined;
      const container = path[i - 1];
      if (typeof key === 'number') {
        if (container === 'domains') label = named('domain', item?.id);
        else if (container === 'topics') label = named('topic', item?.id);
        else if (container === 'exercises') label = named('exercise', item?.id) === 'exercise' ? `exercise of ${label}` : named('exercise', item?.id);
        else if (container === 'checks') label = named('check', item?.id) === 'check' ? `check of ${label}` : `${named('check', item?.id)} of ${label}`;
        else if (container === 'files') label = `a file of ${label}`;
        else if (container === 'outline') label = 'outline entry';
      } else if (key === 'exam' && i === 0) {
        label = 'exam';
      } else if (container === 'params' && i >= 2) {
        label = `param \`${key}\` of ${label}`;
      }
      here = next;
    }
    return label;
  };
}

/** Collects the problems of one file that the schema cannot express. */
class Checker {
  readonly problems: SyllabusProblem[] = [];
  constructor(private readonly file: string, readonly at: Locator) {}

  problem(path: DataPath, message: string): void {
    this.problems.push({ file: this.file, line: this.at.line(path), message });
  }

  unique(ids: string[], path: DataPath, what: string): void {
    const seen = new Map<string, number>();
    ids.forEach((id, i) => {
      const idPath = [...path, i, 'id'];
      const first = seen.get(id);
      if (first !== undefined) this.problem(idPath, `duplicate ${what} id \`${id}\` (first used on line ${first})`);
      else seen.set(id, this.at.line(idPath));
    });
  }
}

/** Pairs of (items, path) for uniqueness across several lists, e.g. topics of every domain. */
function uniqueAcross(c: Checker, lists: { ids: string[]; path: DataPath }[], what: string): void {
  const seen = new Map<string, number>();
  for (const { ids, path } of lists) {
    ids.forEach((id, i) => {
      const idPath = [...path, i, 'id'];
      const first = seen.get(id);
      if (first !== undefined) c.problem(idPath, `duplicate ${what} id \`${id}\` (first used on line ${first})`);
      else seen.set(id, c.at.line(idPath));
    });
  }
}

function readExercise(c: Checker, raw: RawExercise, path: DataPath): Exercise {
  const label = `exercise \`${raw.id}\``;
  const names = topLevelNames(raw.solution);
  c.unique(raw.checks.map((k) => k.id), [...path, 'checks'], 'check');
  raw.checks.forEach((check: RawCheck, i) => {
    if (check.target && !names.has(check.target)) {
      c.problem([...path, 'checks', i, 'target'], `check \`${check.id}\` of ${label} targets \`${check.target}\`, which the reference solution does not define`);
    }
  });
  for (const [name, spec] of Object.entries(raw.params ?? {})) {
    const where = [...path, 'params', name];
    if ('int' in spec && spec.int[0] > spec.int[1]) c.problem(where, `param \`${name}\` of ${label}: \`int\` needs [low, high] with low <= high`);
    if ('float' in spec && spec.float[0] > spec.float[1]) c.problem(where, `param \`${name}\` of ${label}: \`float\` needs [low, high] with low <= high`);
    if ('sample' in spec && spec.k > spec.sample.length) c.problem(where, `param \`${name}\` of ${label}: \`sample\` needs \`k\` between 1 and ${spec.sample.length}`);
  }
  const seen = new Set<string>([`${raw.id}.py`]);
  (raw.files ?? []).forEach((file, i) => {
    if (seen.has(file.path)) c.problem([...path, 'files', i, 'path'], `file path \`${file.path}\` of ${label} is used twice (the main file is ${raw.id}.py)`);
    seen.add(file.path);
  });
  const exercise: Exercise = {
    id: raw.id, title: raw.title, difficulty: raw.difficulty, kind: raw.kind ?? 'function', prompt: raw.prompt,
    starter: raw.starter, solution: raw.solution,
    checks: raw.checks.map((k) => ({ id: k.id, title: k.title, code: k.code, message: k.message, ...(k.target ? { target: k.target } : {}) })),
    hints: raw.hints,
  };
  if (raw.params) exercise.params = raw.params;
  if (raw.minPython) exercise.minPython = raw.minPython;
  if (raw.files) exercise.files = raw.files.map((f) => ({ path: f.path, starter: f.starter, solution: f.solution }));
  if (raw.requires?.length) exercise.requires = raw.requires;
  // Every {{name}} must be a param: a typo would otherwise reach the learner as literal braces.
  const texts = [exercise.prompt, exercise.starter, exercise.solution, ...exercise.hints, ...exercise.checks.flatMap((k) => [k.title, k.code, k.message]), ...(exercise.files ?? []).flatMap((f) => [f.starter, f.solution])];
  for (const name of new Set(texts.flatMap(placeholders))) {
    if (!raw.params || !(name in raw.params)) c.problem(path, `${label} uses {{${name}}}, but has no param \`${name}\``);
  }
  return exercise;
}

/** The objective codes and outline ids a topic may name (an extension's are checked when merged). */
interface TopicScope {
  objectives: Record<string, string>;
  outline: Set<string>;
}

function readTopic(c: Checker, raw: RawTopic, path: DataPath, scope?: TopicScope): Topic {
  const label = `topic \`${raw.id}\``;
  const codes = raw.objectives ?? [];
  const covers = raw.covers ?? [];
  for (const code of scope ? codes : []) {
    if (!(code in scope!.objectives)) c.problem([...path, 'objectives'], `${label} names objective ${code}, which is not in this file's \`objectives\``);
  }
  for (const entry of scope ? covers : []) {
    if (!scope!.outline.has(entry)) c.problem([...path, 'covers'], `${label} covers \`${entry}\`, which is not an id in this file's \`outline\``);
  }
  // Seed-only topics (no official code) may leave objectives empty if they cover outline entries.
  if (codes.length === 0 && covers.length === 0) c.problem(path, `${label} needs at least one objective code in \`objectives\` or one outline entry in \`covers\``);
  c.unique(raw.exercises.map((e) => e.id), [...path, 'exercises'], 'exercise');
  const exercises = raw.exercises.map((e, i) => readExercise(c, e, [...path, 'exercises', i]));
  return { id: raw.id, title: raw.title, summary: raw.summary, objectives: codes, covers, exercises };
}

function readCertification(c: Checker, raw: RawCert, file: string): ExamCertification {
  const outline = raw.outline ?? [];
  c.unique(outline.map((o) => o.id), ['outline'], 'outline');
  const outlineIds = new Set(outline.map((o) => o.id));
  c.unique(raw.domains.map((d) => d.id), ['domains'], 'domain');
  // Topic ids are unique across the whole certification: progress keys leave the domain out.
  uniqueAcross(c, raw.domains.map((d, i) => ({ ids: d.topics.map((t) => t.id), path: ['domains', i, 'topics'] })), 'topic');
  const domains = raw.domains.map((d, i) => ({
    id: d.id, title: d.title, weight: d.weight,
    topics: d.topics.map((t, j) => readTopic(c, t, ['domains', i, 'topics', j], { objectives: raw.objectives, outline: outlineIds })),
  }));
  const total = domains.reduce((sum, d) => sum + d.weight, 0);
  if (Math.abs(total - 100) > 0.01) c.problem(['domains'], `domain weights add up to ${total}%, not 100%`);
  return {
    kind: 'exam', id: raw.id, title: raw.title, shortTitle: raw.shortTitle, examCode: raw.examCode ?? raw.shortTitle, order: raw.order, summary: raw.summary,
    exam: { items: raw.exam.items, minutes: raw.exam.minutes, passMark: raw.exam.passMark, feeUsd: raw.exam.feeUsd ?? 0, prerequisites: raw.exam.prerequisites ?? [], delivery: raw.exam.delivery ?? '' },
    objectives: raw.objectives, outline, domains, file,
  };
}

/** Objective codes must be written as text: YAML reads 1.10 as the number 1.1, which JSON would hide. */
function unquotedCodes(doc: Document, at: Locator, file: string): SyllabusProblem[] {
  const map = isMap(doc.contents) ? doc.contents.get('objectives', true) : undefined;
  if (!isMap(map)) return [];
  return map.items
    .filter((pair) => !isScalar(pair.key) || typeof pair.key.value !== 'string')
    .map((pair) => ({ file, line: at.lineOfNode(pair.key as never), message: `objective codes must be quoted text (write "${isScalar(pair.key) ? String(pair.key.value) : '1.1'}"), so 1.10 stays 1.10` }));
}

/** Parses one syllabus file; returns its certification (or extension) only if the file has no problems. */
export function parseSyllabusFile(source: SyllabusSource): ParsedFile {
  const lines = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter: lines, uniqueKeys: true });
  if (doc.errors.length) {
    return { problems: doc.errors.map((e) => ({ file: source.file, line: e.linePos?.[0].line ?? 1, message: `YAML syntax: ${e.message.split('\n')[0]}` })) };
  }
  const at = new Locator(doc, lines);
  const data: unknown = doc.toJS();
  const root = 'a syllabus file';
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { problems: [{ file: source.file, line: at.line([]), message: `${root} must be a mapping with \`id\`, \`title\`, ... (or \`extends\`) at the top level` }] };
  }
  const shape = [...unquotedCodes(doc, at, source.file), ...schemaProblems(sharedValidator().errors(SYLLABUS_SCHEMA, data), data, at, source.file, labeler(data), root)];
  if (shape.length) return { problems: shape.sort((a, b) => a.line - b.line) };
  const c = new Checker(source.file, at);
  if ('extends' in data) {
    const raw = data as RawExtension;
    c.unique(raw.domains.map((d) => d.id), ['domains'], 'domain');
    uniqueAcross(c, raw.domains.map((d, i) => ({ ids: d.topics.map((t) => t.id), path: ['domains', i, 'topics'] })), 'topic');
    // Codes and outline ids are checked against the target certification when the packs are merged.
    const domains = raw.domains.map((d, i) => ({ id: d.id, topics: d.topics.map((t, j) => readTopic(c, t, ['domains', i, 'topics', j])) }));
    return c.problems.length ? { problems: c.problems } : { extension: { extends: raw.extends, domains, file: source.file }, problems: [], at };
  }
  if ((data as { kind?: string }).kind === 'credential') {
    const raw = data as RawCredential;
    const credential: Credential = { kind: 'credential', id: raw.id, title: raw.title, shortTitle: raw.shortTitle, order: raw.order, summary: raw.summary, requires: raw.requires, file: source.file };
    return { certification: credential, problems: [], refsLine: at.line(['requires']) };
  }
  const certification = readCertification(c, data as RawCert, source.file);
  const refsLine = at.line((data as RawCert).exam.prerequisites ? ['exam', 'prerequisites'] : ['exam']);
  return c.problems.length ? { problems: c.problems, refsLine } : { certification, problems: [], refsLine };
}

/** Checks an extension against its target certification; returns the extended copy, or problems. */
function applyExtension(target: Certification | undefined, parsed: ParsedFile, known: string[]): { cert?: ExamCertification; problems: SyllabusProblem[] } {
  const ext = parsed.extension!;
  const c = new Checker(ext.file, parsed.at!);
  if (!target || target.kind !== 'exam') {
    c.problem(['extends'], target
      ? `\`extends: ${ext.extends}\`: ${target.shortTitle} is a credential without topics; extend one of its certifications instead`
      : `\`extends: ${ext.extends}\`: no loaded certification has that id (loaded: ${known.join(', ') || 'none'})`);
    return { problems: c.problems };
  }
  const taken = new Map(target.domains.flatMap((d) => d.topics.map((t) => [t.id, d.id] as const)));
  const outline = new Set(target.outline.map((o) => o.id));
  const domains = target.domains.map((d) => ({ ...d, topics: [...d.topics] }));
  ext.domains.forEach((d, i) => {
    const domain = domains.find((x) => x.id === d.id);
    if (!domain) {
      c.problem(['domains', i, 'id'], `\`${d.id}\` is not a domain of ${target.shortTitle} (its domains: ${target.domains.map((x) => x.id).join(', ')})`);
      return;
    }
    d.topics.forEach((topic, j) => {
      const path = ['domains', i, 'topics', j];
      const owner = taken.get(topic.id);
      if (owner) c.problem([...path, 'id'], `topic id \`${topic.id}\` is already used in ${target.shortTitle} (domain \`${owner}\`); pick another id`);
      for (const code of topic.objectives) {
        if (!(code in target.objectives)) c.problem([...path, 'objectives'], `topic \`${topic.id}\` names objective ${code}, which ${target.shortTitle} does not have (its codes: ${Object.keys(target.objectives).join(', ')})`);
      }
      for (const entry of topic.covers) {
        if (!outline.has(entry)) c.problem([...path, 'covers'], `topic \`${topic.id}\` covers \`${entry}\`, which is not an id in ${target.shortTitle}'s \`outline\``);
      }
      taken.set(topic.id, d.id);
      domain.topics.push({ ...topic, origin: ext.file });
    });
  });
  return c.problems.length ? { problems: c.problems } : { cert: { ...target, domains }, problems: [] };
}

/**
 * Loads syllabus files on top of `base` (certifications already loaded and validated, e.g. the
 * build's compiled copy), then checks what spans files: duplicate ids, unknown prerequisites and
 * extensions' targets. A broken file leaves everything else as it was.
 */
export function loadSyllabus(sources: SyllabusSource[], base: Certification[] = []): Syllabus {
  const problems: SyllabusProblem[] = [];
  let certs: { cert: Certification; refsLine: number }[] = base.map((cert) => ({ cert, refsLine: 0 }));
  const extensions: ParsedFile[] = [];
  for (const source of sources) {
    const result = parseSyllabusFile(source);
    problems.push(...result.problems);
    if (result.extension) extensions.push(result);
    if (!result.certification) continue;
    const twin = certs.find((c) => c.cert.id === result.certification!.id);
    if (twin) {
      const fix = twin.refsLine === 0 ? `; to add topics to it, write \`extends: ${twin.cert.id}\` instead` : '';
      problems.push({ file: source.file, line: 1, message: `duplicate certification id \`${twin.cert.id}\` (also in ${twin.cert.file})${fix}` });
      continue;
    }
    certs.push({ cert: result.certification, refsLine: result.refsLine ?? 1 });
  }
  // Dropping one certification can orphan another that requires it, so repeat until nothing changes.
  for (let changed = true; changed; ) {
    const known = new Set(certs.map((c) => c.cert.id));
    const kept = certs.filter(({ cert, refsLine }) => {
      const refs = cert.kind === 'exam' ? cert.exam.prerequisites : cert.requires;
      const unknown = refs.filter((id) => !known.has(id));
      const field = cert.kind === 'exam' ? 'exam.prerequisites' : 'requires';
      for (const id of unknown) {
        problems.push({ file: cert.file, line: refsLine, message: `unknown prerequisite \`${id}\` in ${field} of \`${cert.id}\`: no loaded certification has that id` });
      }
      return unknown.length === 0;
    });
    changed = kept.length !== certs.length;
    certs = kept;
  }
  for (const parsed of extensions) {
    const index = certs.findIndex((c) => c.cert.id === parsed.extension!.extends);
    const applied = applyExtension(certs[index]?.cert, parsed, certs.map((c) => c.cert.id));
    problems.push(...applied.problems);
    if (applied.cert) certs[index] = { ...certs[index], cert: applied.cert };
  }
  const certifications = certs.map((c) => c.cert).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return { certifications, problems };
}

/** `file:line: message`, the form every syllabus problem is shown in. */
export function formatProblem(problem: SyllabusProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}
