// Failing checks as diagnostics (source "Cert Path") on the lines they point at, in the editor and the
// Problems view; cleared when the checks pass or the exercise is reset.
import * as vscode from 'vscode';
import { RunReport } from '../../node/runner/run';
import { LessonLink, lessonLinkFor } from '../../core/lesson/anchor';
import { ExerciseRef } from '../../core/syllabus/model';
import { CheckService } from './service';

/** The lesson section each Cert Path diagnostic links to (read by the Read the Lesson quick fix). */
export const lessonLinks = new WeakMap<vscode.Diagnostic, { ref: ExerciseRef; link: LessonLink }>();

/** The diagnostics of the last run of each practice file. */
export class CheckDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('certPath');
  private readonly subscription: vscode.Disposable;

  constructor(checks: CheckService) {
    this.subscription = checks.onDidFinish(({ ref, uri, report }) => this.show(uri, report, ref));
  }

  /** Replaces the file's diagnostics with those of a finished run (none when it passed). */
  show(uri: vscode.Uri, report: RunReport, ref?: ExerciseRef): void {
    const result = report.result;
    if (result.outcome === 'cancelled') return;
    const diagnostics: vscode.Diagnostic[] = [];
    const add = (
      line: number | undefined,
      message: string,
      severity = vscode.DiagnosticSeverity.Error,
      checkId?: string,
    ) => {
      const at = (line ?? 1) - 1;
      const d = new vscode.Diagnostic(new vscode.Range(at, 0, at, Number.MAX_SAFE_INTEGER), message, severity);
      d.source = 'Cert Path';
      const link = ref && lessonLinkFor(ref, checkId);
      if (ref && link) lessonLinks.set(d, { ref, link });
      diagnostics.push(d);
    };
    // A missing display or module is about the machine, not a line of the learner's code.
    if (result.problem && result.problem.kind !== 'cancelled' && result.problem.kind !== 'requirement')
      add(result.problem.line, result.problem.message);
    for (const c of result.checks) {
      if (c.status !== 'fail' && c.status !== 'error') continue;
      if (result.problem && c.message.startsWith('Not run:')) continue; // the problem above says it once
      const actual = c.actual !== undefined ? `\nactual:   ${c.actual}` : '';
      const values = c.expected !== undefined ? `\nexpected: ${c.expected}${actual}` : '';
      add(
        c.line,
        `${c.title}: ${c.message}${values}`,
        c.status === 'fail' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error,
        c.id,
      );
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
