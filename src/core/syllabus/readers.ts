// Reads a shape-checked certification, topic, exercise, lesson and blueprint into the model, checking
// what a schema cannot say: unique ids, codes and outline ids that exist, weights that add up, check
// targets the solution defines, lesson links that exist, placeholders with params.
import { Blueprint, Check, Credential, Domain, ExamCertification, Exercise, Lesson, Topic } from './model';
import { Checker, uniqueAcross } from './checker';
import { ExerciseScope, readExercise } from './exerciseReader';
import { entryId, TopicEntries } from './topicEntries';
import { DataPath, Locator } from './schema';

// The raw shapes after the schema has accepted a file (optional fields as written).
export type RawCheck = Check;
export type RawExercise = Omit<Exercise, 'kind'> & { kind?: Exercise['kind'] };
export type RawLesson = {
  sections: (Omit<Lesson['sections'][number], 'examples'> & { examples?: Lesson['sections'][number]['examples'] })[];
  traps: string[];
};
export type RawTopic = Omit<Topic, 'objectives' | 'covers' | 'exercises' | 'lesson'> & {
  objectives?: string[];
  covers?: string[];
  exercises: RawExercise[];
  lesson?: RawLesson;
};
/** A domain's topic entry: the topic itself, or the id of a topic file. */
export type RawTopicEntry = RawTopic | string;
export type RawDomain = Omit<Domain, 'topics'> & { topics: RawTopicEntry[] };
export type RawCert = Omit<
  ExamCertification,
  'kind' | 'file' | 'examCode' | 'exam' | 'outline' | 'domains' | 'blueprint'
> & {
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

function readLesson(c: Checker, raw: RawLesson, path: DataPath): Lesson {
  c.unique(
    raw.sections.map((s) => s.id),
    [...path, 'sections'],
    'lesson section',
  );
  return {
    sections: raw.sections.map((s) => ({
      id: s.id,
      title: s.title,
      text: s.text,
      examples: (s.examples ?? []).map((e) => ({ ...e })),
    })),
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
    if (!(code in scope!.objectives))
      c.problem(
        [...path, 'objectives'],
        `${label} names objective ${code}, which is not in this file's \`objectives\``,
      );
  }
  for (const entry of scope ? covers : []) {
    if (!scope!.outline.has(entry))
      c.problem([...path, 'covers'], `${label} covers \`${entry}\`, which is not an id in this file's \`outline\``);
  }
  // Seed-only topics (no official code) may leave objectives empty if they cover outline entries.
  if (codes.length === 0 && covers.length === 0)
    c.problem(path, `${label} needs at least one objective code in \`objectives\` or one outline entry in \`covers\``);
  const lesson = raw.lesson ? readLesson(c, raw.lesson, [...path, 'lesson']) : undefined;
  const exerciseScope: ExerciseScope = { lessonSections: lesson && new Set(lesson.sections.map((s) => s.id)) };
  c.unique(
    raw.exercises.map((e) => e.id),
    [...path, 'exercises'],
    'exercise',
  );
  const exercises = raw.exercises.map((e, i) => readExercise(c, e, [...path, 'exercises', i], exerciseScope));
  return {
    id: raw.id,
    title: raw.title,
    summary: raw.summary,
    objectives: codes,
    covers,
    exercises,
    ...(lesson ? { lesson } : {}),
  };
}

function readBlueprint(c: Checker, raw: NonNullable<RawCert['blueprint']>, cert: RawCert): Blueprint {
  const sections = raw.sections;
  c.unique(
    sections.map((s) => s.id),
    ['blueprint', 'sections'],
    'blueprint section',
  );
  const owner = new Map<string, string>();
  sections.forEach((section, i) => {
    for (const code of section.objectives) {
      if (!(code in cert.objectives))
        c.problem(
          ['blueprint', 'sections', i, 'objectives'],
          `blueprint section ${section.id} names objective ${code}, which is not in this file's \`objectives\``,
        );
      const first = owner.get(code);
      if (first !== undefined)
        c.problem(
          ['blueprint', 'sections', i, 'objectives'],
          `objective ${code} is in blueprint sections ${first} and ${section.id}; each code belongs to one section`,
        );
      owner.set(code, section.id);
    }
  });
  const items = sections.reduce((sum, s) => sum + s.items, 0);
  if (items !== cert.exam.items)
    c.problem(
      ['blueprint', 'sections'],
      `the blueprint's sections have ${items} items in all, but the exam has ${cert.exam.items} (\`exam.items\`)`,
    );
  return {
    source: raw.source,
    draft: raw.draft === true,
    sections: sections.map((s) => ({
      id: s.id,
      title: s.title,
      items: s.items,
      weight: s.weight,
      objectives: [...s.objectives],
    })),
  };
}

export function readCertification(c: Checker, raw: RawCert, file: string, entries: TopicEntries): ExamCertification {
  const outline = raw.outline ?? [];
  c.unique(
    outline.map((o) => o.id),
    ['outline'],
    'outline',
  );
  const outlineIds = new Set(outline.map((o) => o.id));
  c.unique(
    raw.domains.map((d) => d.id),
    ['domains'],
    'domain',
  );
  // Topic ids are unique across the whole certification: progress keys leave the domain out.
  uniqueAcross(
    c,
    raw.domains.map((d, i) => ({ ids: d.topics.map(entryId), path: ['domains', i, 'topics'] })),
    'topic',
  );
  const scope = { objectives: raw.objectives, outline: outlineIds };
  const domains = raw.domains.map((d, i) => ({
    id: d.id,
    title: d.title,
    weight: d.weight,
    topics: d.topics
      .map((t, j) => entries.read(c, file, t, ['domains', i, 'topics', j], scope))
      .filter((t): t is Topic => t !== undefined),
  }));
  const total = domains.reduce((sum, d) => sum + d.weight, 0);
  if (Math.abs(total - 100) > 0.01) c.problem(['domains'], `domain weights add up to ${total}%, not 100%`);
  const blueprint = raw.blueprint ? readBlueprint(c, raw.blueprint, raw) : undefined;
  return {
    kind: 'exam',
    id: raw.id,
    title: raw.title,
    shortTitle: raw.shortTitle,
    examCode: raw.examCode ?? raw.shortTitle,
    order: raw.order,
    summary: raw.summary,
    exam: {
      items: raw.exam.items,
      minutes: raw.exam.minutes,
      passMark: raw.exam.passMark,
      feeUsd: raw.exam.feeUsd ?? 0,
      prerequisites: raw.exam.prerequisites ?? [],
      delivery: raw.exam.delivery ?? '',
    },
    ...(blueprint ? { blueprint } : {}),
    objectives: raw.objectives,
    outline,
    domains,
    file,
  };
}
