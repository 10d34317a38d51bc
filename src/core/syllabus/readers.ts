// Reads a shape-checked certification, topic, exercise, lesson and blueprint into the model, checking
// what a schema cannot say: unique ids, codes and outline ids that exist, weights that add up, check
// targets the solution defines, lesson links that exist, placeholders with params.
import {
  Blueprint, Check, Credential, Domain, ExamCertification, Exercise, Lesson, SyllabusProblem, Topic,
} from './model';
import { Checker, topLevelNames, uniqueAcross } from './checker';
import { DataPath, Locator } from './schema';
import { computedProblems, drawParams, placeholders } from './variants';

// The raw shapes after the schema has accepted a file (optional fields as written).
export type RawCheck = Check;
export type RawExercise = Omit<Exercise, 'kind'> & { kind?: Exercise['kind'] };
export type RawLesson = { sections: (Omit<Lesson['sections'][number], 'examples'> & { examples?: Lesson['sections'][number]['examples'] })[]; traps: string[] };
export type RawTopic = Omit<Topic, 'objectives' | 'covers' | 'exercises' | 'lesson'> & { objectives?: string[]; covers?: string[]; exercises: RawExercise[]; lesson?: RawLesson };
/** A domain's topic entry: the topic itself, or the id of a topic file. */
export type RawTopicEntry = RawTopic | string;
export type RawDomain = Omit<Domain, 'topics'> & { topics: RawTopicEntry[] };
export type RawCert = Omit<ExamCertification, 'kind' | 'file' | 'examCode' | 'exam' | 'outline' | 'domains' | 'blueprint'> & {
  kind?: 'exam';
  examCode?: string;
  exam: Partial<ExamCertification['exam']> & Pick<ExamCertification['exam'], 'items' | 'minutes' | 'passMark'>;
  blueprint?: Omit<Blueprint, 'draft'> & { draft?: boolean };
  outline?: ExamCertification['outline'];
  domains: RawDomain[];
};
export type RawCredential = Omit<Credential, 'file'>;
export type RawExtension = { extends: string; domains: { id: string; topics: RawTopicEntry[] }[] };

/** A topic file after its schema check: read into a topic once its certification is known. */
export interface TopicFile {
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
export interface TopicScope {
  objectives: Record<string, string>;
  outline: Set<string>;
}

export function readTopic(c: Checker, raw: RawTopic, path: DataPath, scope?: TopicScope): Topic {
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
export class TopicEntries {
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
export function entryId(entry: RawTopicEntry): string {
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

export function readCertification(c: Checker, raw: RawCert, file: string, entries: TopicEntries): ExamCertification {
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

