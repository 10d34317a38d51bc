// Parses and validates syllabus YAML. Every problem is reported as `file:line: what is wrong`;
// a file with any problem contributes nothing, so the tree is never silently half-built.
import { isMap, isScalar, isSeq, LineCounter, Node, parseDocument, YAMLMap } from 'yaml';
import {
  Certification, Check, Credential, Difficulty, Domain, ExamCertification, ExamFacts, Exercise,
  ExerciseFile, ExerciseKind, Syllabus, SyllabusProblem, Topic,
} from './model';
import { ParamSpec, ParamValue, placeholders } from './variants';

/** A syllabus file's name (as shown in messages) and text. */
export interface SyllabusSource {
  file: string;
  text: string;
}

/** The shape of every id: lower-case words joined by single hyphens. */
export const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DIFFICULTIES: Difficulty[] = ['easy', 'medium', 'hard'];
const KINDS: ExerciseKind[] = ['function', 'program'];

/** Reads fields of one YAML file, collecting `file:line` problems (shared with the question loader). */
export class Reader {
  readonly problems: SyllabusProblem[] = [];
  constructor(private readonly file: string, private readonly lines: LineCounter) {}

  lineOf(node: Node | null | undefined): number {
    const offset = node?.range?.[0] ?? 0;
    return this.lines.linePos(offset).line;
  }

  problem(node: Node | null | undefined, message: string): void {
    this.problems.push({ file: this.file, line: this.lineOf(node), message });
  }

  /** Reports keys the format does not know, with a suggestion when one is close. */
  onlyKeys(map: YAMLMap, allowed: string[], what: string): void {
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!allowed.includes(key)) {
        const near = allowed.find((a) => editDistance(a, key) <= 2);
        this.problem(pair.key as Node, `unknown field \`${key}\` in ${what}${near ? ` (did you mean \`${near}\`?)` : ''}`);
      }
    }
  }

  value(map: YAMLMap, key: string): Node | undefined {
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
    return pair ? ((pair.value ?? undefined) as Node | undefined) : undefined;
  }

  has(map: YAMLMap, key: string): boolean {
    return map.items.some((p) => isScalar(p.key) && p.key.value === key);
  }

  str(map: YAMLMap, key: string, what: string, optional = false): string {
    const node = this.value(map, key);
    if (node === undefined || (isScalar(node) && node.value === null)) {
      if (!optional) this.problem(map, `missing field \`${key}\` in ${what}`);
      return '';
    }
    if (!isScalar(node) || typeof node.value !== 'string') {
      this.problem(node, `\`${key}\` in ${what} must be text`);
      return '';
    }
    if (!optional && node.value.trim() === '') this.problem(node, `\`${key}\` in ${what} is empty`);
    return node.value;
  }

  id(map: YAMLMap, what: string): string {
    const id = this.str(map, 'id', what);
    if (id && !ID.test(id)) {
      this.problem(this.value(map, 'id'), `id \`${id}\` in ${what} must be lower-case letters, digits and single hyphens (e.g. \`for-loops\`)`);
    }
    return id;
  }

  num(map: YAMLMap, key: string, what: string, min: number, max: number): number {
    const node = this.value(map, key);
    if (node === undefined) {
      this.problem(map, `missing field \`${key}\` in ${what}`);
      return 0;
    }
    if (!isScalar(node) || typeof node.value !== 'number' || !Number.isFinite(node.value)) {
      this.problem(node, `\`${key}\` in ${what} must be a number`);
      return 0;
    }
    if (node.value < min || node.value > max) this.problem(node, `\`${key}\` in ${what} must be between ${min} and ${max}`);
    return node.value;
  }

  strList(map: YAMLMap, key: string, what: string, minItems: number): string[] {
    const node = this.value(map, key);
    if (node === undefined) {
      if (minItems > 0) this.problem(map, `missing field \`${key}\` in ${what}`);
      return [];
    }
    if (!isSeq(node)) {
      this.problem(node, `\`${key}\` in ${what} must be a list`);
      return [];
    }
    const out: string[] = [];
    for (const item of node.items as Node[]) {
      if (!isScalar(item) || typeof item.value !== 'string' || item.value.trim() === '') {
        this.problem(item, `every entry of \`${key}\` in ${what} must be non-empty text${isScalar(item) && typeof item.value === 'number' ? ' (quote numbers, e.g. "1.1")' : ''}`);
      } else {
        out.push(item.value);
      }
    }
    if (out.length < minItems && out.length === node.items.length) {
      this.problem(node, `\`${key}\` in ${what} needs at least ${minItems} ${minItems === 1 ? 'entry' : 'entries'}`);
    }
    return out;
  }

  /** The list under `key` as maps; non-map entries are reported. */
  maps(map: YAMLMap, key: string, what: string): YAMLMap[] {
    const node = this.value(map, key);
    if (node === undefined) {
      this.problem(map, `missing field \`${key}\` in ${what}`);
      return [];
    }
    if (!isSeq(node) || node.items.length === 0) {
      this.problem(node, `\`${key}\` in ${what} must be a non-empty list`);
      return [];
    }
    const out: YAMLMap[] = [];
    for (const item of node.items as Node[]) {
      if (isMap(item)) out.push(item);
      else this.problem(item, `each entry of \`${key}\` in ${what} must be a mapping with fields`);
    }
    return out;
  }

  unique<T extends { id: string }>(items: T[], nodes: YAMLMap[], what: string): void {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      if (!item.id) return;
      const first = seen.get(item.id);
      if (first !== undefined) this.problem(this.value(nodes[i], 'id'), `duplicate ${what} id \`${item.id}\` (first used on line ${first})`);
      else seen.set(item.id, this.lineOf(this.value(nodes[i], 'id')));
    });
  }
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** Names a snippet defines at top level (def, class, or assignment). */
function topLevelNames(code: string): Set<string> {
  const names = new Set<string>();
  for (const line of code.split('\n')) {
    const m = /^(?:async\s+def|def|class)\s+([A-Za-z_]\w*)/.exec(line) ?? /^([A-Za-z_]\w*)\s*(?::[^=]*)?=(?!=)/.exec(line);
    if (m) names.add(m[1]);
  }
  return names;
}

function readCheck(r: Reader, node: YAMLMap, where: string, solutionNames: Set<string>): Check {
  const what = `check of ${where}`;
  r.onlyKeys(node, ['id', 'title', 'code', 'message', 'target'], what);
  const check: Check = {
    id: r.id(node, what),
    title: r.str(node, 'title', what),
    code: r.str(node, 'code', what),
    message: r.str(node, 'message', what),
  };
  const target = r.str(node, 'target', what, true);
  if (target) {
    check.target = target;
    if (!solutionNames.has(target)) {
      r.problem(r.value(node, 'target'), `check \`${check.id}\` of ${where} targets \`${target}\`, which the reference solution does not define`);
    }
  }
  return check;
}

const SPEC_KEYS: Record<string, string[]> = { int: [], float: ['digits'], choice: [], sample: ['k'], shuffle: [] };

function readParams(r: Reader, node: Node | undefined, label: string): Record<string, ParamSpec> | undefined {
  if (node === undefined) return undefined;
  if (!isMap(node) || node.items.length === 0) {
    r.problem(node, `\`params\` of ${label} must map parameter names to how they are drawn (int, float, choice, sample, shuffle)`);
    return undefined;
  }
  const out: Record<string, ParamSpec> = {};
  for (const pair of node.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    const spec = pair.value as Node;
    const bad = (why: string) => r.problem(spec ?? (pair.key as Node), `param \`${name}\` of ${label}: ${why}`);
    if (!/^[A-Za-z_]\w*$/.test(name)) {
      r.problem(pair.key as Node, `param name \`${name}\` of ${label} must be a Python identifier`);
      continue;
    }
    const value = isMap(spec) ? (spec.toJSON() as Record<string, unknown>) : undefined;
    const kind = value ? Object.keys(value).find((k) => k in SPEC_KEYS) : undefined;
    if (!value || !kind) {
      bad('write one of {int: [low, high]}, {float: [low, high], digits: n}, {choice: [...]}, {sample: [...], k: n}, {shuffle: [...]}');
      continue;
    }
    const extra = Object.keys(value).filter((k) => k !== kind && !SPEC_KEYS[kind].includes(k));
    if (extra.length) bad(`unknown field \`${extra[0]}\``);
    const list = value[kind];
    if (kind === 'int' || kind === 'float') {
      const ok = Array.isArray(list) && list.length === 2 && list.every((v) => typeof v === 'number' && Number.isFinite(v)) && list[0] <= list[1] && (kind === 'float' || list.every(Number.isInteger));
      if (!ok) bad(`\`${kind}\` needs [low, high] with low <= high${kind === 'int' ? ', both whole numbers' : ''}`);
      else if (kind === 'float' && !(Number.isInteger(value.digits) && (value.digits as number) >= 0 && (value.digits as number) <= 10)) bad('`float` needs `digits` (0 to 10)');
      else out[name] = kind === 'int' ? { int: list as [number, number] } : { float: list as [number, number], digits: value.digits as number };
      continue;
    }
    if (!Array.isArray(list) || list.length === 0) {
      bad(`\`${kind}\` needs a non-empty list`);
      continue;
    }
    if (kind === 'sample') {
      const k = value.k;
      if (!(Number.isInteger(k) && (k as number) >= 1 && (k as number) <= list.length)) bad(`\`sample\` needs \`k\` between 1 and ${list.length}`);
      else out[name] = { sample: list as ParamValue[], k: k as number };
    } else {
      out[name] = kind === 'choice' ? { choice: list as ParamValue[] } : { shuffle: list as ParamValue[] };
    }
  }
  return out;
}

function readFiles(r: Reader, node: Node | undefined, label: string, mainFile: string): ExerciseFile[] | undefined {
  if (node === undefined) return undefined;
  if (!isSeq(node) || node.items.length === 0) {
    r.problem(node, `\`files\` of ${label} must be a non-empty list of {path, starter, solution}`);
    return undefined;
  }
  const seen = new Set<string>([mainFile]);
  const out: ExerciseFile[] = [];
  for (const item of node.items as Node[]) {
    if (!isMap(item)) {
      r.problem(item, `each entry of \`files\` of ${label} must be a mapping with path, starter and solution`);
      continue;
    }
    r.onlyKeys(item, ['path', 'starter', 'solution'], `a file of ${label}`);
    const file = { path: r.str(item, 'path', `a file of ${label}`), starter: r.str(item, 'starter', `a file of ${label}`, true), solution: r.str(item, 'solution', `a file of ${label}`, true) };
    if (!r.has(item, 'starter') || !r.has(item, 'solution')) r.problem(item, `a file of ${label} needs both \`starter\` and \`solution\` (either may be empty text)`);
    const parts = file.path.split('/');
    if (file.path && (file.path.startsWith('/') || file.path.includes('\\') || parts.some((p) => p === '' || p === '.' || p === '..'))) {
      r.problem(r.value(item, 'path'), `file path \`${file.path}\` of ${label} must be relative, with / between folders and no . or .. parts`);
    } else if (seen.has(file.path)) {
      r.problem(r.value(item, 'path'), `file path \`${file.path}\` of ${label} is used twice (the main file is ${mainFile})`);
    }
    seen.add(file.path);
    out.push(file);
  }
  return out;
}

function readExercise(r: Reader, node: YAMLMap, where: string): Exercise {
  const what = `exercise of ${where}`;
  r.onlyKeys(node, ['id', 'title', 'difficulty', 'kind', 'prompt', 'starter', 'solution', 'checks', 'hints', 'params', 'minPython', 'files', 'requires'], what);
  const id = r.id(node, what);
  const label = `exercise \`${id}\``;
  const difficulty = r.str(node, 'difficulty', label) as Difficulty;
  if (difficulty && !DIFFICULTIES.includes(difficulty)) {
    r.problem(r.value(node, 'difficulty'), `difficulty of ${label} must be one of ${DIFFICULTIES.join(', ')}`);
  }
  const kind = (r.str(node, 'kind', label, true) || 'function') as ExerciseKind;
  if (!KINDS.includes(kind)) r.problem(r.value(node, 'kind'), `kind of ${label} must be one of ${KINDS.join(', ')}`);
  const solution = r.str(node, 'solution', label);
  const checkNodes = r.maps(node, 'checks', label);
  const names = topLevelNames(solution);
  const checks = checkNodes.map((c) => readCheck(r, c, label, names));
  r.unique(checks, checkNodes, 'check');
  // The starter may legitimately be empty-ish for program tasks, but the field must be there.
  if (!r.has(node, 'starter')) r.problem(node, `missing field \`starter\` in ${label}`);
  const exercise: Exercise = {
    id,
    title: r.str(node, 'title', label),
    difficulty,
    kind,
    prompt: r.str(node, 'prompt', label),
    starter: r.str(node, 'starter', label, true),
    solution,
    checks,
    hints: r.strList(node, 'hints', label, 1),
  };
  const params = readParams(r, r.value(node, 'params'), label);
  if (params) exercise.params = params;
  const minPython = r.str(node, 'minPython', label, true);
  if (minPython) {
    const m = /^3\.(\d+)$/.exec(minPython);
    if (!m || Number(m[1]) < 8) r.problem(r.value(node, 'minPython'), `minPython of ${label} must be a version such as "3.10" (3.8 or newer)`);
    else exercise.minPython = minPython;
  }
  const files = readFiles(r, r.value(node, 'files'), label, `${id}.py`);
  if (files) exercise.files = files;
  const requires = r.strList(node, 'requires', label, 0);
  for (const need of requires) {
    if (!/^[A-Za-z_][\w.]*$/.test(need)) r.problem(r.value(node, 'requires'), `requires of ${label}: \`${need}\` must be display, database or a module name`);
  }
  if (requires.length) exercise.requires = requires;
  // Every {{name}} must be a param: a typo would otherwise reach the learner as literal braces.
  const texts = [exercise.prompt, exercise.starter, exercise.solution, ...exercise.hints, ...checks.flatMap((c) => [c.title, c.code, c.message]), ...(files ?? []).flatMap((f) => [f.starter, f.solution])];
  for (const name of new Set(texts.flatMap(placeholders))) {
    if (!params || !(name in params)) r.problem(node, `${label} uses {{${name}}}, but has no param \`${name}\``);
  }
  return exercise;
}

function readTopic(r: Reader, node: YAMLMap, objectives: Record<string, string>, outline: Set<string>): Topic {
  r.onlyKeys(node, ['id', 'title', 'summary', 'objectives', 'covers', 'exercises'], 'topic');
  const id = r.id(node, 'topic');
  const label = `topic \`${id}\``;
  // Seed-only topics (no official code) may leave objectives empty if they cover outline entries.
  const codes = r.strList(node, 'objectives', label, 0);
  const codesNode = r.value(node, 'objectives');
  for (const code of codes) {
    if (!(code in objectives)) r.problem(codesNode, `${label} names objective ${code}, which is not in this file's \`objectives\``);
  }
  const covers = r.strList(node, 'covers', label, 0);
  for (const entry of covers) {
    if (!outline.has(entry)) r.problem(r.value(node, 'covers'), `${label} covers \`${entry}\`, which is not an id in this file's \`outline\``);
  }
  if (codes.length === 0 && covers.length === 0) r.problem(node, `${label} needs at least one objective code in \`objectives\` or one outline entry in \`covers\``);
  const exerciseNodes = r.maps(node, 'exercises', label);
  const exercises = exerciseNodes.map((e) => readExercise(r, e, label));
  r.unique(exercises, exerciseNodes, 'exercise');
  return { id, title: r.str(node, 'title', label), summary: r.str(node, 'summary', label), objectives: codes, covers, exercises };
}

function readExamFacts(r: Reader, node: Node | undefined, parent: YAMLMap): ExamFacts {
  const facts: ExamFacts = { items: 0, minutes: 0, passMark: 0, feeUsd: 0, prerequisites: [], delivery: '' };
  if (!isMap(node)) {
    r.problem(node ?? parent, node ? '`exam` must be a mapping' : 'missing field `exam` in certification');
    return facts;
  }
  r.onlyKeys(node, ['items', 'minutes', 'passMark', 'feeUsd', 'prerequisites', 'delivery'], 'exam');
  facts.items = r.num(node, 'items', 'exam', 1, 500);
  facts.minutes = r.num(node, 'minutes', 'exam', 1, 600);
  facts.passMark = r.num(node, 'passMark', 'exam', 1, 100);
  facts.feeUsd = r.num(node, 'feeUsd', 'exam', 0, 10000);
  facts.prerequisites = r.strList(node, 'prerequisites', 'exam', 0);
  facts.delivery = r.str(node, 'delivery', 'exam');
  return facts;
}

function readObjectives(r: Reader, node: Node | undefined, parent: YAMLMap): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isMap(node)) {
    r.problem(node ?? parent, node ? '`objectives` must map codes to subjects' : 'missing field `objectives` in certification');
    return out;
  }
  for (const pair of node.items) {
    const key = pair.key as Node;
    if (!isScalar(key) || typeof key.value !== 'string') {
      r.problem(key, `objective codes must be quoted text (write "${isScalar(key) ? String(key.value) : '1.1'}"), so 1.10 stays 1.10`);
      continue;
    }
    const value = pair.value as Node;
    if (!isScalar(value) || typeof value.value !== 'string' || !value.value.trim()) {
      r.problem(value ?? key, `objective ${key.value} needs a subject text`);
      continue;
    }
    out[key.value] = value.value;
  }
  return out;
}

function readCertification(r: Reader, root: YAMLMap, file: string): Certification {
  const kindNode = r.value(root, 'kind');
  const kind = kindNode === undefined ? 'exam' : isScalar(kindNode) ? kindNode.value : undefined;
  const common = {
    id: r.id(root, 'certification'),
    title: r.str(root, 'title', 'certification'),
    shortTitle: r.str(root, 'shortTitle', 'certification'),
    order: r.num(root, 'order', 'certification', 0, 1000),
    summary: r.str(root, 'summary', 'certification'),
    file,
  };
  if (kind === 'credential') {
    r.onlyKeys(root, ['kind', 'id', 'title', 'shortTitle', 'order', 'summary', 'requires'], 'credential');
    return { kind: 'credential', ...common, requires: r.strList(root, 'requires', 'credential', 1) } satisfies Credential;
  }
  if (kind !== 'exam') r.problem(kindNode, '`kind` must be `exam` (the default) or `credential`');
  r.onlyKeys(root, ['kind', 'id', 'title', 'shortTitle', 'examCode', 'order', 'summary', 'exam', 'objectives', 'outline', 'domains'], 'certification');
  const objectives = readObjectives(r, r.value(root, 'objectives'), root);
  const outlineNode = r.value(root, 'outline');
  const outlineNodes = outlineNode === undefined ? [] : r.maps(root, 'outline', 'certification');
  const outline = outlineNodes.map((o) => {
    r.onlyKeys(o, ['id', 'title'], 'outline entry');
    return { id: r.id(o, 'outline entry'), title: r.str(o, 'title', 'outline entry') };
  });
  r.unique(outline, outlineNodes, 'outline');
  const outlineIds = new Set(outline.map((o) => o.id));
  const domainNodes = r.maps(root, 'domains', 'certification');
  const allTopicNodes: YAMLMap[] = [];
  const domains: Domain[] = domainNodes.map((d) => {
    r.onlyKeys(d, ['id', 'title', 'weight', 'topics'], 'domain');
    const id = r.id(d, 'domain');
    const topicNodes = r.maps(d, 'topics', `domain \`${id}\``);
    allTopicNodes.push(...topicNodes);
    return {
      id,
      title: r.str(d, 'title', `domain \`${id}\``),
      weight: r.num(d, 'weight', `domain \`${id}\``, 0, 100),
      topics: topicNodes.map((t) => readTopic(r, t, objectives, outlineIds)),
    };
  });
  r.unique(domains, domainNodes, 'domain');
  // Topic ids are unique across the whole certification: progress keys leave the domain out.
  r.unique(domains.flatMap((d) => d.topics), allTopicNodes, 'topic');
  const total = domains.reduce((sum, d) => sum + d.weight, 0);
  if (domains.length && Math.abs(total - 100) > 0.01) {
    r.problem(r.value(root, 'domains'), `domain weights add up to ${total}%, not 100%`);
  }
  return {
    kind: 'exam',
    ...common,
    examCode: r.str(root, 'examCode', 'certification'),
    exam: readExamFacts(r, r.value(root, 'exam'), root),
    objectives,
    outline,
    domains,
  } satisfies ExamCertification;
}

/** Parses one syllabus file; returns the certification only if the file has no problems. */
export function parseSyllabusFile(source: SyllabusSource): { certification?: Certification; problems: SyllabusProblem[]; refsLine?: number } {
  const lines = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter: lines, uniqueKeys: true });
  const r = new Reader(source.file, lines);
  if (doc.errors.length) {
    return {
      problems: doc.errors.map((e) => ({
        file: source.file,
        line: e.linePos?.[0].line ?? 1,
        message: `YAML syntax: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  if (!isMap(doc.contents)) {
    r.problem(doc.contents, 'a syllabus file must be a mapping with `id`, `title`, ... at the top level');
    return { problems: r.problems };
  }
  const certification = readCertification(r, doc.contents, source.file);
  const exam = r.value(doc.contents, 'exam');
  const refs = certification.kind === 'exam' ? (isMap(exam) ? r.value(exam, 'prerequisites') : undefined) : r.value(doc.contents, 'requires');
  const refsLine = r.lineOf(refs ?? doc.contents);
  return r.problems.length ? { problems: r.problems, refsLine } : { certification, problems: [], refsLine };
}

/** Loads every syllabus file, then checks what spans files: duplicate ids and unknown prerequisites. */
export function loadSyllabus(sources: SyllabusSource[]): Syllabus {
  const problems: SyllabusProblem[] = [];
  let certs: { cert: Certification; refsLine: number }[] = [];
  for (const source of sources) {
    const result = parseSyllabusFile(source);
    problems.push(...result.problems);
    if (!result.certification) continue;
    const twin = certs.find((c) => c.cert.id === result.certification!.id);
    if (twin) {
      problems.push({ file: source.file, line: 1, message: `duplicate certification id \`${twin.cert.id}\` (also in ${twin.cert.file})` });
      continue;
    }
    certs.push({ cert: result.certification, refsLine: result.refsLine ?? 1 });
  }
  // Dropping one certification can orphan another that requires it, so repeat until nothing changes.
  for (let changed = true; changed; ) {
    const known = new Set(certs.map((c) => c.cert.id));
    const kept = certs.filter(({ cert, refsLine }) => {
      const refs = cert.kind === 'exam' ? cert.exam.prerequisites : cert.requires;
      const unknown = refs.filter((id) => !known.has(id));
      const field = cert.kind === 'exam' ? 'exam.prerequisites' : 'requires';
      for (const id of unknown) {
        problems.push({ file: cert.file, line: refsLine, message: `unknown prerequisite \`${id}\` in ${field} of \`${cert.id}\`: no loaded certification has that id` });
      }
      return unknown.length === 0;
    });
    changed = kept.length !== certs.length;
    certs = kept;
  }
  const certifications = certs.map((c) => c.cert).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return { certifications, problems };
}

/** `file:line: message`, the form every syllabus problem is shown in. */
export function formatProblem(problem: SyllabusProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}
