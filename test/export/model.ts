/** The models the export tests run on: the domain driftredovisning, and hand-made tables for edge cases. */
import { Dec } from '../../src/core/decimal';
import type { StandardTable, TableRow } from '../../src/core/types';
import { analyzeWorkbook, type ReportModel } from '../../src/report/analyze';
import { buildSettings } from '../../src/report/settings';
import type { WorkbookData } from '../../src/workbook/port';
import { DOMAIN_PRINTED, domainGrid } from '../fixtures/domainDrift';

export const NBSP = '\u00A0';

/** The domain driftredovisning analysed as `report --months 8 --year 2026` would. */
export function domainModel(): ReportModel {
  const data: WorkbookData = { sheets: [{ name: 'Prognos', values: domainGrid(), formulas: new Map() }], names: {} };
  return analyzeWorkbook(data, buildSettings({ months: 8 }, undefined, 2026));
}

/** A printed tkr figure of domain.md as the export writes it: `149 145`, `-2 482` (non-breaking space). */
export function printed(n: number): string {
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, NBSP);
  return n < 0 ? `-${digits}` : digits;
}

/** domain.md's table, row by row, as export text. */
export const DOMAIN_TEXT: [string, string[]][] = Object.entries(DOMAIN_PRINTED).map(([label, ns]) => [label, ns.map(printed)]);

const row = (label: string, kind: TableRow['kind'], level: number, values: Record<string, string | null>): TableRow => ({
  label,
  kind,
  level,
  values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === null ? null : new Dec(v)])),
  flag: null,
  direction: null,
});

/**
 * An investment table in mnkr with a percent column, groups, a value that rounds to zero from below
 * (-0,04 mnkr must print `0,0`, never `-0,0`), a zero budget (percent `–`) and HTML-hostile labels.
 */
export function edgeTable(): StandardTable {
  return {
    sheet: 'Inv & <Exp>',
    type: 'investeringar',
    title: 'Investeringar – Inv & <Exp>',
    unit: 'mnkr',
    labelHeader: 'Projekt, mnkr',
    columns: [
      { id: 'budgetHelar', group: 'Helår', title: 'Budget', format: 'amount' },
      { id: 'prognosHelar', group: 'Helår', title: 'Prognos', format: 'amount' },
      { id: 'avvikelseHelar', group: 'Helår', title: 'Avvikelse', format: 'amount' },
      { id: 'avvikelsePctHelar', group: 'Helår', title: 'Avvikelse %', format: 'percent' },
    ],
    rows: [
      row('Reinvestering', 'group', 0, {}),
      row('Skola "Norr" & <fritids>', 'item', 1, { budgetHelar: '-12345678', prognosHelar: '-12305678', avvikelseHelar: '40000', avvikelsePctHelar: '0.324' }),
      row('Tak', 'item', 1, { budgetHelar: '0', prognosHelar: '-40000', avvikelseHelar: '-40000', avvikelsePctHelar: null }),
      row('Summa Reinvestering', 'sum', 0, { budgetHelar: '-12345678', prognosHelar: '-12345678', avvikelseHelar: '-0.4', avvikelsePctHelar: '-0.00000324' }),
    ],
    notes: ['Positivt tal indikerar en intäkt.', 'Avrundningsdifferenser kan förekomma.'],
  };
}
