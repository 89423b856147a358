/**
 * Just enough of Excel's formula language to calculate the avvikelse formulas in the fake Excel:
 * numbers, strings, cell references, + - * /, comparisons, IF, ABS, AND, OR, ISNUMBER. Anything else
 * gives undefined (the fake then keeps the cell's value).
 */
import type { Scalar } from './fakeModel';

const TOKEN = /\s*(\d+(?:\.\d+)?(?:E[-+]?\d+)?|\$?[A-Z]{1,3}\$?\d+|[A-Z.]+(?=\()|"[^"]*"|<>|<=|>=|[-+*/(),=<>])/iy;
const isError = (v: Scalar | undefined): boolean => typeof v === 'string' && v.startsWith('#');

class Formula {
  private tokens: string[] = [];
  private at = 0;

  constructor(
    text: string,
    private readonly cell: (ref: string) => Scalar,
  ) {
    for (let pos = 0; text.slice(pos).trim(); pos = TOKEN.lastIndex) {
      TOKEN.lastIndex = pos;
      const m = TOKEN.exec(text);
      if (!m) throw new Error(`cannot read ${text.slice(pos)}`);
      this.tokens.push(m[1]);
    }
  }

  evaluate(): Scalar {
    const value = this.comparison();
    if (this.at !== this.tokens.length) throw new Error('trailing tokens');
    return value;
  }

  private peek(): string | undefined {
    return this.tokens[this.at];
  }

  private take(expected?: string): string {
    const t = this.tokens[this.at++];
    if (t === undefined || (expected !== undefined && t !== expected)) throw new Error(`expected ${expected ?? 'more'}`);
    return t;
  }

  private comparison(): Scalar {
    const left = this.additive();
    const op = this.peek();
    if (!op || !['=', '<>', '<', '>', '<=', '>='].includes(op)) return left;
    this.take();
    const right = this.additive();
    if (isError(left)) return left;
    if (isError(right)) return right;
    const [a, b] = [left === '' ? 0 : left, right === '' ? 0 : right];
    return { '=': a === b, '<>': a !== b, '<': a < b, '>': a > b, '<=': a <= b, '>=': a >= b }[op] ?? false;
  }

  private additive(): Scalar {
    let value = this.term();
    while (this.peek() === '+' || this.peek() === '-') {
      const op = this.take();
      value = arithmetic(value, this.term(), (a, b) => (op === '+' ? a + b : a - b));
    }
    return value;
  }

  private term(): Scalar {
    let value = this.unary();
    while (this.peek() === '*' || this.peek() === '/') {
      const op = this.take();
      value = arithmetic(value, this.unary(), (a, b) => (op === '*' ? a * b : b === 0 ? Number.NaN : a / b));
    }
    return value;
  }

  private unary(): Scalar {
    if (this.peek() === '-') return this.take() && arithmetic(0, this.unary(), (a, b) => a - b);
    if (this.peek() === '+') return this.take() && this.unary();
    return this.primary();
  }

  private primary(): Scalar {
    const t = this.take();
    if (t === '(') {
      const value = this.comparison();
      this.take(')');
      return value;
    }
    if (t.startsWith('"')) return t.slice(1, -1);
    if (/^\d/.test(t)) return Number(t);
    if (this.peek() === '(') return this.call(t.toUpperCase());
    return this.cell(t.replace(/\$/g, '').toUpperCase());
  }

  private call(name: string): Scalar {
    this.take('(');
    const args: Scalar[] = [];
    while (this.peek() !== ')') {
      args.push(this.comparison());
      if (this.peek() === ',') this.take();
    }
    this.take(')');
    const error = args.find(isError);
    switch (name) {
      case 'IF':
        if (isError(args[0])) return args[0];
        return args[0] && args[0] !== 0 ? (args[1] ?? true) : (args[2] ?? false);
      case 'ABS':
        return error ?? (typeof args[0] === 'number' ? Math.abs(args[0]) : '#VALUE!');
      case 'AND':
        return error ?? args.every(Boolean);
      case 'OR':
        return error ?? args.some(Boolean);
      case 'ISNUMBER':
        return typeof args[0] === 'number';
    }
    throw new Error(`no function ${name}`);
  }
}

function arithmetic(a: Scalar, b: Scalar, op: (x: number, y: number) => number): Scalar {
  if (isError(a)) return a;
  if (isError(b)) return b;
  const x = a === '' ? 0 : a;
  const y = b === '' ? 0 : b;
  if (typeof x !== 'number' || typeof y !== 'number') return '#VALUE!';
  const result = op(x, y);
  return Number.isNaN(result) ? '#DIV/0!' : result;
}

export function calculate(formula: string, cell: (ref: string) => Scalar): Scalar | undefined {
  try {
    return new Formula(formula, cell).evaluate();
  } catch {
    return undefined;
  }
}
