// Reads one exercise of a topic: what the schema cannot say about its checks (targets the solution
// defines, lesson links that exist), params, files, wrong solutions and placeholders.
import { Exercise } from './model';
import { Checker, topLevelNames } from './checker';
import { RawCheck, RawExercise } from './readers';
import { DataPath } from './schema';
import { computedProblems, drawParams, placeholders } from './variants';

/** What an exercise may refer to in its topic: the ids of the lesson's sections. */
export interface ExerciseScope {
  lessonSections: Set<string> | undefined;
}

function lessonAnchor(
  c: Checker,
  anchor: string | undefined,
  path: DataPath,
  what: string,
  scope: ExerciseScope,
): void {
  if (anchor === undefined) return;
  if (!scope.lessonSections)
    c.problem(path, `${what} points at lesson section \`${anchor}\`, but the topic has no \`lesson\``);
  else if (!scope.lessonSections.has(anchor))
    c.problem(
      path,
      `${what} points at lesson section \`${anchor}\`, which the topic's lesson does not have (its sections: ${[...scope.lessonSections].join(', ')})`,
    );
}

/** What the schema cannot say about an exercise's checks, params, files and wrong solutions. */
function checkExercise(c: Checker, raw: RawExercise, path: DataPath, scope: ExerciseScope, label: string): void {
  const names = topLevelNames(raw.solution);
  c.unique(
    raw.checks.map((k) => k.id),
    [...path, 'checks'],
    'check',
  );
  raw.checks.forEach((check: RawCheck, i) => {
    if (check.target && !names.has(check.target)) {
      c.problem(
        [...path, 'checks', i, 'target'],
        `check \`${check.id}\` of ${label} targets \`${check.target}\`, which the reference solution does not define`,
      );
    }
    lessonAnchor(c, check.lesson, [...path, 'checks', i, 'lesson'], `check \`${check.id}\` of ${label}`, scope);
  });
  lessonAnchor(c, raw.lesson, [...path, 'lesson'], label, scope);
  for (const [name, spec] of Object.entries(raw.params ?? {})) {
    const where = [...path, 'params', name];
    if ('int' in spec && spec.int[0] > spec.int[1])
      c.problem(where, `param \`${name}\` of ${label}: \`int\` needs [low, high] with low <= high`);
    if ('float' in spec && spec.float[0] > spec.float[1])
      c.problem(where, `param \`${name}\` of ${label}: \`float\` needs [low, high] with low <= high`);
    if ('sample' in spec && spec.k > spec.sample.length)
      c.problem(where, `param \`${name}\` of ${label}: \`sample\` needs \`k\` between 1 and ${spec.sample.length}`);
  }
  const seen = new Set<string>([`${raw.id}.py`]);
  (raw.files ?? []).forEach((file, i) => {
    if (seen.has(file.path))
      c.problem(
        [...path, 'files', i, 'path'],
        `file path \`${file.path}\` of ${label} is used twice (the main file is ${raw.id}.py)`,
      );
    seen.add(file.path);
  });
  (raw.wrong ?? []).forEach((wrong, i) => {
    for (const file of Object.keys(wrong.files ?? {})) {
      if (!(raw.files ?? []).some((f) => f.path === file))
        c.problem(
          [...path, 'wrong', i, 'files'],
          `wrong solution ${i + 1} of ${label} replaces \`${file}\`, which is not one of the exercise's files (${(raw.files ?? []).map((f) => f.path).join(', ') || 'it has none'})`,
        );
    }
  });
}

/** The exercise as the model has it (optional fields only when present). */
function buildExercise(raw: RawExercise): Exercise {
  const exercise: Exercise = {
    id: raw.id,
    title: raw.title,
    difficulty: raw.difficulty,
    kind: raw.kind ?? 'function',
    prompt: raw.prompt,
    starter: raw.starter,
    solution: raw.solution,
    checks: raw.checks.map((k) => ({
      id: k.id,
      title: k.title,
      code: k.code,
      message: k.message,
      ...(k.target ? { target: k.target } : {}),
      ...(k.lesson ? { lesson: k.lesson } : {}),
    })),
    hints: raw.hints,
  };
  if (raw.params) exercise.params = raw.params;
  if (raw.minPython) exercise.minPython = raw.minPython;
  if (raw.files) exercise.files = raw.files.map((f) => ({ path: f.path, starter: f.starter, solution: f.solution }));
  if (raw.requires?.length) exercise.requires = raw.requires;
  if (raw.wrong?.length)
    exercise.wrong = raw.wrong.map((w) => ({
      note: w.note,
      ...(w.code !== undefined ? { code: w.code } : {}),
      ...(w.files ? { files: { ...w.files } } : {}),
    }));
  if (raw.equivalentMutants?.length)
    exercise.equivalentMutants = raw.equivalentMutants.map((m) => ({ mutant: m.mutant, reason: m.reason }));
  if (raw.lesson) exercise.lesson = raw.lesson;
  return exercise;
}

/** Every {{name}} must be a param: a typo would otherwise reach the learner as literal braces. */
function checkPlaceholders(c: Checker, raw: RawExercise, exercise: Exercise, path: DataPath, label: string): void {
  const texts = [
    exercise.prompt,
    exercise.starter,
    exercise.solution,
    ...exercise.hints,
    ...exercise.checks.flatMap((k) => [k.title, k.code, k.message]),
    ...(exercise.files ?? []).flatMap((f) => [f.starter, f.solution]),
    ...(exercise.wrong ?? []).flatMap((w) => [w.code ?? '', ...Object.values(w.files ?? {})]),
  ];
  for (const name of new Set(texts.flatMap(placeholders))) {
    if (!raw.params || !(name in raw.params))
      c.problem(path, `${label} uses {{${name}}}, but has no param \`${name}\``);
  }
  if (raw.params && !c.problems.length) {
    // A computed placeholder must evaluate for a draw (the content test tries twenty).
    const sample = drawParams(raw.params, 1);
    for (const problem of new Set(texts.flatMap((t) => computedProblems(t, sample))))
      c.problem(path, `${label}: a {{= …}} placeholder cannot be computed: ${problem}`);
  }
}

/** Reads one exercise (problems go to `c`). */
export function readExercise(c: Checker, raw: RawExercise, path: DataPath, scope: ExerciseScope): Exercise {
  const label = `exercise \`${raw.id}\``;
  checkExercise(c, raw, path, scope, label);
  const exercise = buildExercise(raw);
  checkPlaceholders(c, raw, exercise, path, label);
  return exercise;
}
