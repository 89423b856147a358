/** The section Åtgärder för en budget i balans as cells on the Kommentarer sheet, from a given row. */
import { displayAmount } from '../core/money';
import type { CellWrite } from '../workbook/port';
import { ACTION_HEADERS, ACTIONS_TITLE, EFFECT_COL, SUM_LABEL, type ActionsSection } from './actions';
import { AMOUNT_FORMAT } from './layout';

/** Empty rows offered for new measures on every run. */
const PLACEHOLDER_ROWS = 3;
const TKR = { numFmt: AMOUNT_FORMAT.tkr, align: 'right' } as const;

/** A carried cell as it can be written back (the controller's text or figure, unchanged). */
function writable(v: unknown): number | string | null {
  return typeof v === 'number' || typeof v === 'string' ? v : v === null || v === undefined ? null : String(v);
}

/** Whole tkr as shown: rounded half away from zero, never -0. */
const shownTkr = (tkr: ActionsSection['effectTkr']) => displayAmount(tkr.times(1000), 'tkr').toNumber() || 0;

/** The section's cells from row `top`; returns the cells and the first row after it. */
export function layoutActions(section: ActionsSection, top: number): { cells: CellWrite[]; next: number } {
  const cells: CellWrite[] = [];
  let r = top;
  cells.push({ row: r++, col: 0, value: ACTIONS_TITLE, style: { bold: true, size: 12 } });
  const intro = section.deficits.length
    ? 'Prognosen visar ett underskott mot budget. Fyll i åtgärderna nedan; en ny körning behåller det du skrivit och räknar om summan.'
    : 'Prognosen visar inte längre något underskott. Åtgärderna nedan står kvar som de skrevs.';
  cells.push({ row: r++, col: 0, value: intro, style: { italic: true, size: 9 } });
  for (const d of section.deficits) {
    cells.push({ row: r, col: 0, value: 'Underskott', style: { bold: true } }, { row: r, col: 1, value: `${d.sheet}: ${d.label}` });
    cells.push({ row: r++, col: EFFECT_COL, value: shownTkr(d.amountKr.div(1000)), style: TKR });
  }
  r++;
  ACTION_HEADERS.forEach((h, c) => cells.push({ row: r, col: c, value: h, style: { bold: true, borderBottom: 'thin', align: c === EFFECT_COL ? 'right' : 'left' } }));
  r++;
  for (const action of section.rows) {
    action.cells.forEach((v, c) => {
      const value = writable(v);
      if (value !== null && value !== '') cells.push({ row: r, col: c, value, style: c === EFFECT_COL ? TKR : { wrap: c === 1 } });
    });
    r++;
  }
  const labels = [...section.deficits.map((d) => d.label), ...Array<string>(PLACEHOLDER_ROWS).fill('')].slice(0, Math.max(PLACEHOLDER_ROWS, section.deficits.length));
  for (const label of labels) {
    cells.push({ row: r, col: 0, value: label || null }, { row: r, col: EFFECT_COL, value: null, style: TKR });
    r++;
  }
  const gap = section.deficitTkr.minus(section.effectTkr);
  const totals: [string, number, boolean][] = [
    [SUM_LABEL, shownTkr(section.effectTkr), true],
    ['Underskott att täcka', shownTkr(section.deficitTkr), false],
    [gap.isNegative() ? 'Åtgärderna överstiger underskottet med' : 'Kvar att åtgärda', shownTkr(gap.abs()), true],
  ];
  totals.forEach(([label, value, rule], i) => {
    cells.push({ row: r + i, col: 0, value: label, style: { bold: true, ...(rule && i === 0 ? { borderTop: 'thin' } : {}) } });
    cells.push({ row: r + i, col: EFFECT_COL, value, style: { ...TKR, bold: true, ...(rule && i === 0 ? { borderTop: 'thin' } : {}) } });
  });
  return { cells, next: r + totals.length };
}
