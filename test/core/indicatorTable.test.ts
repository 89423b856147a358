import { detectHeader } from '../../src/core/roles';
import { indicatorTable } from '../../src/core/indicatorTable';
import type { HeaderMap, RawValue, StandardTable, TableRow } from '../../src/core/types';

function header(grid: RawValue[][]): HeaderMap {
  const h = detectHeader(grid);
  if (h === null) throw new Error('no header detected');
  return h;
}

function build(grid: RawValue[][]): ReturnType<typeof indicatorTable> {
  return indicatorTable('Indikatorer', grid, header(grid), 'tkr');
}

function rowOf(t: StandardTable, label: string): TableRow {
  const r = t.rows.find((x) => x.label === label);
  if (!r) throw new Error(`no row ${label}`);
  return r;
}

/** Year values as strings (null for a blank). */
function years(r: TableRow): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(r.values)) out[k] = v === null ? null : v.toString();
  return out;
}

const GRID = (): RawValue[][] => [
  ['Indikator', '2024', '2025', '2026', 'Mål'],
  ['Behöriga lärare, %', 78, 81, 83, '>80'],
  ['Sjukfrånvaro, %', '8,1', '7,5', '8,0', '<7,9 %'],
  [null, null, null, null, null],
  ['Nöjd medborgarindex', 70, null, 75, 'Länssnitt'],
  ['Antal nya företag', 1, 2, null, '≥2'],
  ['Placering i länet', 5, 4, 3, 'Topp tre i länet'],
  ['Andel ekologiskt', 0.04, 0.05, 0.06, '5 %'],
];

describe('indicatorTable', () => {
  it('columns: one per year (ascending), then Mål and Bedömning', () => {
    const { table } = build(GRID());
    expect(table.type).toBe('indikatorer');
    expect(table.title).toBe('Indikatorer');
    expect(table.labelHeader).toBe('Indikator');
    expect(table.columns.map((c) => [c.id, c.group, c.title, c.format])).toEqual([
      ['ar2024', 'Utfall', '2024', 'number'],
      ['ar2025', 'Utfall', '2025', 'number'],
      ['ar2026', 'Utfall', '2026', 'number'],
      ['mal', '', 'Mål', 'text'],
      ['bedomning', '', 'Bedömning', 'text'],
    ]);
    expect(table.notes).toEqual([]);
  });

  it('values per year, exact (Swedish decimal commas too), blanks null', () => {
    const { table } = build(GRID());
    expect(years(rowOf(table, 'Behöriga lärare, %'))).toEqual({ ar2024: '78', ar2025: '81', ar2026: '83' });
    expect(years(rowOf(table, 'Sjukfrånvaro, %'))).toEqual({ ar2024: '8.1', ar2025: '7.5', ar2026: '8' });
    expect(years(rowOf(table, 'Nöjd medborgarindex'))).toEqual({ ar2024: '70', ar2025: null, ar2026: '75' });
  });

  it('the target text is kept as written', () => {
    const { table } = build(GRID());
    expect(table.rows.map((r) => r.texts?.mal)).toEqual(['>80', '<7,9 %', 'Länssnitt', '≥2', 'Topp tre i länet', '5 %']);
  });

  it('status is judged on the latest year', () => {
    const { table } = build(GRID());
    expect(table.rows.map((r) => [r.label, r.texts?.bedomning])).toEqual([
      ['Behöriga lärare, %', 'Uppnås'], // 83 > 80
      ['Sjukfrånvaro, %', 'Uppnås ej'], // 8,0 is not < 7,9 (2025's 7,5 would have been)
      ['Nöjd medborgarindex', 'Ej bedömd'], // text target
      ['Antal nya företag', 'Ej bedömd'], // no value for 2026
      ['Placering i länet', 'Ej bedömd'], // text target
      ['Andel ekologiskt', 'Uppnås'], // 0,06 as a fraction = 6 % ≥ 5 %
    ]);
  });

  it('the latest year is the highest year, whatever the column order', () => {
    const grid: RawValue[][] = [
      ['Indikator', 2026, 2025, 2024, 'Mål'],
      ['Behöriga lärare', 79, 81, 83, '>80'],
    ];
    const { table } = build(grid);
    expect(table.columns.map((c) => c.title)).toEqual(['2024', '2025', '2026', 'Mål', 'Bedömning']);
    expect(years(rowOf(table, 'Behöriga lärare'))).toEqual({ ar2024: '83', ar2025: '81', ar2026: '79' });
    expect(rowOf(table, 'Behöriga lärare').texts?.bedomning).toBe('Uppnås ej');
  });

  it('fully blank rows are skipped; source rows are 1-based', () => {
    const { table } = build(GRID());
    expect(table.rows).toHaveLength(6);
    expect(table.rows.map((r) => r.sourceRows)).toEqual([[2], [3], [5], [6], [7], [8]]);
  });

  it('rows are plain items, never flagged', () => {
    const { table } = build(GRID());
    for (const r of table.rows) {
      expect([r.kind, r.level, r.flag, r.direction]).toEqual(['item', 0, null, null]);
    }
  });

  it('bad cells are issues with their address, saying "inget tal"', () => {
    const grid: RawValue[][] = [
      ['Indikator', '2024', '2025', 'Mål'],
      ['Behöriga lärare', 'n/a', { error: '#N/A' }, '>80'],
      ['Sjukfrånvaro', 8, 'ca 7', '<7,9'],
    ];
    const { table, issues } = build(grid);
    expect(issues).toEqual([
      { sheet: 'Indikatorer', cell: 'B2', message: '"n/a" är inget tal', severity: 'error' },
      { sheet: 'Indikatorer', cell: 'C2', message: '"#N/A" är ett felvärde, inget tal', severity: 'error' },
      { sheet: 'Indikatorer', cell: 'C3', message: '"ca 7" är inget tal', severity: 'error' },
    ]);
    expect(rowOf(table, 'Behöriga lärare').texts?.bedomning).toBe('Ej bedömd');
    expect(rowOf(table, 'Sjukfrånvaro').values.ar2025).toBeNull();
  });

  it('a row with a target but no values is kept and not judged', () => {
    const { table } = build([
      ['Indikator', '2024', '2025', 'Mål'],
      ['Ny indikator', null, null, '≥2'],
    ]);
    expect(table.rows.map((r) => [r.label, r.texts?.bedomning])).toEqual([['Ny indikator', 'Ej bedömd']]);
  });
});
