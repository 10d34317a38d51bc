// What the learner reads must read right for every draw: no placeholder left unfilled, and no
// arithmetic written next to a placeholder in prose ("{{n}}*2+1" reads "3*2+1", never "7").
import { Exercise, ExerciseRef } from '../../src/core/syllabus/model';
import { instantiate } from '../../src/core/syllabus/variants';

/** Draws checked per parametrized exercise. */
export const TEXT_DRAWS = 20;

/** Names of params whose values are numbers. */
function numericParams(exercise: Exercise): Set<string> {
  return new Set(
    Object.entries(exercise.params ?? {})
      .filter(
        ([, spec]) =>
          'int' in spec || 'float' in spec || ('choice' in spec && spec.choice.every((v) => typeof v === 'number')),
      )
      .map(([name]) => name),
  );
}

/** Arithmetic between two numbers, at least one a numeric placeholder: `{{n}} * 2`, `2 * {{n}}`, `{{a}} + {{b}}`. */
function arithmeticBeside(text: string, numeric: Set<string>): string | undefined {
  const side = String.raw`(?:\{\{\s*(\w+)\s*\}\}|\d+(?:\.\d+)?)`;
  // * / % bind tightly in any spacing; + and - only with spaces (2024-05 is a date, not a sum).
  const pattern = new RegExp(`${side}(?:\\s*[*/%]\\s*|\\s+[-+]\\s+)${side}`, 'g');
  for (const m of text.matchAll(pattern)) {
    const names = [m[1], m[2]].filter(Boolean);
    if (names.length && names.every((n) => numeric.has(n))) return m[0];
  }
  return undefined;
}

/** Prose a learner reads (code spans and fenced blocks removed). */
function prose(text: string): string {
  return text.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`\n]*`/g, ' ');
}

function texts(exercise: Exercise): [string, string][] {
  return [
    ['prompt', exercise.prompt],
    ...exercise.hints.map((h, i): [string, string] => [`hint ${i + 1}`, h]),
    ...exercise.checks.flatMap((c): [string, string][] => [
      [`title of check \`${c.id}\``, c.title],
      [`message of check \`${c.id}\``, c.message],
    ]),
  ];
}

/** Problems with the exercise's texts: arithmetic beside a placeholder, or braces left after a draw. */
export function textProblems(ref: ExerciseRef): string[] {
  const problems: string[] = [];
  const numeric = numericParams(ref.exercise);
  for (const [where, text] of texts(ref.exercise)) {
    const found = arithmeticBeside(prose(text), numeric);
    if (found)
      problems.push(
        `${where} writes arithmetic on a drawn number (\`${found}\`), which the learner reads unevaluated (e.g. "3 * 2"): state the value another way`,
      );
  }
  if (!ref.exercise.params) return problems;
  for (let seed = 1; seed <= TEXT_DRAWS; seed++) {
    for (const [where, text] of texts(instantiate(ref.exercise, seed).exercise)) {
      if (/\{\{\s*=?\s*\w/.test(prose(text)))
        problems.push(`${where} still holds braces after draw ${seed}: ${JSON.stringify(text.slice(0, 120))}`);
    }
  }
  return [...new Set(problems)];
}
