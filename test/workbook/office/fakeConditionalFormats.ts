/** The fake Excel's conditional formats: a range's collection, its items, `custom` and its rule. */
import { FakeCollection, FakeObject, joined, type Capture, type FakeContext } from './fakeContext';
import { FakeExcelError, intersects, type ConditionalFormatModel } from './fakeModel';
import type { FakeRange } from './fakeRange';

export class FakeConditionalFormatCollection extends FakeCollection<FakeConditionalFormat> {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  protected createItems(): FakeConditionalFormat[] {
    const { sheet, box } = this.range.target();
    return sheet.conditionalFormats.filter((f) => intersects(f.box, box)).map((f) => new FakeConditionalFormat(this.ctx, this.range, f));
  }
  add(type: string): FakeConditionalFormat {
    const model: ConditionalFormatModel = { type, box: { top: 0, left: 0, bottom: 0, right: 0 } };
    this.range.change({ type }, ({ sheet, box }) => {
      model.box = box;
      sheet.conditionalFormats.unshift(model);
    });
    return new FakeConditionalFormat(this.ctx, this.range, model);
  }
  clearAll(): void {
    this.range.change(null, ({ sheet, box }) => (sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => !intersects(f.box, box))));
  }
}

class FakeConditionalFormat extends FakeObject {
  readonly custom: FakeCustomFormat;
  readonly customOrNullObject: FakeCustomFormat;

  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
    private readonly model: ConditionalFormatModel,
  ) {
    super(ctx);
    this.custom = new FakeCustomFormat(ctx, range, model, false);
    this.customOrNullObject = new FakeCustomFormat(ctx, range, model, true);
  }
  protected current(prop: string): unknown {
    return prop === 'type' ? this.model.type : undefined;
  }
  protected override navigation(prop: string): FakeObject | undefined {
    return prop === 'custom' ? this.custom : prop === 'customOrNullObject' ? this.customOrNullObject : undefined;
  }
  get type(): string {
    return this.loaded('type');
  }
  delete(): void {
    this.range.change(null, ({ sheet }) => {
      if (!sheet.conditionalFormats.includes(this.model)) throw new FakeExcelError('ItemNotFound', 'The conditional format was deleted already.');
      sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => f !== this.model);
    });
  }
}

/** `custom.format.fill` / `custom.format.font`: a colour that can be set, and loaded (`#FFC7CE`, or null when unset). */
class FakeFormatColor extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
    private readonly model: ConditionalFormatModel,
    private readonly to: 'fill' | 'fontColor',
  ) {
    super(ctx);
  }
  protected current(prop: string): unknown {
    return prop === 'color' ? (this.model[this.to] ?? null) : undefined;
  }
  get color(): string {
    return this.loaded('color');
  }
  set color(c: string) {
    this.range.change({ c }, () => (this.model[this.to] = c));
  }
}

/** `custom.format`: its fill and font. */
class FakeCustomFormatFormat extends FakeObject {
  readonly fill: FakeFormatColor;
  readonly font: FakeFormatColor;
  constructor(ctx: FakeContext, range: FakeRange, model: ConditionalFormatModel) {
    super(ctx);
    this.fill = new FakeFormatColor(ctx, range, model, 'fill');
    this.font = new FakeFormatColor(ctx, range, model, 'fontColor');
  }
  protected current(): unknown {
    return undefined;
  }
  protected override navigation(prop: string): FakeObject | undefined {
    return prop === 'fill' ? this.fill : prop === 'font' ? this.font : undefined;
  }
}

/** `custom` / `customOrNullObject` of a conditional format, with its rule and format. */
class FakeCustomFormat extends FakeObject {
  readonly rule: FakeRule;
  readonly format: FakeCustomFormatFormat;

  constructor(
    ctx: FakeContext,
    range: FakeRange,
    private readonly model: ConditionalFormatModel,
    private readonly orNull: boolean,
  ) {
    super(ctx);
    this.rule = new FakeRule(ctx, range, model);
    this.format = new FakeCustomFormatFormat(ctx, range, model);
  }
  protected override exists(): boolean {
    return !this.orNull || this.model.type === 'Custom';
  }
  override capture(path: string[]): Capture {
    // The null-ness of `customOrNullObject` travels with whatever is loaded through it.
    const parts = [super.capture(path)];
    if (this.orNull) parts.push(this.captureProperty('isNullObject'));
    return joined(parts);
  }
  protected current(): unknown {
    return undefined;
  }
  protected override navigation(prop: string): FakeObject | undefined {
    return prop === 'rule' ? this.rule : prop === 'format' ? this.format : undefined;
  }
}

class FakeRule extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
    private readonly model: ConditionalFormatModel,
  ) {
    super(ctx);
  }
  protected current(prop: string): unknown {
    return prop === 'formula' ? (this.model.formula ?? null) : undefined;
  }
  get formula(): string {
    return this.loaded('formula');
  }
  set formula(formula: string) {
    this.range.change({ formula }, () => (this.model.formula = formula));
  }
}
