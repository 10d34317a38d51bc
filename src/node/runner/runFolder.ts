// The private folder of one run: a snapshot of the learner's files (the run executes the copy, so
// `__file__`, relative writes and deletes never touch the practice file), a private TMPDIR, and the
// folder the harness writes `solution.py` into for multiprocessing. Removed after the run.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Where one run happens. */
export interface RunFolder {
  dir: string;
  /** The snapshot: the run's working folder and the first entry of its sys.path. */
  work: string;
  /** The snapshot of the practice file. */
  main: string;
  /** TMPDIR of the run. */
  tmp: string;
  /** Where the harness may write `solution.py` for processes started with spawn. */
  importDir: string;
  /** The folder the snapshot was taken from, for messages. */
  origin: string;
}

/** What a snapshot may copy at most: files, and bytes (beyond that only the practice file is copied). */
const SNAPSHOT_LIMITS = { files: 500, bytes: 20 * 1024 * 1024 };

interface Budget {
  files: number;
  bytes: number;
}

/** Copies regular files (never following links) of `from` into `to`; false when the budget runs out. */
function copyTree(from: string, to: string, deep: boolean, budget: Budget, onlyPython: boolean): boolean {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory() && deep && entry.name !== '__pycache__') {
      if (!copyTree(source, path.join(to, entry.name), deep, budget, onlyPython)) return false;
    } else if (entry.isFile() && (!onlyPython || entry.name.endsWith('.py'))) {
      budget.files--;
      budget.bytes -= fs.statSync(source).size;
      if (budget.files < 0 || budget.bytes < 0) return false;
      fs.copyFileSync(source, path.join(to, entry.name));
    }
  }
  return true;
}

/**
 * Makes the run folder. `folder`: the practice file's whole folder is copied (a multi-file exercise);
 * `file`: the practice file and the Python files beside it (so its sibling modules import as before).
 * Synchronous on purpose: the usual snapshot is a few small files (well under a millisecond, where
 * the promise API spends several), and the budget bounds the worst case. Throws if the practice file
 * cannot be copied.
 */
export function prepareRun(file: string, snapshot: 'file' | 'folder'): RunFolder {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-path-run-'));
  const origin = path.dirname(path.resolve(file));
  const run: RunFolder = {
    dir,
    work: path.join(dir, 'work'),
    main: path.join(dir, 'work', path.basename(file)),
    tmp: path.join(dir, 'tmp'),
    importDir: path.join(dir, 'import'),
    origin,
  };
  try {
    fs.mkdirSync(run.tmp);
    fs.mkdirSync(run.importDir);
    let complete: boolean;
    try {
      complete = copyTree(origin, run.work, snapshot === 'folder', { ...SNAPSHOT_LIMITS }, snapshot === 'file');
    } catch {
      complete = false; // unreadable entries beside the practice file
    }
    if (!complete) {
      // Too much beside the practice file (or unreadable): the practice file alone still runs.
      fs.rmSync(run.work, { recursive: true, force: true });
      fs.mkdirSync(run.work);
    }
    fs.copyFileSync(file, run.main);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return run;
}

/** Removes the run folder (the snapshot, the run's temporary files). Never throws. */
export async function removeRun(run: RunFolder): Promise<void> {
  await fs.promises.rm(run.dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
}

/** Text with the snapshot's paths shown as the learner's own files. */
export function originalPaths(text: string, run: RunFolder): string {
  return text.split(run.work).join(run.origin);
}
