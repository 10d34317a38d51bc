// Shared by the content tests: the shipped syllabus, a real interpreter, and a bounded worker pool.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Candidate } from '../../src/core/interpreter';
import { ExerciseRef, Syllabus } from '../../src/core/model';
import { renderPracticeFile } from '../../src/core/practiceFile';
import { formatProblem, loadSyllabus } from '../../src/core/syllabusLoader';
import runnerSource from '../../src/python/checklib.py';

export { runnerSource };

/** The repository root (tests run from out/test/content). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The shipped syllabus; throws if any file has a problem. */
export function shippedSyllabus(): Syllabus {
  const dir = path.join(ROOT, 'syllabus');
  const sources = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => ({ file: `syllabus/${f}`, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
  const syllabus = loadSyllabus(sources);
  if (syllabus.problems.length) throw new Error(syllabus.problems.map(formatProblem).join('\n'));
  return syllabus;
}

/** The interpreter under test: $CERT_PATH_PYTHON, else python3 on PATH. */
export function testPython(): Candidate {
  return { command: process.env.CERT_PATH_PYTHON || 'python3', args: [], source: 'path' };
}

/** The interpreter's version string, for test titles. */
export function pythonVersion(candidate: Candidate): string {
  return execFileSync(candidate.command, [...candidate.args, '-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], { encoding: 'utf8' }).trim();
}

/** Writes the practice file for `ref` with `code` in place of the starter; returns its path. */
export function writePracticeFile(dir: string, ref: ExerciseRef, code: string): string {
  const file = path.join(dir, ref.cert.id, ref.topic.id, `${ref.exercise.id}.py`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, renderPracticeFile({ ...ref, exercise: { ...ref.exercise, starter: code } }, runnerSource));
  return file;
}

/** A fresh temporary folder. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  });
  await Promise.all(lanes);
  return results;
}
