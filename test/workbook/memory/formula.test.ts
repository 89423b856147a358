/**
 * The in-memory workbook's formula evaluator (the demo's live preview), and the live recalculation and
 * flags of a MemoryWorkbook after a report run on the demo's sample workbook.
 */
import { cellAddress, parseCellAddress } from '../../../src/core/address';
import type { RawValue } from '../../../src/core/types';
import { sampleSettings, sampleSheets } from '../../../src/demo/sampleWorkbook';
import { Dec } from '../../../src/core/decimal';
import { FLAG_COLORS, flagRules } from '../../../src/report/flagFormula';
import { runReport } from '../../../src/report/run';
import { buildSettings } from '../../../src/report/settings';
import { evaluate, evaluateFormula, isTruthy, parseFormula, type FormulaValue } from '../../../src/workbook/memory/formula';
import { MemoryWorkbook } from '../../../src/workbook/memory/memoryWorkbook';
import { cellKey } from '../../../src/workbook/port';
import { shiftFormula } from '../../../src/workbook/xlsx/sheetReader';

/** A formula's value on a sheet given as `{ A1: value }`; cells not given are blank. */
function calc(formula: string, cells: Record<string, FormulaValue> = {}, offset?: { rows: number; cols: number }): FormulaValue {
  const byKey = new Map(Object.entries(cells).map(([a, v]) => [cellKey(parseCellAddress(a).row, parseCellAddress(a).col), v]));
  return evaluateFormula(formula, (r, c) => byKey.get(cellKey(r, c)) ?? null, offset);
}

const DIV0 = { error: '#DIV/0!' };
const VALUE = { error: '#VALUE!' };
const NAME = { error: '#NAME?' };

describe('the formula evaluator', () => {
  test('literals: numbers, strings (with "" for a quote), TRUE and FALSE; a leading = is allowed', () => {
    expect(calc('1.5')).toBe(1.5);
    expect(calc('=1E3')).toBe(1000);
    expect(calc('.5')).toBe(0.5);
    expect(calc('"a""b"')).toBe('a"b');
    expect(calc('""')).toBe('');
    expect([calc('TRUE'), calc('false')]).toEqual([true, false]);
  });

  test('references: relative and absolute, moved by an offset, blank as 0 in a result', () => {
    const cells = { A1: 1, B2: 20, C3: 300, AA10: 7 };
    expect(calc('A1+B2+C3', cells)).toBe(321);
    expect(calc('aa10', cells)).toBe(7);
    expect(calc('D4', cells)).toBe(0); // a formula pointing at a blank cell shows 0
    expect(calc('A1', cells, { rows: 1, cols: 1 })).toBe(20);
    expect(calc('$A$1+A1', cells, { rows: 2, cols: 2 })).toBe(301);
    expect(calc('$A1', cells, { rows: 1, cols: 1 })).toBe(0); // A2
    expect(calc('A$1', cells, { rows: 1, cols: 1 })).toBe(0); // B1
    expect(calc('A1', cells, { rows: -1, cols: 0 })).toEqual({ error: '#REF!' });
  });

  test('+ - * / and unary minus, with Excel precedence and left to right', () => {
    expect(calc('2+3*4')).toBe(14);
    expect(calc('(2+3)*4')).toBe(20);
    expect(calc('10/4')).toBe(2.5);
    expect(calc('1-2-3')).toBe(-4);
    expect(calc('12/2/3')).toBe(2);
    expect(calc('-3+5')).toBe(2);
    expect(calc('--3')).toBe(3);
    expect(calc('+3')).toBe(3);
    expect(calc('2*-3')).toBe(-6);
    expect(calc('-A1')).toBe(0);
    expect(Object.is(calc('-0'), 0)).toBe(true);
    expect(calc(' 1 +  2 ')).toBe(3);
  });

  test('arithmetic: blank is 0, TRUE is 1, numeric text its number, other text #VALUE!, results to 15 digits', () => {
    expect(calc('A1+1')).toBe(1);
    expect(calc('A1*5')).toBe(0);
    expect(calc('TRUE+1')).toBe(2);
    expect(calc('A1+1', { A1: '12' })).toBe(13);
    expect(calc('A1+1', { A1: 'ca 300' })).toEqual(VALUE);
    expect(calc('A1+1', { A1: '' })).toEqual(VALUE);
    expect(calc('0.1+0.2')).toBe(0.3);
    expect(calc('B1-A1', { A1: 9467719.07, B1: 9727492.73 })).toBe(259773.66);
    expect(calc('A1-B1', { A1: 65599208.85, B1: 65600000 })).toBe(-791.15);
    expect(calc('A1*3', { A1: 0.1 })).toBe(0.3);
    expect(calc('1/3')).toBe(0.333333333333333);
    expect(calc('1E300*1E300')).toEqual({ error: '#NUM!' });
  });

  test('comparisons: = <> < <= > >=, blanks, texts without case, numbers < texts < logical values', () => {
    expect([calc('1=1'), calc('1<>1'), calc('1<2'), calc('2<=2'), calc('3>2'), calc('2>=3')]).toEqual([true, false, true, true, true, false]);
    expect(calc('A1=0')).toBe(true);
    expect(calc('A1=""')).toBe(true);
    expect(calc('A1=FALSE')).toBe(true);
    expect(calc('A1=B1')).toBe(true);
    expect(calc('A1<0', { A1: -5 })).toBe(true);
    expect(calc('"a"="A"')).toBe(true);
    expect(calc('"b">"a"')).toBe(true);
    expect(calc('1<"a"')).toBe(true);
    expect(calc('"z"<TRUE')).toBe(true);
    expect(calc('1+1=2')).toBe(true); // arithmetic binds tighter
    expect(calc('1<2<3')).toBe(false); // (1<2)<3: TRUE < 3 is false, as in Excel
  });

  test('errors propagate through operators and functions; ISNUMBER of an error is FALSE', () => {
    expect(calc('1/0')).toEqual(DIV0);
    expect(calc('A1/B1', { A1: 1 })).toEqual(DIV0);
    expect(calc('A1+1', { A1: { error: '#N/A' } })).toEqual({ error: '#N/A' });
    expect(calc('1/0+"x"')).toEqual(DIV0); // the left operand's error first
    expect(calc('1/0=1')).toEqual(DIV0);
    expect(calc('ABS(1/0)')).toEqual(DIV0);
    expect(calc('ISNUMBER(1/0)')).toBe(false);
    expect(calc('IF(1/0,1,2)')).toEqual(DIV0);
  });

  test('AND and OR evaluate every argument (as Excel does), skipping blanks and texts', () => {
    expect([calc('AND(TRUE,1)'), calc('AND(TRUE,0)'), calc('AND(1<2,2<3,3<4)')]).toEqual([true, false, true]);
    expect([calc('OR(FALSE,0)'), calc('OR(FALSE,2)'), calc('OR(1>2,2>1)')]).toEqual([false, true, true]);
    expect(calc('AND(TRUE,A1)')).toBe(true);
    expect(calc('OR(FALSE,A1)', { A1: 'text' })).toBe(false);
    expect(calc('AND(A1)')).toEqual(VALUE);
    expect(calc('AND(FALSE,1/0)')).toEqual(DIV0);
    expect(calc('OR(TRUE,1/0)')).toEqual(DIV0);
  });

  test('IF takes only its branch; ABS; ISNUMBER', () => {
    expect(calc('IF(1>0,"ja","nej")')).toBe('ja');
    expect(calc('IF(0,"ja","nej")')).toBe('nej');
    expect(calc('IF(A1,1,2)')).toBe(2);
    expect(calc('IF(FALSE,1)')).toBe(false);
    expect(calc('IF(TRUE,1,1/0)')).toBe(1);
    expect(calc('IF(FALSE,1/0,2)')).toBe(2);
    expect(calc('IF("x",1,2)')).toEqual(VALUE);
    expect([calc('ABS(-2.5)'), calc('ABS(3)'), calc('ABS(A1)')]).toEqual([2.5, 3, 0]);
    expect(calc('ABS("x")')).toEqual(VALUE);
    expect(calc('ABS(1,2)')).toEqual(VALUE);
    expect([calc('ISNUMBER(1)'), calc('ISNUMBER(A1)'), calc('ISNUMBER("1")'), calc('ISNUMBER(TRUE)')]).toEqual([true, false, false, false]);
  });

  test('an unknown function, a name, another sheet or unreadable text gives #NAME?, never a throw', () => {
    for (const f of ['SUM(A1:A3)', 'SUM(A1)', 'LOG10(100)', 'Budget*2', 'Blad2!A1', "'Drift 2026'!A1", '1+', '(1', '1)', ')(', '', '1 2', 'A1&B1', '2^3', '10%', '#REF!', 'ABCD1']) {
      expect(calc(f)).toEqual(NAME);
    }
    expect(parseFormula('SUM(A1)')).not.toBeNull(); // readable, only the function is unknown
    expect(parseFormula('1+')).toBeNull();
    expect(calc('IF(TRUE,1,NOPE())')).toBe(1);
    expect(calc('NOPE()+1')).toEqual(NAME);
    expect(calc(`${'('.repeat(50_000)}1${')'.repeat(50_000)}`)).toEqual(NAME);
  });

  test('our avvikelse formulas: D4-C4, C5*8/12-G5, IF(C5=0,"",E5/ABS(C5))', () => {
    expect(calc('D4-C4', { C4: 98400784.34, D4: 99849555.01 })).toBe(1448770.67);
    expect(calc('C5*8/12-G5', { C5: 1200000, G5: 750000.5 })).toBe(49999.5);
    expect(calc('C5*8/12-G5', { G5: 10 })).toBe(-10);
    const pct = 'IF(C5=0,"",E5/ABS(C5))';
    expect(calc(pct, { C5: -200, E5: 50 })).toBe(0.25);
    expect(calc(pct, { C5: 0, E5: 50 })).toBe('');
    expect(calc(pct, { E5: 50 })).toBe('');
    expect(calc(pct, { C5: 'x', E5: 50 })).toEqual(VALUE);
  });

  describe('our flag rule shape', () => {
    // the rules exactly as flagFormula.ts writes them (comment level: 1 000 tkr or 10 %, cells in kronor)
    const commentOnly = { comment: { amountTkr: new Dec(1000), percent: new Dec(10) }, observe: {} };
    const [negative, positive] = flagRules('E4', 'C4', commentOnly, new Dec(1000)).map((r) => r.formula);
    const flags = (rule: string, cells: Record<string, FormulaValue>) => isTruthy(calc(rule, cells));

    test('the amount threshold, at the boundary, with the sign', () => {
      const C4 = 100_000_000; // 1 % per million: the percent test stays false
      expect(flags(negative, { C4, E4: -1_000_000 })).toBe(true);
      expect(flags(negative, { C4, E4: -999_999.99 })).toBe(false);
      expect(flags(negative, { C4, E4: 1_000_000 })).toBe(false);
      expect(flags(positive, { C4, E4: 1_000_000 })).toBe(true);
      expect(flags(positive, { C4, E4: 999_999.99 })).toBe(false);
      // a deviation of exactly 1 000 000 kr computed from amounts with öre is not lost to float error
      expect(flags(positive, { C4, E4: calc('B4-A4', { A4: 65599208.85, B4: 66599208.85 }) })).toBe(true);
    });

    test('the percent threshold, at the boundary', () => {
      expect(flags(negative, { C4: 1000, E4: -100 })).toBe(true);
      expect(flags(negative, { C4: -1000, E4: -100 })).toBe(true);
      expect(flags(negative, { C4: 1000, E4: -99.99 })).toBe(false);
      expect(flags(positive, { C4: 1000, E4: 100 })).toBe(true);
      expect(flags(positive, { C4: 1000, E4: 99.99 })).toBe(false);
    });

    test('no flag on a blank, a text or an error in the deviation cell', () => {
      expect(flags(negative, { C4: 1000 })).toBe(false);
      expect(flags(negative, { C4: 1000, E4: '' })).toBe(false);
      expect(flags(negative, { C4: 1000, E4: { error: '#VALUE!' } })).toBe(false);
    });

    test('a zero budget: the amount test still flags, as in the engine (the rule never divides)', () => {
      expect(flags(negative, { C4: 0, E4: -2_000_000 })).toBe(true);
      expect(flags(negative, { C4: 0, E4: -500 })).toBe(false);
      // the division-based form this replaced: Excel's AND evaluates every argument, so it was #DIV/0!
      expect(calc('AND(ISNUMBER(E4),E4<0,OR(ABS(E4)>=1000000,AND(C4<>0,ABS(E4)/ABS(C4)*100>=10)))', { C4: 0, E4: -2_000_000 })).toEqual(DIV0);
    });

    test('evaluated at an offset, a rule reads what shiftFormula would make of it', () => {
      const cells: Record<string, FormulaValue> = { C4: 1000, E4: -10, C5: 1000, E5: -100, C6: 0, E6: -2_000_000, C7: 100_000_000, E7: -1_000_000 };
      const expr = parseFormula(negative);
      if (!expr) throw new Error('unreadable rule');
      for (let dRow = 0; dRow < 4; dRow++) {
        const shifted = calc(shiftFormula(negative, dRow, 0), cells);
        expect(calc(negative, cells, { rows: dRow, cols: 0 })).toEqual(shifted);
      }
      expect([0, 1, 2, 3].map((rows) => isTruthy(evaluate(expr, (r, c) => cells[cellAddress(r, c)] ?? null, { rows, cols: 0 })))).toEqual([false, true, true, true]);
    });
  });
});

describe('a MemoryWorkbook after a report run: live formulas and flags', () => {
  async function reported(): Promise<MemoryWorkbook> {
    const wb = new MemoryWorkbook(sampleSheets());
    await runReport(wb, buildSettings(sampleSettings(), undefined, 2026));
    return wb;
  }
  const at = (wb: MemoryWorkbook, sheet: string, address: string): RawValue => {
    const { row, col } = parseCellAddress(address);
    return wb.sheet(sheet)?.values[row]?.[col];
  };
  const flagOf = (wb: MemoryWorkbook, sheet: string, address: string) => {
    const { row, col } = parseCellAddress(address);
    return wb.flagAt(sheet, row, col);
  };

  test('flagAt gives the colours of the first matching rule, as the report flagged the rows', async () => {
    const wb = await reported();
    // Förskola, Personal: jan–aug -1 120 164 kr (1,7 %) and helår -1 448 771 kr: kommentera, negative
    expect(wb.sheet('Drift')?.formulas.get(cellKey(5, 8))).toBe('G6-H6');
    expect(flagOf(wb, 'Drift', 'I6')).toEqual(FLAG_COLORS.comment.negative);
    expect(flagOf(wb, 'Drift', 'F6')).toEqual(FLAG_COLORS.comment.negative);
    expect(flagOf(wb, 'Drift', 'F11')).toEqual(FLAG_COLORS.observe.negative);
    expect(flagOf(wb, 'Drift', 'F10')).toEqual(FLAG_COLORS.observe.positive);
    expect(flagOf(wb, 'Drift', 'F18')).toEqual(FLAG_COLORS.comment.positive);
    expect(flagOf(wb, 'Drift', 'I18')).toEqual(FLAG_COLORS.observe.positive);
    expect(flagOf(wb, 'Drift', 'I7')).toBeUndefined(); // 25 661 kr: no flag
    expect(flagOf(wb, 'Drift', 'H6')).toBeUndefined(); // outside every conditional format
    expect(flagOf(wb, 'Drift', 'I20')).toBeUndefined(); // below the range
    expect(wb.flagAt('Saknas', 5, 8)).toBeUndefined();
    // the tables sheet's flags, on its displayed tkr: Ny förskola Solrosen, +5 850 tkr
    const tables = wb.sheet('Avvikelsetabeller');
    const solrosen = tables?.values.findIndex((r) => r[0] === 'Ny förskola Solrosen') ?? -1;
    expect(wb.flagAt('Avvikelsetabeller', solrosen, 3)).toEqual(FLAG_COLORS.comment.positive);
  });

  test('setCell recalculates the avvikelse formulas, and the flags follow: crossing back under and over', async () => {
    const wb = await reported();
    const f6 = at(wb, 'Drift', 'F6');
    // utfall jan–aug so the deviation falls under every threshold
    wb.setCell('Drift', 5, 7, 65_600_000);
    expect(at(wb, 'Drift', 'I6')).toBe(-791.15);
    expect(flagOf(wb, 'Drift', 'I6')).toBeUndefined();
    expect(at(wb, 'Drift', 'F6')).toBe(f6); // the other columns' formulas give the same
    expect(wb.sheet('Drift')?.formulas.get(cellKey(5, 8))).toBe('G6-H6');
    // prognos helår over the bevaka level (500 000 kr), through the address form
    wb.setCell('Drift', 'E7', 18_000_000);
    expect(at(wb, 'Drift', 'F7')).toBe(599874.62);
    expect(flagOf(wb, 'Drift', 'F7')).toEqual(FLAG_COLORS.observe.positive);
    // and over the kommentera level in percent (10 % of the budget)
    wb.setCell('Drift', 'H7', 11_000_000);
    expect(at(wb, 'Drift', 'I7')).toBe(1400584.82);
    expect(flagOf(wb, 'Drift', 'I7')).toEqual(FLAG_COLORS.comment.positive);
    // text in an amount cell: the formula is #VALUE!, which flags nothing
    wb.setCell('Drift', 'H7', 'ca 300');
    expect(at(wb, 'Drift', 'I7')).toEqual(VALUE);
    expect(flagOf(wb, 'Drift', 'I7')).toBeUndefined();
    // a blank counts as 0: the whole budget is the deviation
    wb.setCell('Drift', 'H7', null);
    expect(at(wb, 'Drift', 'I7')).toBe(12400584.82);
  });

  test('typing over a formula replaces it; other sheets are not recalculated', async () => {
    const wb = await reported();
    const investeringar = wb.sheet('Investeringar')?.values.map((r) => [...r]);
    wb.setCell('Drift', 'I6', 5);
    expect(wb.sheet('Drift')?.formulas.has(cellKey(5, 8))).toBe(false);
    expect(at(wb, 'Drift', 'I6')).toBe(5);
    expect(flagOf(wb, 'Drift', 'I6')).toBeUndefined();
    expect(wb.sheet('Investeringar')?.values).toEqual(investeringar);
    expect(() => wb.setCell('Saknas', 0, 0, 1)).toThrow('Fliken Saknas saknas');
  });

  test('formulas are calculated in dependency order; a circular reference ends', () => {
    const formulas = new Map([
      [cellKey(0, 3), 'C1*2'], // D1 needs C1, listed first
      [cellKey(0, 2), 'B1-A1'],
      [cellKey(1, 0), 'B2+1'], // A2 and B2 refer to each other
      [cellKey(1, 1), 'A2+1'],
      [cellKey(2, 0), 'SUM(A1:B1)'],
    ]);
    const wb = new MemoryWorkbook([{ name: 'Blad', values: [[1, 5, 4, 8], [0, 0], [7]], formulas }]);
    wb.setCell('Blad', 'A1', 2);
    expect(wb.sheet('Blad')?.values[0]).toEqual([2, 5, 3, 6]);
    expect(wb.sheet('Blad')?.values[1].every((v) => typeof v === 'number')).toBe(true);
    expect(wb.sheet('Blad')?.values[2][0]).toEqual(NAME);
  });
});
