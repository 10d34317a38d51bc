// Feedback where the learner looks: diagnostics on failing lines, CodeLens on practice files,
// the status bar count, watch mode, and read-only solution documents.
import * as vscode from 'vscode';
import { allExercises, ExerciseRef } from '../../core/syllabus/model';
import { findExercise } from '../../core/syllabus/index';
import { certExerciseTally, solutionStanding } from '../../core/progress/progress';
import { RunReport } from '../../node/runner/run';
import { instantiate } from '../../core/syllabus/variants';
import { Commands, Settings, SOLUTION_SCHEME, Views } from '../../ids';
import { CheckService, PracticeFiles } from '../practice/files';
import { SyllabusService } from '../syllabus/service';
import { ProgressStore } from '../progress/store';

/** Failing checks as diagnostics (source "Cert Path") on the lines they point at. */
export class CheckDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('certPath');
  private readonly subscription: vscode.Disposable;

  constructor(checks: CheckService) {
    this.subscription = checks.onDidFinish(({ uri, report }) => this.show(uri, report));
  }

  /** Replaces the file's diagnostics with those of a finished run (none when it passed). */
  show(uri: vscode.Uri, report: RunReport): void {
    const result = report.result;
    if (result.outcome === 'cancelled') return;
    const diagnostics: vscode.Diagnostic[] = [];
    const at = (line: number | undefined) => new vscode.Range((line ?? 1) - 1, 0, (line ?? 1) - 1, Number.MAX_SAFE_INTEGER);
    const add = (line: number | undefined, message: string, severity = vscode.DiagnosticSeverity.Error) => {
      const d = new vscode.Diagnostic(at(line), message, severity);
      d.source = 'Cert Path';
      diagnostics.push(d);
    };
    // A missing display or module is about the machine, not a line of the learner's code.
    if (result.problem && result.problem.kind !== 'cancelled' && result.problem.kind !== 'requirement') add(result.problem.line, result.problem.message);
    for (const c of result.checks) {
      if (c.status !== 'fail' && c.status !== 'error') continue;
      if (result.problem && c.message.startsWith('Not run:')) continue; // the problem above says it once
      const values = c.expected !== undefined ? `\nexpected: ${c.expected}${c.actual !== undefined ? `\nactual:   ${c.actual}` : ''}` : '';
      add(c.line, `${c.title}: ${c.message}${values}`, c.status === 'fail' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error);
    }
    this.collection.set(uri, diagnostics);
  }

  /** Clears a file's diagnostics (after a reset). */
  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}

/** Reads the solution threshold setting. */
export function failedRunsForSolution(): number {
  const value = vscode.workspace.getConfiguration(Settings.section).get<number>(Settings.solutionAfterFailedRuns, 3);
  return Math.max(0, Math.floor(Number(value) || 0));
}

/** "Run checks · Hint (k/n) · Show solution · Reset exercise" at the top of a practice file. */
export class PracticeLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly practice: PracticeFiles, private readonly progress: ProgressStore) {
    this.subscription = progress.onDidChange(() => this.changed.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const ref = this.practice.exerciseFor(document.uri, document.getText());
    if (!ref) return [];
    const entry = this.progress.current.exercises[ref.key];
    const hints = ref.exercise.hints.length;
    const shown = entry?.hintsRevealed ?? 0;
    const standing = solutionStanding(entry, failedRunsForSolution());
    const top = new vscode.Range(0, 0, 0, 0);
    const lens = (title: string, command: string, tooltip: string) => new vscode.CodeLens(top, { title, command, tooltip, arguments: [document.uri] });
    return [
      lens('$(play) Run checks', Commands.runChecks, 'Run the official checks with your Python'),
      lens(`$(lightbulb) Hint (${Math.min(shown + (shown < hints ? 1 : 0), hints)}/${hints})`, Commands.showHint, shown < hints ? 'Reveal the next hint' : 'Show the hints again'),
      lens(standing.unlocked ? '$(eye) Show solution' : `$(lock) Solution (${standing.failedRuns}/${standing.needed} failed runs)`, Commands.showSolution, standing.unlocked ? 'Open the reference solution beside your file' : 'Unlocks once you pass, or after enough failed runs'),
      lens('$(discard) Reset exercise', Commands.resetExercise, 'Restore the starter code (your version is kept as a .bak.py copy)'),
    ];
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** Serves reference solutions as read-only documents (`cert-path-solution:/cert/topic/exercise.py`). */
export class SolutionDocuments implements vscode.TextDocumentContentProvider {
  constructor(private readonly syllabus: SyllabusService) {}

  /** The solution document's URI for an exercise (and the variant seed its practice file records). */
  static uriFor(ref: ExerciseRef, seed?: number): vscode.Uri {
    return vscode.Uri.from({ scheme: SOLUTION_SCHEME, path: `/${ref.key}.py`, query: seed ? `seed=${seed}` : '' });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const key = uri.path.replace(/^\//, '').replace(/\.py$/, '');
    const ref = findExercise(this.syllabus.syllabus, key);
    if (!ref) return `# No exercise ${key} in the syllabus.\n`;
    const seed = Number(new URLSearchParams(uri.query).get('seed')) || 1;
    const { exercise } = instantiate(ref.exercise, seed);
    const extra = (exercise.files ?? []).map((f) => `\n# ---- ${f.path} ${'-'.repeat(Math.max(0, 70 - f.path.length))}\n${f.solution}`).join('');
    return `# Reference solution: ${ref.exercise.title} (${ref.cert.shortTitle} › ${ref.topic.title})\n# Read-only. Compare it with yours; your file is never changed.\n\n${exercise.solution}${extra}`;
  }
}

/** `PCEP 14/38` for the certification being worked on; a click opens the sidebar. */
export class ProgressStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('certPath.progress', vscode.StatusBarAlignment.Left, 50);
  private certId?: string;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly syllabus: SyllabusService, private readonly progress: ProgressStore, private readonly practice: PracticeFiles, checks: CheckService) {
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
    const certs = this.syllabus.syllabus.certifications.filter((c) => c.kind === 'exam');
    const state = this.progress.current;
    // Without a focus yet: the first certification with any progress, else the first one.
    const started = certs.find((c) => allExercises({ certifications: [c], problems: [] }).some((r) => state.exercises[r.key]));
    const cert = certs.find((c) => c.id === this.certId) ?? started ?? certs[0];
    if (!cert || cert.kind !== 'exam') {
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

/** certPath.runOnSave: re-runs a saved practice file's checks, debounced. */
export class RunOnSave implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly practice: PracticeFiles, private readonly runFile: (ref: ExerciseRef, uri: vscode.Uri) => Promise<unknown>, private readonly delayMs = 400) {
    this.subscription = vscode.workspace.onDidSaveTextDocument((document) => this.saved(document));
  }

  private saved(document: vscode.TextDocument): void {
    if (!vscode.workspace.getConfiguration(Settings.section).get<boolean>(Settings.runOnSave, false)) return;
    const ref = this.practice.exerciseFor(document.uri, document.getText());
    if (!ref) return;
    const main = this.practice.mainFile(ref, document.uri);
    const key = main.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.runFile(ref, main);
    }, this.delayMs));
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.subscription.dispose();
  }
}
