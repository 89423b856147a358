/// <reference types="office-js" />
/**
 * Which workbook the pane works on: Excel through Office.js when the pane runs inside Excel, otherwise
 * (a plain browser: office.js resolves `{ host: null }`) the demo's in-memory sample workbook.
 *
 * Inside Office (Office opens the pane with `_host_Info` in its address) the pane never falls back to
 * the demo: when office.js did not load (it comes from Microsoft's CDN), did not answer, or the host
 * is an Excel below the manifest's minimum, it says so in Swedish instead (a `StartProblem`).
 *
 * The Office adapter and the demo workbook are chunks of their own (issue 12: the pane's first paint),
 * each loaded only where it is used; the one the page will most likely need starts loading at once,
 * while office.js is still asked whether Excel is there.
 */
import type { DemoHook, DemoWorkbook } from '../demo/demoWorkbook';
import type { HostPort } from '../workbook/host';
import { ApiSupport, highestExcelApi, REQUIRED_EXCEL_API } from '../workbook/office/apiSupport';
import type { Holds } from './model/holds';

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

/** Why the pane cannot start, in Swedish: a heading and what to do. */
export interface StartProblem {
  problem: string;
  advice: string;
}

/** Where office.js comes from in every build meant for Excel. */
export const OFFICE_JS_HOST = 'appsforoffice.microsoft.com';
/** How long Office gets to answer `Office.onReady` inside Office. */
export const ON_READY_TIMEOUT_MS = 20_000;

/**
 * Whether Office opened this page: office.js itself finds the host in `_host_Info` (the address, or
 * `window.name` in a reloaded pane) or in session storage where it keeps it.
 */
export function openedByOffice(win: Window = window): boolean {
  try {
    if (new URLSearchParams(win.location.search).has('_host_Info')) return true;
    if (win.sessionStorage?.getItem('hostInfoValue')) return true;
    const named: unknown = win.name ? JSON.parse(win.name) : null;
    return typeof named === 'object' && named !== null && 'hostInfo' in named;
  } catch {
    return false;
  }
}

const loadDemo = () => Promise.all([import(/* webpackChunkName: "demo" */ '../demo/demoWorkbook'), import(/* webpackChunkName: "demo" */ './model/holds')]);
const loadOffice = () => import(/* webpackChunkName: "office" */ '../workbook/office/officeWorkbook');

async function startDemo(): Promise<Started> {
  const [{ DemoWorkbook, demoHook }, { holdable }] = await loadDemo();
  const workbook = new DemoWorkbook();
  const { host, holds } = holdable(workbook);
  window.__avvikelseDemo = demoHook(workbook);
  window.__avvikelseHolds = holds;
  return { host, demo: workbook };
}

async function startExcel(): Promise<Started> {
  const { OfficeWorkbook } = await loadOffice();
  return { host: new OfficeWorkbook(), demo: null };
}

export const START_PROBLEMS = {
  noOfficeJs: {
    problem: 'Office.js kunde inte laddas',
    advice: `Avvikelse hämtar Office.js från Microsoft (${OFFICE_JS_HOST}), men den gick inte att nå. Kontrollera nätverket och att adressen inte blockeras av en brandvägg eller ett tillägg i webbläsaren, och öppna sedan Avvikelse igen.`,
  },
  noAnswer: {
    problem: 'Office svarar inte',
    advice: 'Office.js laddades men Excel svarade inte. Stäng aktivitetsfönstret och öppna Avvikelse igen; hjälper det inte, starta om Excel.',
  },
  notExcel: { problem: 'Avvikelse fungerar bara i Excel', advice: 'Öppna en arbetsbok i Excel och starta Avvikelse från fliken Start.' },
} satisfies Record<string, StartProblem>;

/** The host's Excel is older than the manifest's minimum. */
export function tooOldProblem(highest: string | null): StartProblem {
  return {
    problem: 'Den här versionen av Excel är för gammal för Avvikelse',
    advice:
      `Avvikelse behöver Excel JavaScript API ${REQUIRED_EXCEL_API} (Excel på webben, Microsoft 365 från version 1903, Excel för Mac 16.24 eller Office 2021 och senare); ` +
      `den här Excel har ${highest ? `version ${highest}` : 'inget Excel JavaScript API'}. Uppdatera Office eller använd Excel på webben.`,
  };
}

/** `Office.onReady`, or null when Office does not answer within the time. */
function onReady(timeout: number): Promise<{ host: Office.HostType | null } | null> {
  return Promise.race([Office.onReady(), new Promise<null>((resolve) => setTimeout(() => resolve(null), timeout))]);
}

export async function startHost(timeout = ON_READY_TIMEOUT_MS): Promise<Started | StartProblem> {
  const inOffice = openedByOffice();
  // the likely adapter loads while office.js answers (a failed load shows when it is used)
  void (inOffice ? loadOffice() : loadDemo()).catch(() => undefined);
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return inOffice ? START_PROBLEMS.noOfficeJs : startDemo();
  const info = await onReady(inOffice ? timeout : Math.min(timeout, 5_000));
  if (info?.host === Office.HostType.Excel) {
    return new ApiSupport().required ? startExcel() : tooOldProblem(highestExcelApi());
  }
  if (info?.host) return START_PROBLEMS.notExcel;
  return inOffice ? START_PROBLEMS.noAnswer : startDemo();
}
