// Variants and multi-file exercises inside a real VS Code: the generated file records its draw,
// runs use that draw, a reset draws anew, and any file of a multi-file exercise runs its checks.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CertPathApi } from '../../src/extension';
import { allExercises, ExerciseRef } from '../../src/core/syllabus/model';
import { withLearnerCode, seedFromHeader } from '../../src/core/practice/practiceFile';
import { RunResult } from '../../src/core/runner/results';
import { instantiate } from '../../src/core/syllabus/variants';
import { Commands } from '../../src/ids';

let api: CertPathApi;

function first(predicate: (ref: ExerciseRef) => boolean, what: string): ExerciseRef {
  const found = allExercises(api.syllabus.syllabus).find(predicate);
  assert.ok(found, `the syllabus has ${what}`);
  return found;
}

/** Replaces the learner part of a practice file on disk (above the checks marker). */
function writeLearnerPart(file: string, code: string): void {
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, withLearnerCode(text, code));
}

describe('Variants and multi-file exercises', function () {
  this.timeout(60000);

  before(async () => {
    api = await vscode.extensions.getExtension<CertPathApi>('cert-path.cert-path')!.activate();
    await api.firstTreeAnswerMs;
  });

  it('records the draw in the file, checks that draw, and draws anew on reset', async () => {
    const ref = first(
      (r) => !!r.exercise.params && !r.exercise.files && r.exercise.kind === 'function',
      'a parametrized function exercise',
    );
    const uri = await vscode.commands.executeCommand<vscode.Uri>(Commands.generatePracticeFile, {
      kind: 'exercise',
      ref,
    });
    const seed = seedFromHeader(fs.readFileSync(uri.fsPath, 'utf8'));
    assert.ok(seed, 'the header records the seed');
    const { exercise } = instantiate(ref.exercise, seed);
    assert.ok(
      fs.readFileSync(uri.fsPath, 'utf8').includes(exercise.prompt.split('\n')[0].trim()),
      'the task text is the drawn one',
    );
    writeLearnerPart(uri.fsPath, exercise.solution);
    const passed = await vscode.commands.executeCommand<RunResult>(Commands.runChecks, uri);
    assert.strictEqual(passed?.outcome, 'passed', JSON.stringify(passed));
    await vscode.commands.executeCommand(Commands.resetExercise, uri, { confirmed: true });
    const again = seedFromHeader(fs.readFileSync(uri.fsPath, 'utf8'));
    assert.ok(again && again !== seed, `a reset draws a new variant (${seed} → ${again})`);
  });

  it('refuses to guess a variant whose seed line was removed', async () => {
    const ref = first((r) => !!r.exercise.params && !r.exercise.files, 'a parametrized exercise');
    const uri = await vscode.commands.executeCommand<vscode.Uri>(Commands.generatePracticeFile, {
      kind: 'exercise',
      ref,
    });
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    fs.writeFileSync(uri.fsPath, text.replace(/^# cert-path-variant: \d+\n/m, ''));
    const runs = api.progress.current.exercises[ref.key]?.runs ?? 0;
    const result = await vscode.commands.executeCommand<RunResult>(Commands.runChecks, uri);
    assert.strictEqual(result, undefined, 'nothing ran');
    assert.strictEqual(api.progress.current.exercises[ref.key]?.runs ?? 0, runs, 'no run recorded');
  });

  it('creates a multi-file exercise as a folder and runs it from any of its files', async () => {
    const ref = first((r) => !!r.exercise.files?.length, 'a multi-file exercise');
    const main = await vscode.commands.executeCommand<vscode.Uri>(Commands.generatePracticeFile, {
      kind: 'exercise',
      ref,
    });
    assert.strictEqual(
      path.basename(path.dirname(main.fsPath)),
      ref.exercise.id,
      'the exercise has a folder of its own',
    );
    const seed = seedFromHeader(fs.readFileSync(main.fsPath, 'utf8'));
    const { exercise } = instantiate(ref.exercise, seed ?? 1);
    for (const file of exercise.files!) {
      const target = path.join(path.dirname(main.fsPath), ...file.path.split('/'));
      assert.strictEqual(fs.readFileSync(target, 'utf8'), file.starter, `${file.path} holds its starter`);
      fs.writeFileSync(target, file.solution);
    }
    writeLearnerPart(main.fsPath, exercise.solution);
    const extra = vscode.Uri.file(
      path.join(path.dirname(main.fsPath), ...exercise.files![exercise.files!.length - 1].path.split('/')),
    );
    const result = await vscode.commands.executeCommand<RunResult>(Commands.runChecks, extra);
    assert.strictEqual(result?.outcome, 'passed', JSON.stringify(result));
    assert.ok(api.progress.current.exercises[ref.key]?.passedAt, 'the exercise is marked passed');
    await vscode.commands.executeCommand(Commands.generatePracticeFile, { kind: 'exercise', ref });
    assert.strictEqual(
      fs.readFileSync(extra.fsPath, 'utf8'),
      exercise.files![exercise.files!.length - 1].solution,
      'generating again never overwrites a file',
    );
  });
});
