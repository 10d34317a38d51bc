// Resolves the Python interpreter: setting → Python extension → PATH, cached until something changes.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { PythonExtension } from '@vscode/python-extension';
import { Candidate, candidates, describeCandidate, Interpreter } from '../../core/interpreter/interpreter';
import { findInterpreter, probe } from '../../node/runner/run';
import { Commands, Settings } from '../../ids';

const PYTHON_EXTENSION_ID = 'ms-python.python';

/** Finds the Python that runs checks and lets the learner pick another. */
export class InterpreterService implements vscode.Disposable {
  private cached?: Promise<{ interpreter?: Interpreter; message?: string }>;
  private readonly disposables: vscode.Disposable[] = [];
  private pythonApi?: Promise<PythonExtension | undefined>;
  private readonly chosen = new vscode.EventEmitter<Interpreter>();
  /** Fires when Select Python Interpreter ends with a working interpreter (the walkthrough's first step). */
  readonly onDidChoose = this.chosen.event;

  constructor(private readonly output: vscode.OutputChannel) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${Settings.section}.${Settings.pythonPath}`)) this.invalidate();
      }),
    );
  }

  /** Forget the cached choice (after a setting or environment change, or a failed start). */
  invalidate(): void {
    this.cached = undefined;
  }

  private setting(): string {
    return vscode.workspace.getConfiguration(Settings.section).get<string>(Settings.pythonPath, '') ?? '';
  }

  private async pythonExtension(): Promise<PythonExtension | undefined> {
    if (!vscode.extensions.getExtension(PYTHON_EXTENSION_ID)) return undefined;
    this.pythonApi ??= PythonExtension.api().then(
      (api) => {
        this.disposables.push(api.environments.onDidChangeActiveEnvironmentPath(() => this.invalidate()));
        return api;
      },
      (error) => {
        this.output.appendLine(`The Python extension's API is not available: ${String(error)}`);
        return undefined;
      },
    );
    return this.pythonApi;
  }

  private async activeEnvironmentPath(resource?: vscode.Uri): Promise<string | undefined> {
    const api = await this.pythonExtension();
    if (!api) return undefined;
    try {
      const active = api.environments.getActiveEnvironmentPath(resource);
      const resolved = await api.environments.resolveEnvironment(active);
      return resolved?.executable.uri?.fsPath ?? active.path;
    } catch (error) {
      this.output.appendLine(`Could not read the Python extension's environment: ${String(error)}`);
      return undefined;
    }
  }

  /** The interpreter to use, or a message saying what was found and how to fix it. */
  resolve(resource?: vscode.Uri): Promise<{ interpreter?: Interpreter; message?: string }> {
    this.cached ??= (async () => {
      const list = candidates(this.setting(), await this.activeEnvironmentPath(resource), process.platform);
      const found = await findInterpreter(list);
      if (found.interpreter) {
        const i = found.interpreter;
        this.output.appendLine(`Using Python ${i.version.join('.')} at ${i.executable} (from ${i.source}: ${describeCandidate(i)})`);
      }
      return found;
    })();
    const pending = this.cached;
    // A failed lookup is not remembered: the learner may install Python and try again at once.
    void pending.then((r) => {
      if (!r.interpreter && this.cached === pending) this.cached = undefined;
    });
    return pending;
  }

  /** Quick pick of interpreters found on this machine; writes certPath.pythonPath. */
  async select(): Promise<Interpreter | undefined> {
    const found = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Cert Path: looking for Python interpreters' },
      () => this.discover(),
    );
    type Item = vscode.QuickPickItem & { value?: string; action?: 'browse' | 'auto' };
    const items: Item[] = [
      { label: '$(sync) Detect automatically', description: 'Python extension, then python3 / python on PATH', action: 'auto' },
      { label: '$(folder-opened) Browse…', description: 'choose an interpreter file', action: 'browse' },
      { label: 'Found on this machine', kind: vscode.QuickPickItemKind.Separator },
      ...found.map((i): Item => ({
        label: `Python ${i.version.join('.')}`,
        description: i.executable,
        detail: i.version[0] < 3 || (i.version[0] === 3 && i.version[1] < 8) ? '$(warning) too old for Cert Path (needs 3.8+)' : undefined,
        value: i.executable,
      })),
    ];
    const picked = await vscode.window.showQuickPick(items, { title: 'Cert Path: Select Python Interpreter', placeHolder: `Current: ${this.setting() || 'automatic'}` });
    if (!picked) return undefined;
    let value = picked.value;
    if (picked.action === 'browse') {
      const uris = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Use this Python', title: 'Python interpreter' });
      value = uris?.[0]?.fsPath;
      if (!value) return undefined;
    }
    await vscode.workspace.getConfiguration(Settings.section).update(Settings.pythonPath, picked.action === 'auto' ? undefined : value, vscode.ConfigurationTarget.Global);
    this.invalidate();
    const result = await this.resolve();
    if (result.message) void vscode.window.showErrorMessage(result.message, 'Select Python Interpreter').then((a) => a && vscode.commands.executeCommand(Commands.selectInterpreter));
    else if (result.interpreter) {
      void vscode.window.showInformationMessage(`Cert Path will run checks with Python ${result.interpreter.version.join('.')} (${result.interpreter.executable}).`);
      this.chosen.fire(result.interpreter);
    }
    return result.interpreter;
  }

  /** Interpreters on PATH, from the Python extension, and in common install folders, probed in parallel. */
  private async discover(): Promise<Interpreter[]> {
    const list: Candidate[] = candidates(undefined, await this.activeEnvironmentPath(), process.platform);
    const folders = [path.join(os.homedir(), '.pyenv', 'versions'), '/usr/bin', '/usr/local/bin', '/opt/homebrew/bin'];
    for (const folder of folders) {
      let names: string[] = [];
      try {
        names = fs.readdirSync(folder);
      } catch {
        continue;
      }
      for (const name of names) {
        if (folder.endsWith('versions')) list.push({ command: path.join(folder, name, 'bin', 'python'), args: [], source: 'path' });
        else if (/^python\d(\.\d+)?$/.test(name)) list.push({ command: path.join(folder, name), args: [], source: 'path' });
      }
    }
    const outcomes = await Promise.all(list.map((c) => probe(c, 5000)));
    const seen = new Set<string>();
    const out: Interpreter[] = [];
    for (const o of outcomes) {
      const found = o.kind === 'ok' ? o.interpreter : o.kind === 'tooOld' ? { ...o.candidate, version: o.version, executable: o.executable } : undefined;
      if (found && !seen.has(found.executable)) {
        seen.add(found.executable);
        out.push(found);
      }
    }
    return out.sort((a, b) => b.version[0] - a.version[0] || b.version[1] - a.version[1] || b.version[2] - a.version[2]);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.chosen.dispose();
  }
}
