/** The fake Excel's tables (list objects) and its application: calculation mode and calculation (see fakeExcel.ts). */
import { FakeCollection, FakeObject, type FakeContext } from './fakeContext';
import type { FakeSheet } from './fakeModel';
import { FakeRange, FakeWorksheet } from './fakeRange';

/** `workbook.tables`: every table of every sheet. */
export class FakeTableCollection extends FakeCollection<FakeTable> {
  protected createItems(): FakeTable[] {
    return this.ctx.state.sheets.flatMap((sheet) => sheet.tables.map((t) => new FakeTable(this.ctx, sheet, t)));
  }
}

class FakeTable extends FakeObject {
  readonly worksheet: FakeWorksheet;
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeSheet,
    private readonly table: FakeSheet['tables'][number],
  ) {
    super(ctx);
    this.worksheet = new FakeWorksheet(ctx, () => sheet);
  }
  protected current(prop: string): unknown {
    return prop === 'name' ? this.table.name : undefined;
  }
  protected override navigation(prop: string): FakeObject | undefined {
    return prop === 'worksheet' ? this.worksheet : undefined;
  }
  get name(): string {
    return this.loaded('name');
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.sheet, box: this.table.body }), false, { name: 'getDataBodyRange' });
  }
}

/** `workbook.application`: the calculation mode, suspending and running calculation. */
export class FakeApplication extends FakeObject {
  protected current(prop: string): unknown {
    return prop === 'calculationMode' ? this.ctx.state.calculationMode : undefined;
  }
  get calculationMode(): string {
    return this.loaded('calculationMode');
  }
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.operation(null, () => this.ctx.state.calculationSuspensions++, { name: 'SuspendApiCalculationUntilNextSync', path: { name: 'application' } });
  }
  calculate(_type: string): void {
    this.ctx.operation(null, () => this.ctx.state.recalculate(), { name: 'Calculate', path: { name: 'application' } });
  }
}
