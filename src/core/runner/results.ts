// The check-result protocol: the harness writes one JSON record per line to a private result file,
// as `<HMAC-SHA256 hex> <JSON>` under a per-run key that learner code never sees, each numbered by
// `seq`. Only authentic records in sequence count, checks must report in canonical order, and a run
// without its `end` record can never pass.
import { createHmac, timingSafeEqual } from 'crypto';
import type { SettingName } from '../config';
import { cappedText, crashMessage, LOST_CHANNEL_EXIT, optionalCapped, signalName } from './messages';

export { cappedText, LOST_CHANNEL_EXIT, MESSAGE_CAP, signalName } from './messages';

/** Status of one check, as in Exercism's per-test results. */
export type CheckStatus = 'pass' | 'fail' | 'error' | 'skipped';

/** What one canonical check reported. */
export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  message: string;
  expected?: string;
  actual?: string;
  /** 1-based line in the learner's file, where one applies. */
  line?: number;
  durationMs?: number;
  traceback?: string;
}

/** Why a run as a whole did not complete normally. */
export interface RunProblem {
  kind: 'syntax' | 'load' | 'version' | 'requirement' | 'timeout' | 'memory' | 'crash' | 'protocol' | 'cancelled';
  message: string;
  /** The setting that controls this (the edge names it in the message). */
  setting?: SettingName;
  line?: number;
  /** For `requirement`: what is missing (`display`, `database`, or a module name). */
  requirement?: string;
}

/**
 * Overall result: `passed` only when every canonical check passed in a complete run; `skipped` when
 * the machine lacks what the exercise needs (a display, a module), which is never a pass.
 */
export type RunOutcome = 'passed' | 'failed' | 'error' | 'skipped' | 'cancelled';

/** The interpreted result of one run of the checks. */
export interface RunResult {
  outcome: RunOutcome;
  checks: CheckResult[];
  problem?: RunProblem;
  python?: { version: string; executable: string };
}

/** How the process ended, from the runner. */
export interface Termination {
  exitCode: number | null;
  /** The signal that ended the process (`SIGSEGV`), if one did. */
  signal: string | null;
  timedOut: boolean;
  cancelled: boolean;
  timeoutSeconds: number;
  stderrTail: string;
  /** The run was stopped for using more memory than allowed. */
  memoryExceeded?: boolean;
  memoryLimitMB?: number;
  /** More result data arrived than a run can produce; the rest was dropped unread. */
  overflow?: boolean;
  /** Why the runner gave no report at all (it died, or missed its deadline). */
  lost?: string;
}

const STATUSES: CheckStatus[] = ['pass', 'fail', 'error', 'skipped'];

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function positiveInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

function lastLine(stderr: string): string {
  const lines = stderr
    .trim()
    .split(/\r?\n/)
    .filter((l) => l.trim());
  return lines.length ? lines[lines.length - 1].trim() : '';
}

/** A result line as the harness writes it: the record's JSON signed with the run key. */
export function signLine(key: string, json: string): string {
  return `${createHmac('sha256', key).update(json, 'utf8').digest('hex')} ${json}`;
}

/** The record of a signed line, or undefined when the line is not authentic. */
function verifiedRecord(key: string, line: string): Record<string, unknown> | undefined {
  const space = line.indexOf(' ');
  if (space !== 64) return undefined;
  const mac = Buffer.from(line.slice(0, 64), 'hex');
  const json = line.slice(65);
  const expected = createHmac('sha256', key).update(json, 'utf8').digest();
  if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return undefined;
  try {
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** What the authentic records of a run said. */
interface Records {
  byId: Map<string, CheckResult>;
  python?: RunResult['python'];
  loadProblem?: RunProblem;
  sawEnd: boolean;
  foreign: number;
}

function loadKind(kind: string): RunProblem['kind'] {
  if (/SyntaxError|IndentationError|TabError/.test(kind)) return 'syntax';
  if (kind === 'PythonVersion') return 'version';
  return kind === 'Requirement' ? 'requirement' : 'load';
}

/** The check result a record reports, if it is the canonical check expected next. */
function checkRecord(
  record: Record<string, unknown>,
  expected: { id: string; title: string } | undefined,
): CheckResult | undefined {
  const id = text(record.id);
  const status = text(record.status) as CheckStatus | undefined;
  // Out of order, unknown or repeated ids are ignored: only the canonical sequence counts.
  if (!expected || id !== expected.id || !status || !STATUSES.includes(status)) return undefined;
  return {
    id,
    title: expected.title,
    status,
    message: cappedText(text(record.message) ?? ''),
    expected: optionalCapped(text(record.expected)),
    actual: optionalCapped(text(record.actual)),
    line: positiveInt(record.line),
    durationMs: typeof record.durationMs === 'number' ? record.durationMs : undefined,
    traceback: optionalCapped(text(record.traceback)),
  };
}

/** Reads the signed records in order; anything unsigned, out of sequence or unexpected counts as foreign. */
function readRecords(lines: Iterable<string>, key: string, checks: { id: string; title: string }[]): Records {
  const out: Records = { byId: new Map(), sawEnd: false, foreign: 0 };
  let next = 0; // index of the canonical check expected next
  let seq = 0; // sequence number of the authentic record expected next
  for (const line of lines) {
    if (!line.trim()) continue;
    const record = verifiedRecord(key, line);
    if (!record || record.seq !== seq) {
      out.foreign++;
      continue;
    }
    seq++;
    if (record.type === 'start') {
      out.python = { version: text(record.python) ?? '?', executable: text(record.executable) ?? '?' };
    } else if (record.type === 'load') {
      const kind = text(record.kind) ?? '';
      const requirement = kind === 'Requirement' ? text(record.requirement) : undefined;
      out.loadProblem = {
        kind: loadKind(kind),
        message: cappedText(text(record.message) ?? 'Your code could not be loaded.'),
        line: positiveInt(record.line),
        ...(requirement ? { requirement } : {}),
      };
    } else if (record.type === 'check') {
      const result = checkRecord(record, checks[next]);
      if (!result) out.foreign++;
      else {
        out.byId.set(result.id, result);
        next++;
      }
    } else if (record.type === 'end') {
      out.sawEnd = next === checks.length;
    }
  }
  return out;
}

/** Why a run that did not report every check ended, from how its process ended. */
function endProblem(records: Records, end: Termination): RunProblem {
  const detail = cappedText(lastLine(end.stderrTail), 500);
  const crashed = signalName(end.signal);
  if (crashed) return { kind: 'crash', message: crashMessage(crashed) };
  if (end.exitCode === LOST_CHANNEL_EXIT) {
    return {
      kind: 'protocol',
      message:
        'Your code closed or replaced the channel the checks report through (os.close, os.closerange or os.dup2 on its file descriptors), so no result could be recorded. Leave the file descriptors you did not open alone.',
    };
  }
  if (records.python) {
    return {
      kind: 'crash',
      message: `Your code ended the run before every check had reported (exit code ${end.exitCode}). Calls such as exit(), sys.exit() or os._exit() stop the checks too.${detail ? ` Last error output: ${detail}` : ''}`,
    };
  }
  if (end.exitCode === 0) {
    return {
      kind: 'protocol',
      message:
        'The run ended without leaving readable results (the result channel was closed or damaged, perhaps by the code under test), so nothing can be marked as passed.',
    };
  }
  return {
    kind: 'crash',
    message: `The check runner did not start (exit code ${end.exitCode}).${detail ? ` ${detail}` : ''}`,
  };
}

/** The problem of the run as a whole, if any. */
function runProblem(records: Records, end: Termination): RunProblem | undefined {
  if (end.cancelled) return { kind: 'cancelled', message: 'The run was cancelled.' };
  if (end.lost) return { kind: 'crash', message: end.lost };
  if (end.memoryExceeded) {
    return {
      kind: 'memory',
      message: `The checks were stopped because your code used more than ${end.memoryLimitMB} MB of memory. Look for a list or string that keeps growing (an endless loop that appends, or a huge repetition such as [0] * 10**10).`,
      setting: 'memoryLimitMB',
    };
  }
  if (end.timedOut) {
    return {
      kind: 'timeout',
      message: `The checks were stopped after ${end.timeoutSeconds} s. Your code may be stuck in an endless loop or waiting for something (a while loop whose condition never becomes false, or input()).`,
      setting: 'checkTimeoutSeconds',
    };
  }
  if (end.overflow) {
    return {
      kind: 'protocol',
      message:
        'The run sent more result data than the checks can produce (the result channel was flooded, perhaps by the code under test), so it was stopped and cannot be trusted.',
    };
  }
  if (records.loadProblem) return records.loadProblem;
  if (!records.sawEnd) return endProblem(records, end);
  return undefined;
}

/**
 * Turns the run's result records (lines, or the whole text) and the process's end into a RunResult;
 * never throws. Only authentic records in sequence count, and a run without its `end` record can never pass.
 */
export function interpretResults(
  raw: string | Iterable<string>,
  key: string,
  checks: { id: string; title: string }[],
  end: Termination,
): RunResult {
  const records = readRecords(typeof raw === 'string' ? raw.split('\n') : raw, key, checks);
  const problem = runProblem(records, end);
  const results: CheckResult[] = checks.map((c) => {
    const reported = records.byId.get(c.id);
    if (reported) return reported;
    const why = problem ? problem.message : 'The check did not report a result.';
    return {
      id: c.id,
      title: c.title,
      status: problem?.kind === 'cancelled' ? 'skipped' : 'error',
      message: `Not run: ${why}`,
    };
  });
  let outcome: RunOutcome;
  if (problem?.kind === 'cancelled') outcome = 'cancelled';
  else if (problem?.kind === 'requirement' && records.sawEnd) outcome = 'skipped';
  else if (problem || !records.sawEnd) outcome = 'error';
  else if (results.every((r) => r.status === 'pass')) outcome = 'passed';
  else if (results.some((r) => r.status === 'error')) outcome = 'error';
  else outcome = 'failed';
  return { outcome, checks: results, problem, python: records.python };
}

/** One-line summary such as "2 of 3 checks passed". */
export function summarize(result: RunResult): string {
  const passed = result.checks.filter((c) => c.status === 'pass').length;
  const total = result.checks.length;
  if (result.outcome === 'passed') return `All ${total} checks passed`;
  if (result.problem) {
    const where = result.problem.line ? ` (line ${result.problem.line})` : '';
    return `${passed} of ${total} checks passed: ${result.problem.message}${where}`;
  }
  const first = result.checks.find((c) => c.status !== 'pass');
  const firstLine = first ? first.message.split('\n')[0] : '';
  return `${passed} of ${total} checks passed${firstLine ? `: ${firstLine}` : ''}`;
}
