// The extension's settings as typed values: their names, their defaults (package.json must agree; a
// unit test checks it) and how a raw value is read, clamped or replaced by its default.

/** Every setting, as read. */
export interface CertPathSettings {
  pythonPath: string;
  checkTimeoutSeconds: number;
  memoryLimitMB: number;
  practiceFolder: string;
  solutionAfterFailedRuns: number;
  runOnSave: boolean;
  mysqlHost: string;
  mysqlPort: number;
  mysqlUser: string;
  mysqlDatabase: string;
  syllabusPaths: string[];
}

/** A setting's name in this interface. */
export type SettingName = keyof CertPathSettings;

/** The setting section in VS Code's configuration. */
export const SETTINGS_SECTION = 'certPath';

/** Key below `certPath.` of each setting. */
export const SETTING_KEYS: Record<SettingName, string> = {
  pythonPath: 'pythonPath',
  checkTimeoutSeconds: 'checkTimeoutSeconds',
  memoryLimitMB: 'memoryLimitMB',
  practiceFolder: 'practiceFolder',
  solutionAfterFailedRuns: 'solutionAfterFailedRuns',
  runOnSave: 'runOnSave',
  mysqlHost: 'mysql.host',
  mysqlPort: 'mysql.port',
  mysqlUser: 'mysql.user',
  mysqlDatabase: 'mysql.database',
  syllabusPaths: 'syllabusPaths',
};

/** Defaults: the same as package.json's `contributes.configuration`. */
export const SETTING_DEFAULTS: CertPathSettings = {
  pythonPath: '',
  checkTimeoutSeconds: 10,
  memoryLimitMB: 2048,
  practiceFolder: '.cert-path',
  solutionAfterFailedRuns: 3,
  runOnSave: false,
  mysqlHost: '',
  mysqlPort: 3306,
  mysqlUser: '',
  mysqlDatabase: 'certpath',
  syllabusPaths: [],
};

/** The full name of a setting, as the learner finds it in the Settings editor: `certPath.pythonPath`. */
export function settingId(name: SettingName): string {
  return `${SETTINGS_SECTION}.${SETTING_KEYS[name]}`;
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.trim() ? value.trim() : fallback;
}

function number(value: unknown, fallback: number, min: number, max: number, whole = false): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  const clamped = Math.max(min, Math.min(max, n));
  return whole ? Math.floor(clamped) : clamped;
}

/** Reads every setting through `get` (the raw value or undefined), with defaults and limits applied. */
export function readSettings(get: (key: string) => unknown): CertPathSettings {
  const d = SETTING_DEFAULTS;
  const raw = (name: SettingName) => get(SETTING_KEYS[name]);
  const paths = raw('syllabusPaths');
  return {
    pythonPath: text(raw('pythonPath'), d.pythonPath),
    checkTimeoutSeconds: number(raw('checkTimeoutSeconds'), d.checkTimeoutSeconds, 1, 600),
    memoryLimitMB: number(raw('memoryLimitMB'), d.memoryLimitMB, 0, 1_048_576, true),
    practiceFolder: text(raw('practiceFolder'), d.practiceFolder),
    solutionAfterFailedRuns: number(raw('solutionAfterFailedRuns'), d.solutionAfterFailedRuns, 0, 100, true),
    runOnSave: raw('runOnSave') === true,
    mysqlHost: text(raw('mysqlHost'), d.mysqlHost),
    mysqlPort: number(raw('mysqlPort'), d.mysqlPort, 1, 65535, true),
    mysqlUser: text(raw('mysqlUser'), d.mysqlUser),
    mysqlDatabase: text(raw('mysqlDatabase'), d.mysqlDatabase),
    syllabusPaths: Array.isArray(paths)
      ? paths.filter((v): v is string => typeof v === 'string' && v.trim() !== '')
      : d.syllabusPaths,
  };
}

/** A message with the setting that controls it named at the end (core messages leave that to the edge). */
export function withSetting(message: string, setting: SettingName | undefined): string {
  return setting ? `${message} (setting ${settingId(setting)})` : message;
}
