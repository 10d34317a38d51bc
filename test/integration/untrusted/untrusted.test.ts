// A workspace in Restricted Mode: browsing and generating work, no learner code ever runs.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { CertPathApi } from '../../../src/extension';
import { findExercise } from '../../../src/core/syllabus/index';
import { Commands } from '../../../src/ids';
import { withLearnerCode } from '../../../src/core/practice/practiceFile';

describe('Cert Path in an untrusted workspace', function () {
  this.timeout(60000);
  let api: CertPathApi;

  before(async () => {
    api = await vscode.extensions.getExtension<CertPathApi>('cert-path.cert-path')!.activate();
    await api.firstTreeAnswerMs;
  });

  it('is in Restricted Mode and still shows the syllabus', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    assert.ok(api.tree.getChildren().some((n) => n.kind === 'cert'));
  });

  it('generates a practice file but runs no checks, and records nothing', async () => {
    const ref = findExercise(api.syllabus.syllabus, 'pcep/arithmetic/split-seconds')!;
    const uri = await vscode.commands.executeCommand<vscode.Uri>(Commands.generatePracticeFile, {
      kind: 'exercise',
      ref,
    });
    assert.ok(uri && fs.existsSync(uri.fsPath));
    const marker = `${uri.fsPath}.ran`;
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    // Code that would leave a trace if it ever ran.
    const hostile = withLearnerCode(
      text,
      `open(${JSON.stringify(marker)}, "w").write("ran")\n\ndef split_seconds(total):\n    pass`,
    );
    assert.ok(
      hostile.includes(`open(${JSON.stringify(marker)}`) && hostile !== text,
      'the practice file now holds code that leaves a trace',
    );
    fs.writeFileSync(uri.fsPath, hostile);
    const before = api.progress.current.exercises[ref.key]?.runs ?? 0;
    const result = await vscode.commands.executeCommand(Commands.runChecks, uri);
    assert.strictEqual(result, undefined, 'nothing ran');
    assert.strictEqual(fs.existsSync(marker), false, 'the learner code was not executed');
    assert.strictEqual(api.progress.current.exercises[ref.key]?.runs ?? 0, before, 'no run was recorded');
    const outcome = await api.tests.runOne(ref, uri);
    assert.match(String(outcome.blocked), /only in a trusted workspace/);
    assert.strictEqual(api.tests.lastReported(ref.key)?.state, 'errored', 'the Test Explorer says why');
    // The practice file is open in the editor, yet no runner process was started ahead of a run.
    await vscode.window.showTextDocument(uri);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.strictEqual(api.warmRunners(), 0, 'no pre-started runner in Restricted Mode');
  });

  it('shows a lesson but never runs its examples', async () => {
    const ref = findExercise(api.syllabus.syllabus, 'pcep/arithmetic/split-seconds')!;
    const node = { kind: 'topic' as const, cert: ref.cert, domain: ref.domain, topic: ref.topic };
    await vscode.commands.executeCommand(Commands.openTopic, node);
    const shown = api.lessons.lastView as { type: string; view: { canRun: boolean } };
    assert.strictEqual(shown.type, 'show');
    assert.strictEqual(shown.view.canRun, false, 'the page offers Run only in a trusted workspace');
    const section = ref.topic.lesson!.sections[0];
    await api.lessons.run(node, `${section.id}.1`);
    const out = api.lessons.lastView as { type: string; problem?: string; stdout?: string };
    assert.strictEqual(out.type, 'output');
    assert.match(String(out.problem), /only in a trusted workspace/);
    assert.strictEqual(out.stdout, '');
  });
});
