// Lessons as the content tests see them: the rules every shipped lesson follows, the runs that verify
// its examples (through questions.py, like the question banks), and the verdict on each example.
import { LessonExample, Topic } from '../../src/core/syllabus/model';
import { Observation, SnippetRun } from './questionCheck';
import { LESSON_EXAMPLES, LESSON_WORDS } from './rules';

/** Words of Markdown prose, leaving out fenced code. */
export function proseWords(markdown: string): number {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .split(/\s+/)
    .filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

/** What a shipped topic's lesson lacks, as messages (empty when it follows every rule). */
export function lessonProblems(topic: Topic): string[] {
  const lesson = topic.lesson;
  if (!lesson) return ['has no `lesson`'];
  const problems: string[] = [];
  const words = proseWords([...lesson.sections.map((s) => s.text), ...lesson.traps].join('\n'));
  if (words < LESSON_WORDS.min || words > LESSON_WORDS.max)
    problems.push(`its lesson has ${words} words of prose (${LESSON_WORDS.min}–${LESSON_WORDS.max} wanted)`);
  const examples = lesson.sections.reduce((n, s) => n + s.examples.length, 0);
  if (examples < LESSON_EXAMPLES)
    problems.push(`its lesson has ${examples} runnable examples (at least ${LESSON_EXAMPLES} wanted)`);
  return problems;
}

/** Every example of a topic's lesson with a key naming where it is. */
export function lessonExamples(cert: string, topic: Topic): { key: string; example: LessonExample; where: string }[] {
  return (topic.lesson?.sections ?? []).flatMap((s) =>
    s.examples.map((example, i) => ({
      key: `${cert}/${topic.id}#${s.id}.${i + 1}`,
      example,
      where: `${topic.file ?? topic.id}: lesson section \`${s.id}\`, example ${i + 1}`,
    })),
  );
}

/** The snippet run that verifies one example. */
export function exampleRun(key: string, example: LessonExample): SnippetRun {
  return { key, code: example.code, ...(example.stdin !== undefined ? { stdin: example.stdin } : {}) };
}

/** Whether an interpreter version is outside the example's stated range. */
export function outsideExample(example: LessonExample, version: string): boolean {
  const [major, minor] = version.split('.').map(Number);
  const at = (v?: string) => (v ? Number(v.split('.')[1]) : undefined);
  const min = at(example.minPython);
  const max = at(example.maxPython);
  return major !== 3 || (min !== undefined && minor < min) || (max !== undefined && minor > max);
}

const trailing = (text: string) => text.replace(/\n+$/, '');

/** Undefined when the interpreter printed exactly what the lesson says (and raised what it says), else what differs. */
export function exampleDiffers(example: LessonExample, seen: Observation | undefined): string | undefined {
  if (!seen) return 'did not run';
  if (seen.missing) return undefined;
  const raised = seen.error ?? undefined;
  if (example.raises?.split('.').pop() !== raised) {
    return example.raises
      ? `should raise ${example.raises}, but ${raised ? `raised ${raised} (${seen.detail})` : 'raised nothing'}`
      : `raised ${raised}: ${seen.detail}`;
  }
  if (trailing(seen.stdout ?? '') !== trailing(example.output)) {
    return `prints ${JSON.stringify(seen.stdout ?? '')}, but the lesson says ${JSON.stringify(example.output)}`;
  }
  return undefined;
}
