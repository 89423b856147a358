/** Shared helpers for the command-line tests: temp folders, running main(), reading output workbooks. */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { checkPackageLater } from '../helpers/ooxml';

const created: string[] = [];
process.on('exit', () => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp folder, removed when the test process exits. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'avvikelse-test-'));
  created.push(dir);
  return dir;
}

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

/** Runs the command line in-process; every workbook it writes (`--out`) is queued for the OOXML checkers. */
export async function runCli(argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (s) => out.push(s), (s) => err.push(s));
  const written = argv.indexOf('--out');
  if (code === 0 && written >= 0 && argv[written + 1]) checkPackageLater(argv[written + 1], argv[1]);
  return { code, out, err };
}

export async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Row label → the cells to its right as displayed numbers, for a block of a sheet. */
export function rowByLabel(ws: ExcelJS.Worksheet, label: string, from = 1): ExcelJS.Row {
  for (let r = from; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === label) return ws.getRow(r);
  throw new Error(`no row labelled ${label}`);
}

export function rowNumbers(row: ExcelJS.Row, count: number): (number | string | null)[] {
  const out: (number | string | null)[] = [];
  for (let c = 2; c < 2 + count; c++) out.push(row.getCell(c).value as number | string | null);
  return out;
}
