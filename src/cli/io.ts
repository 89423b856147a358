/** Where a command writes, and the steps every command shares: opening the workbook, printing errors. */
import { formatIssue } from '../core/address';
import type { InputIssue } from '../core/types';
import { XlsxPackage } from '../workbook/xlsx/xlsxPackage';

/** Standard output and standard error, one line per call. */
export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** The workbook at `input`, or undefined after saying why it cannot be read (exit code 2). */
export function openWorkbook(input: string, { err }: CliIO): XlsxPackage | undefined {
  try {
    return XlsxPackage.open(input);
  } catch (e) {
    err(`${input}: kan inte läsas som en .xlsx-fil (${(e as Error).message})`);
    return undefined;
  }
}

/** One Swedish line per error with sheet and cell, then the count; the exit code for input errors. */
export function printInputErrors(errors: InputIssue[], { err }: CliIO): number {
  for (const i of errors) err(formatIssue(i));
  err(`${errors.length} fel hittades; ingenting skrevs.`);
  return 1;
}
