// Cert Path: Verify Syllabus Pack — the content gate for pack authors: every exercise of the packs in
// certPath.syllabusPaths runs its reference solution (must pass), its starter and wrong solutions (must
// fail) and every mutant of its solution (must be killed, or listed as equivalent with a reason), with
// the learner's interpreter; each problem lands in the Problems view at the exercise's YAML line.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { indexOf } from '../../core/syllabus/index';
import { ExerciseRef } from '../../core/syllabus/model';
import { Candidate } from '../../core/interpreter/interpreter';
import { gateSeeds } from '../../core/verify/variants';
import { executableOf } from '../../node/runner/run';
import { ExerciseVerification, killRate, verifyExercises } from '../../node/verify';
import { Commands } from '../../ids';
import { Configuration } from '../config';
import { InterpreterService } from '../interpreter/service';
import { SyllabusService } from '../syllabus/service';

/** What the command needs. */
export interface VerifyDeps {
  syllabus: SyllabusService;
  interpreters: InterpreterService;
  config: Configuration;
  output: vscode.OutputChannel;
  runnerSource: string;
  diagnostics: vscode.DiagnosticCollection;
}

/** The YAML file an exercise is written in, and the 0-based line of its `id:`. */
export function exerciseLocation(ref: ExerciseRef): { uri: vscode.Uri; line: number } | undefined {
  const file = ref.topic.file ?? ref.topic.origin;
  if (!file || !path.isAbsolute(file)) return undefined;
  let line = 0;
  try {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const id = new RegExp(`^\\s*(?:-\\s+)?id:\\s*["']?${ref.exercise.id}["']?\\s*$`);
    const topicAt = Math.max(
      0,
      lines.findIndex((l) => new RegExp(`id:\\s*["']?${ref.topic.id}["']?\\s*$`).test(l)),
    );
    line = Math.max(
      0,
      lines.findIndex((l, i) => i >= topicAt && id.test(l)),
    );
  } catch {
    // the file went away: point at its top
  }
  return { uri: vscode.Uri.file(file), line };
}

function show(reports: ExerciseVerification[], deps: VerifyDeps): number {
  deps.diagnostics.clear();
  const byFile = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
  let problems = 0;
  for (const r of reports) {
    const at = exerciseLocation(r.ref);
    if (!at) continue;
    const entry = byFile.get(at.uri.toString()) ?? { uri: at.uri, list: [] };
    for (const p of r.problems) {
      const d = new vscode.Diagnostic(new vscode.Range(at.line, 0, at.line, 1000), `${r.ref.exercise.id}: ${p}`);
      d.source = 'Cert Path verify';
      entry.list.push(d);
      problems++;
    }
    for (const s of r.skipped) {
      const d = new vscode.Diagnostic(
        new vscode.Range(at.line, 0, at.line, 1000),
        `${r.ref.exercise.id}: not verified here: ${s}`,
        vscode.DiagnosticSeverity.Information,
      );
      d.source = 'Cert Path verify';
      entry.list.push(d);
    }
    byFile.set(at.uri.toString(), entry);
  }
  for (const { uri, list } of byFile.values()) deps.diagnostics.set(uri, list);
  return problems;
}

function log(reports: ExerciseVerification[], output: vscode.OutputChannel, python: string): void {
  output.appendLine('');
  output.appendLine(`── Verify Syllabus Pack — ${new Date().toLocaleTimeString()} — ${python}`);
  for (const r of reports) {
    const m = r.mutants;
    output.appendLine(
      `  ${r.problems.length ? 'PROBLEM' : 'OK     '} ${r.ref.key}: ${r.wrongSolutions} wrong solutions; ${m.killed} of ${m.total - m.equivalent} mutants killed (${killRate(m).toFixed(0)} %), ${m.equivalent} listed as equivalent`,
    );
    for (const p of r.problems) output.appendLine(`          ${p}`);
    for (const s of r.skipped) output.appendLine(`          not verified here: ${s}`);
  }
}

/** Runs the gate with a progress notification; undefined when the learner cancelled it. */
async function runGate(
  refs: ExerciseRef[],
  interpreter: Candidate,
  dir: string,
  deps: VerifyDeps,
): Promise<ExerciseVerification[] | undefined> {
  const title = `Cert Path: verifying ${refs.length} pack exercises`;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort());
      let last = 0;
      try {
        const reports = await verifyExercises(refs, {
          interpreter,
          runnerSource: deps.runnerSource,
          dir,
          workers: Math.max(1, os.cpus().length),
          seeds: (ref) => gateSeeds(ref.exercise),
          mutants: true,
          timeoutSeconds: deps.config.get().checkTimeoutSeconds,
          signal: controller.signal,
          progress: (done, total) => {
            const percent = Math.floor((100 * done) / Math.max(1, total));
            progress.report({ message: `${done} of ${total} runs`, increment: Math.max(0, percent - last) });
            last = percent;
          },
        });
        return controller.signal.aborted ? undefined : reports;
      } finally {
        cancel.dispose();
      }
    },
  );
}

/** Runs the gate over the packs' exercises; resolves with the reports (undefined when nothing ran). */
export async function verifyPacks(deps: VerifyDeps): Promise<ExerciseVerification[] | undefined> {
  if (!vscode.workspace.isTrusted) {
    const a = await vscode.window.showWarningMessage(
      'Verifying a syllabus pack runs its solutions and mutants with your Python, so it needs a trusted workspace.',
      'Manage Workspace Trust',
    );
    if (a) await vscode.commands.executeCommand('workbench.trust.manage');
    return undefined;
  }
  // Pack exercises: topics a pack added to a certification, and certifications a pack defines.
  const refs = indexOf(deps.syllabus.syllabus).exercises.filter((r) => r.topic.origin || path.isAbsolute(r.cert.file));
  if (!refs.length) {
    const a = await vscode.window.showInformationMessage(
      'No syllabus pack is loaded: list your pack files or folders in the setting certPath.syllabusPaths.',
      'Open Settings',
    );
    if (a) await vscode.commands.executeCommand('workbench.action.openSettings', 'certPath.syllabusPaths');
    return undefined;
  }
  const found = await deps.interpreters.resolve(vscode.workspace.workspaceFolders?.[0]?.uri);
  if (!found.interpreter) {
    const a = await vscode.window.showErrorMessage(
      found.message ?? 'No Python interpreter found.',
      'Select Python Interpreter',
    );
    if (a) await vscode.commands.executeCommand(Commands.selectInterpreter);
    return undefined;
  }
  const interpreter = { ...found.interpreter, command: executableOf(found.interpreter), args: [] };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-path-verify-'));
  try {
    const reports = await runGate(refs, interpreter, dir, deps);
    if (!reports) {
      void vscode.window.showInformationMessage(
        'Cert Path: the pack verification was cancelled; nothing was reported.',
      );
      return undefined;
    }
    const problems = show(reports, deps);
    log(reports, deps.output, interpreter.command);
    const summary = problems
      ? `Cert Path: ${problems} problem${problems === 1 ? '' : 's'} in ${reports.filter((r) => r.problems.length).length} of ${reports.length} pack exercises; they are in the Problems view at each exercise's YAML line.`
      : `Cert Path: all ${reports.length} pack exercises pass the gate: solutions pass, starters and wrong solutions fail, every mutant is killed or explained.`;
    void (
      problems
        ? vscode.window.showWarningMessage(summary, 'Show Output')
        : vscode.window.showInformationMessage(summary, 'Show Output')
    ).then((a) => a && deps.output.show(true));
    return reports;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
