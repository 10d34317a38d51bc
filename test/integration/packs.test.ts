// Syllabus packs in a real VS Code: certPath.syllabusPaths adds a folder of YAML to the tree, a pack
// exercise runs like a built-in one, and a broken pack shows in the Problems view at its line while the
// built-in syllabus and the good pack stay loaded.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CertPathApi } from '../../src/extension';
import { ExamCertification, Syllabus } from '../../src/core/syllabus/model';
import { findExercise } from '../../src/core/syllabus/index';
import { RunResult } from '../../src/core/runner/results';
import { Commands } from '../../src/ids';
import type { ExerciseVerification } from '../../src/node/verify';
import type { TreeNode } from '../../src/vscode/syllabus/tree';

const EXTENSION_ID = 'cert-path.cert-path';

/** A pack that adds one topic with one exercise to the first domain of PCEP. */
function packText(domain: string, objective: string): string {
  return `# A teacher's extra practice for PCEP.
extends: pcep
domains:
  - id: ${domain}
    topics:
      - id: pack-doubling
        title: Doubling numbers (pack)
        summary: A topic added by a syllabus pack.
        objectives: ["${objective}"]
        exercises:
          - id: double-it
            title: Double a number
            difficulty: easy
            prompt: Write double(n) that returns twice n.
            starter: |
              def double(n):
                  pass
            solution: |
              def double(n):
                  return 2 * n
            checks:
              - id: two
                title: double(2) is 4
                target: double
                code: expect(solution.double(2), 4)
                message: double(2) should return 4.
            hints:
              - Multiply by 2.
`;
}

function nextLoad(api: CertPathApi): Promise<Syllabus> {
  return new Promise((resolve) => {
    const sub = api.syllabus.onDidChange((s) => {
      sub.dispose();
      resolve(s);
    });
  });
}

describe('Syllabus packs (certPath.syllabusPaths)', function () {
  this.timeout(60000);
  let api: CertPathApi;
  let dir: string;
  let builtInTopics: number;

  const pcep = () => api.syllabus.syllabus.certifications.find((c) => c.id === 'pcep') as ExamCertification;
  const topicCount = () => pcep().domains.reduce((n, d) => n + d.topics.length, 0);
  const config = () => vscode.workspace.getConfiguration('certPath');

  before(async () => {
    const extension = vscode.extensions.getExtension<CertPathApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    await api.firstTreeAnswerMs;
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    dir = path.join(folder.uri.fsPath, 'packs');
    fs.mkdirSync(dir, { recursive: true });
    const first = pcep().domains[0];
    fs.writeFileSync(path.join(dir, 'doubling.certpath.yaml'), packText(first.id, first.topics[0].objectives[0]));
    builtInTopics = topicCount();
  });

  after(async () => {
    const cleared = nextLoad(api);
    await config().update('syllabusPaths', undefined, vscode.ConfigurationTarget.Workspace);
    await cleared;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('merges a pack folder named in the setting into the tree, and its exercise passes with the solution', async () => {
    const loaded = nextLoad(api);
    await config().update('syllabusPaths', ['packs'], vscode.ConfigurationTarget.Workspace);
    const s = await loaded;
    assert.deepStrictEqual(s.problems, []);
    assert.strictEqual(topicCount(), builtInTopics + 1);
    const domainNode: TreeNode = { kind: 'domain', cert: pcep(), domain: pcep().domains[0] };
    const topics = api.tree.getChildren(domainNode);
    const added = topics.find((n) => n.kind === 'topic' && n.topic.id === 'pack-doubling');
    assert.ok(added, 'the pack topic is in the tree under its domain');
    assert.match(String(api.tree.getTreeItem(added).description), /0\/1 · pack/);

    const ref = findExercise(s, 'pcep/pack-doubling/double-it');
    assert.ok(ref);
    const uri = await vscode.commands.executeCommand<vscode.Uri>(Commands.generatePracticeFile, {
      kind: 'exercise',
      ref,
    } satisfies TreeNode);
    await vscode.window.showTextDocument(uri);
    const failed = await vscode.commands.executeCommand<RunResult>(Commands.runChecks);
    assert.strictEqual(failed?.outcome, 'failed', 'the starter fails');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const start = document.getText().indexOf('def double(n):');
    await editor.edit((e) =>
      e.replace(
        new vscode.Range(document.positionAt(start), document.positionAt(start + 'def double(n):\n    pass'.length)),
        'def double(n):\n    return 2 * n',
      ),
    );
    await document.save();
    const passed = await vscode.commands.executeCommand<RunResult>(Commands.runChecks);
    assert.strictEqual(
      passed?.outcome,
      'passed',
      `the solution passes: ${JSON.stringify(passed?.checks?.map((c) => c.status))}`,
    );
    assert.ok(
      api.progress.current.exercises['pcep/pack-doubling/double-it']?.passedAt,
      "the pass is remembered under the pack exercise's key",
    );
  });

  it('verifies a pack with the mutation gate and shows each problem at the exercise’s YAML line', async () => {
    const reports = await vscode.commands.executeCommand<ExerciseVerification[]>(Commands.verifySyllabusPack);
    assert.ok(reports, 'the gate ran');
    const double = reports.find((r) => r.ref.key === 'pcep/pack-doubling/double-it')!;
    // One check, double(2) is 4, lets n + 2 and n * n through: the gate names the survivors.
    assert.ok(double.mutants.total > 0);
    assert.ok(
      double.problems.some((p) => p.startsWith('mutant survives:')),
      `survivors reported: ${double.problems.join('; ')}`,
    );
    const file = vscode.Uri.file(path.join(dir, 'doubling.certpath.yaml'));
    const line = fs
      .readFileSync(file.fsPath, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes('- id: double-it'));
    const shown = vscode.languages.getDiagnostics(file).filter((d) => d.source === 'Cert Path verify');
    assert.ok(shown.length >= 1 && shown.every((d) => d.range.start.line === line), 'at the exercise’s line');
    assert.ok(shown.some((d) => /double-it: mutant survives/.test(d.message)));
  });

  it('shows a broken pack in the Problems view at its line, keeping the built-in syllabus and the good pack', async () => {
    const broken = vscode.Uri.file(path.join(dir, 'broken.certpath.yaml'));
    fs.writeFileSync(
      broken.fsPath,
      packText(pcep().domains[0].id, pcep().domains[0].topics[0].objectives[0])
        .replace('pack-doubling', 'pack-tripling')
        .replace('difficulty: easy', 'difficulty: trivial'),
    );
    // Saving a pack file in the editor reloads the syllabus, as a teacher editing a pack would.
    const document = await vscode.workspace.openTextDocument(broken);
    const editor = await vscode.window.showTextDocument(document);
    const reloaded = nextLoad(api);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '# edited\n'));
    await document.save();
    const s = await reloaded;
    const lines = document.getText().split('\n');
    const line = lines.findIndex((l) => l.includes('difficulty: trivial'));
    assert.deepStrictEqual(
      s.problems.map((p) => `${path.basename(p.file)}:${p.line}: ${p.message}`),
      [`broken.certpath.yaml:${line + 1}: \`difficulty\` in exercise \`double-it\` must be one of easy, medium, hard`],
    );
    const diagnostics = vscode.languages.getDiagnostics(broken);
    assert.strictEqual(diagnostics.length, 1);
    assert.strictEqual(diagnostics[0].range.start.line, line, 'the diagnostic is on the offending line');
    assert.match(diagnostics[0].message, /must be one of easy, medium, hard/);
    assert.strictEqual(topicCount(), builtInTopics + 1, 'the built-in topics and the good pack stay');
    assert.ok(api.syllabus.syllabus.certifications.length >= 5, 'every built-in certification is still there');

    const fixed = nextLoad(api);
    await editor.edit((e) =>
      e.replace(new vscode.Range(line, 0, line, lines[line].length), lines[line].replace('trivial', 'easy')),
    );
    await document.save();
    await fixed;
    assert.deepStrictEqual(vscode.languages.getDiagnostics(broken), [], 'fixing the file clears its problem');
    assert.strictEqual(topicCount(), builtInTopics + 2);
  });

  it('reports a path that does not exist without touching the tree', async () => {
    const loaded = nextLoad(api);
    await config().update('syllabusPaths', ['packs', 'no-such-folder'], vscode.ConfigurationTarget.Workspace);
    const s = await loaded;
    assert.strictEqual(s.problems.length, 1);
    assert.match(
      s.problems[0].message,
      /cannot find `no-such-folder`.*fix or remove it in the certPath\.syllabusPaths setting/,
    );
    assert.strictEqual(topicCount(), builtInTopics + 2);
  });
});
