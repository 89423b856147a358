/** The fake Excel's range formats: font, fill, borders, alignment, sizes (see fakeExcel.ts). */
import type { FakeRange } from './fakeRange';
import type { CellFormat } from './fakeModel';

const MAX_COLUMNS = 16_384;

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
