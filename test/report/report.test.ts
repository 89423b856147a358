import { runReport } from '../../src/report/run';
import { buildSettings } from '../../src/report/settings';
import { reportJson } from '../../src/report/json';
import type { RawValue } from '../../src/core/types';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import type { CellWrite, OutputSheet } from '../../src/workbook/port';

const settings = (extra = {}) => buildSettings({ months: 8, ...extra }, undefined, 2026);

function cellAt(sheet: OutputSheet, label: string): CellWrite {
  const c = sheet.cells.find((x) => x.col === 0 && x.value === label);
  if (!c) throw new Error(`no cell ${label}`);
  return c;
}

const driftWithGroups: RawValue[][] = [
  ['Verksamhet', 'Kategori', 'Typ', 'Budget helår', 'Prognos helår', 'Budget jan–aug', 'Utfall jan–aug', 'Utfall jan–aug 2025'],
  ['Förskola', 'Verksamhetens intäkter', 'Intäkt', 1200000, 1300000, 800000, 900000, 780000],
  ['Förskola', 'Personal', 'Kostnad', 9000000, 9400000, 6000000, 6350000, 5800000],
  ['Grundskola', 'Personal', 'Kostnad', 15000000, 14900000, 10000000, 9950000, 9700000],
  ['Summa nettokostnad', null, null, 22800000, 23000000, 15200000, 15400000, 14720000],
];

describe('report through the in-memory workbook', () => {
  test('a sum row labelled in the grouping column is recognised, not an error', async () => {
    const wb = new MemoryWorkbook([{ name: 'Drift', values: driftWithGroups }]);
    const result = await runReport(wb, settings());
    expect(result.issues).toEqual([]);
    expect(result.written).toBe(true);
    const titles = result.model.tables.map((t) => t.title);
    expect(titles).toEqual(['Driftredovisning', 'Nettokostnad per verksamhet', 'Nettokostnad per verksamhet, utfall för perioden']);
    const perYear = reportJson(result.model).tables[2];
    expect(perYear.columns).toEqual(['utfallFgAr', 'utfallPeriod']);
    expect(perYear.rows.map((r) => [r.label, r.cells.utfallFgAr, r.cells.utfallPeriod])).toEqual([
      ['Förskola', 5020, 5450],
      ['Grundskola', 9700, 9950],
      ['Summa nettokostnad', 14720, 15400],
    ]);
  });

  test('only totals are bold with a rule; activity rows of the net-cost table are plain', async () => {
    const wb = new MemoryWorkbook([{ name: 'Drift', values: driftWithGroups }]);
    await runReport(wb, settings());
    const out = wb.sheet('Avvikelsetabeller')!.output!;
    const forskola = out.cells.filter((c) => c.col === 0 && c.value === 'Förskola');
    expect(forskola).toHaveLength(2);
    for (const c of forskola) expect(c.style?.bold).toBeFalsy();
    expect(cellAt(out, 'Summa nettokostnad').style).toMatchObject({ bold: true, borderTop: 'thin' });
    expect(cellAt(out, 'Årets resultat (nettokostnad)').style).toMatchObject({ bold: true, borderTop: 'thin' });
  });

  test('a derived period budget is stated under the table', async () => {
    const values: RawValue[][] = [
      ['Kategori', 'Typ', 'Budget helår', 'Prognos helår', 'Utfall jan–aug'],
      ['Personal', 'Kostnad', 1200000, 1210000, 790000],
    ];
    const wb = new MemoryWorkbook([{ name: 'Drift', values }]);
    const result = await runReport(wb, settings());
    expect(result.model.tables[0].notes).toEqual(['Avrundningsdifferenser kan förekomma.', 'Periodens budget är beräknad som årsbudget × 8/12.']);
  });

  test('investment items are indented under their group; a period budget is derived as for drift (helår × 8/12), unless the sheet turns it off', async () => {
    const values: RawValue[][] = [
      ['Grupp', 'Projekt', 'Budget 2026', 'Prognos 2026', 'Avvikelse', 'Utfall jan–aug'],
      ['Reinvestering', 'Tak Norrskolan', -2000000, -2300000, null, -1500000],
      ['Nyinvestering', 'Ny förskola', -40000000, -34000000, null, -20000000],
      ['Nyinvestering', 'Investeringsbidrag', 2000000, 2000000, null, 1000000],
    ];
    const wb = new MemoryWorkbook([{ name: 'Investeringar', values }]);
    const result = await runReport(wb, settings());
    const t = reportJson(result.model).tables[0];
    expect(t.columns).toEqual(['budgetHelar', 'prognosHelar', 'avvikelseHelar', 'budgetPeriod', 'utfallPeriod', 'avvikelsePeriod']);
    // -2 000 tkr helår gives -1 333 tkr jan–aug; the project spent -1 500: 167 tkr worse
    expect(t.rows.find((r) => r.label === 'Tak Norrskolan')?.cells).toMatchObject({ budgetPeriod: -1333, utfallPeriod: -1500, avvikelsePeriod: -167 });
    expect(t.notes).toContain('Periodens budget är beräknad som årsbudget × 8/12.');
    const off = await runReport(new MemoryWorkbook([{ name: 'Investeringar', values }]), settings({ sheets: { Investeringar: { periodBudget: false } } }));
    expect(reportJson(off.model).tables[0].columns).toEqual(['budgetHelar', 'prognosHelar', 'avvikelseHelar', 'utfallPeriod']);
    expect(t.rows.map((r) => [r.label, r.kind, r.level, r.cells.avvikelseHelar ?? null])).toEqual([
      ['Reinvestering', 'group', 0, null],
      ['Tak Norrskolan', 'item', 1, -300],
      ['Summa reinvestering', 'sum', 0, -300],
      ['Nyinvestering', 'group', 0, null],
      ['Ny förskola', 'item', 1, 6000],
      ['Investeringsbidrag', 'item', 1, 0],
      ['Summa nyinvestering', 'sum', 0, 6000],
      ['Summa', 'sum', 0, 5700],
    ]);
    const out = wb.sheet('Avvikelsetabeller')!.output!;
    expect(cellAt(out, 'Tak Norrskolan').style).toMatchObject({ indent: 1, align: 'left' });
    expect(cellAt(out, 'Reinvestering').style).toMatchObject({ indent: 0, bold: true });
    const filled = wb.sheet('Investeringar')!;
    expect(filled.formulas.get('1,4')).toBe('D2-C2');
    expect(filled.values[1][4]).toBe(-300000);
  });

  test('indicator tables carry no money unit', async () => {
    const values: RawValue[][] = [
      ['Indikator', 'Mål', 2024, 2025, 2026],
      ['Sjukfrånvaro, %', '<7,9 %', 8.1, 7.6, 8.4],
      ['Nöjdhet', 'Länssnitt', 78, 80, 81],
    ];
    const wb = new MemoryWorkbook([{ name: 'Indikatorer', values }]);
    const result = await runReport(wb, settings());
    const t = reportJson(result.model).tables[0];
    expect(t.unit).toBeNull();
    expect(t.rows.map((r) => [r.label, r.cells.ar2026, r.texts?.bedomning])).toEqual([
      ['Sjukfrånvaro, %', 8.4, 'Uppnås ej'],
      ['Nöjdhet', 81, 'Ej bedömd'],
    ]);
    const out = wb.sheet('Avvikelsetabeller')!.output!;
    expect(out.cells.some((c) => c.value === 'tkr')).toBe(false);
  });

  test('nothing is written when any cell is bad', async () => {
    const values: RawValue[][] = [
      ['Kategori', 'Typ', 'Budget helår', 'Prognos helår', 'Avvikelse helår'],
      ['Personal', 'Kostnad', 100, '#REF!', null],
    ];
    const wb = new MemoryWorkbook([{ name: 'Drift', values: [...values, ['Lokaler', 'Kostnad', { error: '#DIV/0!' }, 5, null]] }]);
    const result = await runReport(wb, settings());
    expect(result.written).toBe(false);
    expect(result.issues.map((i) => `${i.sheet}!${i.cell}: ${i.message}`)).toEqual(['Drift!D2: "#REF!" är ett felvärde, inget belopp', 'Drift!C3: "#DIV/0!" är ett felvärde, inget belopp']);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Drift']);
    expect(wb.sheet('Drift')!.formulas.size).toBe(0);
  });
});

describe('awkward but common sheet layouts', () => {
  test('`Intäkter` / `Kostnader` headings type the rows below them and are not activities', async () => {
    const values: RawValue[][] = [
      ['Post', 'Budget helår', 'Prognos helår'],
      ['Intäkter', null, null],
      ['Statsbidrag för maxtaxa', 900000, 950000],
      ['Kostnader', null, null],
      ['Skolskjutsar', 400000, 430000],
    ];
    const wb = new MemoryWorkbook([{ name: 'Drift', values }]);
    const result = await runReport(wb, settings());
    expect(result.issues).toEqual([]);
    const tables = reportJson(result.model).tables;
    expect(tables.map((t) => t.title)).toEqual(['Driftredovisning']);
    expect(tables[0].rows.map((r) => [r.label, r.kind, r.cells.avvikelseHelar])).toEqual([
      ['Statsbidrag för maxtaxa', 'revenue', 50],
      ['Skolskjutsar', 'cost', -30],
      ['Verksamhetens kostnader', 'sum', -30],
      ['Årets resultat (nettokostnad)', 'net', 20],
    ]);
  });

  test('a column with no input at all is left out, even when blanks count as 0', async () => {
    const values: RawValue[][] = [
      ['Kategori', 'Typ', 'Budget helår', 'Prognos helår', 'Utfall fg år'],
      ['Personal', 'Kostnad', 1000000, 1100000, null],
    ];
    const wb = new MemoryWorkbook([{ name: 'Drift', values }]);
    const result = await runReport(wb, settings({ blankAsZero: true }));
    expect(reportJson(result.model).tables[0].columns).toEqual(['budgetHelar', 'prognosHelar', 'avvikelseHelar']);
  });

  test('rows without a verksamhet are shown as Övrigt so the activities add up to the sum', async () => {
    const values: RawValue[][] = [
      ['Verksamhet', 'Kategori', 'Typ', 'Budget helår', 'Prognos helår'],
      [null, 'Gemensamt', 'Kostnad', 200000, 250000],
      ['Förskola', 'Personal', 'Kostnad', 1000000, 1000000],
      [null, 'Lokaler', 'Kostnad', 300000, 300000],
    ];
    const wb = new MemoryWorkbook([{ name: 'Drift', values }]);
    const result = await runReport(wb, settings());
    const net = reportJson(result.model).tables[1];
    // a Verksamhet is carried down into the empty cells below it (Lokaler belongs to Förskola)
    expect(net.rows.map((r) => [r.label, r.cells.budgetHelar])).toEqual([['Övrigt', 200], ['Förskola', 1300], ['Summa nettokostnad', 1500]]);
  });

  test('project numbers in investment labels are not read as Kommun-Bas accounts', async () => {
    const values: RawValue[][] = [
      ['Projekt', 'Budget 2026', 'Prognos 2026'],
      ['9001 Ny skola', -5000000, -4000000],
      ['8120 Gång- och cykelväg', -1000000, -1200000],
    ];
    const wb = new MemoryWorkbook([{ name: 'Investeringar', values }]);
    const result = await runReport(wb, settings());
    expect(result.issues).toEqual([]);
    expect(reportJson(result.model).tables[0].rows.map((r) => [r.label, r.cells.avvikelseHelar])).toEqual([
      ['9001 Ny skola', 1000],
      ['8120 Gång- och cykelväg', -200],
      ['Summa', 800],
    ]);
  });
});

describe('the user overrides detection', () => {
  const values: RawValue[][] = [
    ['Post', 'Belopp A', 'Belopp B', 'Belopp C'],
    ['Personal', 1000000, 1100000, null],
  ];

  test('a role mapping makes an unrecognisable sheet readable, and is reported as detected', async () => {
    const wb = new MemoryWorkbook([{ name: 'Eget', values }]);
    const result = await runReport(wb, buildSettings({ sheets: { Eget: { columns: { budgetHelar: 'B', prognosHelar: 'C', avvikelseHelar: 'D' }, headerRow: 1 } } }, undefined, 2026));
    expect(result.issues).toEqual([]);
    expect(result.model.detected).toEqual([
      expect.objectContaining({ sheet: 'Eget', kind: 'drift', headerRow: 1, firstDataRow: 2, dataRows: 1, overridden: true, columns: { label: 'A', budgetHelar: 'B', prognosHelar: 'C', avvikelseHelar: 'D' } }),
    ]);
    expect(reportJson(result.model).tables[0].rows[0].cells).toEqual({ budgetHelar: 1000, prognosHelar: 1100, avvikelseHelar: -100 });
    expect(wb.sheet('Eget')!.formulas.get('1,3')).toBe('B2-C2');
  });

  test('an unknown role or a bad column letter in the mapping is a clear error', () => {
    expect(() => buildSettings({ sheets: { Eget: { columns: { budget: 'B' } } } })).toThrow('konfiguration: Eget columns: "budget" är ingen kolumnroll');
    expect(() => buildSettings({ sheets: { Eget: { columns: { budgetHelar: 'B2' } } } })).toThrow('columns.budgetHelar: "B2" är ingen kolumnbokstav');
  });

  test('each table row knows where it was written, for navigation', async () => {
    const wb = new MemoryWorkbook([{ name: 'Drift', values: driftWithGroups }]);
    const result = await runReport(wb, settings());
    const personal = result.model.tables[0].rows.find((r) => r.label === 'Personal')!;
    expect(result.tableRowRefs.get(personal)).toEqual({ sheet: 'Avvikelsetabeller', address: 'A6:H6' });
  });
});
