/**
 * Builds two .xlsx workbooks from a transcribed real-world table (issue 9):
 * - the printed version: every cell as printed — numbers as numbers with a format showing the printed
 *   decimals (`'4,823'` → 4.823 shown `#,##0.000`, `'3,7 %'` → 0.037 shown `0.0%`), text as text, `–` as text;
 *   title, unit line and header rows always as text (a bare year `2018` stays the text "2018");
 * - the controller's input version: title, unit line, headers and the label columns as printed, and only the
 *   `inputColumns` of the rows that are not sums; sum rows and computed columns empty.
 * Run directly (`node dist/…/build.js <dir>`) it writes every table of the corpus into <dir>.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { fixtureWorkbook } from '../fixtures/xlsx';
import { REAL_TABLES } from './index';
import { columnLetters, readPrinted } from './printed';
import type { PrintedCell, RealTable } from './types';

/** The Excel value and number format of a printed cell in a data row. */
export interface BuiltCell {
  value: string | number;
  numFmt?: string;
}

/** A number format that shows `decimals` decimals (invariant codes; Swedish Excel shows `1 234,5`). */
export function numberFormat(decimals: number, percent: boolean): string {
  const fraction = decimals > 0 ? `.${'0'.repeat(decimals)}` : '';
  return percent ? `0${fraction}%` : `#,##0${fraction}`;
}

/** How a printed cell of a data row is written: numbers as numbers, everything else as its text. */
export function builtCell(cell: PrintedCell): BuiltCell | undefined {
  const v = readPrinted(cell);
  if (v.kind === 'empty') return undefined;
  if (v.kind !== 'number') return { value: (cell ?? '').trim() };
  const value = v.percent ? v.value.div(100) : v.value;
  return { value: value.isZero() ? 0 : value.toNumber(), numFmt: numberFormat(v.decimals, v.percent) };
}

/** Rows before the first data row: `headerRows`, or the rows before the first row holding a number. */
export function headerRowCount(t: RealTable): number {
  if (t.headerRows !== undefined) return t.headerRows;
  const first = t.printed.findIndex((row) => row.some((c) => readPrinted(c).kind === 'number'));
  return first < 0 ? t.printed.length : first;
}

/** Which cells of a data row the controller's input version keeps. */
function keptInInput(t: RealTable, row: number, col: string): boolean {
  const labels = t.labelColumns ?? ['A'];
  if (labels.includes(col)) return true;
  return t.inputColumns.includes(col) && !t.sumRows.includes(row);
}

/** A sheet name Excel accepts (31 characters, no []:*?/\). */
export function sheetName(t: RealTable): string {
  return t.id.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
}

type CellFilter = (row: number, col: string) => boolean;

/** Writes the table's grid into a workbook, keeping the cells `keep` accepts. */
function tableWorkbook(t: RealTable, keep: CellFilter): ExcelJS.Workbook {
  const name = sheetName(t);
  const width = Math.max(...t.printed.map((r) => r.length));
  const wb = fixtureWorkbook([{ name, rows: [], columnWidths: [48, ...Array<number>(Math.max(width - 1, 0)).fill(16)] }]);
  const ws = wb.getWorksheet(name)!;
  const headers = headerRowCount(t);
  t.printed.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      const row = r + 1;
      const col = columnLetters(c);
      if (cell === null || !keep(row, col)) return;
      const target = ws.getCell(row, c + 1);
      if (row <= headers) {
        target.value = cell;
        return;
      }
      const built = builtCell(cell);
      if (!built) return;
      target.value = built.value;
      if (built.numFmt) target.numFmt = built.numFmt;
    }),
  );
  return wb;
}

/** The printed version: every cell as printed. */
export function printedWorkbook(t: RealTable): ExcelJS.Workbook {
  return tableWorkbook(t, () => true);
}

/** The controller's input version: headers, labels and the inputs of the rows that are not sums. */
export function inputWorkbook(t: RealTable): ExcelJS.Workbook {
  const headers = headerRowCount(t);
  return tableWorkbook(t, (row, col) => row <= headers || keptInInput(t, row, col));
}

export interface BuiltFiles {
  printed: string;
  input: string;
}

/** Writes both workbooks of a table into `dir` as `<id>.tryckt.xlsx` and `<id>.indata.xlsx`. */
export async function writeTable(t: RealTable, dir: string): Promise<BuiltFiles> {
  mkdirSync(dir, { recursive: true });
  const files = { printed: join(dir, `${t.id}.tryckt.xlsx`), input: join(dir, `${t.id}.indata.xlsx`) };
  await printedWorkbook(t).xlsx.writeFile(files.printed);
  await inputWorkbook(t).xlsx.writeFile(files.input);
  return files;
}

/** Writes every table of the corpus into `dir`. */
export async function buildAll(dir: string): Promise<BuiltFiles[]> {
  const out: BuiltFiles[] = [];
  for (const t of REAL_TABLES) out.push(await writeTable(t, dir));
  return out;
}

if (require.main === module) {
  const dir = process.argv[2] ?? 'realworld-out';
  buildAll(dir).then((files) => console.log(`${files.length * 2} filer skrivna i ${dir}`));
}
