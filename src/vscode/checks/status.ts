// `PCEP 14/57` in the status bar for the certification being worked on; a click opens the sidebar.
import * as vscode from 'vscode';
import { indexOf } from '../../core/syllabus/index';
import { certExerciseTally } from '../../core/progress/progress';
import { Views } from '../../ids';
import { PracticeFiles } from '../practice/files';
import { ProgressStore } from '../progress/store';
import { SyllabusService } from '../syllabus/service';
import { CheckService } from './service';

/** The status bar item. */
export class ProgressStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('certPath.progress', vscode.StatusBarAlignment.Left, 50);
  private certId?: string;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly syllabus: SyllabusService,
    private readonly progress: ProgressStore,
    private readonly practice: PracticeFiles,
    checks: CheckService,
  ) {
    this.item.name = 'Cert Path progress';
    this.item.command = `workbench.view.extension.${Views.container}`;
    this.subscriptions = [
      progress.onDidChange(() => this.update()),
      syllabus.onDidChange(() => this.update()),
      checks.onDidFinish(({ ref }) => this.focus(ref.cert.id)),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        const ref = editor && this.practice.exerciseFor(editor.document.uri, editor.document.getText());
        if (ref) this.focus(ref.cert.id);
      }),
    ];
  }

  private focus(certId: string): void {
    this.certId = certId;
    this.update();
  }

  /** Redraws from the current progress. */
  update(): void {
    const index = indexOf(this.syllabus.syllabus);
    const state = this.progress.current;
    const certs = [...index.certs.values()];
    // Without a focus yet: the first certification with any progress, else the first one.
    const started = certs.find((c) => (index.byCert.get(c.id) ?? []).some((r) => state.exercises[r.key]));
    const cert = (this.certId ? index.certs.get(this.certId) : undefined) ?? started ?? certs[0];
    if (!cert) {
      this.item.hide();
      return;
    }
    const tally = certExerciseTally(state, cert);
    this.item.text = `$(mortar-board) ${cert.shortTitle} ${tally.passed}/${tally.total}`;
    this.item.tooltip = `Cert Path: ${tally.passed} of ${tally.total} ${cert.shortTitle} exercises passed. Click to open the syllabus.`;
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
