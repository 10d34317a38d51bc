// Finding the interpreters installed on this machine for Select Python Interpreter: the usual
// candidates and the platform's install folders, all probed in parallel.
import * as fs from 'fs';
import * as os from 'os';
import { Candidate, candidates, Interpreter } from '../core/interpreter/interpreter';
import { DiscoveryEnv, interpretersIn, newestFirst, searchFolders } from '../core/interpreter/discovery';
import { probe } from './runner/probe';

/** This machine's environment as discovery reads it. */
export function discoveryEnv(): DiscoveryEnv {
  return {
    home: os.homedir(),
    localAppData: process.env.LOCALAPPDATA,
    programFiles: process.env.ProgramFiles,
    pyenvRoot: process.env.PYENV_ROOT,
  };
}

function list(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/** Every interpreter found (too old ones too, so the picker can say so), newest first. */
export async function discoverInterpreters(
  extensionPath: string | undefined,
  platform: NodeJS.Platform = process.platform,
  env: DiscoveryEnv = discoveryEnv(),
): Promise<Interpreter[]> {
  const found: Candidate[] = candidates(undefined, extensionPath, platform);
  for (const folder of searchFolders(platform, env)) {
    for (const command of interpretersIn(folder, list(folder.dir), platform))
      found.push({ command, args: [], source: 'path' });
  }
  const outcomes = await Promise.all(found.map((c) => probe(c, 5000)));
  const usable = outcomes.flatMap((o): Interpreter[] => {
    if (o.kind === 'ok') return [o.interpreter];
    if (o.kind === 'tooOld') return [{ ...o.candidate, version: o.version, executable: o.executable }];
    return [];
  });
  return newestFirst(usable);
}
