// Builds the topic page with its lesson (./types), as plain data for the lesson webview: where the topic stands on
// the exam, its objectives, the lesson's sections with highlighted examples and their verified
// output, the exam's traps, and the topic's exercises with their state and revealed hints.
import { isExtraTopic, examSections } from '../exam/sections';
import { exerciseStatus, ProgressState, topicTally } from '../progress/progress';
import { Status } from '../progress/status';
import { Domain, ExamCertification, exerciseKey, LessonExample, Topic } from '../syllabus/model';
import { pythonTokens } from '../text/highlight';
import { inlines, markdown } from '../text/markdown';
import { ExampleView, LessonView } from './types';

const STATUS_TEXT: Record<Status, string> = {
  notStarted: 'not started',
  attempted: 'started',
  failed: 'failed last run',
  passed: 'passed',
};

/** "Python 3.10 and newer", "up to Python 3.11", "Python 3.8 to 3.10". */
export function versionsText(example: Pick<LessonExample, 'minPython' | 'maxPython'>): string | undefined {
  const { minPython: min, maxPython: max } = example;
  if (min && max) return `Python ${min} to ${max}`;
  if (min) return `Python ${min} and newer`;
  if (max) return `up to Python ${max}`;
  return undefined;
}

function exampleView(sectionId: string, example: LessonExample, n: number): ExampleView {
  const versions = versionsText(example);
  return {
    id: `${sectionId}.${n + 1}`,
    ...(example.title ? { title: example.title } : {}),
    code: pythonTokens(example.code.replace(/\n+$/, '')),
    output: example.output,
    ...(example.raises ? { raises: example.raises } : {}),
    ...(example.stdin !== undefined ? { stdin: example.stdin } : {}),
    ...(versions ? { versions } : {}),
  };
}

/** The example with a page id, if the topic has it. */
export function findExample(topic: Topic, id: string): LessonExample | undefined {
  const at = id.lastIndexOf('.');
  const section = topic.lesson?.sections.find((s) => s.id === id.slice(0, at));
  return section?.examples[Number(id.slice(at + 1)) - 1];
}

function onExamText(cert: ExamCertification, topic: Topic): string {
  if (isExtraTopic(cert, topic))
    return `Extra — not on the ${cert.examCode} exam: its official syllabus has no section for this topic.`;
  const sections = examSections(cert).filter((s) =>
    s.domain
      ? cert.domains.find((d) => d.id === s.domain)?.topics.includes(topic)
      : topic.objectives.some((o) => s.objectives.includes(o)),
  );
  if (!sections.length) return `Practice for ${cert.examCode}.`;
  return `On the ${cert.examCode} exam in ${sections.map((s) => `section ${s.id}, ${s.title}`).join('; ')}.`;
}

/** The page for a topic. */
export function lessonView(
  cert: ExamCertification,
  domain: Domain,
  topic: Topic,
  state: ProgressState,
  extras: { quizQuestions: number; canRun: boolean },
): LessonView {
  const tally = topicTally(state, cert.id, topic);
  return {
    certId: cert.id,
    title: topic.title,
    where: `${cert.shortTitle} (${cert.examCode}) › ${domain.title}`,
    onExam: onExamText(cert, topic),
    extra: isExtraTopic(cert, topic),
    objectives: topic.objectives.map((code) => ({ code, subject: cert.objectives[code] ?? '' })),
    summary: markdown(topic.summary),
    sections: (topic.lesson?.sections ?? []).map((s) => ({
      id: s.id,
      title: s.title,
      body: markdown(s.text),
      examples: s.examples.map((e, i) => exampleView(s.id, e, i)),
    })),
    traps: (topic.lesson?.traps ?? []).map((t) => inlines(t)),
    exercises: topic.exercises.map((e) => {
      const entry = state.exercises[exerciseKey(cert.id, topic.id, e.id)];
      const status = exerciseStatus(entry);
      return {
        key: exerciseKey(cert.id, topic.id, e.id),
        title: e.title,
        difficulty: e.difficulty,
        status,
        statusText: STATUS_TEXT[status],
        hints: e.hints.slice(0, entry?.hintsRevealed ?? 0).map((h) => inlines(h)),
      };
    }),
    passed: tally.passed,
    total: tally.total,
    quizQuestions: extras.quizQuestions,
    canRun: extras.canRun,
  };
}
