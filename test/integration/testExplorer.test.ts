// The Test Explorer follows practice files on disk: a deleted folder takes its files' items with it,
// and a changed practice folder is searched again.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CertPathApi } from '../../src/extension';
import { findExercise } from '../../src/core/syllabus/index';
import { ExerciseRef } from '../../src/core/syllabus/model';
import { Commands } from '../../src/ids';
import { until } from './until';

let api: CertPathApi;

/** The Test Explorer item of an exercise, wherever it is in the tree. */
function itemFor(key: string): vscode.TestItem | undefined {
  const walk = (items: vscode.TestItemCollection): vscode.TestItem | undefined => {
    let found: vscode.TestItem | undefined;
    items.forEach((item) => {
      found ??= item.id === key ? item : walk(item.children);
    });
    return found;
  };
  return walk(api.tests.controller.items);
}

async function generate(ref: ExerciseRef): Promise<vscode.Uri> {
  return vscode.commands.executeCommand<vscode.Uri>(Commands.generatePracticeFile, { kind: 'exercise', ref });
}

describe('Test Explorer and the files on disk', function () {
  this.timeout(60000);

  before(async () => {
    api = await vscode.extensions.getExtension<CertPathApi>('cert-path.cert-path')!.activate();
    await api.firstTreeAnswerMs;
  });

  it('drops the items of every practice file in a folder that is deleted', async () => {
    const refs = ['pcep/tuples/bounding-box', 'pcep/tuples/merge-intervals'].map((k) =>
      findExercise(api.syllabus.syllabus, k)!,
    );
    const uris = [];
    for (const ref of refs) uris.push(await generate(ref));
    await until(() => refs.every((r) => itemFor(r.key)), 'the generated files in the Test Explorer');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // One event arrives for the folder, none for the files in it.
    fs.rmSync(path.dirname(uris[0].fsPath), { recursive: true, force: true });
    await until(
      () => refs.every((r) => !itemFor(r.key)),
      'the items of the deleted folder to leave the Test Explorer',
      20000,
    );
  });

  it('searches the new practice folder when certPath.practiceFolder changes', async () => {
    const ref = findExercise(api.syllabus.syllabus, 'pcep/dictionaries/word-frequencies')!;
    const original = await generate(ref);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const moved = path.join(
      root,
      'elsewhere',
      ...path.relative(path.join(root, '.cert-path'), original.fsPath).split(path.sep),
    );
    fs.mkdirSync(path.dirname(moved), { recursive: true });
    fs.copyFileSync(original.fsPath, moved);
    fs.rmSync(original.fsPath);
    await until(() => !itemFor(ref.key), 'the removed file to leave the Test Explorer', 20000);
    const config = vscode.workspace.getConfiguration('certPath');
    await config.update('practiceFolder', 'elsewhere', vscode.ConfigurationTarget.Workspace);
    try {
      await until(
        () => itemFor(ref.key)?.uri?.fsPath === moved,
        'the file in the new practice folder to appear',
        20000,
      );
    } finally {
      await config.update('practiceFolder', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
