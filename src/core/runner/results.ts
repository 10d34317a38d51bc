// The check-result protocol: the harness writes one JSON record per line to a private result file,
// as `<HMAC-SHA256 hex> <JSON>` under a per-run key that learner code never sees, each numbered by
// `seq`. Only authentic records in sequence count, checks must report in canonical order, and a run
// without its `end` record can never pass.
import { createHmac, timingSafeEqual } from 'crypto';

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
  kind: 'syntax' | 'load' | 'version' | 'requirement' | 'timeout' | 'crash' | 'protocol' | 'cancelled';
  message: string;
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
  signal: string | null;
  timedOut: boolean;
  cancelled: boolean;
  timeoutSeconds: number;
  stderrTail: string;
}

const STATUSES: CheckStatus[] = ['pass', 'fail', 'error', 'skipped'];

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function positiveInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

function lastLine(stderr: string): string {
  const lines = stderr.trim().split(/\r?\n/).filter((l) => l.trim());
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
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Turns the result file's text and the process's end into a RunResult; never throws. */
export function interpretResults(
  raw: string,
  key: string,
  checks: { id: string; title: string }[],
  end: Termination,
): RunResult {
  const byId = new Map<string, CheckResult>();
  let python: RunResult['python'];
  let loadProblem: RunProblem | undefined;
  let sawEnd = false;
  let foreign = 0;
  let next = 0; // index of the canonical check expected next
  let seq = 0; // sequence number of the authentic record expected next

  for (const line of raw.split('\n')) {
    if (!line.trim()) continue;
    const record = verifiedRecord(key, line);
    if (!record || record.seq !== seq) {
      foreign++;
      continue;
    }
    seq++;
    if (record.type === 'start') {
      python = { version: text(record.python) ?? '?', executable: text(record.executable) ?? '?' };
    } else if (record.type === 'load') {
      const kind = text(record.kind) ?? '';
      loadProblem = {
        kind: /SyntaxError|IndentationError|TabError/.test(kind) ? 'syntax' : kind === 'PythonVersion' ? 'version' : kind === 'Requirement' ? 'requirement' : 'load',
        message: text(record.message) ?? 'Your code could not be loaded.',
        line: positiveInt(record.line),
        ...(kind === 'Requirement' && text(record.requirement) ? { requirement: text(record.requirement) } : {}),
      };
    } else if (record.type === 'check') {
      const id = text(record.id);
      const status = text(record.status) as CheckStatus | undefined;
      // Out of order, unknown or repeated ids are ignored: only the canonical sequence counts.
      if (id === undefined || next >= checks.length || checks[next].id !== id || !status || !STATUSES.includes(status)) {
        foreign++;
        continue;
      }
      byId.set(id, {
        id,
        title: checks[next].title,
        status,
        message: text(record.message) ?? '',
        expected: text(record.expected),
        actual: text(record.actual),
        line: positiveInt(record.line),
        durationMs: typeof record.durationMs === 'number' ? record.durationMs : undefined,
        traceback: text(record.traceback),
      });
      next++;
    } else if (record.type === 'end') {
      sawEnd = next === checks.length;
    }
  }

  let problem: RunProblem | undefined = loadProblem;
  if (end.cancelled) {
    problem = { kind: 'cancelled', message: 'The run was cancelled.' };
  } else if (end.timedOut) {
    problem = {
      kind: 'timeout',
      message: `The checks were stopped after ${end.timeoutSeconds} s. Your code may be stuck in an endless loop or waiting for something (a while loop whose condition never becomes false, or input()). The limit is the setting certPath.checkTimeoutSeconds.`,
    };
  } else if (!sawEnd && !problem) {
    const detail = lastLine(end.stderrTail);
    problem = python
      ? {
          kind: 'crash',
          message: `Your code ended the run before every check had reported (exit code ${end.exitCode ?? end.signal}). Calls such as exit(), sys.exit() or os._exit() stop the checks too.${detail ? ` Last error output: ${detail}` : ''}`,
        }
      : end.exitCode === 0
        ? { kind: 'protocol', message: 'The run ended without leaving readable results (the result file was removed or damaged, perhaps by the code under test), so nothing can be marked as passed.' }
        : {
            kind: 'crash',
            message: `The check runner did not start (exit code ${end.exitCode ?? end.signal}).${detail ? ` ${detail}` : ''}`,
          };
  } else if (!sawEnd && foreign > 0 && !problem) {
    problem = { kind: 'protocol', message: 'The result file was damaged or foreign, so this run cannot be trusted.' };
  }

  const results: CheckResult[] = checks.map((c) => {
    const reported = byId.get(c.id);
    if (reported) return reported;
    const why = problem ? problem.message : 'The check did not report a result.';
    return { id: c.id, title: c.title, status: problem?.kind === 'cancelled' ? 'skipped' : 'error', message: `Not run: ${why}` };
  });

  let outcome: RunOutcome;
  if (problem?.kind === 'cancelled') outcome = 'cancelled';
  else if (problem?.kind === 'requirement' && sawEnd) outcome = 'skipped';
  else if (problem || !sawEnd) outcome = 'error';
  else if (results.every((r) => r.status === 'pass')) outcome = 'passed';
  else if (results.some((r) => r.status === 'error')) outcome = 'error';
  else outcome = 'failed';
  return { outcome, checks: results, problem, python };
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
