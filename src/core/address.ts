/** Cell addresses and the one-line Swedish messages that name them. */
import type { InputIssue } from './types';

/** 0-based column index → Excel letters (0 → A, 25 → Z, 26 → AA). */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Excel letters → 0-based column index (A → 0). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based row/column → `B7`. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** `B7` → 0-based { row, col }. */
export function parseCellAddress(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`Ogiltig celladress: ${address}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** A sheet name as Excel writes it in a reference: quoted when it holds anything but letters/digits/_. */
export function sheetRef(sheet: string): string {
  if (/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet)) return sheet;
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** `Prognos!E14: "ca 300" är inget belopp` */
export function formatIssue(issue: InputIssue): string {
  if (!issue.sheet) return issue.message;
  const where = issue.cell ? `${sheetRef(issue.sheet)}!${issue.cell}` : sheetRef(issue.sheet);
  return `${where}: ${issue.message}`;
}

export function issue(sheet: string, cell: string | undefined, message: string, severity: InputIssue['severity'] = 'error'): InputIssue {
  return { sheet, cell, message, severity };
}
