// Syllabus problems where the learner looks: the Problems view at file and line, the Cert Path output,
// and one notification when a pack is broken.
import * as path from 'path';
import * as vscode from 'vscode';
import { settingId } from '../../core/config';
import { Syllabus, SyllabusProblem } from '../../core/syllabus/model';
import { formatProblem } from '../../core/syllabus/model';
import { SETTING_PROBLEM_FILE } from './packs';

/** Shows syllabus problems in the Problems view (at file and line) and in the output. */
export class SyllabusProblems implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('cert-path-syllabus');
  private lastShown = '';

  /**
   * @param extensionUri resolves built-in files (`syllabus/….yaml`); pack problems carry absolute paths
   * @param output the Cert Path output channel
   */
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly output: vscode.OutputChannel,
  ) {}

  /** The file a problem is about, if it is a file. */
  uriOf(problem: SyllabusProblem): vscode.Uri | undefined {
    if (problem.file === SETTING_PROBLEM_FILE) return undefined;
    return path.isAbsolute(problem.file)
      ? vscode.Uri.file(problem.file)
      : vscode.Uri.joinPath(this.extensionUri, ...problem.file.split('/'));
  }

  /** Replaces what is shown with the problems of this load. */
  show(syllabus: Syllabus): void {
    this.diagnostics.clear();
    const byFile = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
    for (const problem of syllabus.problems) {
      const uri = this.uriOf(problem);
      if (!uri) continue;
      const line = Math.max(0, problem.line - 1);
      const diagnostic = new vscode.Diagnostic(
        new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER),
        problem.message,
        vscode.DiagnosticSeverity.Error,
      );
      diagnostic.source = 'Cert Path syllabus';
      const entry = byFile.get(uri.toString()) ?? { uri, list: [] };
      entry.list.push(diagnostic);
      byFile.set(uri.toString(), entry);
    }
    for (const { uri, list } of byFile.values()) this.diagnostics.set(uri, list);
    const text = syllabus.problems.map((p) =>
      p.file === SETTING_PROBLEM_FILE ? `${p.file}: ${p.message}` : formatProblem(p),
    );
    const key = text.join('\n');
    if (key === this.lastShown) return;
    this.lastShown = key;
    if (!text.length) return;
    this.output.appendLine(`Syllabus problems (${text.length}); the files named are not loaded until fixed:`);
    for (const line of text) this.output.appendLine(`  ${line}`);
    const packs = syllabus.problems.filter((p) => !p.file.startsWith('syllabus/')).length;
    if (packs) {
      void vscode.window
        .showWarningMessage(
          `Cert Path: ${packs} problem${packs === 1 ? '' : 's'} in your syllabus packs (${settingId('syllabusPaths')}); those files are left out until fixed. The built-in syllabus is loaded.`,
          'Show Problems',
          'Show Output',
        )
        .then((action) => {
          if (action === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
          if (action === 'Show Output') this.output.show(true);
        });
    }
  }

  dispose(): void {
    this.diagnostics.dispose();
  }
}
