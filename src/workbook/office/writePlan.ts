/// <reference types="office-js" />
/**
 * A write plan into Excel, in one `Excel.run`: an inspection sync, then the writes in as few syncs as
 * their bytes allow (two syncs for any ordinary plan).
 *
 * Real Excel differs from a snapshot in ways the plan cannot see, so the inspection, right before the
 * write, looks again: the sheets (Excel ignores case in their names, so a user's `kommentarer` is in the
 * way of our `Kommentarer`), the names that mark our sheets, protection, the calculation mode, and the
 * target cells themselves (a co-author or the user may have typed in them since the read). Anything in
 * the way stops the write before anything is written.
 *
 * Each sync commits and nothing is rolled back, so the writes go in an order the next run can take
 * over from: our new sheets and the names that mark them first (in the first write sync), then the
 * avvikelse columns, then our sheets' contents, then their charts. A write that fails part-way says what was written and
 * what was not (`partlyWrittenError`).
 */
import { sheetRef } from '../../core/address';
import { cellsOf } from '../columnWrite';
import { sameName, type WriteOutcome, type WritePlan } from '../port';
import { ExcelHostError, hostError, listed, missingSheetError, partlyWrittenError, protectedSheetError, protectedWorkbookError } from './excelErrors';
import { PartLog } from './partLog';
import { errorCode, isPayloadTooLarge, NUMBER_FORMAT_BYTES_PER_CELL, OPERATION_BYTES, SyncBudget, SYNC_BUDGET_BYTES } from './payload';
import { columnBlocks, inspectCellTarget, targetState, writeCellTarget, type CellTarget } from './writeCells';
import { placeChartsOfPlan } from './chartData';
import { isOwnChart, writeCharts } from './writeCharts';
import { writeOutputSheet } from './writeOutputSheet';

/** How many inspections whose response turned out too large the write retries, with a 4× larger estimate. */
const MAX_INSPECT_RETRIES = 2;

/** What is in the workbook right before the write. */
interface Inspection {
  worksheets: Excel.WorksheetCollection;
  workbookProtection: Excel.WorkbookProtection;
  application: Excel.Application;
  targets: CellTarget[];
  names: { name: string; existing: Excel.NamedItem }[];
}

/**
 * Queues and syncs the inspection of what the plan touches (more than one sync only past the budget).
 * A response too large for the estimate of the number formats is asked again with a 4× larger one.
 */
async function inspectPlan(context: Excel.RequestContext, plan: WritePlan): Promise<Inspection> {
  const workbook = context.workbook;
  for (let attempt = 0, formatBytes = NUMBER_FORMAT_BYTES_PER_CELL; ; attempt++, formatBytes *= 4) {
    try {
      // the charts' names too: a re-run replaces ours (by their prefix) on our sheets and keeps the user's
      const worksheets = workbook.worksheets.load('items/name, items/visibility, items/protection/protected, items/charts/items/name');
      const workbookProtection = workbook.protection.load('protected');
      const application = workbook.application.load('calculationMode');
      const budget = new SyncBudget(context);
      const targets: CellTarget[] = [];
      for (const writes of plan.cellWrites) targets.push(await inspectCellTarget(context, writes, budget, formatBytes));
      const names = Object.keys(plan.names).map((name) => ({ name, existing: workbook.names.getItemOrNullObject(name).load('name, formula') }));
      await budget.sync();
      return { worksheets, workbookProtection, application, targets, names };
    } catch (e) {
      if (errorCode(e) === 'ItemNotFound') await throwMissingSheet(context, plan.cellWrites.map((w) => w.sheet));
      if (!isPayloadTooLarge(e) || attempt >= MAX_INSPECT_RETRIES) throw e;
    }
  }
}

/** After a batch failed with ItemNotFound: names the sheet of the plan that is gone, if one is. */
async function throwMissingSheet(context: Excel.RequestContext, sheets: string[]): Promise<void> {
  const worksheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const missing = sheets.find((name) => !worksheets.items.some((s) => sameName(s.name, name)));
  if (missing) throw missingSheetError(missing);
}

/** The sheet a name's formula refers to (`='Mina tabeller'!$A$1:$H$9` → `Mina tabeller`), or null. */
export function referredSheet(formula: string): string | null {
  const m = /^=?(?:'((?:[^']|'')+)'|([^!'=]+))!/.exec(formula.trim());
  return m ? (m[1] ?? m[2]).replace(/''/g, "'") : null;
}

/** The sheet our name for an output sheet is to refer to, from the plan's reference. */
const plannedSheet = (plan: WritePlan, name: string) => referredSheet(plan.names[name]) ?? '';

/** The names of the charts on a sheet as the inspection found it (none on a new sheet): ours by their prefix, or the user's. */
function chartsOn(found: Inspection, sheet: string, ours: boolean): string[] {
  const there = found.worksheets.items.find((s) => sameName(s.name, sheet));
  return there ? there.charts.items.map((c) => c.name).filter((name) => isOwnChart(name) === ours) : [];
}

/** A note that the user's charts on one of our sheets were left as they are. */
function keptChartsNote(sheet: string, names: string[]): string {
  const one = names.length === 1;
  const which = one ? `diagrammet ${names[0]} är inte skapat` : `diagrammen ${listed(names)} är inte skapade`;
  return `Fliken ${sheet}: ${which} av Avvikelse och lämnades kvar; Avvikelse ritar bara om sina egna diagram (Avvikelsediagram …). Flytta ${one ? 'det' : 'dem'} till en egen flik om ${one ? 'det' : 'de'} skymmer tabellerna.`;
}

/** Refuses, before anything is written, what is in the way now: a missing, protected or foreign sheet, a foreign name, changed cells. */
function checkInspection(plan: WritePlan, found: Inspection): string[] {
  const sheets = found.worksheets.items;
  const find = (name: string) => sheets.find((s) => sameName(s.name, name));
  const ours = new Set(found.names.filter((n) => !n.existing.isNullObject).map((n) => referredSheet(n.existing.formula)));
  for (const w of plan.cellWrites) {
    const sheet = find(w.sheet);
    if (!sheet) throw missingSheetError(w.sheet);
    if (sheet.protection.protected) throw protectedSheetError(sheet.name);
  }
  for (const { name, existing } of found.names) {
    if (existing.isNullObject || existing.name === name || referredSheet(existing.formula) === plannedSheet(plan, name)) continue;
    throw new ExcelHostError(
      `Namnet ${existing.name} finns redan i arbetsboken och pekar på ${existing.formula.replace(/^=/, '')}; Excel skiljer inte på stora och små bokstäver, så Avvikelse kan inte använda sitt namn ${name}. Byt namn på ditt namn (Formler → Namnhanteraren), så skrivs inget över. Ingenting skrevs.`,
      undefined,
      'ItemAlreadyExists',
    );
  }
  const added: string[] = [];
  for (const out of plan.sheets) {
    const sheet = find(out.name);
    if (!sheet) {
      if (found.workbookProtection.protected) throw protectedWorkbookError(out.name);
      added.push(out.name);
      continue;
    }
    if (!ours.has(sheet.name)) {
      const clash = sheet.name === out.name ? '' : ` (Excel skiljer inte på stora och små bokstäver, så den krockar med ${out.name})`;
      throw new ExcelHostError(`Fliken ${sheet.name} finns redan men är inte skapad av Avvikelse${clash}; byt namn på den så skrivs inget över. Ingenting skrevs.`, sheet.name, 'ItemAlreadyExists');
    }
    if (sheet.protection.protected) throw protectedSheetError(sheet.name);
  }
  const changed = found.targets.map((t) => ({ sheet: t.writes.sheet, cells: targetState(t).changed })).filter((c) => c.cells.length);
  if (changed.length) {
    const where = changed.map((c) => `${sheetRef(c.sheet)}!${c.cells.slice(0, 3).join(', ')}${c.cells.length > 3 ? ' …' : ''}`).join('; ');
    throw new ExcelHostError(`Arbetsboken har ändrats sedan den lästes: ${where} är inte längre tomma. Ingenting skrevs; kör Avvikelse igen så läses de nya värdena.`, changed[0].sheet, 'Conflict');
  }
  return added;
}

/** The cells of one target formatted as text, said as a note. */
function textNote(target: CellTarget, text: string[]): string {
  const cells = text.length > 3 ? `${text[0]}–${text[text.length - 1]}` : listed(text);
  return `Fliken ${target.writes.sheet}: ${cells} var formaterade som text (@); Avvikelse gav ${text.length === 1 ? 'cellen' : 'dem'} talformat, annars hade Excel sparat formlerna som text.`;
}

export const MANUAL_NOTE = 'Excel räknar om manuellt i den här arbetsboken: Avvikelse räknade om cellerna den skrev; övriga formler räknas om när du trycker F9.';

/**
 * The plan with its columns as cells: Excel takes them in blocks of `formulas` (writeCells.ts), and a
 * workbook open in Excel is not a million rows, so the blocks are made as before, from cells.
 */
function withCells(plan: WritePlan): WritePlan {
  return { ...plan, cellWrites: plan.cellWrites.map((w) => ({ sheet: w.sheet, cells: cellsOf(w), conditionalFormats: w.conditionalFormats })) };
}

/** Writes the plan; returns notes on what the write had to adapt to. */
export async function writePlan(context: Excel.RequestContext, written: WritePlan): Promise<WriteOutcome> {
  const { plan, charts } = placeChartsOfPlan(withCells(written));
  const found = await inspectPlan(context, plan);
  const added = checkInspection(plan, found);
  const notes: string[] = [];
  for (const target of found.targets) {
    const text = targetState(target).text;
    if (text.length) notes.push(textNote(target, text));
  }
  for (const out of plan.sheets) {
    const kept = chartsOn(found, out.name, false);
    if (kept.length) notes.push(keptChartsNote(out.name, kept));
  }
  // in manual calculation (or automatic except tables, where our cells may be in one) Excel would leave what we write uncalculated
  const mode = found.application.calculationMode;
  const manual = mode === 'Manual' || mode === 'AutomaticExceptTables';

  const workbook = context.workbook;
  const marking = added.length ? `${added.length === 1 ? 'fliken' : 'flikarna'} ${listed(added)} (tom${added.length === 1 ? '' : 'ma'}) och namnen som märker Avvikelses flikar` : 'namnen som märker Avvikelses flikar';
  const targetPart = (sheet: string) => `avvikelsekolumnerna i fliken ${sheet}`;
  const outPart = (sheet: string) => `fliken ${sheet}`;
  const chartPart = (sheet: string) => `diagrammen i fliken ${sheet}`;
  const calcPart = 'omräkningen av de skrivna cellerna';
  // charts (new ones, or ours of an earlier run to take away) go after every sheet's cells, so that a chart
  // Excel refuses cannot keep a sheet from being written
  const charted = plan.sheets.map((out) => ({ out, placed: charts.get(out.name) ?? [], before: chartsOn(found, out.name, true) })).filter((c) => c.placed.length || c.before.length);
  const marks = added.length > 0 || found.names.length > 0;
  const planned = [...(marks ? [marking] : []), ...found.targets.map((t) => targetPart(t.writes.sheet)), ...plan.sheets.map((s) => outPart(s.name)), ...charted.map((c) => chartPart(c.out.name)), ...(manual ? [calcPart] : [])];
  const suspend = () => workbook.application.suspendApiCalculationUntilNextSync();
  const budget = new SyncBudget(context, suspend, SYNC_BUDGET_BYTES, new PartLog(planned));
  try {
    suspend();
    // 1. Our new sheets and the names that mark our sheets, first: a run stopped after this is taken over by the next.
    if (marks) {
      await budget.add({
        bytes: (added.length + 2 * found.names.length) * OPERATION_BYTES,
        part: marking,
        queue: () => {
          for (const name of added) workbook.worksheets.add(name);
          for (const { name, existing } of found.names) {
            if (!existing.isNullObject) existing.delete();
            workbook.names.add(name, `=${plan.names[name]}`);
          }
        },
      });
      budget.log.close(marking);
    }
    // 2. The avvikelse columns, then our sheets' contents, with calculation suspended batch by batch.
    for (const target of found.targets) {
      await writeCellTarget(context, target, budget, targetPart(target.writes.sheet));
      budget.log.close(targetPart(target.writes.sheet));
    }
    for (const out of plan.sheets) {
      await writeOutputSheet(context, out, !added.includes(out.name), budget, outPart(out.name));
      budget.log.close(outPart(out.name));
    }
    for (const { out, placed, before } of charted) {
      await writeCharts(context, out.name, placed, before, budget, chartPart(out.name));
      budget.log.close(chartPart(out.name));
    }
    // 3. In manual calculation, what we wrote is calculated (Range.calculate), nothing else.
    if (manual) {
      for (const target of found.targets) {
        for (const block of columnBlocks(target.writes.cells)) {
          const range = () => workbook.worksheets.getItem(target.writes.sheet).getRangeByIndexes(block.top, block.col, block.cells.length, 1);
          await budget.add({ bytes: OPERATION_BYTES, part: calcPart, queue: () => range().calculate() });
        }
      }
      budget.log.close(calcPart);
      if (mode === 'Manual') notes.push(MANUAL_NOTE);
    }
    await budget.sync();
  } catch (e) {
    const touched = [...plan.cellWrites.map((w) => w.sheet), ...plan.sheets.map((s) => s.name)];
    throw partlyWrittenError(hostError(e, 'skriva avvikelserna', touched), budget.log.report());
  }
  return { notes };
}
