// The runner script (the harness followed by the supervisor), written once per process into a private
// folder and reused by every run.
import { mkdtempSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import supervisorSource from '../../python/supervisor.py';

const written = new Map<string, string>();

/** The path of the runner script for this harness source. */
export function runnerScript(runnerSource: string): string {
  let file = written.get(runnerSource);
  if (!file) {
    file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cert-path-runner-')), 'cert_path_runner.py');
    writeFileSync(file, `${runnerSource}\n${supervisorSource}`, { encoding: 'utf8', mode: 0o600 });
    written.set(runnerSource, file);
  }
  return file;
}

/** The environment a supervisor starts with. */
export function runnerEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra, PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' };
}
