// Where Select Python Interpreter looks for interpreters on each platform, and which entries of those
// folders are interpreters. Pure: the platform, the environment and path arithmetic come in.
import * as path from 'path';
import { Interpreter, supported } from './interpreter';

/** Path joining for one platform (`path.posix` or `path.win32`). */
export type PathJoin = Pick<typeof path, 'join'>;

/** A folder to list: its entries are interpreters (`bin`), or version folders holding one (`versions`). */
export interface SearchFolder {
  dir: string;
  kind: 'bin' | 'versions';
  /** For `versions`: where the interpreter is inside each version folder. */
  inside?: string[];
}

/** The environment discovery reads. */
export interface DiscoveryEnv {
  home: string;
  /** %LOCALAPPDATA% on Windows. */
  localAppData?: string;
  /** %ProgramFiles% on Windows. */
  programFiles?: string;
  /** $PYENV_ROOT, when set. */
  pyenvRoot?: string;
}

/** The folders to search on `platform`. */
export function searchFolders(platform: NodeJS.Platform, env: DiscoveryEnv, api: PathJoin = path): SearchFolder[] {
  if (platform === 'win32') {
    const out: SearchFolder[] = [];
    if (env.localAppData)
      out.push({ dir: api.join(env.localAppData, 'Programs', 'Python'), kind: 'versions', inside: ['python.exe'] });
    if (env.programFiles) out.push({ dir: env.programFiles, kind: 'versions', inside: ['python.exe'] });
    out.push({ dir: api.join(env.home, '.pyenv', 'pyenv-win', 'versions'), kind: 'versions', inside: ['python.exe'] });
    return out;
  }
  const pyenv = env.pyenvRoot || api.join(env.home, '.pyenv');
  const out: SearchFolder[] = [
    { dir: api.join(pyenv, 'versions'), kind: 'versions', inside: ['bin', 'python'] },
    { dir: '/usr/bin', kind: 'bin' },
    { dir: '/usr/local/bin', kind: 'bin' },
  ];
  if (platform === 'darwin') {
    out.push(
      { dir: '/opt/homebrew/bin', kind: 'bin' },
      { dir: '/Library/Frameworks/Python.framework/Versions', kind: 'versions', inside: ['bin', 'python3'] },
    );
  }
  return out;
}

/** The interpreter paths among a folder's entries. */
export function interpretersIn(
  folder: SearchFolder,
  entries: string[],
  platform: NodeJS.Platform,
  api: PathJoin = path,
): string[] {
  if (folder.kind === 'versions') {
    // Windows installs are folders named Python3XY; pyenv and python.org versions are numbered.
    const version = platform === 'win32' ? /^(python3\d*|3\.\d+(\.\d+)?)$/i : /^\d+\.\d+(\.\d+)?$/;
    return entries.filter((e) => version.test(e)).map((e) => api.join(folder.dir, e, ...(folder.inside ?? [])));
  }
  return entries.filter((e) => /^python\d(\.\d+)?$/.test(e)).map((e) => api.join(folder.dir, e));
}

/** Interpreters without twins (same executable), newest first. */
export function newestFirst(found: Interpreter[]): Interpreter[] {
  const seen = new Set<string>();
  return found
    .filter((i) => !seen.has(i.executable) && !!seen.add(i.executable))
    .sort((a, b) => b.version[0] - a.version[0] || b.version[1] - a.version[1] || b.version[2] - a.version[2]);
}

/** What the picker says about an interpreter that cannot run the checks. */
export function versionNote(version: [number, number, number]): string | undefined {
  return supported(version) ? undefined : 'too old for Cert Path (needs 3.8+)';
}
