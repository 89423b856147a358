/** Auditing a grid typed in a test: its findings, its errors, and a copy with one cell changed. */
import { auditSheet, type AuditFinding } from '../../src/audit';
import type { RawValue } from '../../src/core/types';

export const audit = (grid: RawValue[][]) => auditSheet('Tabell', grid);
export const errors = (grid: RawValue[][]): AuditFinding[] => audit(grid).findings.filter((f) => f.kind === 'error');
export const edit = (grid: RawValue[][], address: string, value: RawValue): RawValue[][] => {
  const m = /^([A-Z])(\d+)$/.exec(address)!;
  const copy = grid.map((r) => [...r]);
  copy[Number(m[2]) - 1][m[1].charCodeAt(0) - 65] = value;
  return copy;
};
