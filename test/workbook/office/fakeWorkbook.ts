/** The fake Excel's workbook: worksheets, names, settings, protection and the selection. */
import { sheetRef } from '../../../src/core/address';
import { FakeCollection, FakeObject, FakeProtection, type FakeContext } from './fakeContext';
import { boxAddress, FakeExcelError, FakeSheet, parseBox, type CommentModel } from './fakeModel';
import { FakeRange, FakeWorksheet } from './fakeRange';
import { FakeApplication, FakeTableCollection } from './fakeTables';

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly settings: FakeSettingCollection;
  readonly protection: FakeProtection;
  readonly comments: FakeCommentCollection;
  readonly tables: FakeTableCollection;
  readonly application: FakeApplication;

  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
    this.protection = new FakeProtection(ctx, () => ctx.state.workbookProtected);
    this.comments = new FakeCommentCollection(ctx);
    this.tables = new FakeTableCollection(ctx);
    this.application = new FakeApplication(ctx);
  }

  /** The selection as one range: Excel throws when several areas are selected (Ctrl-click). */
  getSelectedRange(): FakeRange {
    const state = this.ctx.state;
    return new FakeRange(this.ctx, () => {
      if (!state.selection || state.selection.address.includes(',')) throw new FakeExcelError('InvalidSelection', 'The current selection is invalid for this operation.');
      return { sheet: state.sheet(state.selection.sheet), box: parseBox(state.selection.address) };
    });
  }

  /** `getSelectedRanges()` (ExcelApi 1.9): every area, `Sheet!A1:B2, Sheet!D4`. */
  getSelectedRanges(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx);
  }
}

class FakeRangeAreas extends FakeObject {
  readonly worksheet: FakeWorksheet;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheet = new FakeWorksheet(ctx, () => ctx.state.sheet(this.selection().sheet));
  }
  private selection(): { sheet: string; address: string } {
    const selection = this.ctx.state.selection;
    if (!selection) throw new FakeExcelError('InvalidSelection', 'The current selection is invalid for this operation.');
    return selection;
  }
  protected current(prop: string): unknown {
    const { sheet, address } = this.selection();
    const areas = address.split(',').map((a) => a.trim());
    if (prop === 'areaCount') return areas.length;
    return prop === 'address' ? areas.map((a) => `${sheetRef(this.ctx.state.sheet(sheet).name)}!${a}`).join(', ') : undefined;
  }
  protected override navigation(prop: string): FakeObject | undefined {
    return prop === 'worksheet' ? this.worksheet : undefined;
  }
  get address(): string {
    return this.loaded('address');
  }
  get areaCount(): number {
    return this.loaded('areaCount');
  }
}

class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  protected createItems(): FakeWorksheet[] {
    return this.ctx.state.sheets.map((s) => new FakeWorksheet(this.ctx, () => s));
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.state.sheet(name));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.state.find(name) ?? null, true);
  }
  add(name: string): FakeWorksheet {
    const state = this.ctx.state;
    this.ctx.operation({ name }, () => {
      if (state.find(name)) throw new FakeExcelError('ItemAlreadyExists', `A worksheet named ${name} already exists.`);
      if (state.workbookProtected) throw new FakeExcelError('AccessDenied', 'The workbook structure is protected.');
      state.sheets.push(new FakeSheet(name));
    });
    return this.getItem(name);
  }
}

/** Defined names, found without regard to case as Excel finds them. */
class FakeNamedItemCollection extends FakeCollection<FakeNamedItem> {
  protected createItems(): FakeNamedItem[] {
    return [...this.ctx.state.names.keys()].map((name) => new FakeNamedItem(this.ctx, name));
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, name, true);
  }
  add(name: string, reference: string): void {
    this.ctx.operation(
      { name, reference },
      () => {
        const there = this.ctx.state.nameKey(name);
        if (there !== undefined) throw new FakeExcelError('ItemAlreadyExists', `The name ${there} already exists.`);
        this.ctx.state.names.set(name, reference);
      },
      { name: 'Add', path: { name: 'names' }, location: 'NamedItemCollection.add' },
    );
  }
}

/** An entry of one of the workbook's maps (a name, a setting), looked up by its key at each sync. */
abstract class FakeEntry extends FakeObject {
  constructor(
    ctx: FakeContext,
    protected readonly key: string,
    protected readonly map: Map<string, unknown>,
    nullable = false,
  ) {
    super(ctx, nullable);
  }
  protected override exists(): boolean {
    return this.map.has(this.key);
  }
}

class FakeNamedItem extends FakeEntry {
  constructor(ctx: FakeContext, key: string, nullable = false) {
    super(ctx, key, ctx.state.names, nullable);
  }
  /** The name as stored, whatever case it was asked for in. */
  private stored(): string {
    return this.ctx.state.nameKey(this.key) ?? this.key;
  }
  protected override exists(): boolean {
    return this.ctx.state.nameKey(this.key) !== undefined;
  }
  protected current(prop: string): unknown {
    return prop === 'name' ? this.stored() : prop === 'formula' ? this.map.get(this.stored()) : prop === 'type' ? 'Range' : undefined;
  }
  get name(): string {
    return this.loaded('name');
  }
  get formula(): string {
    return this.loaded('formula');
  }
  delete(): void {
    this.ctx.operation(null, () => {
      if (!this.map.delete(this.stored())) throw new FakeExcelError('ItemNotFound', `No name ${this.key}.`);
    });
  }
}

class FakeSettingCollection extends FakeCollection<FakeSetting> {
  protected createItems(): FakeSetting[] {
    return [...this.ctx.state.settings.keys()].map((k) => new FakeSetting(this.ctx, k));
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key, true);
  }
  add(key: string, value: unknown): void {
    this.ctx.operation({ key, value }, () => this.ctx.state.settings.set(key, value));
  }
}

class FakeSetting extends FakeEntry {
  constructor(ctx: FakeContext, key: string, nullable = false) {
    super(ctx, key, ctx.state.settings, nullable);
  }
  protected current(prop: string): unknown {
    return prop === 'value' ? this.map.get(this.key) : undefined;
  }
  get value(): unknown {
    return this.loaded('value');
  }
  delete(): void {
    this.ctx.operation(null, () => {
      if (!this.map.delete(this.key)) throw new FakeExcelError('ItemNotFound', `No setting ${this.key}.`);
    });
  }
}

/** `workbook.comments` (ExcelApi 1.10): `add` on one cell, items with content, location and `delete`. */
class FakeCommentCollection extends FakeCollection<FakeComment> {
  protected createItems(): FakeComment[] {
    this.ctx.state.assertComments();
    return this.ctx.state.comments.map((c) => new FakeComment(this.ctx, c));
  }
  add(cellAddress: FakeRange | string, content: string): void {
    const state = this.ctx.state;
    this.ctx.operation({ content }, () => {
      state.assertComments();
      let sheet: FakeSheet;
      let box;
      if (typeof cellAddress === 'string') {
        const bang = cellAddress.lastIndexOf('!');
        if (bang < 0) throw new FakeExcelError('InvalidArgument', 'The address must include the sheet name.');
        sheet = state.sheet(cellAddress.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'"));
        box = parseBox(cellAddress);
      } else {
        ({ sheet, box } = cellAddress.target());
      }
      if (box.top !== box.bottom || box.left !== box.right) throw new FakeExcelError('InvalidArgument', `A comment goes on one cell, not ${boxAddress(box)}.`);
      if (sheet.protected) throw new FakeExcelError('AccessDenied', `The sheet ${sheet.name} is protected.`);
      state.addComment(sheet.name, box.top, box.left, content);
    });
  }
}

class FakeComment extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly model: CommentModel,
  ) {
    super(ctx);
  }
  protected current(prop: string): unknown {
    return prop === 'content' ? this.model.content : prop === 'id' ? this.model.id : undefined;
  }
  get content(): string {
    return this.loaded('content');
  }
  get id(): string {
    return this.loaded('id');
  }
  getLocation(): FakeRange {
    const state = this.ctx.state;
    return new FakeRange(this.ctx, () => {
      state.assertComments();
      return { sheet: state.sheet(this.model.sheet), box: { top: this.model.row, left: this.model.col, bottom: this.model.row, right: this.model.col } };
    });
  }
  delete(): void {
    const state = this.ctx.state;
    this.ctx.operation(null, () => {
      if (!state.comments.includes(this.model)) throw new FakeExcelError('ItemNotFound', 'The comment was deleted already.');
      const sheet = state.sheet(this.model.sheet);
      if (sheet.protected) throw new FakeExcelError('AccessDenied', `The sheet ${sheet.name} is protected.`);
      state.comments = state.comments.filter((c) => c !== this.model);
    });
  }
}
