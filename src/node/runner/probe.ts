// Asking a candidate command which Python it is (version and real executable).
import * as os from 'os';
import {
  Candidate,
  Choice,
  choose,
  parseProbe,
  PROBE_CODE,
  ProbeOutcome,
  supported,
} from '../../core/interpreter/interpreter';
import { runProcess, Spawned } from './process';

function whyNoAnswer(run: Spawned): string {
  if (run.error) return (run.error as NodeJS.ErrnoException).code ?? run.error.message;
  if (run.timedOut) return 'no answer within 10 s';
  return run.stderr.text().trim().split('\n').pop() || `exit code ${run.exitCode}`;
}

/** Asks one candidate for its version. */
export async function probe(candidate: Candidate, timeoutMs = 10000): Promise<ProbeOutcome> {
  const run = await runProcess(candidate.command, [...candidate.args, '-c', PROBE_CODE], {
    cwd: os.tmpdir(),
    env: process.env,
    timeoutMs,
  });
  const parsed = parseProbe(run.stdout.text());
  if (!parsed) {
    return { kind: 'missing', candidate, detail: whyNoAnswer(run) };
  }
  if (!supported(parsed.version)) return { kind: 'tooOld', candidate, ...parsed };
  return { kind: 'ok', interpreter: { ...candidate, ...parsed } };
}

/** Probes candidates in order until one is usable. */
export async function findInterpreter(list: Candidate[]): Promise<Choice> {
  const outcomes: ProbeOutcome[] = [];
  for (const candidate of list) {
    const outcome = await probe(candidate);
    outcomes.push(outcome);
    if (outcome.kind === 'ok') break;
  }
  return choose(outcomes);
}
