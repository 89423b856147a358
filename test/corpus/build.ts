/** Writes the bad-input corpus (test/corpus/cases.ts) as real .xlsx files, one per case. */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type ExcelJS from 'exceljs';
import { fixtureWorkbook } from '../fixtures/xlsx';
import { CASES, type CorpusCase } from './cases';

/** A file name for a case: lower-case ASCII, dashes. */
export function caseFileName(c: CorpusCase): string {
  return `${c.name.normalize('NFKD').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').toLowerCase()}.xlsx`;
}

/** Writes one case: the grids through fixtureWorkbook, then what it does not cover (hidden rows, far cells). */
export async function writeCase(c: CorpusCase, path: string): Promise<string> {
  mkdirSync(dirname(path), { recursive: true });
  const wb = fixtureWorkbook(c.sheets);
  for (const s of c.sheets) {
    const ws = wb.getWorksheet(s.name)!;
    for (const r of s.hiddenRows ?? []) ws.getRow(r).hidden = true;
    for (const [address, value] of Object.entries(s.cells ?? {})) ws.getCell(address).value = value as ExcelJS.CellValue;
  }
  await wb.xlsx.writeFile(path);
  return path;
}

/** Writes every case into `dir`; returns the paths. */
export async function buildCorpus(dir: string): Promise<string[]> {
  const paths: string[] = [];
  for (const c of CASES) paths.push(await writeCase(c, join(dir, caseFileName(c))));
  return paths;
}

if (require.main === module) {
  const dir = process.argv[2] ?? 'corpus-out';
  buildCorpus(dir).then((p) => console.log(`${p.length} filer skrivna i ${dir}`));
}
