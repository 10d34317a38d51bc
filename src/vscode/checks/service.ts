// Runs an exercise's checks against a practice file, one run per file at a time (a new run cancels
// the previous one), records progress and logs every run in the Cert Path output.
import * as vscode from 'vscode';
import { withSetting } from '../../core/config';
import { ExerciseRef } from '../../core/syllabus/model';
import { recordRun } from '../../core/progress/progress';
import { RunResult, summarize } from '../../core/runner/results';
import { DatabaseConfig, executableOf, RunReport, runChecks } from '../../node/runner/run';
import { WarmPool } from '../../node/runner/warm';
import { runSnippet, SnippetReport } from '../../node/runner/snippet';
import { MYSQL_PASSWORD_SECRET } from '../../ids';
import { Configuration } from '../config';
import { InterpreterService } from '../interpreter/service';
import { PracticeFiles } from '../practice/files';
import { ProgressStore } from '../progress/store';

/** What a run request came to: a report, or why nothing ran. */
export interface RunOutcome {
  report?: RunReport;
  interpreterProblem?: string;
  /** Set when the run was refused (Restricted Mode, a damaged practice file). */
  blocked?: string;
}

/** Message shown when checks are asked for in Restricted Mode. */
export const UNTRUSTED_MESSAGE =
  'Cert Path runs checks only in a trusted workspace: running them executes the code in this file with your Python. Trust this workspace to run checks.';

/** Message shown when a lesson example is run in Restricted Mode. */
export const UNTRUSTED_EXAMPLE =
  'Cert Path runs lesson examples only in a trusted workspace: running one executes it with your Python. Trust this workspace to run examples.';

/** Runs checks and records their outcome. */
export class CheckService implements vscode.Disposable {
  private readonly running = new Map<string, AbortController>();
  /** A fresh, warm runner process per interpreter, ready before the learner presses Run. */
  readonly warm: WarmPool;
  private readonly subscriptions: vscode.Disposable[];
  private readonly finished = new vscode.EventEmitter<{ ref: ExerciseRef; uri: vscode.Uri; report: RunReport }>();
  /** Fires when a run has ended and progress is recorded. */
  readonly onDidFinish = this.finished.event;

  constructor(
    private readonly interpreters: InterpreterService,
    private readonly practice: PracticeFiles,
    private readonly progress: ProgressStore,
    private readonly config: Configuration,
    private readonly output: vscode.OutputChannel,
    private readonly runnerSource: string,
    private readonly secrets: vscode.SecretStorage,
  ) {
    this.warm = new WarmPool(runnerSource);
    // Another interpreter, or settings that change how runs start: the spares are stale.
    this.subscriptions = [
      interpreters.onDidInvalidate(() => this.warm.clear()),
      config.onChange(['pythonPath', 'memoryLimitMB'], () => this.warm.clear()),
    ];
  }

  /** Starts a warm runner for the file's interpreter, so its first run starts at once. Only in a trusted workspace. */
  async prewarm(file: vscode.Uri): Promise<void> {
    if (!vscode.workspace.isTrusted) return;
    const found = await this.interpreters.resolve(file);
    if (found.interpreter && vscode.workspace.isTrusted) this.warm.prepare(executableOf(found.interpreter));
  }

  /** The configured MySQL/MariaDB server, if the learner set one up; database exercises use SQLite otherwise. */
  private async database(resource: vscode.Uri): Promise<DatabaseConfig | undefined> {
    const s = this.config.get(resource);
    if (!s.mysqlHost) return undefined;
    const password = (await this.secrets.get(MYSQL_PASSWORD_SECRET)) ?? '';
    return {
      kind: 'mysql',
      host: s.mysqlHost,
      port: s.mysqlPort,
      user: s.mysqlUser || 'root',
      password,
      database: s.mysqlDatabase,
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
    const settings = this.config.get(file);
    try {
      const report = await runChecks(
        {
          interpreter: found.interpreter,
          file: file.fsPath,
          kind: ref.exercise.kind,
          checks: variant.exercise.checks,
          params: variant.params,
          minPython: ref.exercise.minPython,
          requires: ref.exercise.requires,
          database: ref.exercise.requires?.includes('database') ? await this.database(file) : undefined,
          timeoutSeconds: settings.checkTimeoutSeconds,
          memoryLimitMB: settings.memoryLimitMB,
          snapshot: ref.exercise.files ? 'folder' : 'file',
          runnerSource: this.runnerSource,
          signal: controller.signal,
        },
        this.warm,
      );
      const problem = report.result.problem;
      if (problem) problem.message = withSetting(problem.message, problem.setting);
      if (problem?.kind === 'crash' && !report.result.python) this.interpreters.invalidate();
      await this.progress.update((s) => recordRun(s, ref.key, report.result.outcome, new Date()));
      this.log(ref, report);
      this.finished.fire({ ref, uri: file, report });
      return { report };
    } finally {
      cancel?.dispose();
      if (this.running.get(key) === controller) this.running.delete(key);
    }
  }

  /**
   * Runs a lesson example with the learner's interpreter, the same limits and the same warm runner
   * as checks. Never in Restricted Mode.
   */
  async runExample(
    code: string,
    stdin: string | undefined,
    signal?: AbortSignal,
  ): Promise<{ report?: SnippetReport; blocked?: string; interpreterProblem?: string }> {
    if (!vscode.workspace.isTrusted) return { blocked: UNTRUSTED_EXAMPLE };
    const resource = vscode.workspace.workspaceFolders?.[0]?.uri;
    const found = await this.interpreters.resolve(resource);
    if (!found.interpreter) return { interpreterProblem: found.message };
    const settings = this.config.get(resource);
    const report = await runSnippet(
      {
        interpreter: found.interpreter,
        code,
        stdin,
        timeoutSeconds: settings.checkTimeoutSeconds,
        memoryLimitMB: settings.memoryLimitMB,
        runnerSource: this.runnerSource,
        signal,
      },
      this.warm,
    );
    if (report.problem)
      report.problem = withSetting(report.problem, report.timedOut ? 'checkTimeoutSeconds' : undefined);
    return { report };
  }

  private log(ref: ExerciseRef, report: RunReport): void {
    const o = this.output;
    const r: RunResult = report.result;
    o.appendLine('');
    o.appendLine(
      `── ${ref.cert.shortTitle} › ${ref.topic.title} › ${ref.exercise.title} — ${new Date().toLocaleTimeString()}`,
    );
    o.appendLine(`$ ${report.commandLine.join(' ')}   (Python ${r.python?.version ?? '?'}, ${report.durationMs} ms)`);
    for (const c of r.checks) {
      o.appendLine(`  ${c.status.toUpperCase().padEnd(7)} ${c.title}${c.line ? `  (line ${c.line})` : ''}`);
      if (c.status === 'pass') continue;
      for (const line of c.message.split('\n')) o.appendLine(`          ${line}`);
      if (c.expected !== undefined) o.appendLine(`          expected: ${c.expected}`);
      if (c.actual !== undefined) o.appendLine(`          actual:   ${c.actual}`);
    }
    if (report.stdout.trim()) o.appendLine(`  stdout:\n${indent(report.stdout)}`);
    if (report.stderr.trim()) o.appendLine(`  stderr:\n${indent(report.stderr)}`);
    if (report.truncatedBytes) o.appendLine(`  (${report.truncatedBytes} more bytes of output were not kept)`);
    o.appendLine(`  → ${summarize(r)}`);
  }

  dispose(): void {
    for (const c of this.running.values()) c.abort();
    for (const s of this.subscriptions) s.dispose();
    this.warm.dispose();
    this.finished.dispose();
  }
}

function indent(text: string): string {
  return text
    .replace(/\s+$/, '')
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}
