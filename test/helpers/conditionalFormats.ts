/**
 * The conditional formats of a written worksheet, read from the package itself and evaluated the way
 * Excel applies them (the rule with the lowest priority number that holds wins), with the formula
 * evaluator of the in-memory workbook. Used to prove that the colours Excel shows are the engine's flags.
 */
import { columnIndex, parseCellAddress } from '../../src/core/address';
import type { RawValue } from '../../src/core/types';
import { cellKey, type SheetData } from '../../src/workbook/port';
import { evaluateFormula, fromRawValue, isTruthy, type Arithmetic, type FormulaValue } from '../../src/workbook/memory/formula';
import { MAIN_NAMESPACES } from '../../src/workbook/xlsx/xml';
import { attr, child, children, parseXml, textOf } from '../../src/workbook/xlsx/xmlTree';

export interface Rule {
  formula: string;
  priority: number;
  /** The fill colour of the rule's differential format (ARGB). */
  fill: string | undefined;
}

export interface Format {
  /** Every area of the range, 0-based and inclusive. */
  areas: { top: number; left: number; bottom: number; right: number }[];
  rules: Rule[];
}

/** The fill colours of the styles part's differential formats, by index. */
export function dxfFills(stylesXml: string): (string | undefined)[] {
  const root = parseXml(stylesXml);
  const dxfs = child(root, MAIN_NAMESPACES, 'dxfs');
  return (dxfs ? children(dxfs, MAIN_NAMESPACES, 'dxf') : []).map((d) => {
    const fill = child(d, MAIN_NAMESPACES, 'fill');
    const pattern = fill && child(fill, MAIN_NAMESPACES, 'patternFill');
    const bg = pattern && child(pattern, MAIN_NAMESPACES, 'bgColor');
    return bg ? attr(bg, 'rgb') : undefined;
  });
}

/** The conditional formats of a worksheet part. */
export function conditionalFormats(sheetXml: string, fills: (string | undefined)[]): Format[] {
  const root = parseXml(sheetXml);
  return children(root, MAIN_NAMESPACES, 'conditionalFormatting').map((cf) => ({
    areas: (attr(cf, 'sqref') ?? '').split(/\s+/).filter(Boolean).map((part) => {
      const [a, b = a] = part.split(':').map((x) => parseCellAddress(x.replace(/\$/g, '')));
      return { top: a.row, left: a.col, bottom: b.row, right: b.col };
    }),
    rules: children(cf, MAIN_NAMESPACES, 'cfRule').map((r) => ({
      formula: textOf(sheetXml, child(r, MAIN_NAMESPACES, 'formula')!),
      priority: Number(attr(r, 'priority')),
      fill: fills[Number(attr(r, 'dxfId'))],
    })),
  }));
}

/** A cell's value for formulas: a formula cell is calculated (in binary, as Excel does), not read from its cache. */
export function liveLookup(sheet: SheetData, mode: Arithmetic = 'denoised'): (row: number, col: number) => FormulaValue {
  const lookup = (row: number, col: number): FormulaValue => {
    const formula = sheet.formulas.get(cellKey(row, col));
    if (formula) return evaluateFormula(formula, lookup, undefined, mode);
    return fromRawValue(sheet.values[row]?.[col] as RawValue);
  };
  return lookup;
}

/** The fill Excel shows on a cell through its conditional formats, or undefined. */
export function fillAt(formats: Format[], lookup: (row: number, col: number) => FormulaValue, row: number, col: number, mode: Arithmetic = 'denoised'): string | undefined {
  const holding: Rule[] = [];
  for (const f of formats) {
    const area = f.areas.find((a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right);
    if (!area) continue;
    const anchor = f.areas[0];
    for (const rule of f.rules) {
      const v = evaluateFormula(rule.formula, lookup, { rows: row - anchor.top, cols: col - anchor.left }, mode);
      if (isTruthy(v)) holding.push(rule);
    }
  }
  holding.sort((a, b) => a.priority - b.priority);
  return holding[0]?.fill;
}

/** `D5` → 0-based column (for test readability). */
export const col = (letters: string): number => columnIndex(letters);
