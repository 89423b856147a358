/**
 * The summary harness of the real-world corpus (issue 9): for one transcribed table, run the real CLI
 * `report` on the controller's input workbook and `audit` on the printed workbook, and score them.
 *
 * - Figures: every printed figure the table computes (the left cell of each of its relations) that is
 *   internally consistent (no relation it takes part in is a recorded mistake) is looked up in what the
 *   report wrote: first the same cell of the source sheet in the output workbook (a filled avvikelse,
 *   sum or net column), else the row with the same label in the `--json` tables, in the column the
 *   report read that figure's column as. It is reproduced when it equals the printed figure rounded to
 *   the printed decimals — exactly where the table's relations hold exactly on its printed figures, else
 *   within the rounding the figure rests on: computed from n printed (rounded) inputs it may stand
 *   ⌈(n + 1)/2⌉ units of the last printed digit from the printed figure, which was rounded from the
 *   unrounded amounts (±1 for a deviation of two figures).
 *   Figures of a `Koncern` block and change percentages are left out: the report reads neither, by design,
 *   and says so.
 * - Audit: a hit is an error finding at a mistake's cell, a miss a mistake without one, a false alarm an
 *   error finding at any other cell.
 */
import Decimal from 'decimal.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../cli/helpers';
import { XlsxPackage } from '../../src/workbook/xlsx/xlsxPackage';
import { sheetName, writeTable } from './build';
import { checkTable, type RelationResult } from './check';
import { columnIndex, columnLetters, printedAt, readPrinted } from './printed';
import type { Expr } from './relations';
import type { RealTable } from './types';

export interface FigureResult {
  cell: string;
  printed: Decimal;
  found?: number;
  where?: 'cell' | 'json';
  ok: boolean;
}

export interface TableScore {
  id: string;
  figures: FigureResult[];
  reproduced: number;
  total: number;
  hits: string[];
  misses: string[];
  falseAlarms: string[];
  reportCode: number;
  auditCode: number;
  reportErr: string[];
  reportOut: string[];
  auditOut: string[];
}

interface JsonRow {
  label: string;
  cells: Record<string, number | null>;
}
interface JsonTable {
  sheet: string;
  title: string;
  unit: string | null;
  type: string;
  rows: JsonRow[];
}
interface JsonSource {
  sheet: string;
  columns: Record<string, string>;
  blocks?: { name: string; columns: Record<string, string> }[];
}
interface JsonReport {
  tables: JsonTable[];
  sources?: JsonSource[];
}
interface Finding {
  cell: string;
  kind: string;
  message: string;
}

const KRONOR: Record<string, number> = { kr: 1, tkr: 1000, mnkr: 1_000_000 };

/** A label as the harness compares it: folded, without note references, footnote marks and spacing. */
export function labelKey(label: string | null | undefined): string {
  return (label ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\(?\s*\bnot(er)?\s*[\d, ]+\)?\s*$/, '')
    .replace(/[*\u00b9\u00b2\u00b3]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Columns under a `Koncern` / `Sammanställd redovisning` heading (carried right along a merged top cell). */
export function koncernColumns(t: RealTable, headerRows: number): Set<number> {
  const out = new Set<number>();
  for (let r = 0; r < headerRows; r++) {
    const row = t.printed[r] ?? [];
    let carried = false;
    for (let c = 0; c < row.length; c++) {
      const text = labelKey(row[c]);
      if (text !== '') carried = /koncern|sammanstalld redovisning/.test(text);
      if (carried || /koncern/.test(text)) out.add(c);
    }
  }
  return out;
}

const isPercentRelation = (e: Expr): boolean => e.op === 'pct' && e.signed;

/**
 * The computed figures to compare: the left cells of the relations, minus those a mistake reaches — the
 * mistake's cell, the left cells of the relations it breaks, and every figure computed from those (the
 * report computes from the inputs, so a wrong input or a wrong printed total carries into what is computed
 * from it) — and minus a Koncern block and change percentages. `exact` is false when the table's figures
 * were rounded from unrounded amounts (some relation holds only within rounding): then ±1 is allowed.
 */
function computedCells(t: RealTable, headerRows: number): { cell: string; exact: boolean; leaves: number }[] {
  const broken = new Set(t.mistakes.flatMap((m) => m.breaks ?? []));
  const koncern = koncernColumns(t, headerRows);
  const results = checkTable(t);
  const tainted = new Set<string>(t.mistakes.map((m) => m.cell));
  for (const r of results) if (broken.has(r.instance.text)) tainted.add(r.instance.lhs);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of results) {
      if (tainted.has(r.instance.lhs) || !cellsOf(r.instance.rhs, r.instance.lhs).some((c) => tainted.has(c))) continue;
      tainted.add(r.instance.lhs);
      grew = true;
    }
  }
  const rounded = results.some((r) => !r.computed.eq(r.printed) && !broken.has(r.instance.text));
  const byLhs = new Map<string, RelationResult>();
  for (const r of results) if (!byLhs.has(r.instance.lhs)) byLhs.set(r.instance.lhs, r);
  const out = new Map<string, number>();
  for (const r of results) {
    const lhs = r.instance.lhs;
    if (tainted.has(lhs) || isPercentRelation(r.instance.rhs) || out.has(lhs)) continue;
    if (koncern.has(columnIndex(/^[A-Z]+/.exec(lhs)![0]))) continue;
    out.set(lhs, rounded ? leaves(lhs, byLhs, new Set()) : 0);
  }
  return [...out].map(([cell, n]) => ({ cell, exact: n === 0, leaves: n }));
}

/** How many printed inputs a computed figure rests on, through the figures it is computed from. */
function leaves(cell: string, byLhs: Map<string, RelationResult>, seen: Set<string>): number {
  const r = byLhs.get(cell);
  if (!r || seen.has(cell)) return 1;
  seen.add(cell);
  return cellsOf(r.instance.rhs, cell).reduce((n, c) => n + leaves(c, byLhs, seen), 0);
}

function cellsOf(e: Expr, lhs: string): string[] {
  switch (e.op) {
    case 'cell':
      return [e.address];
    case 'sum': {
      const [, col, from] = /^([A-Z]+)(\d+)$/.exec(e.from)!;
      const to = Number(/\d+$/.exec(e.to)![0]);
      return Array.from({ length: to - Number(from) + 1 }, (_, i) => `${col}${Number(from) + i}`);
    }
    case 'const':
      return [];
    case 'neg':
      return cellsOf(e.arg, lhs);
    case 'scale':
      return cellsOf(e.arg, lhs);
    case 'add':
      return e.args.flatMap((a) => cellsOf(a, lhs));
    case 'pct':
      return [...cellsOf(e.part, lhs), ...cellsOf(e.whole, lhs)];
  }
}

function numberOf(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 'result' in v && typeof (v as { result: unknown }).result === 'number') return (v as { result: number }).result;
  return undefined;
}

/** The role the report read a column as, in the primary block or a further one (with the block's table title suffix). */
function roleOf(report: JsonReport, sheet: string, letter: string): { role: string; block?: string } | undefined {
  for (const s of report.sources ?? []) {
    if (s.sheet !== sheet) continue;
    const own = Object.entries(s.columns).find(([role, l]) => l === letter && !/^(label|type|group|group1|group2|target)$/.test(role));
    if (own) return { role: own[0] };
    for (const b of s.blocks ?? []) {
      const hit = Object.entries(b.columns).find(([role, l]) => l === letter && !/^(label|type|group|group1|group2|target)$/.test(role));
      if (hit) return { role: hit[0], block: b.name };
    }
  }
  return undefined;
}

/** The figure a JSON table shows for a printed row label and column, in kronor; undefined when there is none. */
function fromJson(report: JsonReport, sheet: string, label: string, letter: string, signed: boolean): number[] {
  const role = roleOf(report, sheet, letter);
  if (!role) return [];
  const key = labelKey(label);
  const out: number[] = [];
  for (const t of report.tables) {
    if (t.sheet !== sheet || !t.unit) continue;
    if (role.block ? !t.title.endsWith(` – ${role.block}`) : / – /.test(t.title) && t.title.split(' – ')[1] !== sheet) continue;
    for (const row of t.rows) {
      if (labelKey(row.label) !== key) continue;
      const v = row.cells[role.role];
      if (typeof v !== 'number') continue;
      const kr = v * KRONOR[t.unit];
      out.push(kr);
      // a signed sheet's costs are shown positive in the operating-account tables
      if (signed && /^(driftredovisning|nettokostnad)$/.test(t.type) && !/avvikelse/i.test(role.role)) out.push(-kr);
    }
  }
  return out;
}

/** Scores one table. */
export async function scoreTable(t: RealTable, dir: string): Promise<TableScore> {
  const files = await writeTable(t, dir);
  const months = t.months ? ['--months', String(t.months)] : [];
  const auditJson = join(dir, `${t.id}.fynd.json`);
  const audit = await runCli(['audit', files.printed, '--json', auditJson, ...months]);
  const findings = (JSON.parse(readFileSync(auditJson, 'utf8')) as { findings: Finding[] }).findings;
  const errors = new Set(findings.filter((f) => f.kind === 'error').map((f) => f.cell));
  const mistakeCells = t.mistakes.map((m) => m.cell);

  const out = join(dir, `${t.id}.rapport.xlsx`);
  const reportJson = join(dir, `${t.id}.rapport.json`);
  const unit = t.unit === 'mnkr' ? 'mnkr' : 'tkr';
  const report = await runCli(['report', files.input, '--out', out, '--json', reportJson, '--year', String(t.year), '--unit', unit, ...months]);
  const headerRows = t.headerRows ?? 0;
  const figures: FigureResult[] = [];
  const cells = computedCells(t, headerRows);
  if (report.code === 0) {
    // read back with the command line's own reader: exceljs drops a formula's cached 0
    const data = await XlsxPackage.open(out).read();
    const values = data.sheets.find((x) => x.name === sheetName(t))!.values;
    const json = JSON.parse(readFileSync(reportJson, 'utf8')) as JsonReport;
    const perUnit = KRONOR[t.unit ?? 'tkr'];
    for (const { cell, exact, leaves: n } of cells) {
      const p = readPrinted(printedAt(t.printed, cell));
      const printed = p.kind === 'number' ? p.value : new Decimal(0);
      const decimals = p.kind === 'number' ? p.decimals : 0;
      const unitStep = new Decimal(10).pow(-decimals);
      // computed from n rounded inputs, the report's figure may be n half-units from the true one, the printed one half a unit
      const allowed = exact ? new Decimal(0) : unitStep.times(Math.max(1, Math.ceil((n + 1) / 2)));
      const agrees = (value: number, slack: Decimal) => new Decimal(value).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).minus(printed).abs().lte(allowed.plus(slack));
      const [, col, row1] = /^([A-Z]+)(\d+)$/.exec(cell)!;
      const own = numberOf(values[Number(row1) - 1]?.[columnIndex(col)]);
      if (own !== undefined) {
        figures.push({ cell, printed, found: own, where: 'cell', ok: agrees(own, new Decimal(0)) });
        continue;
      }
      const [, letter, row] = /^([A-Z]+)(\d+)$/.exec(cell)!;
      const label = t.printed[Number(row) - 1]?.find((c) => c !== null && readPrinted(c).kind === 'text') ?? '';
      const candidates = fromJson(json, sheetName(t), label, letter, t.layout.includes('signed'));
      // a JSON figure is rounded to the table's unit: half a unit of that, in the printed unit, is slack
      const slack = new Decimal(unit === 'mnkr' ? 50_000 : 500).div(perUnit);
      const match = candidates.find((kr) => agrees(kr / perUnit, slack));
      figures.push({ cell, printed, found: match ?? (candidates[0] !== undefined ? candidates[0] / perUnit : undefined), where: candidates.length ? 'json' : undefined, ok: match !== undefined });
    }
  } else {
    for (const { cell } of cells) figures.push({ cell, printed: new Decimal(0), ok: false });
  }
  return {
    id: t.id,
    figures,
    reproduced: figures.filter((f) => f.ok).length,
    total: figures.length,
    hits: mistakeCells.filter((c) => errors.has(c)),
    misses: mistakeCells.filter((c) => !errors.has(c)),
    falseAlarms: [...errors].filter((c) => !mistakeCells.includes(c)),
    reportCode: report.code,
    auditCode: audit.code,
    reportErr: report.err,
    reportOut: report.out,
    auditOut: audit.out,
  };
}

/** `tyreso-2018-ks-drift: siffror 12/12, granskning 0 träffar, 0 missar, 0 falsklarm` */
export function summaryLine(s: TableScore): string {
  return `${s.id.padEnd(26)} siffror ${String(s.reproduced).padStart(3)}/${String(s.total).padEnd(3)}  träffar ${s.hits.length}, missar ${s.misses.length}, falsklarm ${s.falseAlarms.length}`;
}

export { columnLetters };
