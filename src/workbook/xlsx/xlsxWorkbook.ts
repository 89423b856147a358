/** The port over an .xlsx file through exceljs: the command line's and the fixtures' workbook. */
import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RawValue } from '../../core/types';
import { cellsOf } from '../columnWrite';
import { cellKey, type CellStyle, type ConditionalFormat, type OutputSheet, type SheetData, type WorkbookData, type WorkbookPort, type WritePlan } from '../port';

type Cell = ExcelJS.CellValue;

/** An exceljs value as the engine sees it; formulas report their cached result. */
export function toRaw(v: Cell): { value: RawValue; formula?: string; shared?: boolean } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return { value: v };
  if (typeof v === 'object') {
    if ('error' in v) return { value: { error: String(v.error) } };
    if ('richText' in v) return { value: v.richText.map((t) => t.text).join('') };
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      const value = result === undefined ? null : toRaw(result as Cell).value;
      const formula = 'formula' in v && v.formula ? v.formula : undefined;
      return { value, formula, shared: !formula };
    }
    if ('text' in v) return { value: String((v as ExcelJS.CellHyperlinkValue).text) };
  }
  return { value: String(v) };
}

function readSheet(ws: ExcelJS.Worksheet): SheetData {
  const values: RawValue[][] = [];
  const formulas = new Map<string, string>();
  const rows = ws.getSheetValues();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] as Cell[] | undefined;
    const out: RawValue[] = [];
    if (row) {
      for (let c = 1; c < row.length; c++) {
        const raw = toRaw(row[c]);
        out[c - 1] = raw.value;
        if (raw.formula) formulas.set(cellKey(r - 1, c - 1), raw.formula);
        else if (raw.shared) {
          const f = ws.getCell(r, c).formula;
          if (f) formulas.set(cellKey(r - 1, c - 1), f);
        }
      }
    }
    values[r - 1] = out;
  }
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  return { name: ws.name, values, formulas, hidden: ws.state !== 'visible', protected: !!protection?.sheet };
}

/** The report's typeface: Calibri (metric-compatible Carlito where Calibri is absent). */
export const REPORT_FONT = 'Calibri';

function toExcelStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = { name: REPORT_FONT, size: 10 };
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.size) font.size = s.size;
  if (s.color) font.color = { argb: s.color };
  style.font = font;
  if (s.numFmt) style.numFmt = s.numFmt;
  if (s.align || s.indent || s.wrap || s.valign) {
    style.alignment = { vertical: s.valign ?? (s.wrap ? 'top' : undefined), horizontal: s.align, indent: s.indent || undefined, wrapText: s.wrap || undefined };
  }
  if (s.borderTop || s.borderBottom) {
    style.border = {};
    if (s.borderTop) style.border.top = { style: s.borderTop };
    if (s.borderBottom) style.border.bottom = { style: s.borderBottom };
  }
  if (s.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: s.fill } };
  return style;
}

function addConditionalFormats(ws: ExcelJS.Worksheet, formats: ConditionalFormat[]): void {
  const ranges = new Set(formats.map((f) => f.range));
  const existing = (ws as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
  (ws as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings = existing.filter((cf) => !ranges.has(cf.ref));
  let priority = 1;
  for (const f of formats) {
    ws.addConditionalFormatting({
      ref: f.range,
      rules: f.rules.map((rule) => ({
        type: 'expression',
        priority: priority++,
        formulae: [rule.formula],
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: rule.fill } }, font: { color: { argb: rule.fontColor } } },
      })),
    });
  }
}

function writeOutputSheet(wb: ExcelJS.Workbook, sheet: OutputSheet): void {
  const old = wb.getWorksheet(sheet.name);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(sheet.name, {
    views: [{ showGridLines: false, ...(sheet.frozenRows ? { state: 'frozen' as const, ySplit: sheet.frozenRows } : {}) }],
    properties: { defaultRowHeight: 15 },
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.6, right: 0.6, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 } },
  });
  sheet.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const c of sheet.hiddenColumns ?? []) ws.getColumn(c + 1).hidden = true;
  for (const [r, h] of Object.entries(sheet.rowHeights ?? {})) ws.getRow(Number(r) + 1).height = h;
  for (const c of sheet.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    cell.value = c.formula ? { formula: c.formula, result: c.value ?? undefined } as ExcelJS.CellFormulaValue : c.value ?? null;
    if (c.style) cell.style = toExcelStyle(c.style);
  }
  for (const m of sheet.merges) ws.mergeCells(m);
  for (const r of sheet.pageBreaksBefore ?? []) if (r > 0) ws.getRow(r).addPageBreak();
  addConditionalFormats(ws, sheet.conditionalFormats);
}

export class XlsxWorkbook implements WorkbookPort {
  constructor(readonly workbook: ExcelJS.Workbook) {}

  static async open(path: string): Promise<XlsxWorkbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    return new XlsxWorkbook(wb);
  }

  async read(): Promise<WorkbookData> {
    const names: Record<string, string> = {};
    for (const n of this.workbook.definedNames.model) if (n.ranges.length) names[n.name] = n.ranges[0];
    return { sheets: this.workbook.worksheets.map(readSheet), names };
  }

  async write(plan: WritePlan): Promise<void> {
    for (const w of plan.cellWrites) {
      const ws = this.workbook.getWorksheet(w.sheet);
      if (!ws) throw new Error(`Fliken ${w.sheet} saknas`);
      for (const c of cellsOf(w)) {
        const cell = ws.getCell(c.row + 1, c.col + 1);
        cell.value = c.formula ? ({ formula: c.formula, result: c.value ?? undefined } as ExcelJS.CellFormulaValue) : c.value ?? null;
        if (c.style?.numFmt && (!cell.numFmt || cell.numFmt === 'General')) cell.numFmt = c.style.numFmt;
      }
      addConditionalFormats(ws, w.conditionalFormats);
    }
    for (const s of plan.sheets) writeOutputSheet(this.workbook, s);
    const kept = this.workbook.definedNames.model.filter((n) => !(n.name in plan.names));
    for (const [name, ref] of Object.entries(plan.names)) kept.push({ name, ranges: [ref] });
    this.workbook.definedNames.model = kept;
  }

  async save(path: string): Promise<void> {
    mkdirSync(dirname(path), { recursive: true });
    await this.workbook.xlsx.writeFile(path);
  }
}
