// Which Python to run, in order: the interpreter setting, the Python extension's active environment,
// then python3 / python / py -3 on PATH. The first that answers as 3.8+ is used.
import type { SettingName } from '../config';

/** Where a candidate came from, for messages. */
export type CandidateSource = 'setting' | 'python-extension' | 'path';

/** A command that may start Python: executable plus leading arguments (for `py -3`). */
export interface Candidate {
  command: string;
  args: string[];
  source: CandidateSource;
}

/** A Python that answered the probe. */
export interface Interpreter extends Candidate {
  version: [number, number, number];
  executable: string;
}

/** Oldest Python the checks support. */
export const MIN_VERSION: [number, number] = [3, 8];

/** Prints `major.minor.micro|executable`; valid Python 2 and 3, so old interpreters can be named. */
export const PROBE_CODE =
  "import sys; sys.stdout.write('%d.%d.%d|%s' % (sys.version_info[0], sys.version_info[1], sys.version_info[2], sys.executable))";

/** Ordered candidates. An explicit setting is the only candidate: a learner who chose must not get another. */
export function candidates(
  setting: string | undefined,
  extensionPath: string | undefined,
  platform: NodeJS.Platform,
): Candidate[] {
  const chosen = setting?.trim();
  if (chosen) return [{ command: chosen, args: [], source: 'setting' }];
  const list: Candidate[] = [];
  if (extensionPath?.trim()) list.push({ command: extensionPath.trim(), args: [], source: 'python-extension' });
  const onPath: [string, string[]][] =
    platform === 'win32'
      ? [
          ['python', []],
          ['py', ['-3']],
          ['python3', []],
        ]
      : [
          ['python3', []],
          ['python', []],
        ];
  for (const [command, args] of onPath) list.push({ command, args, source: 'path' });
  return list;
}

/** Parses the probe's output; undefined if it is not what the probe prints. */
export function parseProbe(output: string): { version: [number, number, number]; executable: string } | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\|(.*)$/s.exec(output.trim());
  if (!m) return undefined;
  return { version: [Number(m[1]), Number(m[2]), Number(m[3])], executable: m[4] };
}

/** True when the version is new enough for the checks. */
export function supported(version: [number, number, number]): boolean {
  return version[0] > MIN_VERSION[0] || (version[0] === MIN_VERSION[0] && version[1] >= MIN_VERSION[1]);
}

/** How a candidate is written in messages, e.g. `py -3`. */
export function describeCandidate(c: Candidate): string {
  return [c.command, ...c.args].join(' ');
}

/** The outcome of probing one candidate. */
export type ProbeOutcome =
  | { kind: 'ok'; interpreter: Interpreter }
  | { kind: 'tooOld'; candidate: Candidate; version: [number, number, number]; executable: string }
  | { kind: 'missing'; candidate: Candidate; detail: string };

/** The interpreter found, or why none can be used (and the setting that would fix it, for the edge to name). */
export interface Choice {
  interpreter?: Interpreter;
  message?: string;
  setting?: SettingName;
}

/** Picks the first usable interpreter, or explains in one sentence what was found and how to fix it. */
export function choose(outcomes: ProbeOutcome[]): Choice {
  const ok = outcomes.find((o): o is Extract<ProbeOutcome, { kind: 'ok' }> => o.kind === 'ok');
  if (ok) return { interpreter: ok.interpreter };
  const need = `Cert Path needs Python ${MIN_VERSION.join('.')} or newer`;
  const old = outcomes.filter((o): o is Extract<ProbeOutcome, { kind: 'tooOld' }> => o.kind === 'tooOld');
  if (old.length) {
    const found = old.map((o) => `Python ${o.version.join('.')} (${o.executable})`).join(', ');
    return { message: `${need}; found only ${found}. Select a newer interpreter.` };
  }
  const first = outcomes[0];
  if (first && first.kind === 'missing' && first.candidate.source === 'setting') {
    return {
      message: `${need}, but the interpreter setting points to "${first.candidate.command}", which did not start (${first.detail}). Select an interpreter or fix the setting.`,
      setting: 'pythonPath',
    };
  }
  const tried = outcomes.map((o) => (o.kind === 'missing' ? describeCandidate(o.candidate) : '')).filter(Boolean);
  return {
    message: `No Python interpreter found (tried ${tried.join(', ')}). ${need}: install it or select an interpreter.`,
  };
}
