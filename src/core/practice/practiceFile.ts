// Renders the practice file a learner works in: header, task, starter code, and a generated check
// section that makes `python file.py` print the same checks the extension runs.
import { Check, ExerciseRef, ID } from '../syllabus/model';
import { ParamValue, pythonLiteral } from '../syllabus/variants';

/** First characters of the line that starts the generated check section (the harness cuts there). */
export const CHECKS_MARKER = '# ====== Cert Path checks';
/** Header line that names the exercise, so a moved file can still be matched. */
export const EXERCISE_TAG = '# cert-path-exercise:';
/** Header line that records the variant seed of a parametrized exercise. */
export const VARIANT_TAG = '# cert-path-variant:';

const RULE = '#'.repeat(78);

function comment(text: string): string[] {
  return text
    .replace(/\s+$/, '')
    .split('\n')
    .map((line) => (line.trim() ? `# ${line}`.replace(/\s+$/, '') : '#'));
}

/** A Python string literal for `value`: a raw triple-quoted block when safe, JSON otherwise. */
export function pythonString(value: string): string {
  if (!value.includes("'''") && !value.endsWith('\\') && !value.includes('\r')) return `r'''${value}'''`;
  return JSON.stringify(value); // JSON string escapes are valid Python string escapes
}

function checkLiteral(check: Check): string {
  const fields = [
    `"id": ${JSON.stringify(check.id)}`,
    `"title": ${JSON.stringify(check.title)}`,
    `"message": ${JSON.stringify(check.message)}`,
    ...(check.target ? [`"target": ${JSON.stringify(check.target)}`] : []),
    `"code": ${pythonString(check.code)}`,
  ];
  return `        {\n${fields.map((f) => `            ${f},`).join('\n')}\n        },`;
}

/** Relative path of an exercise's practice file below the practice folder; a folder of its own for multi-file exercises. */
export function practiceRelativePath(ref: ExerciseRef): string[] {
  const main = `${ref.exercise.id}.py`;
  return ref.exercise.files ? [ref.cert.id, ref.topic.id, ref.exercise.id, main] : [ref.cert.id, ref.topic.id, main];
}

/**
 * Candidate progress key from a path relative to the practice folder: `cert/topic/exercise.py`, or any
 * file inside a multi-file exercise's folder `cert/topic/exercise/...`. The caller checks it exists.
 */
export function keyFromRelativePath(parts: string[]): string | undefined {
  if (parts.length < 3 || !parts[parts.length - 1].endsWith('.py')) return undefined;
  const exercise = parts.length === 3 ? parts[2].slice(0, -3) : parts[2];
  return [parts[0], parts[1], exercise].every((p) => ID.test(p)) ? `${parts[0]}/${parts[1]}/${exercise}` : undefined;
}

/** The variant seed a practice file records, if any. */
export function seedFromHeader(text: string): number | undefined {
  for (const line of text.split('\n', 40)) {
    if (!line.startsWith(VARIANT_TAG)) continue;
    const seed = Number(line.slice(VARIANT_TAG.length).trim());
    return Number.isInteger(seed) && seed > 0 && seed < 2 ** 32 ? seed : undefined;
  }
  return undefined;
}

/** Progress key named in a practice file's header, if any. */
export function keyFromHeader(text: string): string | undefined {
  for (const line of text.split('\n', 40)) {
    if (line.startsWith(EXERCISE_TAG)) return line.slice(EXERCISE_TAG.length).trim() || undefined;
  }
  return undefined;
}

/** The complete practice file for an exercise already instantiated for `variant` (if it has params). */
export function renderPracticeFile(
  ref: ExerciseRef,
  runnerSource: string,
  variant?: { seed: number; params: Record<string, ParamValue> },
): string {
  if (runnerSource.includes("'''"))
    throw new Error("checklib.py must not contain ''' (it is embedded in a raw string)");
  const { cert, domain, topic, exercise } = ref;
  const objectives = topic.objectives.map((code) => `${code} ${cert.objectives[code]}`);
  const lines = [
    RULE,
    `# Cert Path · ${cert.shortTitle} (${cert.examCode}) › ${domain.title} › ${topic.title}`,
    `# Exercise: ${exercise.title} (${exercise.difficulty})`,
    ...objectives.map((o, i) => `# ${i === 0 ? 'Objectives:' : '           '} ${o}`),
    `${EXERCISE_TAG} ${ref.key}`,
    ...(variant ? [`${VARIANT_TAG} ${variant.seed}`] : []),
    ...(exercise.minPython ? [`# Needs Python ${exercise.minPython} or newer.`] : []),
    ...(exercise.requires?.length ? [`# Needs: ${exercise.requires.join(', ')}.`] : []),
    ...(exercise.files
      ? [`# Files of this exercise: ${exercise.files.map((f) => f.path).join(', ')} (beside this one)`]
      : []),
    RULE,
    '#',
    '# Task',
    '# ----',
    ...comment(exercise.prompt),
    '#',
    '# Check your work with "Cert Path: Run Checks" (command palette, or the ▷',
    '# button above this editor), or run this file: python ' + `${exercise.id}.py`,
    RULE,
    '',
    exercise.starter.replace(/\s+$/, ''),
    '',
    '',
    `${CHECKS_MARKER} ${'='.repeat(Math.max(0, 78 - CHECKS_MARKER.length - 1))}`,
    '# Everything below is generated. Running this file runs these checks and prints',
    '# a report. "Cert Path: Run Checks" always runs the official copy of the checks,',
    '# so changing or deleting this section cannot mark the exercise complete.',
    ...(exercise.kind === 'program'
      ? [
          '# This exercise is a program: running the file runs it first (type its input),',
          '# then the checks run it again with their own input.',
        ]
      : []),
    'if __name__ == "__main__":',
    '    _CERT_PATH_CHECKS = [',
    ...exercise.checks.map(checkLiteral),
    '    ]',
    `    _CERT_PATH_RUNNER = ${pythonString(runnerSource)}`,
    '    _cert_path = {"__name__": "cert_path_checks"}',
    '    exec(_CERT_PATH_RUNNER, _cert_path)',
    `    _cert_path["standalone_main"](_CERT_PATH_CHECKS, __file__, ${JSON.stringify(exercise.kind)}, ${pythonLiteral(variant?.params ?? {})}, ${exercise.minPython ? JSON.stringify(exercise.minPython) : 'None'}, ${pythonLiteral(exercise.requires ?? [])})`,
    '',
  ];
  return lines.join('\n');
}

/** A backup name beside `name.py` that is not taken yet: `name.bak.py`, then `name.bak-2.py`, … */
export function backupName(fileName: string, taken: (candidate: string) => boolean): string {
  const stem = fileName.replace(/\.py$/, '');
  for (let n = 1; ; n++) {
    const candidate = `${stem}.bak${n === 1 ? '' : `-${n}`}.py`;
    if (!taken(candidate)) return candidate;
  }
}

/** 1-based line of each embedded check's `"id"` entry, for gutter positions; absent if the section is gone. */
export function checkLines(text: string): Map<string, number> {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(CHECKS_MARKER));
  const found = new Map<string, number>();
  if (start < 0) return found;
  for (let i = start; i < lines.length; i++) {
    const m = /^ {12}"id": ("(?:[^"\\]|\\.)*"),$/.exec(lines[i]);
    if (m) found.set(JSON.parse(m[1]) as string, i + 1);
  }
  return found;
}

/** Where the learner's code is in a practice file: after the header block (its first blank line) and before the checks. */
export function learnerSpan(text: string): { start: number; end: number } {
  const start = text.indexOf('\n\n') + 2;
  const marker = text.indexOf(CHECKS_MARKER);
  return { start, end: marker >= start ? marker : text.length };
}

/** The practice file with the learner's code replaced by `code` (header and checks kept). */
export function withLearnerCode(text: string, code: string): string {
  const { start, end } = learnerSpan(text);
  return `${text.slice(0, start)}${code}\n\n\n${text.slice(end)}`;
}
