/** The fake Excel's worksheet and range proxies, with range formats (see fakeExcel.ts). */
import { sheetRef } from '../../../src/core/address';
import { FakeChartCollection } from './fakeCharts';
import { FakeConditionalFormatCollection } from './fakeConditionalFormats';
import { FakeObject, FakeProtection, type FakeContext, type PathInfo } from './fakeContext';
import { FakeRangeFormat } from './fakeFormat';
import { boxAddress, cellCount, cellId, FakeExcelError, intersects, parseBox, shiftRows, type Box, type CellFormat, type FakeSheet } from './fakeModel';

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

export class FakeWorksheet extends FakeObject {
  readonly protection = new FakeProtection(this.ctx, () => this.sheet().protected);
  readonly charts: FakeChartCollection = new FakeChartCollection(this.ctx, () => this.sheet());
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
    return prop === 'protection' ? this.protection : prop === 'charts' ? this.charts : undefined;
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
  /** Deletes the sheet (not the last visible one); a null object takes no calls. */
  delete(): void {
    this.ctx.operation(null, () => {
      const sheet = this.sheet();
      const state = this.ctx.state;
      if (state.sheets.filter((s) => s !== sheet && s.visibility === 'Visible').length === 0) throw new FakeExcelError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      state.sheets.splice(state.sheets.indexOf(sheet), 1);
      if (state.activeSheet === sheet.name) state.activeSheet = state.sheets[0]?.name ?? '';
      if (state.selection?.sheet === sheet.name) state.selection = null;
    }, { name: 'Delete', location: 'Worksheet.delete' });
  }
  /** A hidden sheet cannot be activated. */
  activate(): void {
    this.change(null, (s) => {
      if (s.visibility !== 'Visible') throw new FakeExcelError('InvalidOperation', `The worksheet ${s.name} is hidden and cannot be activated.`);
      this.ctx.state.activeSheet = s.name;
    });
  }
  getRange(address?: string): FakeRange {
    const box = address ? parseBox(address) : { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };
    return new FakeRange(this.ctx, () => ({ sheet: this.sheet(), box }), false, { name: 'getRange', args: address ? [address] : [] });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.sheet(), box: { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 } }), false, { name: 'getRangeByIndexes', args: [row, col, rows, cols] });
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
    readonly path: PathInfo = { name: 'getRange' },
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
    // more cells than Excel reads at once come back as null
    const grid = (cell: (r: number, c: number) => unknown) => {
      if (cellCount(box) > this.ctx.state.maxReadCells) return null;
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
  change(args: unknown, apply: (target: Target) => void, name = ''): void {
    this.ctx.operation(
      args,
      () => {
        const target = this.target();
        if (target.sheet.protected) throw new FakeExcelError('AccessDenied', `The cell you're trying to change is on a protected sheet (${target.sheet.name}).`);
        const fault = this.ctx.state.faultAt?.(`Range.${name || 'change'}`, target.sheet.name);
        if (fault) throw fault;
        apply(target);
      },
      { name, path: this.path, location: `Range.${name || 'change'}` },
    );
  }

  /** Applies to every cell's format (only for ranges of a sensible size). */
  changeCells(args: unknown, apply: (format: CellFormat, r: number, c: number) => void): void {
    this.change(args, ({ sheet, box }) => {
      if (cellCount(box) > 1_000_000) throw new Error('the fake does not format whole sheets');
      for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) apply(sheet.format(r, c), r, c);
    });
  }

  private write2d(prop: string, rows: unknown[][], set: (sheet: FakeSheet, r: number, c: number, v: unknown) => void): void {
    this.change(
      rows,
      ({ sheet, box }) => {
        const width = box.right - box.left + 1;
        if (rows.length !== box.bottom - box.top + 1 || rows.some((row) => row.length !== width)) {
          throw new FakeExcelError('InvalidArgument', `The number of rows or columns in the ${prop} array doesn't match the size of the range.`);
        }
        const before = calculatedColumnsBefore(sheet, box);
        rows.forEach((row, i) => row.forEach((v, j) => set(sheet, box.top + i, box.left + j, v)));
        if (prop !== 'numberFormat') fillCalculatedColumns(sheet, box, before);
      },
      prop,
    );
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

  /** `Range.calculate()`: the formulas in the range, also in manual calculation. */
  calculate(): void {
    this.ctx.operation(null, () => this.ctx.state.recalculate(this.target()), { name: 'Calculate', path: this.path, location: 'Range.calculate' });
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


/** The table columns inside `box` that have no formula yet: writing a formula there makes a calculated column. */
function calculatedColumnsBefore(sheet: FakeSheet, box: Box): { body: Box; col: number }[] {
  const out: { body: Box; col: number }[] = [];
  for (const { body } of sheet.tables) {
    for (let col = Math.max(box.left, body.left); col <= Math.min(box.right, body.right); col++) {
      let formulas = false;
      for (let r = body.top; r <= body.bottom && !formulas; r++) formulas = sheet.formulas.has(cellId(r, col));
      if (!formulas && box.top <= body.bottom && box.bottom >= body.top) out.push({ body, col });
    }
  }
  return out;
}

/**
 * Excel's calculated columns: a formula written into a table column that had none is copied to every
 * row of the column (the first one written, moved row by row), whatever else was written beside it.
 */
function fillCalculatedColumns(sheet: FakeSheet, box: Box, columns: { body: Box; col: number }[]): void {
  for (const { body, col } of columns) {
    let first: { row: number; formula: string } | undefined;
    for (let r = Math.max(box.top, body.top); r <= Math.min(box.bottom, body.bottom) && !first; r++) {
      const formula = sheet.formulas.get(cellId(r, col));
      if (formula) first = { row: r, formula };
    }
    if (!first) continue;
    for (let r = body.top; r <= body.bottom; r++) sheet.input(r, col, shiftRows(first.formula, r - first.row));
  }
}
