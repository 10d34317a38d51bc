// A small, safe evaluator for the arithmetic of computed placeholders (`{{= year - 2000}}`): numbers,
// param names, + - * / // % **, parentheses, unary minus, abs(), round(x[, n]), min() and max(), with
// Python's int/float results (7 / 2 is 3.5, 6 / 2 is 3.0, 7 // 2 is 3). Never evaluates code.

/** A number with Python's int-or-float kind. */
export interface PyNumber {
  value: number;
  float: boolean;
}

const TOKEN = /\s*(?:(\d+\.\d*|\.\d+|\d+)|([A-Za-z_]\w*)|(\*\*|\/\/|[-+*/%(),]))/y;
const FUNCTIONS = ['abs', 'round', 'min', 'max'];

const num = (value: number, float: boolean): PyNumber => ({ value, float });

function tokenize(source: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length && !/^\s*$/.test(source.slice(TOKEN.lastIndex))) {
    const m = TOKEN.exec(source);
    if (!m) throw new Error(`cannot read \`${source.slice(TOKEN.lastIndex).trim()}\` in \`${source}\``);
    tokens.push(m[1] ?? m[2] ?? m[3]);
  }
  return tokens;
}

function binary(source: string, a: PyNumber, op: string, b: PyNumber): PyNumber {
  const float = a.float || b.float;
  if ((op === '/' || op === '//' || op === '%') && b.value === 0) throw new Error(`division by zero in \`${source}\``);
  switch (op) {
    case '+':
      return num(a.value + b.value, float);
    case '-':
      return num(a.value - b.value, float);
    case '*':
      return num(a.value * b.value, float);
    case '/':
      return num(a.value / b.value, true);
    case '//':
      return num(Math.floor(a.value / b.value), float);
    case '%':
      return num(a.value - b.value * Math.floor(a.value / b.value), float);
    default:
      return num(a.value ** b.value, float || b.value < 0);
  }
}

function call(source: string, name: string, args: PyNumber[]): PyNumber {
  if (name === 'abs' && args.length === 1) return num(Math.abs(args[0].value), args[0].float);
  if ((name === 'min' || name === 'max') && args.length >= 1)
    return args.reduce((a, b) => ((name === 'min' ? b.value < a.value : b.value > a.value) ? b : a));
  if (name === 'round' && (args.length === 1 || args.length === 2)) {
    const scale = 10 ** (args[1]?.value ?? 0);
    const scaled = args[0].value * scale;
    const floor = Math.floor(scaled);
    // Python rounds an exact half to the even neighbour (round(2.5) is 2, round(3.5) is 4).
    const half = scaled - floor === 0.5;
    const rounded = half && floor % 2 === 0 ? floor : Math.round(scaled);
    return num(rounded / scale, args.length === 2 && args[0].float);
  }
  throw new Error(`\`${name}()\` is not available in \`${source}\` (${FUNCTIONS.join(', ')} are)`);
}

/** A recursive-descent parser over the tokens: expression → term (+ -) → power (* / // %) → atom (**). */
class Parser {
  private at = 0;
  constructor(
    private readonly source: string,
    private readonly tokens: string[],
    private readonly values: Record<string, unknown>,
  ) {}

  private peek(): string | undefined {
    return this.tokens[this.at];
  }

  private take(want?: string): string {
    const t = this.tokens[this.at++];
    if (t === undefined) throw new Error(`\`${this.source}\` ends too early`);
    if (want !== undefined && t !== want) throw new Error(`expected \`${want}\` in \`${this.source}\``);
    return t;
  }

  parse(): PyNumber {
    const result = this.expression();
    if (this.at < this.tokens.length) throw new Error(`unexpected \`${this.tokens[this.at]}\` in \`${this.source}\``);
    return result;
  }

  private expression(): PyNumber {
    let left = this.term();
    while (this.peek() === '+' || this.peek() === '-') left = binary(this.source, left, this.take(), this.term());
    return left;
  }

  private term(): PyNumber {
    let left = this.power();
    while (['*', '/', '//', '%'].includes(this.peek() ?? ''))
      left = binary(this.source, left, this.take(), this.power());
    return left;
  }

  private power(): PyNumber {
    const base = this.atom();
    if (this.peek() !== '**') return base;
    this.take();
    return binary(this.source, base, '**', this.power());
  }

  private atom(): PyNumber {
    const t = this.take();
    if (t === '(') {
      const inner = this.expression();
      this.take(')');
      return inner;
    }
    if (t === '-') return (({ value, float }) => num(-value, float))(this.power());
    if (t === '+') return this.power();
    if (/^[\d.]/.test(t)) return num(Number(t), t.includes('.'));
    if (this.peek() === '(') return call(this.source, t, this.args());
    const value = this.values[t];
    if (typeof value !== 'number') throw new Error(`\`${t}\` in \`${this.source}\` is not a number param`);
    return num(value, !Number.isInteger(value));
  }

  private args(): PyNumber[] {
    this.take('(');
    const args: PyNumber[] = [];
    while (this.peek() !== ')') {
      args.push(this.expression());
      if (this.peek() !== ',') break;
      this.take(',');
    }
    this.take(')');
    return args;
  }
}

/** Evaluates `source` with the names in `values`; throws an Error naming the problem. */
export function evaluate(source: string, values: Record<string, unknown>): PyNumber {
  return new Parser(source, tokenize(source), values).parse();
}

/** A result as Python's str() writes it: 3, 3.0, 2.5. */
export function pythonNumber(n: PyNumber): string {
  if (!n.float) return String(Math.round(n.value));
  if (Number.isInteger(n.value)) return `${n.value}.0`;
  return String(n.value);
}

/** Param names an expression uses (for the loader's "every placeholder has a param" rule). */
export function namesIn(source: string): string[] {
  return [...source.matchAll(/\b[A-Za-z_]\w*\b(?!\s*\()/g)].map((m) => m[0]).filter((n) => !FUNCTIONS.includes(n));
}
