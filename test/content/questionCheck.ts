// Verification of the question banks with a real interpreter: which runs each question needs,
// and whether what the interpreter did agrees with the marked answer.
import { execFile } from 'child_process';
import * as path from 'path';
import { Candidate } from '../../src/core/interpreter/interpreter';
import { Syllabus } from '../../src/core/syllabus/model';
import { Question } from '../../src/core/exam/question';
import {
  GAP,
  loadQuestions,
  parseRaisesChoice,
  QuestionBank,
  raisesInOutput,
} from '../../src/core/exam/questionLoader';
import { formatProblem } from '../../src/core/syllabus/loader';
import { readYamlFiles } from '../../src/node/files';

/** One snippet run the worker (questions.py) performs. */
export interface SnippetRun {
  key: string;
  code: string;
  stdin?: string;
  /** An expression evaluated after `code`; its truth is reported as `value`. */
  eval?: string;
  /** The snippet may call connect() for a scratch MySQL/MariaDB database. */
  database?: boolean;
  /** Lines to try in every other order: the worker reports the orders (as index lists) that print `expect`. */
  permute?: string[];
  expect?: string;
  process?: boolean;
  requires?: string[];
}

/** What the worker saw a run do. */
export interface Observation {
  key: string;
  stdout?: string;
  error?: string | null;
  line?: number | null;
  value?: boolean | null;
  detail?: string;
  /** A required module the interpreter lacks: the run did not happen. */
  missing?: string;
  /** For a `permute` run: the other orders of the lines that print `expect`. */
  matches?: number[][];
}

/** The question banks beside the syllabus (syllabus/questions), validated; throws on any problem. */
export function shippedQuestions(syllabusDir: string, syllabus: Syllabus): QuestionBank {
  const read = readYamlFiles(path.join(syllabusDir, 'questions'), 'syllabus/questions');
  const bank = loadQuestions(read.sources, syllabus);
  const problems = [...read.problems, ...bank.problems];
  if (problems.length) throw new Error(problems.map(formatProblem).join('\n'));
  return bank;
}

/** Whether the interpreter can check this question's answer at all. */
export function isVerifiable(q: Question): boolean {
  return (
    q.type === 'output' ||
    q.type === 'raises' ||
    q.type === 'fill' ||
    q.type === 'order' ||
    q.type === 'gaps' ||
    !!q.verify ||
    !!q.check
  );
}

/** The code of a `gaps` question with the fragments `picks` (one index per gap) in its gaps. */
export function fillGaps(q: Question, picks: number[]): string {
  let i = 0;
  return (q.code ?? '').replace(/___/g, () => {
    const gap = q.gaps![i];
    return gap.choices[picks[i++]];
  });
}

/** The keyed picks of a gaps question, and every variant that changes exactly one gap. */
export function gapVariants(q: Question): { key: string; picks: number[] }[] {
  const keyed = q.gaps!.map((g) => g.answer);
  const out = [{ key: 'keyed', picks: keyed }];
  q.gaps!.forEach((gap, g) =>
    gap.choices.forEach((_, c) => {
      if (c !== gap.answer) out.push({ key: `g${g}c${c}`, picks: keyed.map((k, i) => (i === g ? c : k)) });
    }),
  );
  return out;
}

/** The runs that verify one question (none for a question with nothing to run). */
export function runsFor(q: Question): SnippetRun[] {
  const base = `${q.cert}/${q.id}`;
  const code = q.code ?? '';
  const common = {
    stdin: q.stdin,
    process: q.process,
    requires: q.requires,
    ...(q.database ? { database: true } : {}),
  };
  const runs: SnippetRun[] = [];
  if (q.type === 'output' || q.type === 'raises') runs.push({ key: `${base}#code`, code, ...common });
  if (q.type === 'fill')
    q.choices.forEach((c, i) => runs.push({ key: `${base}#${i}`, code: code.replace(GAP, c), ...common }));
  if (q.verify === 'truthy') q.choices.forEach((c, i) => runs.push({ key: `${base}#${i}`, code, eval: c, ...common }));
  if (q.verify === 'runs')
    q.choices.forEach((c, i) => runs.push({ key: `${base}#${i}`, code: `${code}\n${c}\n`, ...common }));
  if (q.check) runs.push({ key: `${base}#check`, code: `${code}\n${q.check}\n`, ...common });
  if (q.type === 'order') runs.push({ key: `${base}#keyed`, code: `${q.lines!.join('\n')}\n`, ...common });
  if (q.type === 'gaps')
    for (const v of gapVariants(q)) runs.push({ key: `${base}#${v.key}`, code: fillGaps(q, v.picks), ...common });
  return runs;
}

/** The run that proves an order question has one answer: every other order of its lines (default interpreter only). */
export function permutationRun(q: Question): SnippetRun | undefined {
  if (q.type !== 'order') return undefined;
  return {
    key: `${q.cert}/${q.id}#permutations`,
    code: '',
    permute: q.lines,
    expect: q.expect,
    stdin: q.stdin,
    requires: q.requires,
    // Every order of a database program gets connect() too, so an order fails for its own reason, not a NameError.
    ...(q.database ? { database: true } : {}),
  };
}

/** Output as compared: trailing spaces of each line and trailing blank lines do not count. */
export function normalOutput(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n+$/, '');
}

function show(text: string): string {
  const one = JSON.stringify(text);
  return one.length > 160 ? `${one.slice(0, 157)}...` : one;
}

function ended(o: Observation): string {
  return o.error
    ? `raised ${o.error}${o.line ? ` on line ${o.line}` : ''}${o.detail ? ` (${o.detail})` : ''}`
    : `printed ${show(normalOutput(o.stdout ?? ''))}`;
}

/** The verdict on one question: `ok`, `skipped` with the reason, or `wrong` with what differs. */
export type Verdict = { status: 'ok' } | { status: 'skipped'; reason: string } | { status: 'wrong'; message: string };

/** Compares the observations of a question's runs with its marked answer. */
export function judge(q: Question, seen: Map<string, Observation>): Verdict {
  const base = `${q.cert}/${q.id}`;
  const runs = runsFor(q);
  const missing = runs.map((r) => seen.get(r.key)?.missing).find(Boolean);
  if (missing) return { status: 'skipped', reason: `needs ${missing}` };
  const get = (suffix: string): Observation => seen.get(`${base}#${suffix}`) ?? { key: suffix, error: 'NoReport' };
  const marked = q.answer.map((i) => `choice ${i} ${show(q.choices[i])}`).join(' and ');
  const compare = (right: number[], saw: string): Verdict => {
    const same = right.length === q.answer.length && right.every((i) => q.answer.includes(i));
    if (same) return { status: 'ok' };
    const found = right.length ? right.map((i) => `choice ${i} ${show(q.choices[i])}`).join(' and ') : 'no choice';
    return { status: 'wrong', message: `marked ${marked}, but ${saw}: that makes ${found} right` };
  };
  if (q.check) {
    const o = get('check');
    if (o.error) return { status: 'wrong', message: `the check ${ended(o)}` };
  }
  if (q.type === 'output') {
    const o = get('code');
    const right = q.choices
      .map((c, i) => {
        const name = raisesInOutput(c);
        if (name) return o.error === name ? i : -1;
        return !o.error && normalOutput(c) === normalOutput(o.stdout ?? '') ? i : -1;
      })
      .filter((i) => i >= 0);
    return compare(right, `the code ${ended(o)}`);
  }
  if (q.type === 'raises') {
    const o = get('code');
    const right = q.choices
      .map((c, i) => {
        const claim = parseRaisesChoice(c)!;
        if (claim.nothing) return o.error ? -1 : i;
        if (!o.error) return -1;
        if (claim.error && claim.error !== o.error) return -1;
        if (claim.line !== undefined && claim.line !== o.line) return -1;
        return i;
      })
      .filter((i) => i >= 0);
    return compare(right, `the code ${ended(o)}`);
  }
  if (q.type === 'fill') {
    const want = normalOutput(q.expect ?? '');
    const outcomes = q.choices.map((_, i) => get(String(i)));
    const right = outcomes
      .map((o, i) => (!o.error && normalOutput(o.stdout ?? '') === want ? i : -1))
      .filter((i) => i >= 0);
    return compare(
      right,
      `with each fragment the code ${outcomes.map((o, i) => `[${i}] ${ended(o)}`).join('; ')} (expected ${show(want)})`,
    );
  }
  if (q.type === 'order') {
    const o = get('keyed');
    const want = normalOutput(q.expect ?? '');
    if (o.error || normalOutput(o.stdout ?? '') !== want)
      return { status: 'wrong', message: `the lines in the keyed order ${ended(o)}, not ${show(want)}` };
    const p = seen.get(`${base}#permutations`);
    if (p?.matches?.length)
      return {
        status: 'wrong',
        message: `other orders of the lines print the same: ${p.matches
          .slice(0, 3)
          .map((m) => `[${m.join(', ')}]`)
          .join(', ')}${p.matches.length > 3 ? ` and ${p.matches.length - 3} more` : ''}`,
      };
    if (p?.error) return { status: 'wrong', message: `trying the other orders failed: ${p.error} ${p.detail ?? ''}` };
    return { status: 'ok' };
  }
  if (q.type === 'gaps') {
    const want = normalOutput(q.expect ?? '');
    const keyed = get('keyed');
    if (keyed.error || normalOutput(keyed.stdout ?? '') !== want)
      return { status: 'wrong', message: `with the keyed fragments the code ${ended(keyed)}, not ${show(want)}` };
    const alike = gapVariants(q)
      .slice(1)
      .filter((v) => {
        const o = get(v.key);
        return !o.error && normalOutput(o.stdout ?? '') === want;
      });
    if (alike.length)
      return {
        status: 'wrong',
        message: `other fragments print the expected output too: ${alike.map((v) => v.key).join(', ')}`,
      };
    return { status: 'ok' };
  }
  if (q.verify === 'truthy') {
    const outcomes = q.choices.map((_, i) => get(String(i)));
    const right = outcomes.map((o, i) => (!o.error && o.value === true ? i : -1)).filter((i) => i >= 0);
    return compare(
      right,
      `the expressions gave ${outcomes.map((o, i) => `[${i}] ${o.error ? ended(o) : String(o.value)}`).join('; ')}`,
    );
  }
  if (q.verify === 'runs') {
    const outcomes = q.choices.map((_, i) => get(String(i)));
    const right = outcomes.map((o, i) => (!o.error ? i : -1)).filter((i) => i >= 0);
    return compare(
      right,
      `the statements ${outcomes.map((o, i) => `[${i}] ${o.error ? ended(o) : 'ran'}`).join('; ')}`,
    );
  }
  return { status: 'ok' };
}

/** Whether `version` ("3.11.7") lies outside the question's minPython/maxPython. */
export function outsideVersions(q: Question, version: string): boolean {
  const [major, minor] = version.split('.').map(Number);
  const at = (v?: string) => (v ? Number(v.split('.')[1]) : undefined);
  const min = at(q.minPython);
  const max = at(q.maxPython);
  return major !== 3 || (min !== undefined && minor < min) || (max !== undefined && minor > max);
}

/** Runs snippets with questions.py on one interpreter (in `jobs` parallel workers); observations by key. */
export async function observe(
  python: Candidate,
  worker: string,
  runs: SnippetRun[],
  jobs: number,
  env: NodeJS.ProcessEnv = {},
): Promise<Map<string, Observation>> {
  const parts: SnippetRun[][] = Array.from({ length: Math.max(1, jobs) }, () => []);
  runs.forEach((run, i) => parts[i % parts.length].push(run));
  const results = await Promise.all(
    parts
      .filter((p) => p.length)
      .map(
        (part) =>
          new Promise<Observation[]>((resolve, reject) => {
            const child = execFile(
              python.command,
              [...python.args, worker],
              { maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...env }, timeout: 15 * 60 * 1000 },
              (error, stdout, stderr) => {
                if (error) reject(new Error(`questions.py failed on ${python.command}: ${error.message}\n${stderr}`));
                else resolve(JSON.parse(stdout) as Observation[]);
              },
            );
            child.stdin?.end(JSON.stringify({ runs: part, timeout: 10 }));
          }),
      ),
  );
  return new Map(results.flat().map((o) => [o.key, o]));
}
