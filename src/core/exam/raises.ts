// How `raises` choices are written; shared by the question loader and the exam views (also in the webview's type graph).

/** What a `raises` choice claims: an exception name and/or a line, or that nothing is raised. */
export interface RaisesClaim {
  nothing?: boolean;
  error?: string;
  line?: number;
}

/** Parses `line N`, `line N: ErrorName`, `ErrorName` or `nothing`; undefined for anything else. */
export function parseRaisesChoice(choice: string): RaisesClaim | undefined {
  const text = choice.trim();
  if (/^nothing( is raised)?$/i.test(text)) return { nothing: true };
  let m = /^line (\d+)(?::\s*([A-Za-z_]\w*))?$/.exec(text);
  if (m) return m[2] ? { line: Number(m[1]), error: m[2] } : { line: Number(m[1]) };
  m = /^([A-Za-z_]\w*)$/.exec(text);
  return m ? { error: m[1] } : undefined;
}

/** `raises E` as a choice of an `output` question: the snippet stops with an uncaught E. */
export function raisesInOutput(choice: string): string | undefined {
  return /^raises ([A-Za-z_]\w*)$/.exec(choice.trim())?.[1];
}
