/**
 * What the task pane needs from a workbook host beyond reading and writing: the selection, navigation
 * to a cell, and settings stored in the document. Excel implements it through Office.js; the in-memory
 * workbook implements it for tests and the browser demo.
 */
import type { SettingsInput } from '../report/settings';
import type { WorkbookPort } from './port';

/** A range in the workbook: sheet name and an A1 address without the sheet (`C4:C30`, `E7`). */
export interface RangeRef {
  sheet: string;
  address: string;
}

/** Progress of a long operation: a phase name in Swedish and 0–1 when known. */
export interface Progress {
  phase: string;
  fraction?: number;
}

export interface HostPort extends WorkbookPort {
  /** 'excel' inside Office, 'memory' for the demo and tests. */
  readonly kind: 'excel' | 'memory';
  /** The current selection, or null when none can be had. */
  getSelection(): Promise<RangeRef | null>;
  /** Selects (and scrolls to) a range: clicking a flagged row or an error does this. */
  select(ref: RangeRef): Promise<void>;
  /** The settings saved in this workbook, or null when it has none. */
  loadSettings(): Promise<SettingsInput | null>;
  saveSettings(settings: SettingsInput): Promise<void>;
}

/** The document-settings key our settings are stored under. */
export const SETTINGS_KEY = 'avvikelse.settings';
