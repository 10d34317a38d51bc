// Parses and validates syllabus YAML. The shape of a file is checked by the JSON Schema in
// syllabus/schema/syllabus.schema.json (the one the YAML extension uses in the editor); what a schema
// cannot say (ids unique, codes that exist, weights adding up, placeholders with params) is checked
// here. Every problem is `file:line: what is wrong`; a file with any problem contributes nothing, so the
// tree is never silently half-built.
import { Document, isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import {
  Blueprint, Certification, Check, Credential, Domain, ExamCertification, Exercise, Lesson, Syllabus, SyllabusProblem, Topic,
} from './model';
import { DataPath, Locator, schemaProblems, sharedValidator, SYLLABUS_SCHEMA } from './schema';
import { computedProblems, drawParams, placeholders } from './variants';
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
type RawLesson = { sections: (Omit<Lesson['sections'][number], 'examples'> & { examples?: Lesson['sections'][number]['examples'] })[]; traps: string[] };
type RawTopic = Omit<Topic, 'objectives' | 'covers' | 'exercises' | 'lesson'> & { objectives?: string[]; covers?: string[]; exercises: RawExercise[]; lesson?: RawLesson };
/** A domain's topic entry: the topic itself, or the id of a topic file. */
type RawTopicEntry = RawTopic | string;
type RawDomain = Omit<Domain, 'topics'> & { topics: RawTopicEntry[] };
type RawCert = Omit<ExamCertification, 'kind' | 'file' | 'examCode' | 'exam' | 'outline' | 'domains' | 'blueprint'> & {
  kind?: 'exam';
  examCode?: string;
  exam: Partial<ExamCertification['exam']> & Pick<ExamCertification['exam'], 'items' | 'minutes' | 'passMark'>;
  blueprint?: Omit<Blueprint, 'draft'> & { draft?: boolean };
  outline?: ExamCertification['outline'];
  domains: RawDomain[];
};
type RawCredential = Omit<Credential, 'file'>;
type RawExtension = { extends: string; domains: { id: string; topics: RawTopicEntry[] }[] };

/** A topic file after its schema check: read into a topic once its certification is known. */
interface TopicFile {
  file: string;
  raw: RawTopic;
  at: Locator;
  /** Set when a certification (or pack) file lists it. */
  used?: boolean;
}

/** Where the topic files of the certification or pack file `file` live: the folder named after it. */
export function topicFolder(file: string): string {
  return file.replace(/\\/g, '/').replace(/\.ya?ml$/i, '');
}

/** Whether a parsed file is a topic file (the schema tells them apart by `exercises` at the top). */
function isTopicData(data: object): boolean {
  return 'exercises' in data && !('extends' in data) && !('domains' in data);
}

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
    let label = 'extends' in root ? `pack for \`${String(root.extends)}\`` : isTopicData(root) ? named('topic', root.id) : root.kind === 'credential' ? 'credential' : 'certification';
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
        else if (container === 'sections' && path[i - 2] === 'lesson') label = named('lesson section', item?.id);
        else if (container === 'sections') label = 'blueprint section';
        else if (container === 'examples') label = `example of ${label}`;
        else if (container === 'wrong') label = `wrong solution of ${label}`;
      } else if (key === 'exam' && i === 0) {
        label = 'exam';
      } else if (key === 'blueprint' && i === 0) {
        label = 'blueprint';
      } else if (key === 'lesson') {
        label = `the lesson of ${label}`;
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

/** What an exercise may refer to in its topic: the ids of the lesson's sections. */
interface ExerciseScope {
  lessonSections: Set<string> | undefined;
}

function lessonAnchor(c: Checker, anchor: string | undefined, path: DataPath, what: string, scope: ExerciseScope): void {
  if (anchor === undefined) return;
  if (!scope.lessonSections) c.problem(path, `${what} points at lesson section \`${anchor}\`, but the topic has no \`lesson\``);
  else if (!scope.lessonSections.has(anchor)) c.problem(path, `${what} points at lesson section \`${anchor}\`, which the topic's lesson does not have (its sections: ${[...scope.lessonSections].join(', ')})`);
}

function readExercise(c: Checker, raw: RawExercise, path: DataPath, scope: ExerciseScope): Exercise {
  const label = `exercise \`${raw.id}\``;
  const names = topLevelNames(raw.solution);
  c.unique(raw.checks.map((k) => k.id), [...path, 'checks'], 'check');
  raw.checks.forEach((check: RawCheck, i) => {
    if (check.target && !names.has(check.target)) {
      c.problem([...path, 'checks', i, 'target'], `check \`${check.id}\` of ${label} targets \`${check.target}\`, which the reference solution does not define`);
    }
    lessonAnchor(c, check.lesson, [...path, 'checks', i, 'lesson'], `check \`${check.id}\` of ${label}`, scope);
  });
  lessonAnchor(c, raw.lesson, [...path, 'lesson'], label, scope);
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
  (raw.wrong ?? []).forEach((wrong, i) => {
    for (const file of Object.keys(wrong.files ?? {})) {
      if (!(raw.files ?? []).some((f) => f.path === file)) c.problem([...path, 'wrong', i, 'files'], `wrong solution ${i + 1} of ${label} replaces \`${file}\`, which is not one of the exercise's files (${(raw.files ?? []).map((f) => f.path).join(', ') || 'it has none'})`);
    }
  });
  const exercise: Exercise = {
    id: raw.id, title: raw.title, difficulty: raw.difficulty, kind: raw.kind ?? 'function', prompt: raw.prompt,
    starter: raw.starter, solution: raw.solution,
    checks: raw.checks.map((k) => ({ id: k.id, title: k.title, code: k.code, message: k.message, ...(k.target ? { target: k.target } : {}), ...(k.lesson ? { lesson: k.lesson } : {}) })),
    hints: raw.hints,
  };
  if (raw.params) exercise.params = raw.params;
  if (raw.minPython) exercise.minPython = raw.minPython;
  if (raw.files) exercise.files = raw.files.map((f) => ({ path: f.path, starter: f.starter, solution: f.solution }));
  if (raw.requires?.length) exercise.requires = raw.requires;
  if (raw.wrong?.length) exercise.wrong = raw.wrong.map((w) => ({ note: w.note, ...(w.code !== undefined ? { code: w.code } : {}), ...(w.files ? { files: { ...w.files } } : {}) }));
  if (raw.equivalentMutants?.length) exercise.equivalentMutants = raw.equivalentMutants.map((m) => ({ mutant: m.mutant, reason: m.reason }));
  if (raw.lesson) exercise.lesson = raw.lesson;
  // Every {{name}} must be a param: a typo would otherwise reach the learner as literal braces.
  const texts = [
    exercise.prompt, exercise.starter, exercise.solution, ...exercise.hints, ...exercise.checks.flatMap((k) => [k.title, k.code, k.message]),
    ...(exercise.files ?? []).flatMap((f) => [f.starter, f.solution]),
    ...(exercise.wrong ?? []).flatMap((w) => [w.code ?? '', ...Object.values(w.files ?? {})]),
  ];
  for (const name of new Set(texts.flatMap(placeholders))) {
    if (!raw.params || !(name in raw.params)) c.problem(path, `${label} uses {{${name}}}, but has no param \`${name}\``);
  }
  if (raw.params && !c.problems.length) {
    // A computed placeholder must evaluate for a draw (the content test tries twenty).
    const sample = drawParams(raw.params, 1);
    for (const problem of new Set(texts.flatMap((t) => computedProblems(t, sample)))) c.problem(path, `${label}: a {{= …}} placeholder cannot be computed: ${problem}`);
  }
  return exercise;
}

function readLesson(c: Checker, raw: RawLesson, path: DataPath): Lesson {
  c.unique(raw.sections.map((s) => s.id), [...path, 'sections'], 'lesson section');
  return {
    sections: raw.sections.map((s) => ({ id: s.id, title: s.title, text: s.text, examples: (s.examples ?? []).map((e) => ({ ...e })) })),
    traps: [...raw.traps],
  };
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
  const lesson = raw.lesson ? readLesson(c, raw.lesson, [...path, 'lesson']) : undefined;
  const exerciseScope: ExerciseScope = { lessonSections: lesson && new Set(lesson.sections.map((s) => s.id)) };
  c.unique(raw.exercises.map((e) => e.id), [...path, 'exercises'], 'exercise');
  const exercises = raw.exercises.map((e, i) => readExercise(c, e, [...path, 'exercises', i], exerciseScope));
  return { id: raw.id, title: raw.title, summary: raw.summary, objectives: codes, covers, exercises, ...(lesson ? { lesson } : {}) };
}

/** Resolves a domain's topic entries: inline topics as they are, ids from their topic files. */
class TopicEntries {
  readonly problems: SyllabusProblem[] = [];
  /** Entries that could not be read; the file listing them is left out. */
  failures = 0;

  /**
   * @param files the topic files that passed their schema check, by file name
   * @param broken files that did not (their problems are reported on their own)
   */
  constructor(private readonly files: Map<string, TopicFile>, private readonly broken: Set<string>) {}

  /** The topic of one entry, or undefined (with a problem) when its file is missing or broken. */
  read(c: Checker, owner: string, entry: RawTopicEntry, path: DataPath, scope?: TopicScope): Topic | undefined {
    if (typeof entry !== 'string') return readTopic(c, entry, path, scope);
    const folder = topicFolder(owner);
    const found = this.files.get(`${folder}/${entry}.yaml`) ?? this.files.get(`${folder}/${entry}.yml`);
    if (!found && (this.broken.has(`${folder}/${entry}.yaml`) || this.broken.has(`${folder}/${entry}.yml`))) {
      this.failures++;
      return undefined;
    }
    if (!found) {
      this.failures++;
      c.problem(path, `topic \`${entry}\` is listed here, but there is no topic file \`${folder}/${entry}.yaml\`: create it, or write the topic out in place`);
      return undefined;
    }
    found.used = true;
    const own = new Checker(found.file, found.at);
    if (found.raw.id !== entry) own.problem(['id'], `this topic file is listed as \`${entry}\` in ${owner}, but its id is \`${found.raw.id}\`: the file name and the id must agree`);
    const topic = readTopic(own, found.raw, [], scope);
    this.problems.push(...own.problems);
    if (own.problems.length) this.failures++;
    return own.problems.length ? undefined : { ...topic, file: found.file };
  }

  /** Problems for topic files no certification or pack lists. */
  unused(): SyllabusProblem[] {
    return [...this.files.values()].filter((f) => !f.used).map((f) => ({ file: f.file, line: 1, message: `this topic file is not listed in the \`topics\` of any domain of ${f.file.replace(/\/[^/]*$/, '')}.yaml: add \`${f.raw.id}\` there` }));
  }
}

/** The id of a topic entry, for uniqueness checks. */
function entryId(entry: RawTopicEntry): string {
  return typeof entry === 'string' ? entry : entry.id;
}

function readBlueprint(c: Checker, raw: NonNullable<RawCert['blueprint']>, cert: RawCert): Blueprint {
  const sections = raw.sections;
  c.unique(sections.map((s) => s.id), ['blueprint', 'sections'], 'blueprint section');
  const owner = new Map<string, string>();
  sections.forEach((section, i) => {
    for (const code of section.objectives) {
      if (!(code in cert.objectives)) c.problem(['blueprint', 'sections', i, 'objectives'], `blueprint section ${section.id} names objective ${code}, which is not in this file's \`objectives\``);
      const first = owner.get(code);
      if (first !== undefined) c.problem(['blueprint', 'sections', i, 'objectives'], `objective ${code} is in blueprint sections ${first} and ${section.id}; each code belongs to one section`);
      owner.set(code, section.id);
    }
  });
  const items = sections.reduce((sum, s) => sum + s.items, 0);
  if (items !== cert.exam.items) c.problem(['blueprint', 'sections'], `the blueprint's sections have ${items} items in all, but the exam has ${cert.exam.items} (\`exam.items\`)`);
  return { source: raw.source, draft: raw.draft === true, sections: sections.map((s) => ({ id: s.id, title: s.title, items: s.items, weight: s.weight, objectives: [...s.objectives] })) };
}

function readCertification(c: Checker, raw: RawCert, file: string, entries: TopicEntries): ExamCertification {
  const outline = raw.outline ?? [];
  c.unique(outline.map((o) => o.id), ['outline'], 'outline');
  const outlineIds = new Set(outline.map((o) => o.id));
  c.unique(raw.domains.map((d) => d.id), ['domains'], 'domain');
  // Topic ids are unique across the whole certification: progress keys leave the domain out.
  uniqueAcross(c, raw.domains.map((d, i) => ({ ids: d.topics.map(entryId), path: ['domains', i, 'topics'] })), 'topic');
  const scope = { objectives: raw.objectives, outline: outlineIds };
  const domains = raw.domains.map((d, i) => ({
    id: d.id, title: d.title, weight: d.weight,
    topics: d.topics.map((t, j) => entries.read(c, file, t, ['domains', i, 'topics', j], scope)).filter((t): t is Topic => t !== undefined),
  }));
  const total = domains.reduce((sum, d) => sum + d.weight, 0);
  if (Math.abs(total - 100) > 0.01) c.problem(['domains'], `domain weights add up to ${total}%, not 100%`);
  const blueprint = raw.blueprint ? readBlueprint(c, raw.blueprint, raw) : undefined;
  return {
    kind: 'exam', id: raw.id, title: raw.title, shortTitle: raw.shortTitle, examCode: raw.examCode ?? raw.shortTitle, order: raw.order, summary: raw.summary,
    exam: { items: raw.exam.items, minutes: raw.exam.minutes, passMark: raw.exam.passMark, feeUsd: raw.exam.feeUsd ?? 0, prerequisites: raw.exam.prerequisites ?? [], delivery: raw.exam.delivery ?? '' },
    ...(blueprint ? { blueprint } : {}),
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

/** A file parsed and shape-checked, not yet read into the syllabus. */
type Checked =
  | { kind: 'topic'; topic: TopicFile }
  | { kind: 'other'; data: object; at: Locator; source: SyllabusSource }
  | { kind: 'broken'; problems: SyllabusProblem[] };

/** Parses one file and checks it against the schema. */
function checkShape(source: SyllabusSource): Checked {
  const lines = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter: lines, uniqueKeys: true });
  if (doc.errors.length) {
    return { kind: 'broken', problems: doc.errors.map((e) => ({ file: source.file, line: e.linePos?.[0].line ?? 1, message: `YAML syntax: ${e.message.split('\n')[0]}` })) };
  }
  const at = new Locator(doc, lines);
  const data: unknown = doc.toJS();
  const root = 'a syllabus file';
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { kind: 'broken', problems: [{ file: source.file, line: at.line([]), message: `${root} must be a mapping with \`id\`, \`title\`, ... (or \`extends\`) at the top level` }] };
  }
  const shape = [...unquotedCodes(doc, at, source.file), ...schemaProblems(sharedValidator().errors(SYLLABUS_SCHEMA, data), data, at, source.file, labeler(data), root)];
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
    c.unique(raw.domains.map((d) => d.id), ['domains'], 'domain');
    uniqueAcross(c, raw.domains.map((d, i) => ({ ids: d.topics.map(entryId), path: ['domains', i, 'topics'] })), 'topic');
    // Codes and outline ids are checked against the target certification when the packs are merged.
    const before = entries.failures;
    const domains = raw.domains.map((d, i) => ({ id: d.id, topics: d.topics.map((t, j) => entries.read(c, source.file, t, ['domains', i, 'topics', j])).filter((t): t is Topic => t !== undefined) }));
    return c.problems.length || entries.failures > before ? { problems: c.problems } : { extension: { extends: raw.extends, domains, file: source.file }, problems: [], at };
  }
  if ((data as { kind?: string }).kind === 'credential') {
    const raw = data as RawCredential;
    const credential: Credential = { kind: 'credential', id: raw.id, title: raw.title, shortTitle: raw.shortTitle, order: raw.order, summary: raw.summary, requires: raw.requires, file: source.file };
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

/** Parses and reads each file on its own (topic files only through the file that lists them). */
function parseAll(sources: SyllabusSource[]): { parsed: (ParsedFile & { file: string })[]; problems: SyllabusProblem[] } {
  const checked = sources.map(checkShape);
  const topicFiles = new Map<string, TopicFile>();
  // Keys use `/` whatever the platform, as topicFolder() does.
  const key = (file: string) => file.replace(/\\/g, '/');
  for (const c of checked) if (c.kind === 'topic') topicFiles.set(key(c.topic.file), c.topic);
  const entries = new TopicEntries(topicFiles, new Set(sources.filter((_, i) => checked[i].kind === 'broken').map((s) => key(s.file))));
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
      problems.push({ file: result.file, line: 1, message: `duplicate certification id \`${twin.cert.id}\` (also in ${twin.cert.file})${fix}` });
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
