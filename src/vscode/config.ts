// The settings through one typed accessor with one change event: every feature reads its values here
// (defaults and limits from core/config) and listens here for the ones it cares about.
import * as vscode from 'vscode';
import { CertPathSettings, readSettings, SETTING_KEYS, SettingName, SETTINGS_SECTION } from '../core/config';

/** Typed settings and the event that says which of them changed. */
export class Configuration implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Set<SettingName>>();
  /** Fires with the names of the settings that changed. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      const names = (Object.keys(SETTING_KEYS) as SettingName[]).filter((n) =>
        e.affectsConfiguration(`${SETTINGS_SECTION}.${SETTING_KEYS[n]}`),
      );
      if (names.length) this.changed.fire(new Set(names));
    });
  }

  /** Every setting for `resource` (its folder's values in a multi-root workspace). */
  get(resource?: vscode.Uri): CertPathSettings {
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, resource);
    return readSettings((key) => config.get(key));
  }

  /** Writes a user (global) setting; undefined removes it. */
  async setGlobal(name: SettingName, value: unknown): Promise<void> {
    await vscode.workspace
      .getConfiguration(SETTINGS_SECTION)
      .update(SETTING_KEYS[name], value, vscode.ConfigurationTarget.Global);
  }

  /** Calls `listener` when any of `names` changes. */
  onChange(names: SettingName[], listener: () => unknown): vscode.Disposable {
    return this.onDidChange((changed) => {
      if (names.some((n) => changed.has(n))) listener();
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
