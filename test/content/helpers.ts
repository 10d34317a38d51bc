// Shared by the content tests: the shipped syllabus, a real interpreter, and a bounded worker pool.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Candidate, supported } from '../../src/core/interpreter/interpreter';
import { Exercise, ExerciseRef, Syllabus } from '../../src/core/syllabus/model';
import { practiceRelativePath, renderPracticeFile } from '../../src/core/practice/practiceFile';
import { instantiate, ParamValue } from '../../src/core/syllabus/variants';
import { loadSyllabusFolder } from '../../src/node/files';
import runnerSource from '../../src/python/checklib.py';

export { runnerSource };

/** The repository root (tests run from out/test/content). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The shipped syllabus (or the folder in $CERT_PATH_SYLLABUS_DIR); throws if any file has a problem. */
export function shippedSyllabus(): Syllabus {
  return loadSyllabusFolder(process.env.CERT_PATH_SYLLABUS_DIR || path.join(ROOT, 'syllabus'));
}

/** The interpreter under test: $CERT_PATH_PYTHON, else python3 on PATH. */
export function testPython(): Candidate {
  return { command: process.env.CERT_PATH_PYTHON || 'python3', args: [], source: 'path' };
}

/**
 * The interpreters of the matrix: $CERT_PATH_PYTHONS (paths separated by the platform's path
 * delimiter), else every ~/.pyenv/versions/3.8+ found, else the single test interpreter.
 */
export function matrixPythons(): { candidate: Candidate; version: string }[] {
  const listed = process.env.CERT_PATH_PYTHONS?.split(path.delimiter).filter(Boolean);
  let commands = listed;
  if (!commands?.length) {
    const pyenv = path.join(os.homedir(), '.pyenv', 'versions');
    const found = fs.existsSync(pyenv)
      ? fs
          .readdirSync(pyenv)
          .filter((v) => /^3\.\d+\.\d+$/.test(v))
          .map((v) => path.join(pyenv, v, 'bin', 'python'))
      : [];
    commands = found.length ? found : [testPython().command];
    // The distribution's Python has what apt installs (tk, numpy, matplotlib, PyMySQL).
    if (process.platform === 'linux' && fs.existsSync('/usr/bin/python3')) commands.push('/usr/bin/python3');
  }
  const out = commands.map((command) => {
    const candidate: Candidate = { command, args: [], source: 'path' };
    return { candidate, version: pythonVersion(candidate) };
  });
  const seen = new Set<string>();
  return out
    .filter(({ version }) => !seen.has(version) && !!seen.add(version))
    .filter(({ version }) => {
      const [major, minor, micro] = version.split('.').map(Number);
      return supported([major, minor, micro]);
    })
    .sort((a, b) => a.version.localeCompare(b.version, undefined, { numeric: true }));
}

/** The interpreter's version string, for test titles. */
export function pythonVersion(candidate: Candidate): string {
  return execFileSync(
    candidate.command,
    [...candidate.args, '-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'],
    { encoding: 'utf8' },
  ).trim();
}

/** Writes the practice file for `ref` with `code` in place of the starter; returns its path. */
export function writePracticeFile(dir: string, ref: ExerciseRef, code: string): string {
  const file = path.join(dir, ...practiceRelativePath(ref));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, renderPracticeFile({ ...ref, exercise: { ...ref.exercise, starter: code } }, runnerSource));
  return file;
}

/**
 * Writes the variant `seed` of an exercise as the learner would have it, with every file in its
 * `solution` or `starter` version; returns the main file and the exercise as instantiated.
 */
export function writeVariant(
  dir: string,
  ref: ExerciseRef,
  seed: number,
  which: 'solution' | 'starter',
): { file: string; exercise: Exercise; params: Record<string, ParamValue> } {
  const { exercise, params } = instantiate(ref.exercise, seed);
  const file = path.join(dir, ...practiceRelativePath(ref));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const variant = ref.exercise.params ? { seed, params } : undefined;
  fs.writeFileSync(
    file,
    renderPracticeFile({ ...ref, exercise: { ...exercise, starter: exercise[which] } }, runnerSource, variant),
  );
  for (const extra of exercise.files ?? []) {
    const target = path.join(path.dirname(file), ...extra.path.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, extra[which]);
  }
  return { file, exercise, params };
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
