/** Where a command writes, and the steps every command shares: opening the workbook, printing errors. */
import { formatIssue } from '../core/address';
import type { InputIssue } from '../core/types';
import { WorkbookFormatError, XlsxPackage } from '../workbook/xlsx/xlsxPackage';

/** Standard output and standard error, one line per call. */
export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** `Arbetsboken in.xlsx kunde inte läsas: fliken 'Budget' (xl/worksheets/sheet1.xml) är skadad: …` */
export function workbookFormatMessage(input: string | undefined, e: WorkbookFormatError): string {
  return `Arbetsboken ${input ? `${input} ` : ''}kunde inte läsas: ${e.message}`;
}

/** The workbook at `input`, or undefined after saying why it cannot be read (exit code 2). */
export function openWorkbook(input: string, { err }: CliIO): XlsxPackage | undefined {
  try {
    return XlsxPackage.open(input);
  } catch (e) {
    if (e instanceof WorkbookFormatError) err(workbookFormatMessage(input, e));
    else err(`${input}: kan inte läsas som en .xlsx-fil (${(e as Error).message})`);
    return undefined;
  }
}

/** One Swedish line per error with sheet and cell, then the count; the exit code for input errors. */
export function printInputErrors(errors: InputIssue[], { err }: CliIO): number {
  for (const i of errors) err(formatIssue(i));
  err(`${errors.length} fel hittades; ingenting skrevs.`);
  return 1;
}
