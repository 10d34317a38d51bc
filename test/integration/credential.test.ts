// CEPP is a credential, not an exam: the tree says what is still needed, and that it is earned once
// PCAP, PCPP 32-1 and PCPP 32-2 are complete.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CertPathApi } from '../../src/extension';
import { allExercises } from '../../src/core/syllabus/model';
import { emptyProgress, recordRun } from '../../src/core/progress/progress';
import { PROGRESS_KEY } from '../../src/core/progress/progress';

describe('The CEPP credential', function () {
  this.timeout(60000);

  it('lists what is still needed, and shows it earned when its certifications are complete', async () => {
    const api = await vscode.extensions.getExtension<CertPathApi>('cert-path.cert-path')!.activate();
    await api.firstTreeAnswerMs;
    const node = api.tree.getChildren().find((n) => n.kind === 'credential' && n.credential.id === 'cepp');
    assert.ok(node, 'CEPP is listed');
    assert.match(String(api.tree.getTreeItem(node).description), /^still needed: PCAP, PCPP 32-1, PCPP 32-2/);
    const saved = api.progress.current;
    try {
      const required = new Set(['pcap', 'pcpp1', 'pcpp2']);
      await api.progress.update(() =>
        allExercises(api.syllabus.syllabus)
          .filter((r) => required.has(r.cert.id))
          .reduce((s, r) => recordRun(s, r.key, 'passed', new Date()), emptyProgress()),
      );
      const item = api.tree.getTreeItem(node);
      assert.match(String(item.description), /^earned/);
      assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, 'verified-filled');
    } finally {
      await api.progress.update(() => saved);
      assert.ok(api.storedProgress(), `progress is stored under ${PROGRESS_KEY}`);
    }
  });
});
