/** The fake Excel's worksheet and range proxies, with range formats (see fakeExcel.ts). */
import { sheetRef } from '../../../src/core/address';
import { FakeConditionalFormatCollection } from './fakeConditionalFormats';
import { FakeObject, FakeProtection, type FakeContext } from './fakeContext';
import { boxAddress, cellCount, FakeExcelError, intersects, parseBox, type Box, type CellFormat, type FakeSheet } from './fakeModel';

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const MAX_READ_CELLS = 5_000_000;

export class FakeWorksheet extends FakeObject {
  readonly protection = new FakeProtection(this.ctx, () => this.sheet().protected);
  readonly freezePanes = {
    freezeRows: (count: number) => this.change({ count }, (s) => (s.frozenRows = count)),
    unfreeze: () => this.change(null, (s) => (s.frozenRows = 0)),
  };
  readonly horizontalPageBreaks = {
    add: (range: FakeRange) => this.change(null, (s) => s.pageBreaks.push(range.target().box.top)),
    removePageBreaks: () => this.change(null, (s) => (s.pageBreaks = [])),
  };

  constructor(
    ctx: FakeContext,
    private readonly resolve: () => FakeSheet | null,
    nullable = false,
  ) {
    super(ctx, nullable);
  }

  sheet(): FakeSheet {
    const sheet = this.resolve();
    if (!sheet) throw new FakeExcelError('ItemNotFound', 'The worksheet does not exist.');
    return sheet;
  }
  protected override exists(): boolean {
    return this.resolve() !== null;
  }
  protected current(prop: string): unknown {
    const sheet = this.sheet();
    return prop === 'name' ? sheet.name : prop === 'visibility' ? sheet.visibility : undefined;
  }
  protected override navigation(prop: string): FakeObject | undefined {
    return prop === 'protection' ? this.protection : undefined;
  }
  private change(args: unknown, apply: (sheet: FakeSheet) => void): void {
    this.ctx.operation(args, () => apply(this.sheet()));
  }

  get name(): string {
    return this.loaded('name');
  }
  get visibility(): string {
    return this.loaded('visibility');
  }
  set showGridlines(show: boolean) {
    this.change({ show }, (s) => (s.showGridlines = show));
  }
  activate(): void {
    this.change(null, (s) => (this.ctx.state.activeSheet = s.name));
  }
  getRange(address?: string): FakeRange {
    const box = address ? parseBox(address) : { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };
    return new FakeRange(this.ctx, () => ({ sheet: this.sheet(), box }));
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.sheet(), box: { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 } }));
  }
  /** Like Excel, fixes the used range when it is first resolved. */
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    let used: Target | null | undefined;
    const resolve = () => {
      if (used === undefined) {
        const sheet = this.sheet();
        const box = sheet.usedBox();
        used = box ? { sheet, box } : null;
      }
      return used;
    };
    return new FakeRange(this.ctx, resolve, true);
  }
}

export type Target = { sheet: FakeSheet; box: Box };

export class FakeRange extends FakeObject {
  readonly format = new FakeRangeFormat(this);
  readonly conditionalFormats: FakeConditionalFormatCollection = new FakeConditionalFormatCollection(this.ctx, this);
  readonly worksheet = new FakeWorksheet(this.ctx, () => this.target().sheet);

  constructor(
    ctx: FakeContext,
    private readonly resolve: () => Target | null,
    nullable = false,
  ) {
    super(ctx, nullable);
  }

  target(): Target {
    const target = this.resolve();
    if (!target) throw new FakeExcelError('ItemNotFound', 'The range does not exist.');
    return target;
  }
  protected override exists(): boolean {
    return this.resolve() !== null;
  }
  protected override navigation(prop: string): FakeObject | undefined {
    return prop === 'worksheet' ? this.worksheet : undefined;
  }

  protected current(prop: string): unknown {
    const { sheet, box } = this.target();
    const grid = (cell: (r: number, c: number) => unknown) => {
      if (cellCount(box) > MAX_READ_CELLS) throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `a read of ${cellCount(box)} cells`);
      return Array.from({ length: box.bottom - box.top + 1 }, (_, i) => Array.from({ length: box.right - box.left + 1 }, (_, j) => cell(box.top + i, box.left + j)));
    };
    switch (prop) {
      case 'values':
        return grid((r, c) => sheet.value(r, c));
      case 'formulas':
        return grid((r, c) => sheet.formulas.get(`${r},${c}`) ?? sheet.value(r, c));
      case 'numberFormat':
        return grid((r, c) => sheet.numberFormats.get(`${r},${c}`) ?? 'General');
      case 'address':
        return `${sheetRef(sheet.name)}!${boxAddress(box)}`;
      case 'rowIndex':
        return box.top;
      case 'columnIndex':
        return box.left;
      case 'rowCount':
        return box.bottom - box.top + 1;
      case 'columnCount':
        return box.right - box.left + 1;
    }
    return undefined;
  }

  /** Queues a change of the cells; refused on a protected sheet. */
  change(args: unknown, apply: (target: Target) => void): void {
    this.ctx.operation(args, () => {
      const target = this.target();
      if (target.sheet.protected) throw new FakeExcelError('AccessDenied', `The cell you're trying to change is on a protected sheet (${target.sheet.name}).`);
      apply(target);
    });
  }

  /** Applies to every cell's format (only for ranges of a sensible size). */
  changeCells(args: unknown, apply: (format: CellFormat, r: number, c: number) => void): void {
    this.change(args, ({ sheet, box }) => {
      if (cellCount(box) > 1_000_000) throw new Error('the fake does not format whole sheets');
      for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) apply(sheet.format(r, c), r, c);
    });
  }

  private write2d(prop: string, rows: unknown[][], set: (sheet: FakeSheet, r: number, c: number, v: unknown) => void): void {
    this.change(rows, ({ sheet, box }) => {
      const width = box.right - box.left + 1;
      if (rows.length !== box.bottom - box.top + 1 || rows.some((row) => row.length !== width)) {
        throw new FakeExcelError('InvalidArgument', `The number of rows or columns in the ${prop} array doesn't match the size of the range.`);
      }
      rows.forEach((row, i) => row.forEach((v, j) => set(sheet, box.top + i, box.left + j, v)));
    });
  }

  get values(): unknown[][] {
    return this.loaded('values');
  }
  set values(rows: unknown[][]) {
    this.write2d('values', rows, (sheet, r, c, v) => sheet.input(r, c, v));
  }
  get formulas(): unknown[][] {
    return this.loaded('formulas');
  }
  set formulas(rows: unknown[][]) {
    this.write2d('formulas', rows, (sheet, r, c, v) => sheet.input(r, c, v));
  }
  get numberFormat(): unknown[][] {
    return this.loaded('numberFormat');
  }
  set numberFormat(rows: unknown[][]) {
    this.write2d('numberFormat', rows, (sheet, r, c, v) => v !== null && sheet.numberFormats.set(`${r},${c}`, String(v)));
  }
  get address(): string {
    return this.loaded('address');
  }
  get rowIndex(): number {
    return this.loaded('rowIndex');
  }
  get columnIndex(): number {
    return this.loaded('columnIndex');
  }
  get rowCount(): number {
    return this.loaded('rowCount');
  }
  get columnCount(): number {
    return this.loaded('columnCount');
  }
  set columnHidden(hidden: boolean) {
    this.change({ hidden }, ({ sheet, box }) => {
      for (let c = box.left; c <= box.right; c++) void (hidden ? sheet.hiddenColumns.add(c) : sheet.hiddenColumns.delete(c));
    });
  }

  clear(_applyTo?: string): void {
    this.change(null, ({ sheet, box }) => sheet.clear(box));
  }
  merge(_across?: boolean): void {
    this.change(null, ({ sheet, box }) => sheet.merges.push(boxAddress(box)));
  }
  unmerge(): void {
    this.change(null, ({ sheet, box }) => (sheet.merges = sheet.merges.filter((m) => !intersects(parseBox(m), box))));
  }
  select(): void {
    this.ctx.operation(null, () => {
      const { sheet, box } = this.target();
      this.ctx.state.selection = { sheet: sheet.name, address: boxAddress(box) };
    });
  }
  getEntireColumn(): FakeRange {
    return new FakeRange(this.ctx, () => ({ ...this.target(), box: { ...this.target().box, top: 0, bottom: MAX_ROWS - 1 } }));
  }
  getEntireRow(): FakeRange {
    return new FakeRange(this.ctx, () => ({ ...this.target(), box: { ...this.target().box, left: 0, right: MAX_COLUMNS - 1 } }));
  }
}

function forEach(from: number, to: number, f: (i: number) => void): void {
  for (let i = from; i <= to; i++) f(i);
}

class FakeFont {
  constructor(private readonly range: FakeRange) {}
  set bold(bold: boolean) {
    this.range.changeCells({ bold }, (f) => (f.bold = bold));
  }
  set italic(italic: boolean) {
    this.range.changeCells({ italic }, (f) => (f.italic = italic));
  }
  set size(size: number) {
    this.range.changeCells({ size }, (f) => (f.size = size));
  }
  set color(color: string) {
    this.range.changeCells({ color }, (f) => (f.color = color));
  }
}

class FakeBorder {
  private readonly side: 'borderTop' | 'borderBottom';
  constructor(
    private readonly range: FakeRange,
    private readonly edge: 'EdgeTop' | 'EdgeBottom',
  ) {
    this.side = edge === 'EdgeTop' ? 'borderTop' : 'borderBottom';
  }
  /** An edge is the top (or bottom) row of the range, not every cell's. */
  private onEdge(args: unknown, apply: (f: CellFormat) => void): void {
    this.range.changeCells(args, (f, r) => {
      const { box } = this.range.target();
      if (r === (this.edge === 'EdgeTop' ? box.top : box.bottom)) apply(f);
    });
  }
  set style(style: string) {
    this.onEdge({ style }, (f) => (f[this.side] ??= 'Thin'));
  }
  set weight(weight: string) {
    this.onEdge({ weight }, (f) => (f[this.side] = weight));
  }
}

class FakeFill {
  constructor(private readonly range: FakeRange) {}
  set color(color: string) {
    this.range.changeCells({ color }, (f) => (f.fill = color));
  }
}

export class FakeRangeFormat {
  readonly font: FakeFont;
  readonly fill: FakeFill;
  readonly borders: { getItem(edge: 'EdgeTop' | 'EdgeBottom'): FakeBorder };

  constructor(private readonly range: FakeRange) {
    this.font = new FakeFont(range);
    this.fill = new FakeFill(range);
    this.borders = { getItem: (edge) => new FakeBorder(range, edge) };
  }

  set horizontalAlignment(v: string) {
    this.range.changeCells({ v }, (f) => (f.horizontalAlignment = v));
  }
  set verticalAlignment(v: string) {
    this.range.changeCells({ v }, (f) => (f.verticalAlignment = v));
  }
  set indentLevel(v: number) {
    this.range.changeCells({ v }, (f) => (f.indentLevel = v));
  }
  set wrapText(v: boolean) {
    this.range.changeCells({ v }, (f) => (f.wrapText = v));
  }
  set columnWidth(width: number) {
    this.range.change({ width }, ({ sheet, box }) => forEach(box.left, box.right, (c) => sheet.columnWidths.set(c, width)));
  }
  set rowHeight(height: number) {
    this.range.change({ height }, ({ sheet, box }) => forEach(box.top, box.bottom, (r) => sheet.rowHeights.set(r, height)));
  }
  set useStandardWidth(_: boolean) {
    this.range.change(null, ({ sheet, box }) => forEach(box.left, Math.min(box.right, MAX_COLUMNS), (c) => sheet.columnWidths.delete(c)));
  }
  set useStandardHeight(_: boolean) {
    this.range.change(null, ({ sheet, box }) => [...sheet.rowHeights.keys()].forEach((r) => r >= box.top && r <= box.bottom && sheet.rowHeights.delete(r)));
  }
}
