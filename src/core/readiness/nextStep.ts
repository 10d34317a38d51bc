// The next best step: exactly one action. Due reviews come first (they are cheap and the spacing is
// what makes them work); then the weakest section below the pass mark: its next unpassed exercise,
// or its lesson when its exercises pass but its quiz and mock answers are weak; then a mock exam,
// which is the only thing that can turn "close" into "ready" (or keep "ready" fresh).
import { ExamResult } from '../exam/scoring';
import { ProgressState } from '../progress/progress';
import { ReviewDeck } from '../review/deck';
import { dueItems } from '../review/queue';
import { ExamCertification, exerciseKey, Topic } from '../syllabus/model';
import { mocksOf, RECENT, sectionTopics, SectionTopics, topicQuizTally } from './evidence';
import { CertReadiness, NextStep, SectionReadiness } from './types';
import { inWords, verdict } from './verdict';

/** Everything the step is chosen from. */
export interface StepInput {
  cert: ExamCertification;
  readiness: CertReadiness;
  progress: ProgressState;
  history: readonly ExamResult[];
  deck: ReviewDeck;
  now: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Credit over items per topic of the section: its latest quizzes and its objectives in the latest mocks. */
function answersByTopic(input: StepInput, part: SectionTopics): Map<string, { credit: number; total: number }> {
  const tallies = new Map<string, { credit: number; total: number }>();
  const add = (topic: string, credit: number, total: number) => {
    const t = tallies.get(topic) ?? { credit: 0, total: 0 };
    tallies.set(topic, { credit: t.credit + credit, total: t.total + total });
  };
  const ids = new Set(part.topics.map((t) => t.id));
  for (const t of part.topics) {
    const quiz = topicQuizTally(input.history, input.cert.id, t.id);
    if (quiz) add(t.id, quiz.credit, quiz.total);
  }
  for (const mock of mocksOf(input.history, input.cert.id).slice(0, RECENT)) {
    for (const o of mock.objectives.filter((x) => x.section === part.section.id && x.total > 0)) {
      for (const t of o.topics.filter((x) => ids.has(x.id))) add(t.id, o.credit, o.total);
    }
  }
  return tallies;
}

/** The topic whose answers were weakest (the first topic when none was answered). */
function weakestTopic(input: StepInput, part: SectionTopics): { topic: Topic; percent?: number } {
  const tallies = answersByTopic(input, part);
  let best: { topic: Topic; percent?: number } = { topic: part.topics[0] };
  for (const topic of part.topics) {
    const t = tallies.get(topic.id);
    if (!t?.total) continue;
    const percent = round1((t.credit / t.total) * 100);
    if (best.percent === undefined || percent < best.percent) best = { topic, percent };
  }
  return best;
}

function sectionStep(
  input: StepInput,
  section: SectionReadiness,
  part: SectionTopics,
  weakest: boolean,
): NextStep | undefined {
  if (!part.topics.length) return undefined;
  const cert = input.cert.id;
  const where = weakest
    ? `${section.title} is your weakest section (${section.percent} %)`
    : `${section.title} is below the pass mark (${section.percent} %)`;
  for (const topic of part.topics) {
    const exercise = topic.exercises.find(
      (e) => !input.progress.exercises[exerciseKey(cert, topic.id, e.id)]?.passedAt,
    );
    if (exercise)
      return {
        kind: 'exercise',
        cert,
        section: section.id,
        topic: topic.id,
        exercise: exerciseKey(cert, topic.id, exercise.id),
        label: `Practise: ${exercise.title}`,
        reason: `${where}; this is its next exercise not passed yet (${topic.title}).`,
      };
  }
  const weak = weakestTopic(input, part);
  const answers = weak.percent === undefined ? '' : ` (${weak.percent} % of its answers right)`;
  const practised = part.topics.some((t) => t.exercises.length > 0);
  return {
    kind: 'lesson',
    cert,
    section: section.id,
    topic: weak.topic.id,
    label: `Read the lesson: ${weak.topic.title}`,
    reason: practised
      ? `${where}: its exercises pass, but its quiz and mock answers are weak; ${weak.topic.title} is the weakest topic${answers}.`
      : `${where} and has no exercises; start with the lesson of ${weak.topic.title}${answers}.`,
  };
}

/** The one action to take next for a certification. */
export function nextStep(input: StepInput): NextStep {
  const cert = input.cert.id;
  const due = dueItems(input.deck, input.now, cert).length;
  if (due)
    return {
      kind: 'review',
      cert,
      count: due,
      label: `Review ${due} due item${due === 1 ? '' : 's'}`,
      reason: 'Questions and exercises you missed are due again; reviewing them on time is what makes them stick.',
    };
  const { readiness } = input;
  const parts = new Map(sectionTopics(input.cert).map((p) => [p.section.id, p]));
  const weak = readiness.sections
    .filter((s) => s.percent < readiness.passMark)
    .sort((a, b) => a.percent - b.percent || readiness.sections.indexOf(a) - readiness.sections.indexOf(b));
  for (const [i, section] of weak.entries()) {
    const step = sectionStep(input, section, parts.get(section.id)!, i === 0);
    if (step) return step;
  }
  return { kind: 'mock', cert, label: 'Take a mock exam', reason: mockReason(readiness, weak.length > 0) };
}

function mockReason(readiness: CertReadiness, weakLeft: boolean): string {
  const v = verdict(readiness);
  if (weakLeft) return 'The sections below the pass mark have no topics to practise here; a mock exam measures them.';
  if (v.level === 'ready') return 'You are ready; another mock keeps it that way until exam day.';
  return `Every section is at ${v.sectionMark} % or more: your last ${inWords(RECENT)} mocks at ${v.mockMark} % or more will show you are ready.`;
}
