// Parses and validates question banks (syllabus/questions/*.yaml) against the loaded syllabus.
// A file with any problem contributes no questions, as with syllabus files.
import { isMap, YAMLMap } from 'yaml';
import { parseYaml } from '../syllabus/yaml';
import { ExamCertification, Syllabus, SyllabusProblem, SyllabusSource } from '../syllabus/model';
import { Question } from './question';
import { Labeler, Locator, QUESTIONS_SCHEMA, schemaProblems, sharedValidator } from '../syllabus/schema';
import { ID, Reader } from '../syllabus/yamlReader';
import { readQuestion } from './questionFields';

export { parseRaisesChoice, raisesInOutput } from './raises';
export type { RaisesClaim } from './raises';

/** The question banks as loaded: valid questions, and what was wrong. */
export interface QuestionBank {
  questions: Question[];
  problems: SyllabusProblem[];
}

export { GAP } from './questionFields';

/** Whitespace-insensitive form of a text, to find the same question written twice. */
function normal(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** "question `id`" for messages about what sits at a path of a question file. */
function questionLabel(data: unknown): Labeler {
  return (path) => {
    if (path[0] !== 'questions' || typeof path[1] !== 'number') return 'question file';
    const id = ((data as { questions?: { id?: unknown }[] }).questions?.[path[1]] ?? {}).id;
    return typeof id === 'string' && ID.test(id) ? `question \`${id}\`` : 'question';
  };
}

/** Parses one question file; its questions are returned only if the file has no problems. */
export function parseQuestionFile(source: SyllabusSource, syllabus: Syllabus): QuestionBank {
  const parsed = parseYaml(source.file, source.text);
  if (parsed.problems) return { questions: [], problems: parsed.problems };
  const { doc, lines } = parsed;
  const r = new Reader(source.file, lines);
  if (!isMap(doc.contents)) {
    r.problem(doc.contents, 'a question file must be a mapping with `certification` and `questions` at the top level');
    return { questions: [], problems: r.problems };
  }
  // The shape comes from the shipped schema (as in the editor); the rules below need the syllabus.
  const data: unknown = doc.toJS();
  const shape = schemaProblems(
    sharedValidator().errors(QUESTIONS_SCHEMA, data),
    data,
    new Locator(doc, lines),
    source.file,
    questionLabel(data),
    'a question file',
  );
  if (shape.length) return { questions: [], problems: shape };
  const root = doc.contents;
  const certId = r.str(root, 'certification', 'question file');
  const cert = syllabus.certifications.find((c): c is ExamCertification => c.kind === 'exam' && c.id === certId);
  if (certId && !cert)
    r.problem(
      r.value(root, 'certification'),
      `certification \`${certId}\` is not an exam in the loaded syllabus (${syllabus.certifications
        .filter((c) => c.kind === 'exam')
        .map((c) => c.id)
        .join(', ')})`,
    );
  const nodes = r.maps(root, 'questions', 'question file');
  const questions = nodes.map((n) => readQuestion(r, n, cert, source.file)).filter((q): q is Question => !!q);
  r.unique(questions, nodes, 'question');
  sameTwice(r, questions, nodes);
  return r.problems.length ? { questions: [], problems: r.problems } : { questions, problems: [] };
}

/** No two questions of a bank may be the same: same snippet, or same prompt with the same choices. */
function sameTwice(r: Reader, questions: Question[], nodes: YAMLMap[]): void {
  const seen = new Map<string, string>();
  questions.forEach((q, i) => {
    const code = q.code ?? q.lines?.join('\n');
    const keys = [
      code ? `code ${normal(code)}` : '',
      `text ${normal(q.prompt)} ${q.choices.map(normal).sort().join('|')}`,
    ].filter(Boolean);
    for (const key of keys) {
      const first = seen.get(key);
      if (first)
        r.problem(
          nodes[i],
          `question \`${q.id}\` repeats question \`${first}\` (${key.startsWith('code') ? 'same code' : 'same prompt and choices'})`,
        );
      else seen.set(key, q.id);
    }
  });
}

/** Loads every question file against the syllabus; ids are unique per certification across files. */
export function loadQuestions(sources: SyllabusSource[], syllabus: Syllabus): QuestionBank {
  const problems: SyllabusProblem[] = [];
  const questions: Question[] = [];
  const where = new Map<string, Question>();
  for (const source of sources) {
    const bank = parseQuestionFile(source, syllabus);
    problems.push(...bank.problems);
    const clashes = bank.questions.filter((q) => where.has(`${q.cert}/${q.id}`));
    for (const q of clashes) {
      const first = where.get(`${q.cert}/${q.id}`)!;
      problems.push({
        file: q.file,
        line: q.line,
        message: `duplicate question id \`${q.id}\` for ${q.cert} (also in ${first.file}:${first.line})`,
      });
    }
    if (clashes.length) continue;
    for (const q of bank.questions) where.set(`${q.cert}/${q.id}`, q);
    questions.push(...bank.questions);
  }
  return { questions, problems };
}
