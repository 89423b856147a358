/** The section Åtgärder för en budget i balans as a table text for the Word document (after the tables). */
import { displayAmount } from '../core/money';
import { cellText } from '../core/source';
import type Decimal from 'decimal.js';
import { ACTIONS_TITLE, EFFECT_COL, SUM_LABEL, type ActionsSection } from '../report/actions';
import { figureText, type RowText, type TableText } from './tableText';

const tkr = (d: Decimal) => figureText(displayAmount(d.times(1000), 'tkr'), 0);
const row = (label: string, cells: string[], bold = false, ruleAbove = false): RowText => ({ label, indent: 0, bold, ruleAbove, cells });

/** The sentence that states the deficit: `Prognosen för Årets resultat (nettokostnad) visar ett underskott på 2 100 tkr.` */
export function deficitSentences(section: ActionsSection): string[] {
  return section.deficits.map((d) => `Prognosen för ${d.label} (${d.sheet}) visar ett underskott mot budget på ${tkr(d.amountKr.div(1000))} tkr.`);
}

export function actionsText(section: ActionsSection): TableText {
  const rows = section.rows.map((a) => row(cellText(a.cells[1]), [cellText(a.cells[2]), a.effectTkr ? tkr(a.effectTkr) : cellText(a.cells[EFFECT_COL]), cellText(a.cells[4])]));
  const gap = section.deficitTkr.minus(section.effectTkr);
  rows.push(row(SUM_LABEL, ['', tkr(section.effectTkr), ''], true, true));
  rows.push(row('Underskott att täcka', ['', tkr(section.deficitTkr), ''], true));
  rows.push(row(gap.isNegative() ? 'Åtgärderna överstiger underskottet med' : 'Kvar att åtgärda', ['', tkr(gap.abs()), ''], true));
  return {
    title: ACTIONS_TITLE,
    unitLine: 'tkr',
    groups: null,
    columnTitles: ['Åtgärd', 'Ansvarig', 'Beräknad effekt', 'Beslutad (ja/nej)'],
    align: ['left', 'right', 'center'],
    figure: [false, true, false],
    rows,
    notes: section.rows.length === 0 ? ['Inga åtgärder är ännu ifyllda på fliken Kommentarer.'] : [],
  };
}
