import { accountNumber, DEFAULT_ACCOUNT_MAP, parseAccountMap, parseActivityMap, ruleFor } from '../../src/core/accountMap';
import { Dec } from '../../src/core/decimal';
import { isLedgerSheet, readLedger } from '../../src/core/ledger';
import { detectHeader } from '../../src/core/roles';
import type { RawValue } from '../../src/core/types';
import { analyzeWorkbook } from '../../src/report/analyze';
import { reportJson } from '../../src/report/json';
import { buildSettings } from '../../src/report/settings';

const book = (name: string, values: RawValue[][]) => ({ sheets: [{ name, values, formulas: new Map<string, string>() }], names: {} });
const settings = (extra = {}) => buildSettings({ months: 8, ...extra }, undefined, 2026);
const HEADER = ['Konto', 'Ansvar', 'Budget 2026', 'Prognos 2026', 'Budget jan–aug', 'Utfall jan–aug'];

/** A small extract in the ledger's own signs: costs positive, revenue negative. */
const extract: RawValue[][] = [
  HEADER,
  [3110, '410 Grundskola', -100000, -120000, -66666.67, -70000.5],
  [3110, '410 Grundskola', -50000, -50000, -33333.33, -31000],
  [5010, '410 Grundskola', 800000, 820000, 533333.33, 560000.25],
  [6110, '410 Grundskola', 120000, 120000, 80000, 80000],
  [4010, '420 Förskola', 30000.1, 31000, 20000, 21000.05],
  [5010, '420 Förskola', 400000, 390000, 266666.67, 255000],
  [7010, '420 Förskola', 10000, 12000, 6666.67, 9000],
  [8410, '420 Förskola', 2000, 2500, 1333.33, 1700.45],
];

describe('account map', () => {
  test('the default follows the Kommun-Bas classes, in the order of the driftredovisning', () => {
    expect(DEFAULT_ACCOUNT_MAP.categories).toEqual([
      { name: 'Verksamhetens intäkter', type: 'revenue' },
      { name: 'Personal', type: 'cost' },
      { name: 'Lokaler', type: 'cost' },
      { name: 'Köp av verksamhet och material', type: 'cost' },
      { name: 'Övrigt', type: 'cost' },
    ]);
    expect(['3110', '4010', '5010', '6110', '7010', '8410', '2440'].map((a) => ruleFor(DEFAULT_ACCOUNT_MAP, a)?.category)).toEqual([
      'Verksamhetens intäkter',
      'Köp av verksamhet och material',
      'Personal',
      'Lokaler',
      'Övrigt',
      undefined,
      undefined,
    ]);
  });

  test('the most specific pattern wins, ranges and lists work, the type follows the class', () => {
    const map = parseAccountMap([
      { konton: '4', kategori: 'Material' },
      { konton: '45, 46', kategori: 'Köp av verksamhet' },
      { konton: '4610-4619', kategori: 'Entreprenad' },
      { konton: '60-63', kategori: 'Lokaler' },
      { konton: '8', kategori: 'Finansiellt', typ: 'Kostnad' },
    ]);
    expect(['4010', '4510', '4620', '4615', '6210', '6410', '8410'].map((a) => ruleFor(map, a)?.category)).toEqual([
      'Material',
      'Köp av verksamhet',
      'Köp av verksamhet',
      'Entreprenad',
      'Lokaler',
      undefined,
      'Finansiellt',
    ]);
    expect(map.categories.every((c) => c.type === 'cost')).toBe(true);
  });

  test('bad rules are Swedish errors naming the rule', () => {
    expect(() => parseAccountMap([{ konton: 'abc', kategori: 'X' }])).toThrow('kontoplan rad 1: "abc" är inget kontointervall');
    expect(() => parseAccountMap([{ konton: '3', kategori: 'X' }, { konton: '63-60', kategori: 'Y' }])).toThrow('kontoplan rad 2: "63-60" – intervallet går baklänges');
    expect(() => parseAccountMap([{ konton: '8', kategori: 'Finansiellt' }])).toThrow('kontoplan rad 1: ange typ');
    expect(() => parseAccountMap([{ konton: '3', kategori: 'X', typ: 'Intäkt' }, { konton: '5', kategori: 'X' }])).toThrow('kategorin "X" är redan intäkt');
    expect(() => parseAccountMap([])).toThrow('kontoplan: är tom');
    expect(() => buildSettings({ kontoplan: [{ konton: '3-', kategori: 'X' }] })).toThrow('kontoplan rad 1');
    expect(() => buildSettings({ verksamheter: { abc: 'X' } })).toThrow('verksamheter "abc"');
  });

  test('account numbers are read from numbers and from text with a name', () => {
    expect([4010, '4010', '4010 Förbrukningsmaterial', '4010-Material', ' 45110 ', 'Material', 40.5, null].map(accountNumber)).toEqual([
      '4010',
      '4010',
      '4010',
      '4010',
      '45110',
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('ledger extracts', () => {
  test('a Konto sheet with recurring accounts is a ledger; a forecast with one row per account is not', () => {
    const header = detectHeader(extract)!;
    expect(isLedgerSheet(extract, header)).toBe(true);
    const perAccount: RawValue[][] = [['Konto', 'Budget', 'Prognos'], ['3010 Taxor', 100, 110], ['5010 Löner', 500, 520]];
    expect(isLedgerSheet(perAccount, detectHeader(perAccount)!)).toBe(false);
  });

  test('aggregates accounts into categories and ansvar into verksamheter, exactly, in the ledger signs', () => {
    const model = analyzeWorkbook(book('Huvudbok', extract), settings());
    expect(model.detected[0]).toMatchObject({ kind: 'huvudbok', dataRows: 8, convention: 'ledger' });
    const json = reportJson(model);
    const drift = json.tables[0];
    expect(drift.title).toBe('Driftredovisning');
    expect(drift.rows.map((r) => [r.label, r.cells.budgetHelar, r.cells.prognosHelar, r.cells.budgetPeriod, r.cells.utfallPeriod])).toEqual([
      ['Verksamhetens intäkter', 150, 170, 100, 101],
      ['Personal', 1200, 1210, 800, 815],
      ['Lokaler', 120, 120, 80, 80],
      ['Köp av verksamhet och material', 30, 31, 20, 21],
      ['Övrigt', 10, 12, 7, 9],
      ['Verksamhetens kostnader', 1360, 1373, 907, 925],
      ['Ej mappade konton', 2, 3, 1, 2],
      ['Årets resultat (nettokostnad)', 1212, 1206, 808, 826],
    ]);
    expect(model.tables[0].labelHeader).toBe('Verksamhet, tkr');
    expect(model.tables[0].notes).toEqual(['Avrundningsdifferenser kan förekomma.', 'Ej mappade konton (konto 8410) saknas i kontoplanen; beloppen ingår i årets resultat.']);
    // the net cost equals the extract's own column total (debet − kredit), unrounded
    const src = model.sources[0];
    const net = model.tables[0].rows.at(-1)!;
    expect(net.values.utfallPeriod!.eq(src.ledger!.totals.utfallPeriod!)).toBe(true);
    expect(src.ledger!.totals.utfallPeriod!.toString()).toBe('825700.25');
    expect(src.ledger!.reconciled).toBe(true);
    const perActivity = json.tables[1];
    expect(perActivity.rows.map((r) => [r.label, r.cells.budgetPeriod, r.cells.utfallPeriod])).toEqual([
      ['410 Grundskola', 513, 539],
      ['420 Förskola', 295, 287],
      ['Summa nettokostnad', 808, 826],
    ]);
  });

  test('an unmapped account is listed with its first cell, never dropped', () => {
    const model = analyzeWorkbook(book('Huvudbok', extract), settings());
    expect(model.issues).toEqual([
      { sheet: 'Huvudbok', cell: 'A9', message: 'konto 8410 (1 rad) finns inte i kontoplanen och redovisas på raden "Ej mappade konton"', severity: 'warning' },
    ]);
    expect(model.sources[0].ledger!.unmapped).toEqual([
      { account: '8410', rows: 1, firstRow: 9, amounts: { budgetHelar: new Dec(2000), prognosHelar: new Dec(2500), budgetPeriod: new Dec('1333.33'), utfallPeriod: new Dec('1700.45') } },
    ]);
    expect(model.notes.join('\n')).toContain('Fliken Huvudbok: huvudboksutdrag med 8 rader, 6 konton och 2 verksamheter; tabellerna stämmer mot underlagets summor');
    expect(model.notes.join('\n')).toContain('1 konto saknas i kontoplanen');
  });

  test('an edited map moves accounts; an activity map names verksamheter and lists unknown codes', () => {
    const s = settings({
      kontoplan: [
        { konton: '3', kategori: 'Intäkter' },
        { konton: '4-7', kategori: 'Kostnader' },
        { konton: '84', kategori: 'Finansiella kostnader', typ: 'Kostnad' },
      ],
      verksamheter: { '41': 'Grundskola' },
    });
    const model = analyzeWorkbook(book('Huvudbok', extract), s);
    const json = reportJson(model);
    expect(json.tables[0].rows.map((r) => [r.label, r.cells.utfallPeriod])).toEqual([
      ['Intäkter', 101],
      ['Kostnader', 925],
      ['Finansiella kostnader', 2],
      ['Verksamhetens kostnader', 927],
      ['Årets resultat (nettokostnad)', 826],
    ]);
    expect(json.tables[1].rows.map((r) => r.label)).toEqual(['Ej mappad verksamhet', 'Grundskola', 'Summa nettokostnad']);
    expect(model.issues.map((i) => i.message)).toEqual(['1 ansvar/verksamheter finns inte i verksamhetskartan och redovisas som "Ej mappad verksamhet": 420 Förskola']);
  });

  test('signed and unsigned extracts give the same tables', () => {
    const flip = (rows: RawValue[][], f: (acct: number, v: number) => number) => [rows[0], ...rows.slice(1).map((r) => [r[0], r[1], ...r.slice(2).map((v) => f(r[0] as number, v as number))])];
    const signed = flip(extract, (_a, v) => -v);
    const unsigned = flip(extract, (_a, v) => Math.abs(v));
    const tables = (values: RawValue[][]) => {
      const m = analyzeWorkbook(book('Huvudbok', values), settings());
      return { convention: m.sources[0].convention, rows: reportJson(m).tables[0].rows.map((r) => r.cells) };
    };
    const base = tables(extract);
    expect(tables(signed)).toEqual({ ...base, convention: 'signed' });
    expect(tables(unsigned)).toEqual({ ...base, convention: 'unsigned' });
  });

  test('bad cells name sheet and cell; sum rows, blank rows and blank cells are handled and said', () => {
    const values: RawValue[][] = [
      ['Huvudboksutdrag 2026'],
      HEADER,
      [5010, 410, 100, 100, 60, '#N/A'],
      [5010, 410, 100, null, 60, 61],
      [],
      ['Material', 410, 5, 5, 3, 3],
      [4010, 410, '1 234,50', '(200)', '−3', 'ca 4'],
      ['Summa', null, 205, 105, 123, 64],
    ];
    const model = analyzeWorkbook(book('Huvud bok', values), settings());
    expect(model.issues.filter((i) => i.severity === 'error').map((i) => `${i.cell}: ${i.message}`)).toEqual([
      'F3: "#N/A" är ett felvärde, inget belopp',
      'A6: "Material" är inget kontonummer',
      'F7: "ca 4" är inget belopp',
    ]);
    const l = model.sources[0].ledger!;
    expect(l.sumRows).toEqual([8]);
    expect(l.blankCells).toBe(1);
    expect(l.totals.budgetHelar!.toString()).toBe('1434.5');
    expect(l.totals.prognosHelar!.toString()).toBe('-100'); // 100 + (200) negative; the row without an account is an error, not summed
  });

  test('amounts in tkr are read as kronor', () => {
    const model = analyzeWorkbook(book('Huvudbok', extract), settings({ inputUnit: 'tkr' }));
    expect(model.sources[0].ledger!.totals.budgetHelar!.toString()).toBe('1212000100');
  });

  test('a derived period budget when the extract has only the annual budget', () => {
    const values: RawValue[][] = [['Konto', 'Ansvar', 'Budget', 'Utfall jan–aug'], [5010, 1, 1200, 700], [5010, 2, 2400, 1700]];
    const src = readLedger('H', values, detectHeader(values)!, settings().defaults, DEFAULT_ACCOUNT_MAP, parseActivityMap({ '1-2': 'Alla' }));
    expect(src.rows).toHaveLength(1);
    expect(src.rows[0].amounts.budgetPeriod!.toString()).toBe('-2400');
    expect(src.derivedPeriodBudget).toBe(true);
  });
});

describe('ledger headers', () => {
  test('`Kto` names the account column; a Verksamhet column beside Ansvar groups the verksamheter', () => {
    const values: RawValue[][] = [
      ['Kto', 'Ansvar', 'Verksamhet', 'Budget', 'Utfall jan–aug'],
      [5010, 4101, 'Grundskola', 1200000, 800000],
      [5010, 4102, 'Grundskola', 600000, 450000],
      [3110, 4201, 'Förskola', -300000, -220000],
    ];
    const model = analyzeWorkbook(book('Utdrag', values), settings());
    expect(model.detected[0]).toMatchObject({ kind: 'huvudbok', columns: { label: 'A' } });
    expect(reportJson(model).tables[1].rows.map((r) => [r.label, r.cells.utfallPeriod])).toEqual([
      ['Förskola', -220],
      ['Grundskola', 1250],
      ['Summa nettokostnad', 1030],
    ]);
  });
});
