/** Where a command writes, and the steps every command shares: opening the workbook, printing errors. */
import { formatIssue } from '../core/address';
import type { InputIssue } from '../core/types';
import { foreignFormat } from '../workbook/xlsx/fileKind';
import { LimitError } from '../workbook/xlsx/limits';
import { WorkbookFormatError, XlsxPackage } from '../workbook/xlsx/xlsxPackage';
import { ZipFormatError } from '../workbook/xlsx/zip';
import { UsageError } from './args';
import { readInputFile, type InputFile } from './inputFile';

/** Standard output and standard error, one line per call. */
export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** `Arbetsboken in.xlsx kunde inte läsas: fliken 'Budget' (xl/worksheets/sheet1.xml) är skadad: …` */
export function workbookFormatMessage(input: string | undefined, e: Error): string {
  return `Arbetsboken ${input ? `${input} ` : ''}kunde inte läsas: ${e.message}`;
}

/**
 * Reads the workbook file: a regular file (not a device or FIFO), within the size limit, and an
 * .xlsx package, not an .xls, .xlsb, .ods, CSV or encrypted workbook (each named, with what to do).
 */
export function readWorkbookFile(input: string): InputFile {
  const file = readInputFile(input, 'en .xlsx-fil');
  const foreign = foreignFormat(file.bytes);
  if (foreign) throw new UsageError(`${input}: kan inte läsas som en .xlsx-fil: filen ${foreign}`);
  return file;
}

/** The workbook in `file`, or undefined after saying why it cannot be read (exit code 2). */
export function openWorkbook(file: InputFile, { err }: CliIO): XlsxPackage | undefined {
  try {
    return XlsxPackage.fromBuffer(file.bytes);
  } catch (e) {
    if (e instanceof WorkbookFormatError || e instanceof ZipFormatError || e instanceof LimitError) err(workbookFormatMessage(file.path, e));
    else err(`${file.path}: kan inte läsas som en .xlsx-fil (${(e as Error).message})`);
    return undefined;
  }
}

/** One Swedish line per error with sheet and cell, then the count; the exit code for input errors. */
export function printInputErrors(errors: InputIssue[], { err }: CliIO): number {
  for (const i of errors) err(formatIssue(i));
  err(`${errors.length} fel hittades; ingenting skrevs.`);
  return 1;
}
