/** The section Åtgärder för en budget i balans as cells on the Kommentarer sheet, from a given row. */
import { displayAmount } from '../core/money';
import type { CellWrite } from '../workbook/port';
import { ACTION_HEADERS, ACTIONS_TITLE, EFFECT_COL, SUM_LABEL, type ActionsSection } from './actions';
import { effectSumFormula, GAP_LABEL, gapFormulas, SURPLUS_LABEL } from './actionsFormulas';
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
    ? 'Prognosen visar ett underskott mot budget. Fyll i åtgärderna nedan: summan räknas om när du skriver in en effekt, och en ny körning behåller det du skrivit.'
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
  const first = r - section.rows.length - labels.length;
  cells.push(...totalCells(section, first, r));
  return { cells, next: r + 3 };
}

/** A figure in tkr as written where a formula of ours reads it: unrounded (the format shows whole tkr). */
const exactTkr = (tkr: ActionsSection['effectTkr']) => tkr.toNumber() || 0;

/**
 * Effects the controller entered as text that reads as an amount (`450,2`): counted by the run, but
 * not by a formula in Excel. Then the totals are written as figures, as the run counts them.
 */
const liveTotals = (section: ActionsSection) => section.rows.every((a) => typeof a.cells[EFFECT_COL] !== 'string' || a.effectTkr === undefined);

/**
 * The three totals from row `sum`: the entered effects' sum, the deficit to close, and the gap, as
 * formulas of ours over the measure rows `first`…`sum − 1` (cached with the run's exact figures), so
 * they follow the controller's entries live; else as the run's figures in whole tkr.
 */
function totalCells(section: ActionsSection, first: number, sum: number): CellWrite[] {
  const gap = section.deficitTkr.minus(section.effectTkr);
  const label = gap.isNegative() ? SURPLUS_LABEL : GAP_LABEL;
  const rule = { borderTop: 'thin' } as const;
  const cells: CellWrite[] = [
    { row: sum, col: 0, value: SUM_LABEL, style: { bold: true, ...rule } },
    { row: sum + 1, col: 0, value: 'Underskott att täcka', style: { bold: true } },
  ];
  const figure = { ...TKR, bold: true };
  if (!liveTotals(section)) {
    cells.push({ row: sum, col: EFFECT_COL, value: shownTkr(section.effectTkr), style: { ...figure, ...rule } });
    cells.push({ row: sum + 1, col: EFFECT_COL, value: shownTkr(section.deficitTkr), style: figure });
    cells.push({ row: sum + 2, col: 0, value: label, style: { bold: true } }, { row: sum + 2, col: EFFECT_COL, value: shownTkr(gap.abs()), style: figure });
    return cells;
  }
  const formulas = gapFormulas(sum);
  cells.push({ row: sum, col: EFFECT_COL, formula: effectSumFormula(first, sum - 1), value: exactTkr(section.effectTkr), style: { ...figure, ...rule } });
  cells.push({ row: sum + 1, col: EFFECT_COL, value: exactTkr(section.deficitTkr), style: figure });
  cells.push({ row: sum + 2, col: 0, formula: formulas.label, value: label, style: { bold: true } });
  cells.push({ row: sum + 2, col: EFFECT_COL, formula: formulas.size, value: exactTkr(gap.abs()), style: figure });
  return cells;
}
