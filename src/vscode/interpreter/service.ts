// Resolves the Python interpreter: setting → Python extension → PATH, cached per workspace folder
// until something changes; and the Select Python Interpreter picker.
import * as vscode from 'vscode';
import { PythonExtension } from '@vscode/python-extension';
import { withSetting } from '../../core/config';
import { candidates, Choice, describeCandidate, Interpreter } from '../../core/interpreter/interpreter';
import { versionNote } from '../../core/interpreter/discovery';
import { discoverInterpreters } from '../../node/interpreters';
import { findInterpreter } from '../../node/runner/probe';
import { Commands } from '../../ids';
import { Configuration } from '../config';

const PYTHON_EXTENSION_ID = 'ms-python.python';

/** Finds the Python that runs checks and lets the learner pick another. */
export class InterpreterService implements vscode.Disposable {
  /** Lookups by workspace folder (the Python extension may use another environment per folder). */
  private readonly cached = new Map<string, Promise<Choice>>();
  private readonly disposables: vscode.Disposable[] = [];
  private pythonApi?: Promise<PythonExtension | undefined>;
  private readonly chosen = new vscode.EventEmitter<Interpreter>();
  /** Fires when Select Python Interpreter ends with a working interpreter (the walkthrough's first step). */
  readonly onDidChoose = this.chosen.event;
  private readonly invalidated = new vscode.EventEmitter<void>();
  /** Fires when the interpreter may have changed (setting, environment, failed start). */
  readonly onDidInvalidate = this.invalidated.event;

  constructor(
    private readonly output: vscode.OutputChannel,
    private readonly config: Configuration,
  ) {
    this.disposables.push(
      config.onChange(['pythonPath'], () => this.invalidate()),
      this.chosen,
      this.invalidated,
    );
  }

  /** Forget the cached choices (after a setting or environment change, or a failed start). */
  invalidate(): void {
    this.cached.clear();
    this.invalidated.fire();
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

  /** The interpreter to use for a file, or a message saying what was found and how to fix it. */
  resolve(resource?: vscode.Uri): Promise<Choice> {
    const folder = resource && vscode.workspace.getWorkspaceFolder(resource);
    const key = folder?.uri.toString() ?? '';
    let pending = this.cached.get(key);
    if (!pending) {
      pending = this.lookup(resource);
      this.cached.set(key, pending);
      const mine = pending;
      // A failed lookup is not remembered: the learner may install Python and try again at once.
      void mine.then((r) => {
        if (!r.interpreter && this.cached.get(key) === mine) this.cached.delete(key);
      });
    }
    return pending;
  }

  private async lookup(resource?: vscode.Uri): Promise<Choice> {
    const list = candidates(
      this.config.get(resource).pythonPath,
      await this.activeEnvironmentPath(resource),
      process.platform,
    );
    const found = await findInterpreter(list);
    if (found.interpreter) {
      const i = found.interpreter;
      this.output.appendLine(
        `Using Python ${i.version.join('.')} at ${i.executable} (from ${i.source}: ${describeCandidate(i)})`,
      );
    }
    return found.message ? { ...found, message: withSetting(found.message, found.setting) } : found;
  }

  /** Quick pick of interpreters found on this machine; writes certPath.pythonPath. */
  async select(): Promise<Interpreter | undefined> {
    const value = await this.pick();
    if (value === undefined) return undefined;
    await this.config.setGlobal('pythonPath', value || undefined);
    this.invalidate();
    const result = await this.resolve();
    if (result.message) {
      void vscode.window
        .showErrorMessage(result.message, 'Select Python Interpreter')
        .then((a) => a && vscode.commands.executeCommand(Commands.selectInterpreter));
    } else if (result.interpreter) {
      void vscode.window.showInformationMessage(
        `Cert Path will run checks with Python ${result.interpreter.version.join('.')} (${result.interpreter.executable}).`,
      );
      this.chosen.fire(result.interpreter);
    }
    return result.interpreter;
  }

  /** The path the learner picked, '' for automatic detection, or undefined when cancelled. */
  private async pick(): Promise<string | undefined> {
    const found = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Cert Path: looking for Python interpreters' },
      async () => discoverInterpreters(await this.activeEnvironmentPath()),
    );
    type Item = vscode.QuickPickItem & { value?: string; action?: 'browse' | 'auto' };
    const items: Item[] = [
      {
        label: '$(sync) Detect automatically',
        description: 'Python extension, then python3 / python on PATH',
        action: 'auto',
      },
      { label: '$(folder-opened) Browse…', description: 'choose an interpreter file', action: 'browse' },
      { label: 'Found on this machine', kind: vscode.QuickPickItemKind.Separator },
      ...found.map((i): Item => {
        const note = versionNote(i.version);
        return {
          label: `Python ${i.version.join('.')}`,
          description: i.executable,
          detail: note && `$(warning) ${note}`,
          value: i.executable,
        };
      }),
    ];
    const current = this.config.get().pythonPath;
    const picked = await vscode.window.showQuickPick(items, {
      title: 'Cert Path: Select Python Interpreter',
      placeHolder: `Current: ${current || 'automatic'}`,
    });
    if (!picked) return undefined;
    if (picked.action === 'auto') return '';
    if (picked.action !== 'browse') return picked.value;
    const uris = await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: 'Use this Python',
      title: 'Python interpreter',
    });
    return uris?.[0]?.fsPath;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
