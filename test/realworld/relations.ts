/**
 * The arithmetic of a printed table, written as relation templates (see `RealTable.relations`).
 *
 * Grammar of one template:
 *   relation := cell '=' expr [ '@' spec ]
 *   spec     := rows | cols | rows ';' cols      rows: `5-12,14`; cols: `B-G,I`
 *   expr     := term (('+' | '-') term)*
 *   term     := ['-'] factor (('*' | '/') number)*
 *   factor   := cell | number | SUM(cell:cell) | PCT(expr, expr) | RATIO(expr, expr) | '(' expr ')'
 * `{r}` in a template stands for each row of the spec, `{c}` for each column.
 * PCT(a, b) is a / |b| × 100 (an avvikelse %); RATIO(a, b) is a / b × 100, signed (a change % against a
 * signed base: a cost that grew by 1,6 % over a negative base). Expanded instances are spelled with single spaces (`'D5 = C5 - B5'`).
 */
import { columnIndex, columnLetters } from '../../src/core/address';

/** One concrete relation: `lhs = rhs`, with its text. */
export interface RelationInstance {
  text: string;
  lhs: string;
  rhs: Expr;
}

export type Expr =
  | { op: 'cell'; address: string }
  | { op: 'const'; value: string }
  | { op: 'sum'; from: string; to: string }
  | { op: 'pct'; part: Expr; whole: Expr; signed: boolean }
  | { op: 'neg'; arg: Expr }
  | { op: 'add'; args: Expr[] }
  | { op: 'scale'; arg: Expr; times: string; divide: boolean };

function range(spec: string, parse: (s: string) => number): number[] {
  const out: number[] = [];
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [a, b = a] = part.split('-').map((p) => parse(p.trim()));
    for (let i = a; i <= b; i++) out.push(i);
  }
  return out;
}

const letterNumber = (s: string): number => columnIndex(s);

/** Expands one template into its instances. */
export function expandTemplate(template: string): string[] {
  const [body, spec = ''] = template.split('@').map((s) => s.trim());
  const hasRow = body.includes('{r}');
  const hasCol = body.includes('{c}');
  const parts = spec.split(';').map((s) => s.trim());
  const rows = hasRow ? range(parts[0], Number) : [0];
  const cols = hasCol ? range(hasRow ? parts[1] ?? '' : parts[0], letterNumber) : [0];
  if ((hasRow || hasCol) && (rows.length === 0 || cols.length === 0)) throw new Error(`Mall utan rader/kolumner: ${template}`);
  const out: string[] = [];
  for (const r of rows)
    for (const c of cols) out.push(body.replaceAll('{r}', String(r)).replaceAll('{c}', columnLetters(c)).replace(/\s+/g, ' '));
  return out;
}

type Token = { kind: 'cell' | 'num' | 'fn' | 'sym'; text: string };

function tokenize(text: string): Token[] {
  const re = /\s*(?:([A-Z]+\d+)|(\d+(?:\.\d+)?)|(SUM|PCT|RATIO)|([-+*/(),:=]))/y;
  const out: Token[] = [];
  let m: RegExpExecArray | null;
  while (re.lastIndex < text.trimEnd().length && (m = re.exec(text))) {
    if (m[1]) out.push({ kind: 'cell', text: m[1] });
    else if (m[2]) out.push({ kind: 'num', text: m[2] });
    else if (m[3]) out.push({ kind: 'fn', text: m[3] });
    else out.push({ kind: 'sym', text: m[4] });
  }
  if (re.lastIndex < text.trimEnd().length) throw new Error(`Kan inte läsa relationen: ${text}`);
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[], private readonly text: string) {}
  private peek(): Token | undefined {
    return this.tokens[this.i];
  }
  take(expected?: string): Token {
    const t = this.tokens[this.i++];
    if (!t || (expected !== undefined && t.text !== expected)) throw new Error(`Förväntade ${expected ?? 'mer'} i: ${this.text}`);
    return t;
  }
  atEnd(): boolean {
    return this.i >= this.tokens.length;
  }
  cell(): string {
    const t = this.take();
    if (t.kind !== 'cell') throw new Error(`Förväntade en cell i: ${this.text}`);
    return t.text;
  }
  expr(): Expr {
    const args = [this.term()];
    while (this.peek()?.text === '+' || this.peek()?.text === '-') {
      const sign = this.take().text;
      const t = this.term();
      args.push(sign === '-' ? { op: 'neg', arg: t } : t);
    }
    return args.length === 1 ? args[0] : { op: 'add', args };
  }
  private term(): Expr {
    const negative = this.peek()?.text === '-' ? (this.take(), true) : false;
    let e = this.factor();
    while (this.peek()?.text === '*' || this.peek()?.text === '/') {
      const divide = this.take().text === '/';
      const n = this.take();
      if (n.kind !== 'num') throw new Error(`Bara konstanter får multiplicera/dividera: ${this.text}`);
      e = { op: 'scale', arg: e, times: n.text, divide };
    }
    return negative ? { op: 'neg', arg: e } : e;
  }
  private factor(): Expr {
    const t = this.take();
    if (t.kind === 'cell') return { op: 'cell', address: t.text };
    if (t.kind === 'num') return { op: 'const', value: t.text };
    if (t.text === '(') {
      const e = this.expr();
      this.take(')');
      return e;
    }
    if (t.text === 'SUM') {
      this.take('(');
      const from = this.cell();
      this.take(':');
      const to = this.cell();
      this.take(')');
      return { op: 'sum', from, to };
    }
    if (t.text === 'PCT' || t.text === 'RATIO') {
      this.take('(');
      const part = this.expr();
      this.take(',');
      const whole = this.expr();
      this.take(')');
      return { op: 'pct', part, whole, signed: t.text === 'RATIO' };
    }
    throw new Error(`Oväntat '${t.text}' i: ${this.text}`);
  }
}

/** Parses one concrete instance (`'D5 = C5 - B5'`). */
export function parseInstance(text: string): RelationInstance {
  const p = new Parser(tokenize(text), text);
  const lhs = p.cell();
  p.take('=');
  const rhs = p.expr();
  if (!p.atEnd()) throw new Error(`Något blev över i: ${text}`);
  return { text, lhs, rhs };
}

/** Every instance of a table's relation templates, in order. */
export function expandRelations(templates: readonly string[]): RelationInstance[] {
  return templates.flatMap(expandTemplate).map(parseInstance);
}
