// Practice files on disk and check runs against them.
import * as path from 'path';
import * as vscode from 'vscode';
import { Exercise, ExerciseRef } from '../../core/syllabus/model';
import { findExercise } from '../../core/syllabus/index';
import { backupName, keyFromHeader, keyFromRelativePath, practiceRelativePath, renderPracticeFile, seedFromHeader, VARIANT_TAG } from '../../core/practice/practiceFile';
import { instantiate, newSeed, ParamValue } from '../../core/syllabus/variants';
import { recordGenerated, recordRun } from '../../core/progress/progress';
import { RunResult, summarize } from '../../core/runner/results';
import { DatabaseConfig, RunReport, runChecks } from '../../node/runner/run';
import { MYSQL_PASSWORD_SECRET, Settings } from '../../ids';
import { InterpreterService } from '../interpreter/service';
import { SyllabusService } from '../syllabus/service';
import { ProgressStore } from '../progress/store';

/** Where practice files live and which exercise a file belongs to. */
export class PracticeFiles implements vscode.Disposable {
  private readonly generated = new vscode.EventEmitter<{ ref: ExerciseRef; uri: vscode.Uri; created: boolean }>();
  /** Fires when generate() has written (or found) an exercise's practice file and opened it. */
  readonly onDidGenerate = this.generated.event;

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

  /**
   * The root new files go to: global storage with no folder open; with several folders, the one of
   * the active editor, else the one the learner picks.
   */
  async rootForNewFile(): Promise<vscode.Uri | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) return vscode.Uri.joinPath(this.globalStorage, 'practice');
    const active = vscode.window.activeTextEditor && vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri);
    const folder = folders.length === 1 ? folders[0] : active ?? (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which folder should hold the practice file?' }));
    return folder ? vscode.Uri.joinPath(folder.uri, this.folderSetting()) : undefined;
  }

  /** The exercise a file belongs to: by its place under a practice root, else by its header line. */
  exerciseFor(uri: vscode.Uri, text?: string): ExerciseRef | undefined {
    const current = this.syllabus.syllabus;
    for (const root of this.roots()) {
      const relative = path.relative(root.fsPath, uri.fsPath);
      if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) continue;
      const parts = relative.split(path.sep);
      const key = keyFromRelativePath(parts);
      const ref = key ? findExercise(current, key) : undefined;
      // Deeper paths belong to an exercise only if it is a multi-file one.
      if (ref && (parts.length === 3) === !ref.exercise.files) return ref;
    }
    const key = text === undefined ? undefined : keyFromHeader(text);
    return key ? findExercise(current, key) : undefined;
  }

  /** The main file of the exercise that `uri` belongs to (itself, unless it is another file of a multi-file exercise). */
  mainFile(ref: ExerciseRef, uri: vscode.Uri): vscode.Uri {
    if (!ref.exercise.files) return uri;
    for (const root of this.roots()) {
      const folder = vscode.Uri.joinPath(root, ...practiceRelativePath(ref).slice(0, -1));
      const relative = path.relative(folder.fsPath, uri.fsPath);
      if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) return vscode.Uri.joinPath(root, ...practiceRelativePath(ref));
    }
    return uri;
  }

  /** The exercise's practice file if one exists under any practice root. */
  async existing(ref: ExerciseRef): Promise<vscode.Uri | undefined> {
    for (const root of this.roots()) {
      const uri = vscode.Uri.joinPath(root, ...practiceRelativePath(ref));
      if (await vscode.workspace.fs.stat(uri).then(() => true, () => false)) return uri;
    }
    return undefined;
  }

  /** The exercise as the file at `main` has it: instantiated with the variant seed its header records. */
  async variant(ref: ExerciseRef, main: vscode.Uri): Promise<{ exercise: Exercise; params: Record<string, ParamValue>; seed?: number; problem?: string }> {
    if (!ref.exercise.params) return { exercise: ref.exercise, params: {} };
    const text = await vscode.workspace.fs.readFile(main).then((b) => new TextDecoder().decode(b), () => '');
    const seed = seedFromHeader(text);
    if (seed === undefined) {
      return { ...instantiate(ref.exercise, 1), problem: `The header line "${VARIANT_TAG} <number>" of this practice file is missing or damaged, so Cert Path cannot tell which variant you are solving. Put it back, or use "Cert Path: Reset Exercise" for a fresh variant (your version is kept).` };
    }
    return { ...instantiate(ref.exercise, seed), seed };
  }

  /** Writes the exercise's files for a new variant: main file first, then any extra files. */
  private async write(ref: ExerciseRef, main: vscode.Uri, overwriteExtras: boolean): Promise<void> {
    const seed = ref.exercise.params ? newSeed() : undefined;
    const { exercise, params } = instantiate(ref.exercise, seed ?? 1);
    const concrete = { ...ref, exercise };
    const folder = vscode.Uri.joinPath(main, '..');
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.writeFile(main, new TextEncoder().encode(renderPracticeFile(concrete, this.runnerSource, seed === undefined ? undefined : { seed, params })));
    for (const file of exercise.files ?? []) {
      const uri = vscode.Uri.joinPath(folder, ...file.path.split('/'));
      const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
      if (exists && !overwriteExtras) continue; // never overwrite a learner's file
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(file.starter));
    }
  }

  /** Restores the starter code (a fresh variant), first copying each of the learner's files beside itself; returns the copies' names. */
  async reset(ref: ExerciseRef, main: vscode.Uri): Promise<string[]> {
    const folder = vscode.Uri.joinPath(main, '..');
    const files = [main, ...(ref.exercise.files ?? []).map((f) => vscode.Uri.joinPath(folder, ...f.path.split('/')))];
    const backups: string[] = [];
    for (const uri of files) {
      if (!(await vscode.workspace.fs.stat(uri).then(() => true, () => false))) continue;
      const dir = vscode.Uri.joinPath(uri, '..');
      const names = new Set((await vscode.workspace.fs.readDirectory(dir)).map(([name]) => name));
      const backup = backupName(path.basename(uri.fsPath), (n) => names.has(n));
      await vscode.workspace.fs.copy(uri, vscode.Uri.joinPath(dir, backup), { overwrite: false });
      backups.push(path.relative(folder.fsPath, vscode.Uri.joinPath(dir, backup).fsPath).split(path.sep).join('/'));
    }
    await this.write(ref, main, true);
    return backups;
  }

  /** Opens the exercise's practice file, creating it (and its extra files) first if it does not exist. Never overwrites. */
  async generate(ref: ExerciseRef): Promise<{ uri: vscode.Uri; created: boolean } | undefined> {
    const root = await this.rootForNewFile();
    if (!root) return undefined;
    const uri = vscode.Uri.joinPath(root, ...practiceRelativePath(ref));
    let created = false;
    if (!(await vscode.workspace.fs.stat(uri).then(() => true, () => false))) {
      try {
        await this.write(ref, uri, false);
      } catch (error) {
        const reason = error instanceof vscode.FileSystemError ? error.code : String(error);
        void vscode.window.showErrorMessage(`Cert Path could not create ${uri.fsPath} (${reason}). Make sure the practice folder can be written, or choose another with the setting certPath.practiceFolder.`);
        return undefined;
      }
      created = true;
      await this.progress.update((s) => recordGenerated(s, ref.key, new Date()));
    }
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    this.generated.fire({ ref, uri, created });
    return { uri, created };
  }

  dispose(): void {
    this.generated.dispose();
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
    private readonly practice: PracticeFiles,
    private readonly progress: ProgressStore,
    private readonly output: vscode.OutputChannel,
    private readonly runnerSource: string,
    private readonly secrets: vscode.SecretStorage,
  ) {}

  /** The configured MySQL/MariaDB server, if the learner set one up; database exercises use SQLite otherwise. */
  private async database(): Promise<DatabaseConfig | undefined> {
    const config = vscode.workspace.getConfiguration(Settings.section);
    const host = config.get<string>(Settings.mysqlHost, '')?.trim();
    if (!host) return undefined;
    return {
      kind: 'mysql',
      host,
      port: config.get<number>(Settings.mysqlPort, 3306),
      user: config.get<string>(Settings.mysqlUser, '') || 'root',
      password: (await this.secrets.get(MYSQL_PASSWORD_SECRET)) ?? '',
      database: config.get<string>(Settings.mysqlDatabase, '') || 'certpath',
    };
  }

  /** Runs the exercise's canonical checks on the file (saved first). Never in Restricted Mode. */
  async run(ref: ExerciseRef, file: vscode.Uri, token?: vscode.CancellationToken): Promise<RunOutcome> {
    if (!vscode.workspace.isTrusted) return { blocked: UNTRUSTED_MESSAGE };
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
    if (document?.isDirty) await document.save();
    const variant = await this.practice.variant(ref, file);
    if (variant.problem) return { blocked: variant.problem };
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
        checks: variant.exercise.checks,
        params: variant.params,
        minPython: ref.exercise.minPython,
        requires: ref.exercise.requires,
        database: ref.exercise.requires?.includes('database') ? await this.database() : undefined,
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
