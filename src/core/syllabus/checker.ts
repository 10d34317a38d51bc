// What the syllabus loader needs to report problems the schema cannot express: labels for messages,
// a per-file collector with line lookup, and uniqueness of ids.
import { DataPath, Locator } from './schema';
import { SyllabusProblem } from './model';
import { ID } from './yamlReader';
import { duplicateIds } from './yaml';

/** Whether a parsed file is a topic file (the schema tells them apart by `exercises` at the top). */
export function isTopicData(data: object): boolean {
  return 'exercises' in data && !('extends' in data) && !('domains' in data);
}

/** Names a snippet defines at top level (def, class, or assignment). */
export function topLevelNames(code: string): Set<string> {
  const names = new Set<string>();
  for (const line of code.split('\n')) {
    const m =
      /^(?:async\s+def|def|class)\s+([A-Za-z_]\w*)/.exec(line) ?? /^([A-Za-z_]\w*)\s*(?::[^=]*)?=(?!=)/.exec(line);
    if (m) names.add(m[1]);
  }
  return names;
}

const named = (what: string, id: unknown) => (typeof id === 'string' && ID.test(id) ? `${what} \`${id}\`` : what);

function rootLabel(root: Record<string, unknown>): string {
  if ('extends' in root) return `pack for \`${String(root.extends)}\``;
  if (isTopicData(root)) return named('topic', root.id);
  return root.kind === 'credential' ? 'credential' : 'certification';
}

/** Labels for messages: "exercise `add-two`", "check of exercise `add-two`", ... */
export function labeler(data: unknown): (path: DataPath) => string {
  return (path) => {
    const root = data as Record<string, unknown>;
    let label = rootLabel(root);
    let here: unknown = data;
    for (let i = 0; i < path.length; i++) {
      const key = path[i];
      const next = (here as Record<string | number, unknown> | undefined)?.[key];
      const item = next as Record<string, unknown> | undefined;
      const container = path[i - 1];
      if (typeof key === 'number') {
        if (container === 'domains') label = named('domain', item?.id);
        else if (container === 'topics') label = named('topic', item?.id);
        else if (container === 'exercises')
          label = named('exercise', item?.id) === 'exercise' ? `exercise of ${label}` : named('exercise', item?.id);
        else if (container === 'checks')
          label =
            named('check', item?.id) === 'check' ? `check of ${label}` : `${named('check', item?.id)} of ${label}`;
        else if (container === 'files') label = `a file of ${label}`;
        else if (container === 'outline') label = 'outline entry';
        else if (container === 'sections' && path[i - 2] === 'lesson') label = named('lesson section', item?.id);
        else if (container === 'sections') label = 'blueprint section';
        else if (container === 'examples') label = `example of ${label}`;
        else if (container === 'wrong') label = `wrong solution of ${label}`;
      } else if (key === 'exam' && i === 0) {
        label = 'exam';
      } else if (key === 'blueprint' && i === 0) {
        label = 'blueprint';
      } else if (key === 'lesson') {
        label = `the lesson of ${label}`;
      } else if (container === 'params' && i >= 2) {
        label = `param \`${key}\` of ${label}`;
      }
      here = next;
    }
    return label;
  };
}

/** Collects the problems of one file that the schema cannot express. */
export class Checker {
  readonly problems: SyllabusProblem[] = [];
  constructor(
    private readonly file: string,
    readonly at: Locator,
  ) {}

  problem(path: DataPath, message: string): void {
    this.problems.push({ file: this.file, line: this.at.line(path), message });
  }

  unique(ids: string[], path: DataPath, what: string): void {
    uniqueAcross(this, [{ ids, path }], what);
  }
}

/** Pairs of (items, path) for uniqueness across several lists, e.g. topics of every domain. */
export function uniqueAcross(c: Checker, lists: { ids: string[]; path: DataPath }[], what: string): void {
  const entries = lists.flatMap(({ ids, path }) => ids.map((id, i) => ({ id, where: [...path, i, 'id'] as DataPath })));
  for (const d of duplicateIds(entries))
    c.problem(d.where, `duplicate ${what} id \`${d.id}\` (first used on line ${c.at.line(d.first)})`);
}
