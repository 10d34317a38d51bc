// Exercise variants: an exercise with `params` draws new values at each generation, from a seed that
// the practice file records, so the same seed always gives the same task, checks and solution.
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

/** A fixed seed for exercises without params, so their files need no variant line. */
export const NO_VARIANT = 0;

/** mulberry32: small, fast and the same on every platform. */
export function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Draws every parameter from the seed, in the order the exercise lists them. */
export function drawParams(specs: Record<string, ParamSpec>, seed: number): Record<string, ParamValue> {
  const random = generator(seed);
  const out: Record<string, ParamValue> = {};
  for (const [name, spec] of Object.entries(specs)) {
    if ('int' in spec) out[name] = spec.int[0] + Math.floor(random() * (spec.int[1] - spec.int[0] + 1));
    else if ('float' in spec) out[name] = Number((spec.float[0] + random() * (spec.float[1] - spec.float[0])).toFixed(spec.digits));
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
  return `{${Object.entries(value).map(([k, v]) => `${pythonLiteral(k)}: ${pythonLiteral(v)}`).join(', ')}}`;
}

/** A value as text (`{{name}}`): strings and numbers plain, containers as Python literals. */
export function plainText(value: ParamValue): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : pythonLiteral(value);
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_]\w*)\s*(!r)?\s*\}\}/g;
/** `{{= expression}}`: arithmetic on number params, written as its result. */
const COMPUTED = /\{\{=([^}]*)\}\}/g;

/** Names a text refers to with `{{name}}`, `{{name!r}}` or inside `{{= expression}}`. */
export function placeholders(text: string): string[] {
  return [...[...text.matchAll(PLACEHOLDER)].map((m) => m[1]), ...[...text.matchAll(COMPUTED)].flatMap((m) => namesIn(m[1]))];
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
export function instantiate(exercise: Exercise, seed: number): { exercise: Exercise; params: Record<string, ParamValue> } {
  if (!exercise.params) return { exercise, params: {} };
  const params = drawParams(exercise.params, seed);
  const f = (text: string) => fill(text, params);
  const checks: Check[] = exercise.checks.map((c) => ({ ...c, title: f(c.title), code: f(c.code), message: f(c.message) }));
  return {
    exercise: {
      ...exercise,
      prompt: f(exercise.prompt),
      starter: f(exercise.starter),
      solution: f(exercise.solution),
      hints: exercise.hints.map(f),
      checks,
      ...(exercise.files ? { files: exercise.files.map((file) => ({ path: file.path, starter: f(file.starter), solution: f(file.solution) })) } : {}),
    },
    params,
  };
}

/** A fresh seed for a new generation (1 … 2^31-1; 0 means "no variant"). */
export function newSeed(random: () => number = Math.random): number {
  return 1 + Math.floor(random() * 0x7ffffffe);
}
