// No folder open: practice files go to the extension's global storage and still run.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { CertPathApi } from '../../../src/extension';
import { findExercise } from '../../../src/core/syllabus/index';
import { withLearnerCode } from '../../../src/core/practice/practiceFile';
import { RunResult } from '../../../src/core/runner/results';
import { Commands } from '../../../src/ids';
import { concrete } from '../variant';

describe('Cert Path with no folder open', function () {
  this.timeout(60000);

  it('generates into global storage and runs the checks there', async () => {
    const python = process.env.CERT_PATH_TEST_PYTHON;
    if (python)
      await vscode.workspace
        .getConfiguration('certPath')
        .update('pythonPath', python, vscode.ConfigurationTarget.Global);
    const api = await vscode.extensions.getExtension<CertPathApi>('cert-path.cert-path')!.activate();
    await api.firstTreeAnswerMs;
    assert.strictEqual(vscode.workspace.workspaceFolders, undefined);
    const ref = findExercise(api.syllabus.syllabus, 'pcep/arithmetic/split-seconds')!;
    const uri = await vscode.commands.executeCommand<vscode.Uri>(Commands.generatePracticeFile, {
      kind: 'exercise',
      ref,
    });
    assert.ok(uri.fsPath.includes('cert-path'), uri.fsPath);
    assert.ok(uri.fsPath.endsWith(['practice', 'pcep', 'arithmetic', 'split-seconds.py'].join('/')), uri.fsPath);
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    fs.writeFileSync(uri.fsPath, withLearnerCode(text, concrete(ref, uri).solution));
    const result = await vscode.commands.executeCommand<RunResult>(Commands.runChecks, uri);
    assert.strictEqual(result?.outcome, 'passed');
    assert.ok(api.progress.current.exercises[ref.key]?.passedAt);
  });
});
