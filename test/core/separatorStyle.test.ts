import { amountReader, separatorReading } from '../../src/core/separatorStyle';
import type { InputIssue, RawValue } from '../../src/core/types';

describe('separatorReading: what a text amount says about its marks', () => {
  test.each([
    ['12,399,785.63', 'dot-decimal'],
    ['1,234,567', 'dot-decimal'],
    ['1 234.50', 'dot-decimal'],
    ['21.5', 'dot-decimal'],
    ['1234.567', 'dot-decimal'],
    ['1.234,50', 'comma-decimal'],
    ['1.234.567', 'comma-decimal'],
    ['1 234,50', 'comma-decimal'],
    ['- 6 279,5', 'comma-decimal'],
    ['(1 070,25)', 'comma-decimal'],
    ['21,5', 'comma-decimal'],
    ['0,125', 'comma-decimal'],
    ['21,699', 'ambiguous'],
    ['-1.234 kr', 'ambiguous'],
    ['1 234', 'none'],
    ['1234', 'none'],
    ['ca 300', 'none'],
    ['', 'none'],
  ])('%s → %s', (text, reading) => expect(separatorReading(text)).toBe(reading));
});

/** One column D (index 3) of text amounts from row 2; returns what each cell reads as, and the issues. */
function read(column: RawValue[]): { values: (string | null)[]; issues: InputIssue[] } {
  const grid: RawValue[][] = [['Konto', 'Text', 'x', 'Belopp'], ...column.map((v) => ['5010', 'x', null, v])];
  const issues: InputIssue[] = [];
  const reader = amountReader('Blad', grid, [3], 1, issues);
  const values = column.map((v, i) => {
    const p = reader.parse(v, i + 1, 3);
    return p.kind === 'amount' ? p.value.toString() : p.kind === 'error' ? `fel: ${p.message}` : null;
  });
  return { values, issues };
}

describe('amountReader: one column, one reading', () => {
  test('a column in English style reads 21,699 as 21 699, with one warning naming the column style', () => {
    const { values, issues } = read(['12,399,785.63', '21,699', '305.10', 4500, '1,000']);
    expect(values).toEqual(['12399785.63', '21699', '305.1', '4500', '1000']);
    expect(issues).toEqual([
      { sheet: 'Blad', cell: 'D3', severity: 'warning', message: '2 belopp som "21,699" läses med tusentalskomma, eftersom kolumnen skriver belopp med decimalpunkt och tusentalskomma (som "12,399,785.63" i D2)' },
    ]);
  });

  test('a Swedish column reads 21,699 as 21,699 and 1.234 as 1 234; an English cell in it is read as written, with a warning at its address', () => {
    const { values, issues } = read(['1 234,50', '21,699', '1.234', '2,345.60', '99,5']);
    expect(values).toEqual(['1234.5', '21.699', '1234', '2345.6', '99.5']);
    expect(issues).toEqual([
      {
        sheet: 'Blad',
        cell: 'D5',
        severity: 'warning',
        message: '"2,345.60" är skrivet med decimalpunkt och tusentalskomma, men kolumnen skriver belopp med decimalkomma (som "1 234,50" i D2); det läses som det står, men se över kolumnen',
      },
      { sheet: 'Blad', cell: 'D4', severity: 'warning', message: '"1.234" läses med tusentalspunkt, eftersom kolumnen skriver belopp med decimalkomma (som "1 234,50" i D2)' },
    ]);
  });

  test('a tie leaves every ambiguous cell an error: it cannot be read with certainty', () => {
    const { values } = read(['1 234,50', '2,345.60', '21,699']);
    expect(values[2]).toBe('fel: "21,699" kan läsas på två sätt: kolumnen blandar decimalkomma ("1 234,50" i D2) och decimalpunkt ("2,345.60" i D3); skriv beloppet entydigt');
    expect(values.slice(0, 2)).toEqual(['1234.5', '2345.6']);
  });

  test('without unambiguous text nothing changes: a lone comma is the decimal comma', () => {
    const { values, issues } = read(['21,699', 1200, '3 400']);
    expect(values).toEqual(['21.699', '1200', '3400']);
    expect(issues).toEqual([]);
  });
});
