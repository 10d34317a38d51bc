// Reads one question's fields after the schema has checked their shape, with the rules that need
// several fields or the syllabus: the objective a topic allows, answer counts per type, what makes
// each type checkable by an interpreter.
import { isMap, isScalar, isSeq, Node, YAMLMap } from 'yaml';
import { ExamCertification, findTopic, Topic } from '../syllabus/model';
import { Reader } from '../syllabus/yamlReader';
import { Gap, Question, QuestionType, VerifyMode } from './question';
import { parseRaisesChoice } from './raises';

/** The gap a `fill` snippet leaves for its choices. */
export const GAP = '___';

/** A plain scalar keeps the text as written, so `True`, `1.0` or `0x1F` stay what the author typed. */
function scalarText(node: Node): string | undefined {
  if (!isScalar(node) || node.value === null) return undefined;
  if (node.type === 'PLAIN' && typeof node.source === 'string') return node.source;
  if (typeof node.value === 'string') return node.value;
  return typeof node.value === 'number' || typeof node.value === 'boolean' || typeof node.value === 'bigint'
    ? String(node.value)
    : undefined;
}

// The schema has already checked every field's type, the enums, versions and the choice count:
// what follows are the rules that need the syllabus or several fields at once.

/** A boolean flag (the schema admits only true or false). */
function flagSet(r: Reader, map: YAMLMap, key: string): boolean {
  const node = r.value(map, key);
  return isScalar(node) && node.value === true;
}

/**
 * A list of answer texts as written (`what` names an entry in messages). With `distinct`, two entries
 * that differ only in spacing are a problem (an output may differ only by a blank line).
 */
function readChoices(r: Reader, listNode: Node | undefined, label: string, what = 'choice', distinct = true): string[] {
  const out: string[] = [];
  if (!isSeq(listNode)) return out;
  for (const item of listNode.items as Node[]) {
    const text = scalarText(item);
    if (text === undefined || text.trim() === '') r.problem(item, `every ${what} of ${label} must be non-empty text`);
    else out.push(text.replace(/\n$/, ''));
  }
  if (!distinct) return out;
  const same = (c: string) =>
    c
      .split('\n')
      .map((l) => l.replace(/[ \t]+/g, ' ').trim())
      .join('\n')
      .replace(/\n+$/, '');
  const seen = new Set<string>();
  for (const c of out) {
    if (seen.has(same(c))) r.problem(listNode, `${label} offers the ${what} \`${c}\` twice`);
    seen.add(same(c));
  }
  return out;
}

/** The gaps of a `gaps` question, each with its fragments and the index of the right one. */
function readGaps(r: Reader, listNode: Node | undefined, label: string): Gap[] {
  if (!isSeq(listNode)) return [];
  return (listNode.items as Node[]).filter(isMap).map((gapNode, i) => {
    const choices = readChoices(r, r.value(gapNode, 'choices'), `gap ${i + 1} of ${label}`, 'fragment');
    const answerNode = r.value(gapNode, 'answer');
    const answer = isScalar(answerNode) && typeof answerNode.value === 'number' ? answerNode.value : -1;
    if (answer < 0 || answer >= choices.length)
      r.problem(
        answerNode ?? gapNode,
        `answer of gap ${i + 1} of ${label} must be the 0-based index of one of its ${choices.length} fragments`,
      );
    return { choices, answer };
  });
}

/** The objective code of a question: its own, or its topic's only one. */
function readObjective(r: Reader, node: YAMLMap, topic: Topic | undefined, label: string): string | undefined {
  const objective = r.str(node, 'objective', label, true) || undefined;
  if (!topic) return objective;
  if (objective && !topic.objectives.includes(objective)) {
    r.problem(
      r.value(node, 'objective'),
      `${label} names objective ${objective}, but topic \`${topic.id}\` covers ${topic.objectives.join(', ') || 'no objective code'}`,
    );
  } else if (!objective && topic.objectives.length > 1) {
    r.problem(node, `${label} needs \`objective\`: topic \`${topic.id}\` covers ${topic.objectives.join(' and ')}`);
  }
  return objective ?? topic.objectives[0];
}

/** The indexes of the right choices, with the count rules of each type. */
function readAnswer(r: Reader, node: YAMLMap, type: QuestionType, choices: string[], label: string): number[] {
  const answerNode = r.value(node, 'answer');
  const answer: number[] = [];
  let raw: Node[] = [];
  if (isSeq(answerNode)) raw = answerNode.items as Node[];
  else if (answerNode) raw = [answerNode];
  for (const item of raw) {
    if (
      !isScalar(item) ||
      typeof item.value !== 'number' ||
      !Number.isInteger(item.value) ||
      item.value < 0 ||
      item.value >= Math.max(choices.length, 1)
    ) {
      r.problem(
        item,
        `answer of ${label} must be the 0-based index of a choice (0 to ${Math.max(choices.length - 1, 0)})`,
      );
    } else if (answer.includes(item.value)) {
      r.problem(item, `answer of ${label} names choice ${item.value} twice`);
    } else {
      answer.push(item.value);
    }
  }
  if (type === 'order' || type === 'gaps') {
    const what = type === 'order' ? 'its `lines` are the answer' : 'each of its `gaps` has its own choices and answer';
    for (const key of ['choices', 'answer'])
      if (r.has(node, key)) r.problem(r.value(node, key), `${type} ${label} has no \`${key}\`: ${what}`);
  } else if (type === 'multiple' && (!isSeq(answerNode) || raw.length < 2 || raw.length > 4))
    r.problem(answerNode, `answer of multiple-select ${label} must list 2, 3 or 4 choice indexes`);
  else if (type === 'multiple' && choices.length <= raw.length)
    r.problem(r.value(node, 'choices'), `multiple-select ${label} must offer more choices than it asks for`);
  else if (type && type !== 'multiple' && raw.length !== 1)
    r.problem(answerNode, `answer of ${label} must be one choice index (use type \`multiple\` for more)`);
  return answer.sort((a, b) => a - b);
}

/** The optional fields, as written. */
function readOptional(r: Reader, node: YAMLMap, question: Question, label: string): void {
  const code = r.str(node, 'code', label, true);
  if (code) question.code = code;
  if (r.has(node, 'expect')) question.expect = r.str(node, 'expect', label, true);
  const stdin = r.str(node, 'stdin', label, true);
  if (stdin) question.stdin = stdin;
  const check = r.str(node, 'check', label, true);
  if (check) question.check = check;
  const verify = r.str(node, 'verify', label, true) as VerifyMode;
  if (verify && question.type !== 'single' && question.type !== 'multiple')
    r.problem(r.value(node, 'verify'), `verify of ${label} applies to single and multiple questions only`);
  else if (verify) question.verify = verify;
  const minPython = r.str(node, 'minPython', label, true);
  const maxPython = r.str(node, 'maxPython', label, true);
  if (minPython) question.minPython = minPython;
  if (maxPython) question.maxPython = maxPython;
  const requires = r.strList(node, 'requires', label, 0);
  if (requires.length) question.requires = requires;
  if (flagSet(r, node, 'keepOrder')) question.keepOrder = true;
  if (flagSet(r, node, 'process')) question.process = true;
  if (flagSet(r, node, 'database')) question.database = true;
  if (question.process && question.verify === 'truthy')
    r.problem(
      r.value(node, 'process'),
      `${label}: \`verify: truthy\` evaluates choices inside the checker, so it cannot be combined with \`process: true\`; use \`verify: runs\` or a \`check\``,
    );
}

/** What makes the answer checkable by an interpreter, per type. */
function checkable(r: Reader, node: YAMLMap, q: Question, label: string): void {
  const { type, code } = q;
  if ((type === 'output' || type === 'raises' || type === 'fill') && !code)
    r.problem(node, `${label} of type ${type} needs \`code\` (the snippet the interpreter runs)`);
  if (type === 'fill') {
    if (code && code.split(GAP).length !== 2)
      r.problem(r.value(node, 'code'), `the code of fill ${label} must contain the gap ${GAP} exactly once`);
    if (!r.has(node, 'expect'))
      r.problem(node, `fill ${label} needs \`expect\`: what the code prints with the right fragment in the gap`);
  } else if (type === 'gaps') {
    const count = code ? code.split(GAP).length - 1 : 0;
    if (code && q.gaps && count !== q.gaps.length)
      r.problem(
        r.value(node, 'code'),
        `the code of gaps ${label} has ${count} gap${count === 1 ? '' : 's'} ${GAP}, but \`gaps\` lists ${q.gaps.length}`,
      );
  } else if (type === 'order') {
    if (code) r.problem(r.value(node, 'code'), `order ${label} has no \`code\`: its \`lines\` are the program`);
  } else if (r.has(node, 'expect')) {
    r.problem(r.value(node, 'expect'), `\`expect\` of ${label} applies to fill, order and gaps questions only`);
  }
  if ((type === 'single' || type === 'multiple') && code && !q.verify && !q.check) {
    r.problem(
      node,
      `${label} shows code, so the interpreter must be able to back its answer: add \`verify: truthy\`, \`verify: runs\` or a \`check\``,
    );
  }
  if (type === 'raises') {
    for (const c of q.choices) {
      if (!parseRaisesChoice(c))
        r.problem(
          r.value(node, 'choices'),
          `choice \`${c}\` of raises ${label} must be \`line N\`, \`line N: ErrorName\`, \`ErrorName\` or \`nothing\``,
        );
    }
  }
}

export function readQuestion(
  r: Reader,
  node: YAMLMap,
  cert: ExamCertification | undefined,
  file: string,
): Question | undefined {
  const id = r.id(node, 'question');
  const label = `question \`${id}\``;
  const type = r.str(node, 'type', label) as QuestionType;
  const topicId = r.str(node, 'topic', label);
  const { domain, topic } = (cert && findTopic(cert, topicId)) || {};
  if (cert && topicId && !topic)
    r.problem(r.value(node, 'topic'), `${label} names topic \`${topicId}\`, which ${cert.shortTitle} does not have`);
  const objective = readObjective(r, node, topic, label);
  const choices = readChoices(r, r.value(node, 'choices'), label);
  const question: Question = {
    id,
    cert: cert?.id ?? '',
    domain: domain?.id ?? '',
    topic: topicId,
    type,
    prompt: r.str(node, 'prompt', label),
    choices,
    answer: readAnswer(r, node, type, choices, label),
    explanation: r.str(node, 'explanation', label),
    file,
    line: r.lineOf(node),
  };
  if (objective) question.objective = objective;
  if (type === 'order') question.lines = readChoices(r, r.value(node, 'lines'), label, 'line', false);
  if (type === 'gaps') question.gaps = readGaps(r, r.value(node, 'gaps'), label);
  readOptional(r, node, question, label);
  checkable(r, node, question, label);
  return question;
}
