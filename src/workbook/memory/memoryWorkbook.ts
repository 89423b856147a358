/** An in-memory workbook behind the port: unit tests and the browser demo of the task pane. */
import type { RawValue } from '../../core/types';
import type { SettingsInput } from '../../report/settings';
import type { HostPort, RangeRef } from '../host';
import { cellKey, type OutputSheet, type SheetData, type WorkbookData, type WritePlan } from '../port';

export interface MemorySheet extends SheetData {
  numFmts: Map<string, string>;
  conditionalFormats: { range: string; rules: { formula: string }[] }[];
  output?: OutputSheet;
}

export class MemoryWorkbook implements HostPort {
  readonly kind = 'memory' as const;
  readonly sheets: MemorySheet[];
  names: Record<string, string>;
  /** The selected range; the demo sets it when the user clicks a cell. */
  selection: RangeRef | null = null;
  /** Document settings, as Excel keeps them in the workbook. */
  settings: SettingsInput | null = null;
  /** Counts of calls, for tests that check what the pane did. */
  readonly calls = { read: 0, write: 0, select: 0 };

  constructor(sheets: { name: string; values: RawValue[][]; formulas?: Map<string, string>; protected?: boolean }[], names: Record<string, string> = {}) {
    this.sheets = sheets.map((s) => ({ name: s.name, values: s.values.map((r) => [...r]), formulas: new Map(s.formulas ?? []), protected: s.protected, numFmts: new Map(), conditionalFormats: [] }));
    this.names = { ...names };
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  async read(): Promise<WorkbookData> {
    this.calls.read++;
    return {
      sheets: this.sheets.map((s) => ({ name: s.name, values: s.values.map((r) => [...r]), formulas: new Map(s.formulas), protected: s.protected })),
      names: { ...this.names },
    };
  }

  async write(plan: WritePlan): Promise<void> {
    this.calls.write++;
    for (const w of plan.cellWrites) {
      const sheet = this.sheet(w.sheet);
      if (!sheet) throw new Error(`Fliken ${w.sheet} saknas`);
      for (const c of w.cells) {
        (sheet.values[c.row] ??= [])[c.col] = c.value ?? null;
        if (c.formula) sheet.formulas.set(cellKey(c.row, c.col), c.formula);
        if (c.style?.numFmt && !sheet.numFmts.has(cellKey(c.row, c.col))) sheet.numFmts.set(cellKey(c.row, c.col), c.style.numFmt);
      }
      const ranges = new Set(w.conditionalFormats.map((f) => f.range));
      sheet.conditionalFormats = [...sheet.conditionalFormats.filter((f) => !ranges.has(f.range)), ...w.conditionalFormats];
    }
    for (const out of plan.sheets) {
      const values: RawValue[][] = [];
      const formulas = new Map<string, string>();
      for (const c of out.cells) {
        (values[c.row] ??= [])[c.col] = c.value ?? null;
        if (c.formula) formulas.set(cellKey(c.row, c.col), c.formula);
      }
      for (let r = 0; r < values.length; r++) values[r] ??= [];
      const sheet: MemorySheet = { name: out.name, values, formulas, numFmts: new Map(), conditionalFormats: out.conditionalFormats, output: out };
      const i = this.sheets.findIndex((s) => s.name === out.name);
      if (i >= 0) this.sheets[i] = sheet;
      else this.sheets.push(sheet);
    }
    Object.assign(this.names, plan.names);
  }

  async getSelection(): Promise<RangeRef | null> {
    return this.selection;
  }

  async select(ref: RangeRef): Promise<void> {
    this.calls.select++;
    this.selection = ref;
  }

  async loadSettings(): Promise<SettingsInput | null> {
    return this.settings ? structuredClone(this.settings) : null;
  }

  async saveSettings(settings: SettingsInput): Promise<void> {
    this.settings = structuredClone(settings);
  }
}
