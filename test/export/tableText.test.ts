import fc from 'fast-check';
import { Dec } from '../../src/core/decimal';
import { tableText, THOUSANDS_SPACE } from '../../src/export/tableText';
import { DOMAIN_TEXT, NBSP, domainModel, edgeTable } from './model';

describe('tableText: a standard table as the text it shows', () => {
  const drift = domainModel().tables.find((t) => t.type === 'driftredovisning')!;

  test('title, unit line and the two-level header of the driftredovisning', () => {
    const t = tableText(drift);
    expect(t.title).toBe('Driftredovisning');
    expect(t.unitLine).toBe('tkr');
    expect(t.groups).toEqual([
      { text: 'Helår', span: 3 },
      { text: 'Perioden jan–aug', span: 3 },
      { text: 'Perioden fg år', span: 1 },
    ]);
    expect(t.columnTitles).toEqual([drift.labelHeader, 'Budget', 'Prognos', 'Avvikelse', 'Budget', 'Utfall', 'Avvikelse', 'Utfall']);
    expect(drift.labelHeader).toMatch(/, tkr$/);
    expect(t.align).toEqual(Array(7).fill('right'));
    expect(t.notes).toEqual(['Avrundningsdifferenser kan förekomma.']);
  });

  test('every figure exactly as domain.md prints it, with a non-breaking thousands space', () => {
    const t = tableText(drift);
    expect(THOUSANDS_SPACE).toBe(NBSP);
    expect(t.rows.map((r) => [r.label, r.cells])).toEqual(DOMAIN_TEXT);
    const costs = t.rows.find((r) => r.label === 'Verksamhetens kostnader')!;
    expect(costs.cells.slice(0, 3)).toEqual(['149\u00A0145', '151\u00A0627', '-2\u00A0482']);
    expect(t.rows.find((r) => r.label === 'Årets resultat (nettokostnad)')!.cells[0]).toBe('136\u00A0745');
  });

  test('sum rows and the net result are bold with a rule above; the others are not', () => {
    const t = tableText(drift);
    const emphasised = t.rows.filter((r) => r.bold).map((r) => r.label);
    expect(emphasised).toEqual(['Verksamhetens kostnader', 'Årets resultat (nettokostnad)']);
    expect(t.rows.filter((r) => r.ruleAbove).map((r) => r.label)).toEqual(emphasised);
    expect(t.rows.every((r) => r.indent === 0)).toBe(true);
  });

  test('mnkr with one decimal, percent with one decimal, – for a missing percentage, never -0', () => {
    const t = tableText(edgeTable());
    expect(t.unitLine).toBe('mnkr');
    expect(t.rows.map((r) => [r.label, r.indent, r.bold, r.cells])).toEqual([
      ['Reinvestering', 0, true, ['', '', '', '']],
      ['Skola "Norr" & <fritids>', 1, false, ['-12,3', '-12,3', '0,0', '0,3']],
      ['Tak', 1, false, ['0,0', '0,0', '0,0', '–']],
      ['Summa Reinvestering', 0, true, ['-12,3', '-12,3', '0,0', '0,0']],
    ]);
    expect(t.notes).toEqual(['Positivt tal indikerar en intäkt. Avrundningsdifferenser kan förekomma.']);
  });

  test('property: no cell is ever -0 or -0,0, and every figure is Swedish display text', () => {
    const base = edgeTable();
    const amount = fc.integer({ min: -1e12, max: 1e12 }).chain((kr) => fc.integer({ min: 0, max: 99 }).map((ore) => `${kr}.${String(ore).padStart(2, '0')}`));
    fc.assert(
      fc.property(fc.array(amount, { minLength: 4, maxLength: 4 }), fc.constantFrom<'tkr' | 'mnkr'>('tkr', 'mnkr'), (values, unit) => {
        const table = { ...base, unit, rows: [{ ...base.rows[1], values: Object.fromEntries(base.columns.map((c, i) => [c.id, new Dec(values[i])])) }] };
        for (const cell of tableText(table).rows[0].cells) {
          expect(cell).not.toMatch(/^-0(,0)?$/);
          expect(cell).toMatch(/^-?\d{1,3}(\u00A0\d{3})*(,\d)?$/);
        }
      }),
    );
  });
});
