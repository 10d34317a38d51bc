// Which part of a topic's lesson to offer after a failed check: the failing check's own section, else
// the exercise's, else the lesson's start.
import { RunResult } from '../runner/results';
import { ExerciseRef } from '../syllabus/model';

/** The lesson link for a failed check: the section id (absent: the lesson's start) and a label. */
export interface LessonLink {
  section?: string;
  label: string;
}

/** The lesson section that fits a failing check of the exercise, or undefined when the topic has no lesson. */
export function lessonLinkFor(ref: ExerciseRef, checkId?: string): LessonLink | undefined {
  const lesson = ref.topic.lesson;
  if (!lesson) return undefined;
  const anchor = ref.exercise.checks.find((c) => c.id === checkId)?.lesson ?? ref.exercise.lesson;
  const section = lesson.sections.find((s) => s.id === anchor);
  return section
    ? { section: section.id, label: `Read the lesson: ${section.title}` }
    : { label: `Read the lesson: ${ref.topic.title}` };
}

/** The lesson link for a run that did not pass: at its first failing check. */
export function lessonLinkForRun(ref: ExerciseRef, result: RunResult): LessonLink | undefined {
  if (result.outcome === 'passed' || result.outcome === 'cancelled' || result.outcome === 'skipped') return undefined;
  const failing = result.checks.find((c) => c.status === 'fail' || c.status === 'error');
  return lessonLinkFor(ref, failing?.id);
}
