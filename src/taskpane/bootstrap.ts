/// <reference types="office-js" />
/**
 * Which workbook the pane works on: Excel through Office.js when the pane runs inside Excel, otherwise
 * (a plain browser: office.js resolves `{ host: null }`, or office.js did not load) the demo's
 * in-memory sample workbook.
 */
import { demoHook, DemoWorkbook, type DemoHook } from '../demo/demoWorkbook';
import type { HostPort } from '../workbook/host';
import { OfficeWorkbook } from '../workbook/office/officeWorkbook';
import { holdable, type Holds } from './model/holds';

declare global {
  interface Window {
    /** The demo mode's workbook, for tests and curious visitors (demo mode only). */
    __avvikelseDemo?: DemoHook;
    /** Holds on the demo host's read and write, so a test can act while a run waits (demo mode only). */
    __avvikelseHolds?: Holds;
  }
}

export interface Started {
  host: HostPort;
  /** The demo workbook, or null inside Excel. */
  demo: DemoWorkbook | null;
}

function startDemo(): Started {
  const workbook = new DemoWorkbook();
  const { host, holds } = holdable(workbook);
  window.__avvikelseDemo = demoHook(workbook);
  window.__avvikelseHolds = holds;
  return { host, demo: workbook };
}

export async function startHost(): Promise<Started> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return startDemo();
  const info = await Office.onReady();
  if (info.host === Office.HostType.Excel) return { host: new OfficeWorkbook(), demo: null };
  return startDemo();
}
