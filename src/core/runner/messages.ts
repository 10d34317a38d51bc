// What the learner reads about a run: messages capped and with control characters escaped, and what
// a crash signal means.

/** Exit code of the harness when the channel it reports through was closed or replaced by learner code. */
export const LOST_CHANNEL_EXIT = 86;

/** Characters a message may have before it is cut (messages, expected and actual values, tracebacks). */
export const MESSAGE_CAP = 4000;

/** Text as it may be shown: control characters (ESC, CR, NUL, BS, …) escaped, cut at `cap` characters. */
export function cappedText(value: string, cap = MESSAGE_CAP): string {
  const cut = value.length > cap ? `${value.slice(0, cap)}… (${value.length - cap} more characters)` : value;
  let out = '';
  for (const c of cut) {
    const code = c.charCodeAt(0);
    // Tab and newline stay; every other control character is shown as an escape, never acted on.
    out += (code < 32 && c !== '\t' && c !== '\n') || code === 127 ? `\\x${code.toString(16).padStart(2, '0')}` : c;
  }
  return out;
}

export function optionalCapped(value: string | undefined): string | undefined {
  return value === undefined ? undefined : cappedText(value);
}

const CRASH_SIGNALS: Record<string, string> = {
  SIGSEGV: 'a segmentation fault',
  SIGBUS: 'a bus error',
  SIGILL: 'an illegal instruction',
  SIGFPE: 'a floating-point exception',
  SIGABRT: 'an abort',
  SIGKILL: 'being killed',
  SIGTRAP: 'a trap',
  SIGSYS: 'a bad system call',
};
const SIGNAL_NUMBERS: Record<string, string> = {
  '4': 'SIGILL',
  '5': 'SIGTRAP',
  '6': 'SIGABRT',
  '7': 'SIGBUS',
  '8': 'SIGFPE',
  '9': 'SIGKILL',
  '11': 'SIGSEGV',
  '31': 'SIGSYS',
};

/** The name of a signal that means the interpreter crashed or was killed (`SIGSEGV`, or `signal 11`). */
export function signalName(signal: string | null): string | undefined {
  if (!signal) return undefined;
  const name = SIGNAL_NUMBERS[signal.replace(/^signal\s+/, '')] ?? signal;
  return name in CRASH_SIGNALS ? name : undefined;
}

export function crashMessage(signal: string): string {
  if (signal === 'SIGKILL')
    return 'Python was killed (SIGKILL) before every check had reported: the machine may have run out of memory, or another program ended it. Nothing can be marked as passed.';
  return `Python crashed (${signal}, ${CRASH_SIGNALS[signal]}) while running your code. Likely causes: very deep recursion (above all after sys.setrecursionlimit() was raised, which lets it overflow the C stack), ctypes or another C extension used wrongly, or a bug in a compiled module. Nothing can be marked as passed.`;
}
