// A workspace with several root folders, an unwritable practice folder, and hostile timing and
// state: new files go where the learner works; nothing crashes, nothing is lost.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CertPathApi } from '../../../src/extension';
import { findExercise } from '../../../src/core/syllabus/index';
import { withLearnerCode } from '../../../src/core/practice/practiceFile';
import { PROGRESS_KEY, readProgress } from '../../../src/core/progress/progress';
import { RunResult } from '../../../src/core/runner/results';
import { Commands } from '../../../src/ids';
import { ProgressStore } from '../../../src/vscode/progress/store';
import { concrete } from '../variant';

let api: CertPathApi;

function setLearnerCode(file: string, code: string): void {
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, withLearnerCode(text, code));
}

/** A Memento held in memory, for ProgressStore. */
class MemoryMemento implements vscode.Memento {
  constructor(readonly data: Record<string, unknown>) {}
  keys(): readonly string[] {
    return Object.keys(this.data);
  }
  get<T>(key: string, fallback?: T): T | undefined {
    return (key in this.data ? this.data[key] : fallback) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.data[key] = value;
  }
}

describe('Cert Path in a multi-root workspace, under stress', function () {
  this.timeout(60000);

  before(async () => {
    const python = process.env.CERT_PATH_TEST_PYTHON;
    if (python)
      await vscode.workspace
        .getConfiguration('certPath')
        .update('pythonPath', python, vscode.ConfigurationTarget.Global);
    api = await vscode.extensions.getExtension<CertPathApi>('cert-path.cert-path')!.activate();
    await api.firstTreeAnswerMs;
  });

  it('puts a new practice file in the folder of the active editor', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.strictEqual(folders.length, 2);
    const note = vscode.Uri.joinPath(folders[1].uri, 'notes.txt');
    fs.writeFileSync(note.fsPath, 'my notes\n');
    await vscode.window.showTextDocument(note);
    const ref = findExercise(api.syllabus.syllabus, 'pcep/conditionals/ticket-price')!;
    const uri = await vscode.commands.executeCommand<vscode.Uri>(Commands.generatePracticeFile, {
      kind: 'exercise',
      ref,
    });
    assert.ok(uri.fsPath.startsWith(folders[1].uri.fsPath), `${uri.fsPath} is in the second folder`);
    setLearnerCode(uri.fsPath, concrete(ref, uri).solution);
    assert.strictEqual((await vscode.commands.executeCommand<RunResult>(Commands.runChecks, uri))?.outcome, 'passed');
  });

  it('says clearly when the practice folder cannot be written, and creates nothing', async () => {
    const first = vscode.workspace.workspaceFolders![0];
    fs.writeFileSync(path.join(first.uri.fsPath, '.cert-path'), 'a file where the practice folder should be\n');
    await vscode.window.showTextDocument(vscode.Uri.file(path.join(first.uri.fsPath, '.cert-path')));
    const ref = findExercise(api.syllabus.syllabus, 'pcep/loops/collatz-steps')!;
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.generatePracticeFile, {
      kind: 'exercise',
      ref,
    });
    assert.strictEqual(uri, undefined);
    assert.strictEqual(
      fs.readFileSync(path.join(first.uri.fsPath, '.cert-path'), 'utf8'),
      'a file where the practice folder should be\n',
      'nothing was overwritten',
    );
    assert.strictEqual(api.progress.current.exercises[ref.key], undefined, 'no progress was recorded');
    // The folder is usable again for the tests after this one.
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    fs.rmSync(path.join(first.uri.fsPath, '.cert-path'));
  });

  it('cancels the first of two runs started at once on the same file, and records one run', async () => {
    const folders = vscode.workspace.workspaceFolders!;
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folders[1].uri, 'notes.txt'));
    const ref = findExercise(api.syllabus.syllabus, 'pcep/arithmetic/split-seconds')!;
    const uri = await vscode.commands.executeCommand<vscode.Uri>(Commands.generatePracticeFile, {
      kind: 'exercise',
      ref,
    });
    setLearnerCode(uri.fsPath, `import time\ntime.sleep(1)\n${concrete(ref, uri).solution}`);
    const runs = api.progress.current.exercises[ref.key]?.runs ?? 0;
    const first = vscode.commands.executeCommand<RunResult>(Commands.runChecks, uri);
    await new Promise((r) => setTimeout(r, 300));
    const second = vscode.commands.executeCommand<RunResult>(Commands.runChecks, uri);
    const [a, b] = await Promise.all([first, second]);
    assert.strictEqual(a?.outcome, 'cancelled');
    assert.strictEqual(b?.outcome, 'passed');
    assert.strictEqual(api.progress.current.exercises[ref.key]?.runs, runs + 1);
  });

  it('survives the practice file being deleted while its run is in progress', async () => {
    const ref = findExercise(api.syllabus.syllabus, 'pcep/tuples/bounding-box')!;
    const uri = await vscode.commands.executeCommand<vscode.Uri>(Commands.generatePracticeFile, {
      kind: 'exercise',
      ref,
    });
    setLearnerCode(uri.fsPath, `import time\ntime.sleep(1)\n${concrete(ref, uri).starter}`);
    const pending = vscode.commands.executeCommand<RunResult>(Commands.runChecks, uri);
    await new Promise((r) => setTimeout(r, 300));
    fs.rmSync(uri.fsPath);
    const result = await pending;
    assert.ok(result && result.outcome !== 'passed', JSON.stringify(result));
  });

  it('reads garbage or an older format in workspace state without crashing, keeping it aside', async () => {
    for (const stored of [
      'garbage',
      42,
      { version: 0, done: ['a'] },
      { version: 1, exercises: { 'pcep/loops/collatz-steps': 'nonsense' } },
    ]) {
      const memento = new MemoryMemento({ [PROGRESS_KEY]: stored });
      const store = new ProgressStore(memento);
      assert.ok(store.droppedOnLoad > 0, JSON.stringify(stored));
      await new Promise((r) => setTimeout(r, 10));
      assert.deepStrictEqual(memento.data[`${PROGRESS_KEY}.unreadable`], stored, 'the unreadable value is kept aside');
      store.dispose();
    }
  });

  it('keeps progress of exercises the syllabus no longer has, and never shows it', async () => {
    const memento = new MemoryMemento({
      [PROGRESS_KEY]: {
        version: 1,
        exercises: {
          'pcep/retired-topic/old-exercise': { runs: 3, failedRuns: 0, passedAt: '2026-01-01T00:00:00.000Z' },
        },
      },
    });
    const store = new ProgressStore(memento);
    await store.update((s) => ({
      ...s,
      exercises: { ...s.exercises, 'pcep/loops/collatz-steps': { runs: 1, failedRuns: 1 } },
    }));
    const saved = readProgress(memento.data[PROGRESS_KEY]).state;
    assert.ok(saved.exercises['pcep/retired-topic/old-exercise']?.passedAt, 'old progress is kept');
    const shown = JSON.stringify(api.tree.getChildren().map((n) => api.tree.getTreeItem(n).label));
    assert.ok(!shown.includes('retired'), 'and not shown');
    store.dispose();
  });

  it("runs each folder's checks with that folder's interpreter setting", async function () {
    const other = process.env.CERT_PATH_TEST_PYTHON_OTHER;
    if (!other) this.skip();
    const folders = vscode.workspace.workspaceFolders!;
    const config = vscode.workspace.getConfiguration('certPath', folders[1].uri);
    await config.update('pythonPath', other, vscode.ConfigurationTarget.WorkspaceFolder);
    try {
      const ref = findExercise(api.syllabus.syllabus, 'pcep/arithmetic/split-seconds')!;
      const versions: string[] = [];
      for (const folder of folders) {
        // A file of the folder in the active editor: new practice files go to that folder.
        const note = vscode.Uri.joinPath(folder.uri, 'here.txt');
        fs.writeFileSync(note.fsPath, 'here\n');
        await vscode.window.showTextDocument(note);
        const uri = await vscode.commands.executeCommand<vscode.Uri>(Commands.generatePracticeFile, {
          kind: 'exercise',
          ref,
        });
        assert.ok(uri.fsPath.startsWith(folder.uri.fsPath), uri.fsPath);
        setLearnerCode(uri.fsPath, concrete(ref, uri).solution);
        const result = await vscode.commands.executeCommand<RunResult>(Commands.runChecks, uri);
        assert.strictEqual(result?.outcome, 'passed');
        versions.push(result.python!.version);
      }
      const wanted = execFileSync(other, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], {
        encoding: 'utf8',
      }).trim();
      assert.strictEqual(versions[1], wanted, 'the second folder ran with its own interpreter');
      assert.notStrictEqual(versions[0], wanted, 'the first folder kept the other interpreter');
    } finally {
      await config.update('pythonPath', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
  });
});
