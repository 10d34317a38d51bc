// The syllabus as the rest of the extension sees it, after loading and validation.
import type { ParamSpec } from './variants';

/** The shape of every id: lower-case words joined by single hyphens. */
export const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** How hard an exercise is meant to be. */
export type Difficulty = 'easy' | 'medium' | 'hard';

/** `function`: checks call the learner's definitions; `program`: checks feed stdin and read stdout. */
export type ExerciseKind = 'function' | 'program';

/** One canonical check of an exercise, run in file order. */
export interface Check {
  id: string;
  title: string;
  /** Python run by the harness; see docs in README "Practice-file format". */
  code: string;
  /** Shown when the check fails: what was expected. */
  message: string;
  /** Name of the learner definition the check exercises (used to point at a line). */
  target?: string;
  /** Id of the section of the topic's lesson to read when this check fails. */
  lesson?: string;
}

/** A typical learner mistake the checks must reject: main code and/or extra files that differ from the solution. */
export interface WrongSolution {
  note: string;
  /** The main file's code; the reference solution's when absent. */
  code?: string;
  /** Extra files (path → code) that differ from the reference solution's. */
  files?: Record<string, string>;
}

/** A mutant of the reference solution that behaves exactly like it, with the reason. */
export interface EquivalentMutant {
  mutant: string;
  reason: string;
}

/** An extra file of a multi-file exercise, relative to the exercise's folder. */
export interface ExerciseFile {
  path: string;
  starter: string;
  solution: string;
}

/** A practice task with starter code, a reference solution and checks. */
export interface Exercise {
  id: string;
  title: string;
  difficulty: Difficulty;
  kind: ExerciseKind;
  prompt: string;
  starter: string;
  solution: string;
  checks: Check[];
  hints: string[];
  /** Variant parameters drawn at each generation; texts refer to them as {{name}} / {{name!r}}. */
  params?: Record<string, ParamSpec>;
  /** Oldest Python the exercise runs on, e.g. "3.10" for `match`; older interpreters get a message. */
  minPython?: string;
  /** Extra files: the practice "file" becomes a folder holding the main file and these. */
  files?: ExerciseFile[];
  /**
   * What the run needs beyond Python: `display` (tkinter windows), `database` (checks use
   * db_connect(): SQLite, or MySQL when configured), or a module name such as `numpy`.
   * Without it the checks are skipped with the reason, never passed.
   */
  requires?: string[];
  /** Wrong solutions the checks must reject (the content test runs them). */
  wrong?: WrongSolution[];
  /** Surviving mutants judged equivalent to the solution (the mutation gate accepts them). */
  equivalentMutants?: EquivalentMutant[];
  /** Lesson section a failed check links to when the check names none. */
  lesson?: string;
}

/** A runnable example of a lesson, with exactly what it prints. */
export interface LessonExample {
  title?: string;
  code: string;
  output: string;
  /** The exception the example ends with, when it is meant to fail. */
  raises?: string;
  stdin?: string;
  minPython?: string;
  maxPython?: string;
}

/** One part of a lesson. */
export interface LessonSection {
  id: string;
  title: string;
  /** Markdown. */
  text: string;
  examples: LessonExample[];
}

/** What a learner reads about a topic: sections with examples, and the exam's traps. */
export interface Lesson {
  sections: LessonSection[];
  traps: string[];
}

/** A syllabus topic: the unit that is marked complete. */
export interface Topic {
  id: string;
  title: string;
  summary: string;
  objectives: string[];
  /** Ids of the certification's `outline` entries (the seed's subtopics) this topic covers. */
  covers: string[];
  exercises: Exercise[];
  lesson?: Lesson;
  /** The file the topic is written in, when it has one of its own. */
  file?: string;
  /** The pack file that added this topic to a certification loaded from elsewhere. */
  origin?: string;
}

/** A subtopic of the certification as learners read it (the seed's wording), for coverage. */
export interface OutlineEntry {
  id: string;
  title: string;
}

/** An exam domain (section) with its share of the exam. */
export interface Domain {
  id: string;
  title: string;
  weight: number;
  topics: Topic[];
}

/** Published facts about an exam. */
export interface ExamFacts {
  items: number;
  minutes: number;
  passMark: number;
  feeUsd: number;
  prerequisites: string[];
  delivery: string;
}

/** One section of the official exam: its items, its share of the score and its objective codes. */
export interface BlueprintSection {
  id: string;
  title: string;
  items: number;
  weight: number;
  objectives: string[];
}

/** The official exam blueprint a mock exam follows. */
export interface Blueprint {
  source: string;
  draft: boolean;
  sections: BlueprintSection[];
}

/** A certification with an exam and practice content. */
export interface ExamCertification {
  kind: 'exam';
  id: string;
  title: string;
  shortTitle: string;
  examCode: string;
  order: number;
  summary: string;
  exam: ExamFacts;
  /** Items and score weights per official section; mocks follow it when present. */
  blueprint?: Blueprint;
  /** Official objective code → subject, in the syllabus author's words. */
  objectives: Record<string, string>;
  /** The subtopics learners expect, each covered by at least one topic (checked by the coverage test). */
  outline: OutlineEntry[];
  domains: Domain[];
  file: string;
}

/** A credential earned by holding other certifications (CEPP). */
export interface Credential {
  kind: 'credential';
  id: string;
  title: string;
  shortTitle: string;
  order: number;
  summary: string;
  requires: string[];
  file: string;
}

/** Anything listed at the top of the tree. */
export type Certification = ExamCertification | Credential;

/** A problem found while loading syllabus files, pointing at a line. */
export interface SyllabusProblem {
  file: string;
  line: number;
  message: string;
}

/** The loaded syllabus: what is valid, and what was wrong. */
export interface Syllabus {
  certifications: Certification[];
  problems: SyllabusProblem[];
}

/** An exercise with everything around it, for rendering and progress keys. */
export interface ExerciseRef {
  cert: ExamCertification;
  domain: Domain;
  topic: Topic;
  exercise: Exercise;
  /** Stable progress key: `cert/topic/exercise`. */
  key: string;
}

/** Progress key of an exercise. Topic ids are unique per certification, so the domain is not part of it. */
export function exerciseKey(certId: string, topicId: string, exerciseId: string): string {
  return `${certId}/${topicId}/${exerciseId}`;
}

/** Every exercise of the syllabus, in tree order. */
export function allExercises(syllabus: Syllabus): ExerciseRef[] {
  const refs: ExerciseRef[] = [];
  for (const cert of syllabus.certifications) {
    if (cert.kind !== 'exam') continue;
    for (const domain of cert.domains) {
      for (const topic of domain.topics) {
        for (const exercise of topic.exercises) {
          refs.push({ cert, domain, topic, exercise, key: exerciseKey(cert.id, topic.id, exercise.id) });
        }
      }
    }
  }
  return refs;
}

/** The domain and topic of a topic id within a certification (topic ids are unique per certification). */
export function findTopic(cert: ExamCertification, topicId: string): { domain: Domain; topic: Topic } | undefined {
  for (const domain of cert.domains) {
    const topic = domain.topics.find((t) => t.id === topicId);
    if (topic) return { domain, topic };
  }
  return undefined;
}

/** A syllabus file's name (as shown in messages) and text. */
export interface SyllabusSource {
  file: string;
  text: string;
}

/** `file:line: message`, the form every syllabus problem is shown in. */
export function formatProblem(problem: SyllabusProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}
