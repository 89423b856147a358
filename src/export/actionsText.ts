/** The section Åtgärder för en budget i balans as a table text for the Word document (after the tables). */
import { displayAmount } from '../core/money';
import { cellText } from '../core/source';
import type Decimal from 'decimal.js';
import { actionsSection, ACTIONS_TITLE, EFFECT_COL, SUM_LABEL, type ActionsSection } from '../report/actions';
import { COMMENTS_SHEET, findSheet, isOurSheet } from '../report/ownSheets';
import type { StandardTable } from '../core/types';
import type { WorkbookData } from '../workbook/port';
import { figureText, type RowText, type TableText } from './tableText';

const tkr = (d: Decimal) => figureText(displayAmount(d.times(1000), 'tkr'), 0);
const row = (label: string, cells: string[], bold = false, ruleAbove = false): RowText => ({ label, indent: 0, bold, ruleAbove, cells });

/** The sentence that states the deficit: `Prognosen för Årets resultat (nettokostnad) visar ett underskott på 2 100 tkr.` */
export function deficitSentences(section: ActionsSection): string[] {
  return section.deficits.map((d) => `Prognosen för ${d.label} (${d.sheet}) visar ett underskott mot budget på ${tkr(d.amountKr.div(1000))} tkr.`);
}

/**
 * The section for the Word document, as the controller left it on our Kommentarer sheet: undefined
 * when that sheet is not ours (or not there), since the section is printed once `report` wrote it.
 * The command line's export and the pane's download both take it from here.
 */
export function actionsForExport(tables: readonly StandardTable[], data: WorkbookData): ActionsSection | undefined {
  const found = findSheet(data, COMMENTS_SHEET);
  return found && isOurSheet(data, found.name) ? actionsSection(tables, found) : undefined;
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
