/** The pieces of the audit: finding tables on a sheet, reading which rows a sum adds, typo hints, the pane's entry point. */
import { auditSheet, auditWorkbook, locateTables } from '../../src/audit';
import { readStructure } from '../../src/audit/structure';
import { inferGroupTotals } from '../../src/audit/groups';
import { Dec } from '../../src/core/decimal';
import { typoHint } from '../../src/audit/words';
import type { WorkbookData } from '../../src/workbook/port';
import { investments, portfolio, printedDrift, withCells, type Grid } from './grids';

const sumsOf = (grid: Grid) => {
  const table = locateTables('T', grid as never)[0];
  const structure = readStructure(table.lines);
  inferGroupTotals(table, structure);
  const label = (i: number) => table.lines[i].label;
  return structure.sums.map((s) => [label(s.line), s.terms.map(label)]);
};

describe('locating tables', () => {
  test('title, unit, header and rows; notes under the table are left out', () => {
    const [table] = locateTables('T', [...printedDrift(), ['Avrundningsdifferenser kan förekomma.']] as never);
    expect(table).toMatchObject({ title: 'Driftredovisning', unit: 'tkr', decimals: 0, lastRow: 10 });
    expect(table.header).toMatchObject({ firstHeaderRow: 2, headerRows: 2, firstDataRow: 4, months: 8 });
    expect(table.lines.map((l) => l.kind)).toEqual(['item', 'item', 'item', 'item', 'item', 'sum', 'sum']);
  });

  test('mnkr from the label header, one decimal', () => {
    const grid = portfolio().slice(2);
    expect(locateTables('T', grid as never)[0]).toMatchObject({ unit: 'mnkr', decimals: 1, title: undefined });
  });

  test('a sheet without a header has no tables', () => {
    expect(locateTables('T', [['Läs mig'], ['Text', 'mer text'], [1, 2]] as never)).toEqual([]);
  });
});

describe('which rows a sum adds', () => {
  test('Verksamhetens kostnader adds the cost rows, Årets resultat the revenue and the costs', () => {
    expect(sumsOf(printedDrift())).toEqual([
      ['Verksamhetens kostnader', ['Personal', 'Lokaler', 'Köp av verksamhet', 'Övrigt']],
      ['Årets resultat (nettokostnad)', ['Verksamhetens intäkter', 'Verksamhetens kostnader']],
    ]);
  });

  test('Summa <group> adds its group, a bare Summa the group sums', () => {
    expect(sumsOf(investments())).toEqual([
      ['Summa reinvestering', ['Inventarier skolor och förskolor', 'Ventilation Ekbyskolan', 'Utemiljö förskolor', 'IT-utrustning elever']],
      ['Summa nyinvestering', ['Ny förskola Ekbacken', 'Tillbyggnad Norrskolan', 'Skolgård Solbacka', 'Investeringsbidrag Norrskolan']],
      ['Summa', ['Summa reinvestering', 'Summa nyinvestering']],
    ]);
  });

  test('headings Intäkter / Kostnader with their own sums, then Nettokostnad', () => {
    const grid: Grid = [
      ['Verksamhet, tkr', 'Budget', 'Prognos', 'Avvikelse'],
      ['Intäkter'],
      ['Avgifter', 3000, 3100, 100],
      ['Bidrag', 9400, 9950, 550],
      ['Summa intäkter', 12400, 13050, 650],
      ['Kostnader'],
      ['Personal', 88310, 90115, -1805],
      ['Lokaler', 9020, 8870, 150],
      ['Summa kostnader', 97330, 98985, -1655],
      ['Nettokostnad', 84930, 85935, -1005],
    ];
    expect(sumsOf(grid)).toEqual([
      ['Summa intäkter', ['Avgifter', 'Bidrag']],
      ['Summa kostnader', ['Personal', 'Lokaler']],
      ['Nettokostnad', ['Summa intäkter', 'Summa kostnader']],
    ]);
    // Bidrag is revenue because of its heading: avvikelse = prognos − budget is right for it
    expect(auditSheet('T', grid as never).findings).toEqual([]);
    expect(auditSheet('T', withCells(grid, ['Bidrag', 3, -550]) as never).findings).toEqual([expect.objectContaining({ cell: 'D4', expected: 550 })]);
  });

  test('rows carrying their group totals (a portfolio) are read as group sums', () => {
    const byLabel = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
    expect(sumsOf(portfolio()).sort(byLabel)).toEqual([
      ['Summa', ['Exploateringsprojekt', 'Markreserv']],
      ['Genomförandeprojekt', ['Norra Ekby etapp 2', 'Ekby centrum, kv. Smedjan', 'Verkstadsområdet', 'Södra Hagen bostäder']],
      ['Planeringsprojekt', ['Östra Ekby verksamhetsområde', 'Sjöstaden, detaljplan', 'Lärkbacken, förstudie']],
      ['Exploateringsprojekt', ['Genomförandeprojekt', 'Planeringsprojekt']],
      ['Köp och försäljning av mark', ['Förvärv Ekby 4:12', 'Försäljning av mark, Industrivägen']],
      ['Markreserv', ['Köp och försäljning av mark']],
    ].sort(byLabel));
  });
});

describe('typo hints', () => {
  const hint = (a: string, b: string, decimals = 0) => typoHint(new Dec(a), new Dec(b), decimals);
  test('swapped digits, one digit, a flipped sign, or nothing', () => {
    expect(hint('88130', '88310')).toBe('omkastade siffror?');
    expect(hint('88410', '88310')).toBe('en siffra fel?');
    expect(hint('-1805', '1805')).toBe('tecknet är omvänt');
    expect(hint('-13.4', '-14.3', 1)).toBe('omkastade siffror?');
    expect(hint('140125', '149145')).toBeUndefined();
    expect(hint('0', '5')).toBeUndefined();
  });
});

describe('auditWorkbook (what the task pane calls)', () => {
  test('every sheet, findings in workbook order with sheet and cell', () => {
    const data: WorkbookData = {
      names: {},
      sheets: [
        { name: 'Investeringar', values: withCells(investments(), ['Ventilation Ekbyskolan', 3, 1250]) as never, formulas: new Map() },
        { name: 'Drift', values: withCells(printedDrift(), ['Personal', 3, 1805]) as never, formulas: new Map() },
      ],
    };
    const result = auditWorkbook(data);
    expect(result.tables.map((t) => t.sheet)).toEqual(['Investeringar', 'Drift']);
    expect(result.findings.map((f) => [f.sheet, f.cell, f.kind])).toEqual([
      ['Investeringar', 'D7', 'error'],
      ['Investeringar', 'E17', 'rounding'],
      ['Drift', 'D6', 'error'],
    ]);
  });

  test('the months of the period can be given when no header says them', () => {
    const grid: Grid = [
      ['Verksamhet', 'Budget helår', 'Budget period', 'Utfall period'],
      ['Personal', 1200, 800, 790],
      ['Lokaler', 600, 400, 410],
      ['Övrigt', 300, 200, 190],
      ['Material', 900, 600, 610],
      ['IT', 1500, 1100, 1000],
    ];
    const result = auditSheet('T', grid as never, { months: 8 });
    expect(result.tables[0].evenPeriodMonths).toBe(8);
    expect(result.findings).toEqual([expect.objectContaining({ cell: 'C6', found: 1100, expected: 1000 })]);
  });
});
