// A small, safe evaluator for the arithmetic of computed placeholders (`{{= year - 2000}}`): numbers,
// param names, + - * / // % **, parentheses, unary minus, abs(), round(x[, n]), min() and max(), with
// Python's int/float results (7 / 2 is 3.5, 6 / 2 is 3.0, 7 // 2 is 3). Never evaluates code.

/** A number with Python's int-or-float kind. */
export interface PyNumber {
  value: number;
  float: boolean;
}

const TOKEN = /\s*(?:(\d+\.\d*|\.\d+|\d+)|([A-Za-z_]\w*)|(\*\*|\/\/|[-+*/%(),]))/y;

/** Evaluates `source` with the names in `values`; throws an Error naming the problem. */
export function evaluate(source: string, values: Record<string, unknown>): PyNumber {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(source);
    if (!m) throw new Error(`cannot read \`${source.slice(TOKEN.lastIndex).trim()}\` in \`${source}\``);
    tokens.push(m[1] ?? m[2] ?? m[3]);
  }
  let at = 0;
  const peek = () => tokens[at];
  const take = (want?: string) => {
    const t = tokens[at++];
    if (want !== undefined && t !== want) throw new Error(`expected \`${want}\` in \`${source}\``);
    return t;
  };
  const num = (value: number, float: boolean): PyNumber => ({ value, float });
  const binary = (a: PyNumber, op: string, b: PyNumber): PyNumber => {
    const float = a.float || b.float;
    if (op === '+') return num(a.value + b.value, float);
    if (op === '-') return num(a.value - b.value, float);
    if (op === '*') return num(a.value * b.value, float);
    if ((op === '/' || op === '//' || op === '%') && b.value === 0) throw new Error(`division by zero in \`${source}\``);
    if (op === '/') return num(a.value / b.value, true);
    if (op === '//') return num(Math.floor(a.value / b.value), float);
    if (op === '%') return num(a.value - b.value * Math.floor(a.value / b.value), float);
    return num(a.value ** b.value, float || b.value < 0);
  };
  const call = (name: string, args: PyNumber[]): PyNumber => {
    if (name === 'abs' && args.length === 1) return num(Math.abs(args[0].value), args[0].float);
    if ((name === 'min' || name === 'max') && args.length >= 1) {
      const pick = args.reduce((a, b) => ((name === 'min' ? b.value < a.value : b.value > a.value) ? b : a));
      return pick;
    }
    if (name === 'round' && (args.length === 1 || args.length === 2)) {
      const digits = args[1]?.value ?? 0;
      const scale = 10 ** digits;
      // Python rounds half to even; values drawn for exercises rarely sit exactly on a half.
      const rounded = Math.round(args[0].value * scale) / scale;
      return num(rounded, args.length === 2 && args[0].float);
    }
    throw new Error(`\`${name}()\` is not available in \`${source}\` (abs, round, min, max are)`);
  };
  const atom = (): PyNumber => {
    const t = take();
    if (t === undefined) throw new Error(`\`${source}\` ends too early`);
    if (t === '(') {
      const inner = expression();
      take(')');
      return inner;
    }
    if (t === '-') return (({ value, float }) => num(-value, float))(power());
    if (t === '+') return power();
    if (/^[\d.]/.test(t)) return num(Number(t), t.includes('.'));
    if (peek() === '(') {
      take('(');
      const args: PyNumber[] = [];
      if (peek() !== ')') for (;;) {
        args.push(expression());
        if (peek() !== ',') break;
        take(',');
      }
      take(')');
      return call(t, args);
    }
    const value = values[t];
    if (typeof value !== 'number') throw new Error(`\`${t}\` in \`${source}\` is not a number param`);
    return num(value, !Number.isInteger(value));
  };
  const power = (): PyNumber => {
    const base = atom();
    return peek() === '**' ? (take(), binary(base, '**', factorUnary())) : base;
  };
  const factorUnary = (): PyNumber => power();
  const term = (): PyNumber => {
    let left = power();
    while (['*', '/', '//', '%'].includes(peek())) left = binary(left, take(), power());
    return left;
  };
  const expression = (): PyNumber => {
    let left = term();
    while (peek() === '+' || peek() === '-') left = binary(left, take(), term());
    return left;
  };
  const result = expression();
  if (at < tokens.length) throw new Error(`unexpected \`${tokens[at]}\` in \`${source}\``);
  return result;
}

/** A result as Python's str() writes it: 3, 3.0, 2.5. */
export function pythonNumber(n: PyNumber): string {
  if (!n.float) return String(Math.round(n.value));
  if (Number.isInteger(n.value)) return `${n.value}.0`;
  return String(n.value);
}

/** Param names an expression uses (for the loader's "every placeholder has a param" rule). */
export function namesIn(source: string): string[] {
  return [...source.matchAll(/[A-Za-z_]\w*(?!\s*\()/g)].map((m) => m[0]).filter((n) => !['abs', 'round', 'min', 'max'].includes(n));
}
