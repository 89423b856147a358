/**
 * The workbook behind the task pane's demo mode: the in-memory workbook loaded with the sample sheets,
 * observable so the demo's grid view redraws when Avvikelse writes, selects, or a cell is edited
 * (`setCell`, inherited: it recalculates the sheet's formulas, so the avvikelse columns and their flags
 * follow the edit as they would in Excel).
 */
import { parseCellAddress } from '../core/address';
import type { RawValue } from '../core/types';
import type { RangeRef } from '../workbook/host';
import { MemoryWorkbook } from '../workbook/memory/memoryWorkbook';
import { cellKey, type WritePlan } from '../workbook/port';
import { sampleSettings, sampleSheets } from './sampleWorkbook';

export type Listener = () => void;

export class DemoWorkbook extends MemoryWorkbook {
  private readonly listeners = new Set<Listener>();
  /** Increases on every change; the grid view renders from it (useSyncExternalStore). */
  version = 0;

  constructor() {
    super(sampleSheets());
    this.settings = sampleSettings();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected override changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  override async write(plan: WritePlan): Promise<void> {
    await super.write(plan);
    this.changed();
  }

  override async select(ref: RangeRef): Promise<void> {
    await super.select(ref);
    this.changed();
  }

  /** Sets a selection without counting it as the pane's navigation (a click in the grid). */
  selectByUser(ref: RangeRef): void {
    this.selection = ref;
    this.changed();
  }

  /** Back to the untouched sample (settings and selection too). */
  reset(): void {
    const fresh = new MemoryWorkbook(sampleSheets());
    this.sheets.splice(0, this.sheets.length, ...fresh.sheets);
    this.names = {};
    this.settings = sampleSettings();
    this.selection = null;
    this.changed();
  }
}

/** What the demo exposes on `window.__avvikelseDemo` for tests and curious visitors. */
export interface DemoHook {
  workbook: DemoWorkbook;
  /** Types a value into a cell (`E7`): its formula is replaced, the sheet's formulas recalculate. */
  setCell(sheet: string, address: string, value: RawValue): void;
  getCell(sheet: string, address: string): RawValue;
  getFormula(sheet: string, address: string): string | undefined;
  sheetNames(): string[];
  selection(): RangeRef | null;
  reset(): void;
}

export function demoHook(workbook: DemoWorkbook): DemoHook {
  const at = (sheet: string, address: string) => {
    const s = workbook.sheet(sheet);
    const { row, col } = parseCellAddress(address);
    return { s, row, col };
  };
  return {
    workbook,
    setCell: (sheet, address, value) => workbook.setCell(sheet, address, value),
    getCell: (sheet, address) => {
      const { s, row, col } = at(sheet, address);
      return s?.values[row]?.[col] ?? null;
    },
    getFormula: (sheet, address) => {
      const { s, row, col } = at(sheet, address);
      return s?.formulas.get(cellKey(row, col));
    },
    sheetNames: () => workbook.sheets.map((s) => s.name),
    selection: () => workbook.selection,
    reset: () => workbook.reset(),
  };
}
