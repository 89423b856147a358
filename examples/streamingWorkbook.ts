/**
 * Writes a large workbook with exceljs's streaming writer, the same way every time: fixed dates (so the
 * content does not change between builds) and a temporary name first, so an interrupted run never
 * leaves a half-written file behind.
 */
import ExcelJS from 'exceljs';
import { mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';

export async function writeStreamingWorkbook(path: string, creator: string, fill: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => void): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.partial`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: true, useStyles: true });
  wb.creator = creator;
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  fill(wb);
  await wb.commit();
  renameSync(tmp, path);
}
