// A domain's topic entries: topics written out in place, or ids of topic files read from the folder
// named after the file that lists them.
import { SyllabusProblem, Topic } from './model';
import { Checker } from './checker';
import { RawTopicEntry, readTopic, TopicFile, topicFolder, TopicScope } from './readers';
import { DataPath } from './schema';

/** Resolves a domain's topic entries: inline topics as they are, ids from their topic files. */
export class TopicEntries {
  readonly problems: SyllabusProblem[] = [];
  /** Entries that could not be read; the file listing them is left out. */
  failures = 0;

  /**
   * @param files the topic files that passed their schema check, by file name
   * @param broken files that did not (their problems are reported on their own)
   */
  constructor(
    private readonly files: Map<string, TopicFile>,
    private readonly broken: Set<string>,
  ) {}

  /** The topic of one entry, or undefined (with a problem) when its file is missing or broken. */
  read(c: Checker, owner: string, entry: RawTopicEntry, path: DataPath, scope?: TopicScope): Topic | undefined {
    if (typeof entry !== 'string') return readTopic(c, entry, path, scope);
    const folder = topicFolder(owner);
    const found = this.files.get(`${folder}/${entry}.yaml`) ?? this.files.get(`${folder}/${entry}.yml`);
    if (!found && (this.broken.has(`${folder}/${entry}.yaml`) || this.broken.has(`${folder}/${entry}.yml`))) {
      this.failures++;
      return undefined;
    }
    if (!found) {
      this.failures++;
      c.problem(
        path,
        `topic \`${entry}\` is listed here, but there is no topic file \`${folder}/${entry}.yaml\`: create it, or write the topic out in place`,
      );
      return undefined;
    }
    found.used = true;
    const own = new Checker(found.file, found.at);
    if (found.raw.id !== entry)
      own.problem(
        ['id'],
        `this topic file is listed as \`${entry}\` in ${owner}, but its id is \`${found.raw.id}\`: the file name and the id must agree`,
      );
    const topic = readTopic(own, found.raw, [], scope);
    this.problems.push(...own.problems);
    if (own.problems.length) this.failures++;
    return own.problems.length ? undefined : { ...topic, file: found.file };
  }

  /** Problems for topic files no certification or pack lists. */
  unused(): SyllabusProblem[] {
    return [...this.files.values()]
      .filter((f) => !f.used)
      .map((f) => ({
        file: f.file,
        line: 1,
        message: `this topic file is not listed in the \`topics\` of any domain of ${f.file.replace(/\/[^/]*$/, '')}.yaml: add \`${f.raw.id}\` there`,
      }));
  }
}

/** The id of a topic entry, for uniqueness checks. */
export function entryId(entry: RawTopicEntry): string {
  return typeof entry === 'string' ? entry : entry.id;
}
