/**
 * A small evaluator for the formulas Avvikelse itself writes: the avvikelse formulas (`D4-C4`,
 * `C5*8/12-G5`, `IF(C5=0,"",E5/ABS(C5))`) and the flag rules of its conditional formats
 * (`AND(ISNUMBER(E4),E4<0,OR(ABS(E4)>=1000000,AND(C4<>0,ABS(E4)/ABS(C4)*100>=10)))`).
 *
 * It is the in-memory workbook's live preview (the browser demo and tests), never the report's
 * arithmetic: it calculates with JavaScript numbers (binary floats, each result rounded to the 15
 * significant digits a double carries), so a result can still differ from the exact decimal one, and
 * a value within a rounding error of a threshold may fall on either side of it. The report computes
 * every figure with decimals; in Excel, Excel does the calculation.
 *
 * Supported: numbers, `"strings"` (`""` inside for a quote), TRUE and FALSE, A1 references on the same
 * sheet (relative, or absolute with `$`), `+ - * /`, unary minus and plus, the comparisons
 * `= <> < <= > >=`, and the functions AND, OR, IF, ABS, ROUND and ISNUMBER. Excel's rules, as far as they
 * matter here:
 * - a blank cell counts as 0 in arithmetic, and as 0, `""` or FALSE when compared with a number, a
 *   text or a logical value; a formula whose result is a blank cell gives 0;
 * - numbers < texts < logical values in a comparison, texts compare without regard to case;
 * - errors propagate through operators and functions, left operand first. AND and OR evaluate every
 *   argument (an error in any of them is the result, even when another is FALSE), IF evaluates only
 *   the branch it takes, ISNUMBER of an error is FALSE;
 * - division by zero gives `#DIV/0!`, a text that is no number in arithmetic `#VALUE!`.
 * Anything else (another function, a defined name, a reference to another sheet, text that is no
 * formula) gives the error value `#NAME?`: evaluation never throws.
 */
import { columnIndex } from '../../core/address';
import type { CellErrorValue, RawValue } from '../../core/types';

/** A value inside a calculation: `null` is a blank cell. */
export type FormulaValue = number | string | boolean | null | CellErrorValue;

/** The value of the cell at a 0-based row and column of the formula's sheet. */
export type CellLookup = (row: number, col: number) => FormulaValue;

/** How far relative references move: a conditional-format rule written for its range's top-left cell. */
export interface Offset {
  rows: number;
  cols: number;
}

export interface CellReference {
  /** 0-based, as written in the formula. */
  row: number;
  col: number;
  rowAbsolute: boolean;
  colAbsolute: boolean;
}

export type BinaryOperator = '+' | '-' | '*' | '/' | '=' | '<>' | '<' | '<=' | '>' | '>=';

/** A parsed formula. */
export type Expr =
  | { kind: 'literal'; value: number | string | boolean }
  | { kind: 'ref'; ref: CellReference }
  | { kind: 'negate'; arg: Expr }
  | { kind: 'binary'; op: BinaryOperator; left: Expr; right: Expr }
  | { kind: 'call'; name: string; args: Expr[] }
  /** An identifier that is neither a reference nor TRUE/FALSE: a defined name, which we do not know. */
  | { kind: 'name'; name: string };

const NAME_ERROR: CellErrorValue = { error: '#NAME?' };
const VALUE_ERROR: CellErrorValue = { error: '#VALUE!' };
const DIV0_ERROR: CellErrorValue = { error: '#DIV/0!' };
const NUM_ERROR: CellErrorValue = { error: '#NUM!' };
const REF_ERROR: CellErrorValue = { error: '#REF!' };

export const isFormulaError = (v: unknown): v is CellErrorValue => typeof v === 'object' && v !== null && typeof (v as { error?: unknown }).error === 'string';

/* ---------------------------------------------------------------- reading */

type Token =
  | { type: 'number'; value: number }
  | { type: 'string'; value: string }
  | { type: 'ref'; ref: CellReference }
  | { type: 'function'; name: string }
  | { type: 'name'; name: string }
  | { type: 'op'; op: string };

/** Text that is no formula we can read (caught in parseFormula, never escapes it). */
class FormulaSyntaxError extends Error {}

const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/y;
const STRING = /"((?:[^"]|"")*)"/y;
/** A cell reference: not followed by what would make it part of a longer name, a call or a sheet name. */
const REFERENCE = /(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_.(!])/y;
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_.]*/y;
const OPERATOR = /<>|<=|>=|[-+*/(),=<>]/y;
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

function sticky(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    if (/\s/.test(text[at])) {
      at++;
      continue;
    }
    let m: RegExpExecArray | null;
    if ((m = sticky(NUMBER, text, at))) tokens.push({ type: 'number', value: Number(m[0]) });
    else if ((m = sticky(STRING, text, at))) tokens.push({ type: 'string', value: m[1].replace(/""/g, '"') });
    else if ((m = sticky(REFERENCE, text, at)) && Number(m[4]) >= 1 && Number(m[4]) <= MAX_ROWS && columnIndex(m[2]) < MAX_COLS)
      tokens.push({ type: 'ref', ref: { row: Number(m[4]) - 1, col: columnIndex(m[2]), rowAbsolute: m[3] === '$', colAbsolute: m[1] === '$' } });
    else if ((m = sticky(IDENTIFIER, text, at))) {
      const next = /\s*\(/y;
      next.lastIndex = at + m[0].length;
      tokens.push(next.test(text) ? { type: 'function', name: m[0].toUpperCase() } : { type: 'name', name: m[0].toUpperCase() });
    } else if ((m = sticky(OPERATOR, text, at))) tokens.push({ type: 'op', op: m[0] });
    else throw new FormulaSyntaxError(`unexpected ${text.slice(at, at + 10)}`);
    at += m[0].length;
  }
  return tokens;
}

const COMPARISONS = new Set(['=', '<>', '<', '<=', '>', '>=']);
const ADDITIVE = new Set(['+', '-']);
const MULTIPLICATIVE = new Set(['*', '/']);

/** Recursive descent, Excel's precedence: comparison < + - < * / < unary minus. */
class Parser {
  private at = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): Expr {
    const expr = this.comparison();
    if (this.at !== this.tokens.length) throw new FormulaSyntaxError('trailing tokens');
    return expr;
  }

  private peekOp(): string | undefined {
    const t = this.tokens[this.at];
    return t?.type === 'op' ? t.op : undefined;
  }

  private expectOp(op: string): void {
    if (this.peekOp() !== op) throw new FormulaSyntaxError(`expected ${op}`);
    this.at++;
  }

  private binaryLevel(operators: Set<string>, operand: () => Expr): Expr {
    let left = operand();
    for (let op = this.peekOp(); op !== undefined && operators.has(op); op = this.peekOp()) {
      this.at++;
      left = { kind: 'binary', op: op as BinaryOperator, left, right: operand() };
    }
    return left;
  }

  private comparison(): Expr {
    return this.binaryLevel(COMPARISONS, () => this.additive());
  }

  private additive(): Expr {
    return this.binaryLevel(ADDITIVE, () => this.multiplicative());
  }

  private multiplicative(): Expr {
    return this.binaryLevel(MULTIPLICATIVE, () => this.unary());
  }

  private unary(): Expr {
    const op = this.peekOp();
    if (op === '-' || op === '+') {
      this.at++;
      const arg = this.unary();
      return op === '-' ? { kind: 'negate', arg } : arg;
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.tokens[this.at++];
    if (!t) throw new FormulaSyntaxError('unexpected end');
    switch (t.type) {
      case 'number':
      case 'string':
        return { kind: 'literal', value: t.value };
      case 'ref':
        return { kind: 'ref', ref: t.ref };
      case 'name':
        return t.name === 'TRUE' || t.name === 'FALSE' ? { kind: 'literal', value: t.name === 'TRUE' } : { kind: 'name', name: t.name };
      case 'function':
        return this.call(t.name);
      case 'op': {
        if (t.op !== '(') throw new FormulaSyntaxError(`unexpected ${t.op}`);
        const inner = this.comparison();
        this.expectOp(')');
        return inner;
      }
    }
  }

  private call(name: string): Expr {
    this.expectOp('(');
    const args: Expr[] = [];
    if (this.peekOp() !== ')') {
      args.push(this.comparison());
      while (this.peekOp() === ',') {
        this.at++;
        args.push(this.comparison());
      }
    }
    this.expectOp(')');
    return { kind: 'call', name, args };
  }
}

const parsed = new Map<string, Expr | null>();
const MAX_CACHED = 10_000;

/** A formula (with or without its leading `=`) as an expression; null when it is not one we can read. */
export function parseFormula(formula: string): Expr | null {
  const text = formula.replace(/^\s*=/, '');
  let expr = parsed.get(text);
  if (expr !== undefined) return expr;
  try {
    expr = new Parser(tokenize(text)).parse();
  } catch {
    // a FormulaSyntaxError, or a RangeError from absurdly deep nesting: not a formula we can read
    expr = null;
  }
  if (parsed.size >= MAX_CACHED) parsed.clear();
  parsed.set(text, expr);
  return expr;
}

/* ---------------------------------------------------------------- calculating */

/** A stored cell value as a calculation sees it: dates as Excel's serial day numbers. */
export function fromRawValue(value: RawValue): FormulaValue {
  if (value === undefined) return null;
  if (value instanceof Date) return (value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
  return value;
}

/** Arithmetic's view of a value: blank 0, TRUE 1, numeric text its number. */
function toNumber(v: FormulaValue): number | CellErrorValue {
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const n = v.trim() === '' ? Number.NaN : Number(v.trim());
    return Number.isFinite(n) ? n : VALUE_ERROR;
  }
  return v;
}

/** A condition's view of a value (IF): blank FALSE, a number TRUE unless 0. */
function toLogical(v: FormulaValue): boolean | CellErrorValue {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const upper = v.toUpperCase();
    return upper === 'TRUE' ? true : upper === 'FALSE' ? false : VALUE_ERROR;
  }
  return v;
}

const SIGNIFICANT_DIGITS = 15;

/**
 * An arithmetic result without the noise of binary floats: kept to the 15 significant digits a double
 * carries, counted from `scale` (the larger operand of a sum or difference, whose rounding error the
 * result inherits; the result itself for a product or quotient). So `H6-G6` on amounts with öre gives
 * -791.15, not -791.14999999851, and a deviation of exactly 1 000 000 stays on its threshold.
 */
function numberResult(n: number, scale = Math.abs(n)): number | CellErrorValue {
  if (!Number.isFinite(n)) return NUM_ERROR;
  let kept = n;
  if (scale > 0) {
    const decimals = SIGNIFICANT_DIGITS - 1 - Math.floor(Math.log10(scale));
    kept = decimals >= 0 && decimals <= 100 ? Number(n.toFixed(decimals)) : Number(n.toPrecision(SIGNIFICANT_DIGITS));
  }
  return kept === 0 ? 0 : kept; // never -0
}

/**
 * How arithmetic results are kept: without the noise of binary floats (the preview's way), or as the
 * bare binary result, to check that a formula decides the same whichever way it is calculated.
 */
export type Arithmetic = 'denoised' | 'binary';

function arithmetic(op: '+' | '-' | '*' | '/', left: FormulaValue, right: FormulaValue, mode: Arithmetic = 'denoised'): FormulaValue {
  const a = toNumber(left);
  if (isFormulaError(a)) return a;
  const b = toNumber(right);
  if (isFormulaError(b)) return b;
  if (mode === 'binary') {
    const n = op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : b === 0 ? Number.NaN : a / b;
    return op === '/' && b === 0 ? DIV0_ERROR : Number.isFinite(n) ? n || 0 : NUM_ERROR;
  }
  switch (op) {
    case '+':
      return numberResult(a + b, Math.max(Math.abs(a), Math.abs(b)));
    case '-':
      return numberResult(a - b, Math.max(Math.abs(a), Math.abs(b)));
    case '*':
      return numberResult(a * b);
    case '/':
      return b === 0 ? DIV0_ERROR : numberResult(a / b);
  }
}

const TYPE_RANK = { number: 0, string: 1, boolean: 2 } as const;

/** A blank compared with something takes that something's empty value. */
function blankLike(other: number | string | boolean): number | string | boolean {
  return typeof other === 'number' ? 0 : typeof other === 'string' ? '' : false;
}

/** -1, 0 or 1, in Excel's order: numbers < texts (ignoring case) < FALSE < TRUE. */
function order(a: number | string | boolean, b: number | string | boolean): number {
  const ta = TYPE_RANK[typeof a as keyof typeof TYPE_RANK];
  const tb = TYPE_RANK[typeof b as keyof typeof TYPE_RANK];
  if (ta !== tb) return ta < tb ? -1 : 1;
  const [x, y] = typeof a === 'string' ? [a.toUpperCase(), (b as string).toUpperCase()] : [Number(a), Number(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

function comparison(op: '=' | '<>' | '<' | '<=' | '>' | '>=', left: FormulaValue, right: FormulaValue): FormulaValue {
  if (isFormulaError(left)) return left;
  if (isFormulaError(right)) return right;
  let c = 0;
  if (left !== null || right !== null) {
    const a = left ?? blankLike(right as number | string | boolean);
    const b = right ?? blankLike(a);
    c = order(a, b);
  }
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
}

/** AND and OR: every argument counts; blanks and texts are skipped; no logical value at all is #VALUE!. */
function logicals(values: FormulaValue[]): boolean[] | CellErrorValue {
  const error = values.find(isFormulaError);
  if (error) return error;
  const out: boolean[] = [];
  for (const v of values) {
    if (typeof v === 'boolean') out.push(v);
    else if (typeof v === 'number') out.push(v !== 0);
  }
  return out.length ? out : VALUE_ERROR;
}

class Evaluation {
  constructor(
    private readonly cell: CellLookup,
    private readonly offset: Offset,
    private readonly mode: Arithmetic = 'denoised',
  ) {}

  value(expr: Expr): FormulaValue {
    switch (expr.kind) {
      case 'literal':
        return expr.value;
      case 'ref': {
        const { ref } = expr;
        const row = ref.rowAbsolute ? ref.row : ref.row + this.offset.rows;
        const col = ref.colAbsolute ? ref.col : ref.col + this.offset.cols;
        if (row < 0 || col < 0 || row >= MAX_ROWS || col >= MAX_COLS) return REF_ERROR;
        return this.cell(row, col);
      }
      case 'negate':
        return arithmetic('-', 0, this.value(expr.arg), this.mode);
      case 'binary': {
        const left = this.value(expr.left);
        const right = this.value(expr.right);
        const { op } = expr;
        return op === '+' || op === '-' || op === '*' || op === '/' ? arithmetic(op, left, right, this.mode) : comparison(op, left, right);
      }
      case 'call':
        return this.call(expr.name, expr.args);
      case 'name':
        return NAME_ERROR;
    }
  }

  private call(name: string, args: Expr[]): FormulaValue {
    switch (name) {
      case 'IF': {
        if (args.length < 1 || args.length > 3) return VALUE_ERROR;
        const condition = toLogical(this.value(args[0]));
        if (isFormulaError(condition)) return condition;
        const branch = condition ? args[1] : args[2];
        return branch ? this.value(branch) : condition;
      }
      case 'AND':
      case 'OR': {
        if (args.length === 0) return VALUE_ERROR;
        const values = logicals(args.map((a) => this.value(a)));
        if (isFormulaError(values)) return values;
        return name === 'AND' ? values.every(Boolean) : values.some(Boolean);
      }
      case 'ABS': {
        if (args.length !== 1) return VALUE_ERROR;
        const n = toNumber(this.value(args[0]));
        return isFormulaError(n) ? n : Math.abs(n);
      }
      case 'ROUND': {
        if (args.length !== 2) return VALUE_ERROR;
        const n = toNumber(this.value(args[0]));
        if (isFormulaError(n)) return n;
        const digits = toNumber(this.value(args[1]));
        return isFormulaError(digits) ? digits : roundHalfAway(n, Math.trunc(digits));
      }
      case 'ISNUMBER':
        if (args.length !== 1) return VALUE_ERROR;
        return typeof this.value(args[0]) === 'number';
      default:
        return NAME_ERROR;
    }
  }
}

/** Excel's ROUND: half away from zero, on the number's 15 significant digits (so 2.675 → 2.68). */
function roundHalfAway(n: number, digits: number): number {
  const exact = Number(n.toPrecision(15));
  const shifted = Number(`${Math.abs(exact)}e${digits}`);
  const rounded = Number(`${Math.round(shifted)}e${-digits}`);
  return (Math.sign(exact) * rounded) || 0;
}

/**
 * The value of a parsed expression. `offset` moves its relative references, as Excel does when a
 * formula is filled from one cell to another (or a conditional-format rule applies to a cell of its
 * range): `C5-D5` at offset (1, 0) reads C6 and D6; `$C$5` stays.
 */
export function evaluate(expr: Expr, cell: CellLookup, offset: Offset = { rows: 0, cols: 0 }, mode: Arithmetic = 'denoised'): FormulaValue {
  return new Evaluation(cell, offset, mode).value(expr);
}

/**
 * A formula's value as a cell shows it (a blank result shows as 0). Text that is no formula we can
 * read gives `#NAME?`.
 */
export function evaluateFormula(formula: string, cell: CellLookup, offset?: Offset, mode: Arithmetic = 'denoised'): FormulaValue {
  const expr = parseFormula(formula);
  if (!expr) return NAME_ERROR;
  return evaluate(expr, cell, offset, mode) ?? 0;
}

/** Whether a conditional format's rule applies: its result is TRUE or a number other than 0. */
export function isTruthy(v: FormulaValue): boolean {
  return v === true || (typeof v === 'number' && v !== 0);
}
