// The readable page behind "Open Topic": summary, objectives and exercises with their state.
import { ExamCertification, Domain, Topic, exerciseKey } from '../syllabus/model';
import { exerciseStatus, ProgressState, Status, topicTally } from '../progress/progress';

const LABEL: Record<Status, string> = {
  notStarted: 'not started',
  attempted: 'started',
  failed: 'failed last run',
  passed: 'passed',
};

/** Markdown for a topic page. */
export function renderTopicPage(cert: ExamCertification, domain: Domain, topic: Topic, state: ProgressState): string {
  const tally = topicTally(state, cert.id, topic);
  const lines = [
    `# ${topic.title}`,
    '',
    `${cert.shortTitle} (${cert.examCode}) › ${domain.title} — ${tally.passed} of ${tally.total} exercises passed${tally.status === 'passed' ? ' · **topic complete**' : ''}`,
    '',
    topic.summary.trim(),
    '',
    '## Exam objectives',
    '',
    ...topic.objectives.map((code) => `- **${code}** ${cert.objectives[code]}`),
    '',
    '## Exercises',
    '',
    '| Exercise | Difficulty | Checks | State |',
    '| --- | --- | --- | --- |',
    ...topic.exercises.map((e) => {
      const entry = state.exercises[exerciseKey(cert.id, topic.id, e.id)];
      const runs = entry?.runs ? ` (${entry.runs} run${entry.runs === 1 ? '' : 's'})` : '';
      return `| ${e.title.replace(/\|/g, '\\|')} | ${e.difficulty} | ${e.checks.length} | ${LABEL[exerciseStatus(entry)]}${runs} |`;
    }),
    '',
    ...topic.exercises.flatMap((e) => {
      const shown = state.exercises[exerciseKey(cert.id, topic.id, e.id)]?.hintsRevealed ?? 0;
      if (!shown) return [];
      return [`### Hints revealed: ${e.title}`, '', ...e.hints.slice(0, shown).map((h, i) => `${i + 1}. ${h}`), ''];
    }),
    'Generate a practice file from the Cert Path sidebar, then run **Cert Path: Run Checks**.',
    '',
  ];
  return lines.join('\n');
}
