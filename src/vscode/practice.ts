// Practice files on disk and check runs against them.
import * as path from 'path';
import * as vscode from 'vscode';
import { ExerciseRef, findExercise } from '../core/model';
import { backupName, keyFromHeader, keyFromRelativePath, practiceRelativePath, renderPracticeFile } from '../core/practiceFile';
import { recordGenerated, recordRun } from '../core/progress';
import { RunResult, summarize } from '../core/results';
import { RunReport, runChecks } from '../core/runner';
import { Settings } from '../ids';
import { InterpreterService } from './interpreters';
import { ProgressStore, SyllabusService } from './services';

/** Where practice files live and which exercise a file belongs to. */
export class PracticeFiles {
  constructor(
    private readonly syllabus: SyllabusService,
    private readonly progress: ProgressStore,
    private readonly globalStorage: vscode.Uri,
    private readonly runnerSource: string,
  ) {}

  private folderSetting(): string {
    const value = vscode.workspace.getConfiguration(Settings.section).get<string>(Settings.practiceFolder, '.cert-path');
    return value?.trim() || '.cert-path';
  }

  /** Practice roots: one per workspace folder, plus global storage (used with no folder open). */
  roots(): vscode.Uri[] {
    const folders = vscode.workspace.workspaceFolders ?? [];
    return [...folders.map((f) => vscode.Uri.joinPath(f.uri, this.folderSetting())), vscode.Uri.joinPath(this.globalStorage, 'practice')];
  }

  /** The root new files go to: the chosen workspace folder's, or global storage with no folder open. */
  async rootForNewFile(): Promise<vscode.Uri | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) return vscode.Uri.joinPath(this.globalStorage, 'practice');
    const folder = folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which folder should hold the practice file?' });
    return folder ? vscode.Uri.joinPath(folder.uri, this.folderSetting()) : undefined;
  }

  /** The exercise a file belongs to: by its place under a practice root, else by its header line. */
  exerciseFor(uri: vscode.Uri, text?: string): ExerciseRef | undefined {
    const current = this.syllabus.syllabus;
    for (const root of this.roots()) {
      const relative = path.relative(root.fsPath, uri.fsPath);
      if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) continue;
      const key = keyFromRelativePath(relative.split(path.sep));
      const ref = key ? findExercise(current, key) : undefined;
      if (ref) return ref;
    }
    const key = text === undefined ? undefined : keyFromHeader(text);
    return key ? findExercise(current, key) : undefined;
  }

  /** The exercise's practice file if one exists under any practice root. */
  async existing(ref: ExerciseRef): Promise<vscode.Uri | undefined> {
    for (const root of this.roots()) {
      const uri = vscode.Uri.joinPath(root, ...practiceRelativePath(ref));
      if (await vscode.workspace.fs.stat(uri).then(() => true, () => false)) return uri;
    }
    return undefined;
  }

  /** Restores the starter code, first copying the learner's version beside it; returns the copy's name. */
  async reset(ref: ExerciseRef, uri: vscode.Uri): Promise<string> {
    const folder = vscode.Uri.joinPath(uri, '..');
    const names = new Set((await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name));
    const backup = backupName(path.basename(uri.fsPath), (n) => names.has(n));
    await vscode.workspace.fs.copy(uri, vscode.Uri.joinPath(folder, backup), { overwrite: false });
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(renderPracticeFile(ref, this.runnerSource)));
    return backup;
  }

  /** Opens the exercise's practice file, creating it first if it does not exist. Never overwrites. */
  async generate(ref: ExerciseRef): Promise<{ uri: vscode.Uri; created: boolean } | undefined> {
    const root = await this.rootForNewFile();
    if (!root) return undefined;
    const uri = vscode.Uri.joinPath(root, ...practiceRelativePath(ref));
    let created = false;
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(renderPracticeFile(ref, this.runnerSource)));
      created = true;
      await this.progress.update((s) => recordGenerated(s, ref.key, new Date()));
    }
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    return { uri, created };
  }
}

/** What a run request came to: a report, or why nothing ran. */
export interface RunOutcome {
  report?: RunReport;
  interpreterProblem?: string;
  /** Set when the run was refused (Restricted Mode). */
  blocked?: string;
}

/** Message shown when checks are asked for in Restricted Mode. */
export const UNTRUSTED_MESSAGE = 'Cert Path runs checks only in a trusted workspace: running them executes the code in this file with your Python. Trust this workspace to run checks.';

/** Runs checks, one run per file at a time (a new run cancels the previous one), and records progress. */
export class CheckService implements vscode.Disposable {
  private readonly running = new Map<string, AbortController>();
  private readonly finished = new vscode.EventEmitter<{ ref: ExerciseRef; uri: vscode.Uri; report: RunReport }>();
  /** Fires when a run has ended and progress is recorded. */
  readonly onDidFinish = this.finished.event;

  constructor(
    private readonly interpreters: InterpreterService,
    private readonly progress: ProgressStore,
    private readonly output: vscode.OutputChannel,
    private readonly runnerSource: string,
  ) {}

  /** Runs the exercise's canonical checks on the file (saved first). Never in Restricted Mode. */
  async run(ref: ExerciseRef, file: vscode.Uri, token?: vscode.CancellationToken): Promise<RunOutcome> {
    if (!vscode.workspace.isTrusted) return { blocked: UNTRUSTED_MESSAGE };
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
    if (document?.isDirty) await document.save();
    const found = await this.interpreters.resolve(file);
    if (!found.interpreter) return { interpreterProblem: found.message };
    const key = file.fsPath;
    this.running.get(key)?.abort();
    const controller = new AbortController();
    this.running.set(key, controller);
    const cancel = token?.onCancellationRequested(() => controller.abort());
    const timeoutSeconds = vscode.workspace.getConfiguration(Settings.section).get<number>(Settings.checkTimeoutSeconds, 10);
    try {
      const report = await runChecks({
        interpreter: found.interpreter,
        file: file.fsPath,
        kind: ref.exercise.kind,
        checks: ref.exercise.checks,
        timeoutSeconds: Math.max(1, Math.min(600, Number(timeoutSeconds) || 10)),
        runnerSource: this.runnerSource,
        signal: controller.signal,
      });
      if (report.result.problem?.kind === 'crash' && !report.result.python) this.interpreters.invalidate();
      await this.progress.update((s) => recordRun(s, ref.key, report.result.outcome, new Date()));
      this.log(ref, report);
      this.finished.fire({ ref, uri: file, report });
      return { report };
    } finally {
      cancel?.dispose();
      if (this.running.get(key) === controller) this.running.delete(key);
    }
  }

  private log(ref: ExerciseRef, report: RunReport): void {
    const o = this.output;
    const r: RunResult = report.result;
    o.appendLine('');
    o.appendLine(`── ${ref.cert.shortTitle} › ${ref.topic.title} › ${ref.exercise.title} — ${new Date().toLocaleTimeString()}`);
    o.appendLine(`$ ${report.commandLine.join(' ')}   (Python ${r.python?.version ?? '?'}, ${report.durationMs} ms)`);
    for (const c of r.checks) {
      o.appendLine(`  ${c.status.toUpperCase().padEnd(7)} ${c.title}${c.line ? `  (line ${c.line})` : ''}`);
      if (c.status !== 'pass') {
        for (const line of c.message.split('\n')) o.appendLine(`          ${line}`);
        if (c.expected !== undefined) o.appendLine(`          expected: ${c.expected}`);
        if (c.actual !== undefined) o.appendLine(`          actual:   ${c.actual}`);
      }
    }
    if (report.stdout.trim()) o.appendLine(`  stdout:\n${indent(report.stdout)}`);
    if (report.stderr.trim()) o.appendLine(`  stderr:\n${indent(report.stderr)}`);
    if (report.truncatedBytes) o.appendLine(`  (${report.truncatedBytes} more bytes of output were not kept)`);
    o.appendLine(`  → ${summarize(r)}`);
  }

  dispose(): void {
    for (const c of this.running.values()) c.abort();
    this.finished.dispose();
  }
}

function indent(text: string): string {
  return text.replace(/\s+$/, '').split('\n').map((l) => `    ${l}`).join('\n');
}
