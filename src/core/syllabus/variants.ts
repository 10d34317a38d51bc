// Exercise variants: an exercise with `params` draws new values at each generation, from a seed that
// the practice file records, so the same seed always gives the same task, checks and solution.
import { generator, shuffled } from '../random';
import { evaluate, namesIn, pythonNumber } from './arithmetic';
import { Check, Exercise } from './model';

/** A JSON value a parameter can take. */
export type ParamValue = string | number | boolean | null | ParamValue[] | { [key: string]: ParamValue };

/** How one parameter is drawn. */
export type ParamSpec =
  | { int: [number, number] }
  | { float: [number, number]; digits: number }
  | { choice: ParamValue[] }
  | { sample: ParamValue[]; k: number }
  | { shuffle: ParamValue[] };

export { generator, newSeed } from '../random';

/** A fixed seed for exercises without params, so their files need no variant line. */
export const NO_VARIANT = 0;

/** Draws every parameter from the seed, in the order the exercise lists them. */
export function drawParams(specs: Record<string, ParamSpec>, seed: number): Record<string, ParamValue> {
  const random = generator(seed);
  const out: Record<string, ParamValue> = {};
  for (const [name, spec] of Object.entries(specs)) {
    if ('int' in spec) out[name] = spec.int[0] + Math.floor(random() * (spec.int[1] - spec.int[0] + 1));
    else if ('float' in spec)
      out[name] = Number((spec.float[0] + random() * (spec.float[1] - spec.float[0])).toFixed(spec.digits));
    else if ('choice' in spec) out[name] = spec.choice[Math.floor(random() * spec.choice.length)];
    else if ('sample' in spec) out[name] = shuffled(spec.sample, random).slice(0, spec.k);
    else out[name] = shuffled(spec.shuffle, random);
  }
  return out;
}

/** A value as Python source (`{{name!r}}`). */
export function pythonLiteral(value: ParamValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value); // JS number text (1.5, 1e+21) is valid Python
  if (typeof value === 'string') return JSON.stringify(value); // JSON string escapes are valid Python
  if (Array.isArray(value)) return `[${value.map(pythonLiteral).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([k, v]) => `${pythonLiteral(k)}: ${pythonLiteral(v)}`)
    .join(', ')}}`;
}

/** A value as text (`{{name}}`): strings and numbers plain, containers as Python literals. */
export function plainText(value: ParamValue): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' ? String(value) : pythonLiteral(value);
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_]\w*)\s*(!r)?\s*\}\}/g;
/** `{{= expression}}`: arithmetic on number params, written as its result. */
const COMPUTED = /\{\{=([^}]*)\}\}/g;

/** Names a text refers to with `{{name}}`, `{{name!r}}` or inside `{{= expression}}`. */
export function placeholders(text: string): string[] {
  return [
    ...[...text.matchAll(PLACEHOLDER)].map((m) => m[1]),
    ...[...text.matchAll(COMPUTED)].flatMap((m) => namesIn(m[1])),
  ];
}

/** Why a computed placeholder cannot be evaluated with these values (e.g. a typo), or undefined. */
export function computedProblems(text: string, params: Record<string, ParamValue>): string[] {
  const problems: string[] = [];
  for (const m of text.matchAll(COMPUTED)) {
    try {
      evaluate(m[1], params);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return problems;
}

/** Replaces `{{name}}`, `{{name!r}}` and `{{= expression}}` with drawn values. */
export function fill(text: string, params: Record<string, ParamValue>): string {
  const computed = text.replace(COMPUTED, (whole, source: string) => {
    try {
      return pythonNumber(evaluate(source, params));
    } catch {
      return whole; // the loader reports it; the text keeps the braces rather than a wrong number
    }
  });
  return computed.replace(PLACEHOLDER, (whole, name: string, literal?: string) => {
    if (!(name in params)) return whole;
    return literal ? pythonLiteral(params[name]) : plainText(params[name]);
  });
}

/** The concrete exercise for a seed: every text filled in, plus the params the checks receive. */
export function instantiate(
  exercise: Exercise,
  seed: number,
): { exercise: Exercise; params: Record<string, ParamValue> } {
  if (!exercise.params) return { exercise, params: {} };
  const params = drawParams(exercise.params, seed);
  const f = (text: string) => fill(text, params);
  const checks: Check[] = exercise.checks.map((c) => ({
    ...c,
    title: f(c.title),
    code: f(c.code),
    message: f(c.message),
  }));
  return {
    exercise: {
      ...exercise,
      prompt: f(exercise.prompt),
      starter: f(exercise.starter),
      solution: f(exercise.solution),
      hints: exercise.hints.map(f),
      checks,
      ...(exercise.files
        ? {
            files: exercise.files.map((file) => ({
              path: file.path,
              starter: f(file.starter),
              solution: f(file.solution),
            })),
          }
        : {}),
      ...(exercise.wrong
        ? {
            wrong: exercise.wrong.map((w) => ({
              note: f(w.note),
              ...(w.code !== undefined ? { code: f(w.code) } : {}),
              ...(w.files
                ? { files: Object.fromEntries(Object.entries(w.files).map(([p, code]) => [p, f(code)])) }
                : {}),
            })),
          }
        : {}),
    },
    params,
  };
}
