// Cert Path: Show Readiness — a page per certification with readiness per official exam section, the
// mock scores over time, the verdict with its reasons, the next best step and the reviews due. It is
// redrawn whenever checks, exams or reviews change what it shows.
import * as vscode from 'vscode';
import { ReadinessView } from '../../core/readiness/types';
import { readinessView } from '../../core/readiness/view';
import { ExamCertification, findTopic } from '../../core/syllabus/model';
import { Commands, Views } from '../../ids';
import { FromReadiness, parseFromReadiness } from '../../webview/readiness/protocol';
import { ExamStore } from '../exam/store';
import { ProgressStore } from '../progress/store';
import { SyllabusService } from '../syllabus/service';
import { PanelHost } from '../webview/host';
import { runStep, stepFor } from './steps';
import { ReadinessStore } from './store';

/** What the dashboard is built from. */
export interface DashboardDeps {
  syllabus: SyllabusService;
  progress: ProgressStore;
  exams: ExamStore;
  readiness: ReadinessStore;
  extensionUri: vscode.Uri;
}

/** The minutes this machine's clock is ahead of UTC (dates and "tomorrow" on the page). */
export const utcOffset = (): number => -new Date().getTimezoneOffset();

/** The certifications with an exam. */
export function examCerts(syllabus: SyllabusService): ExamCertification[] {
  return syllabus.syllabus.certifications.filter((c): c is ExamCertification => c.kind === 'exam');
}

/** The readiness dashboard panel. */
export class ReadinessDashboard implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly host: PanelHost<FromReadiness>;
  private selected?: string;
  private readonly subscriptions: vscode.Disposable[];
  /** The last view sent (for tests). */
  lastView?: ReadinessView;

  constructor(private readonly deps: DashboardDeps) {
    this.host = new PanelHost(
      {
        viewType: Views.readinessPanel,
        script: 'readiness',
        title: 'Cert Path Readiness',
        parse: parseFromReadiness,
        onMessage: (m) => this.onMessage(m),
      },
      deps.extensionUri,
    );
    const redraw = () => this.render();
    this.subscriptions = [
      deps.progress.onDidChange(redraw),
      deps.exams.onDidChange(redraw),
      deps.readiness.onDidChange(redraw),
      deps.syllabus.onDidChange(redraw),
    ];
  }

  /** Opens the dashboard, showing `cert` first when given. */
  open(cert?: string): void {
    if (cert) this.selected = cert;
    this.host.open(vscode.ViewColumn.Active);
    this.render();
  }

  /** Restores the dashboard after a window reload. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
    if (!this.deps.syllabus.isLoaded) await this.deps.syllabus.loadFast();
    this.host.attach(panel);
    this.render();
  }

  /** The dashboard's data as it stands now. */
  view(): ReadinessView {
    return readinessView({
      certs: examCerts(this.deps.syllabus),
      progress: this.deps.progress.current,
      history: this.deps.exams.history,
      deck: this.deps.readiness.deck,
      now: Date.now(),
      utcOffsetMinutes: utcOffset(),
      selected: this.selected,
    });
  }

  private render(): void {
    if (!this.host.panel) return;
    this.lastView = this.view();
    this.host.post({ type: 'show', view: this.lastView });
  }

  private async onMessage(m: FromReadiness): Promise<void> {
    if (m.type === 'ready') return this.render();
    const cert = examCerts(this.deps.syllabus).find((c) => c.id === m.cert);
    if (!cert) return;
    if (m.type === 'review') {
      await vscode.commands.executeCommand(Commands.reviewDueItems, cert.id);
    } else if (m.type === 'nextStep') {
      // Worked out again here: the page's copy may be a moment old.
      await runStep(stepFor(cert, this.deps), this.deps.syllabus);
    } else {
      const found = findTopic(cert, m.topic);
      if (found) await vscode.commands.executeCommand(Commands.openTopic, { kind: 'topic', cert, ...found });
    }
  }

  dispose(): void {
    this.host.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
