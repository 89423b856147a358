/// <reference types="office-js" />
/**
 * Getting the Word file and the copied tables out of the pane, wherever it runs.
 *
 * - A Blob download (`<a download>`) works in a browser (Excel on the web, the demo) and in Excel for
 *   Windows, but not in desktop Excel on Mac, whose web view does not download Blob URLs. There the
 *   file goes to the user's own browser with `Office.context.ui.openBrowserWindow`
 *   (OpenBrowserWindowApi 1.1, which takes http(s) addresses only): our page `download.html`, with the
 *   file in the address's fragment (never sent to any server), saves it there. Without that API, the
 *   whole report is put on the clipboard as HTML for a blank Word document.
 * - The Clipboard API may be blocked in Excel on the web (the pane's frame lacks the permission);
 *   then the copy goes through the older `document.execCommand('copy')`, which a frame may still use
 *   on a click.
 * When nothing works, a Swedish message says what to do instead (`DeliveryError`).
 */
import type { StandardTable } from '../../core/types';
import { clipboardHtml, copyTable, type ClipboardLike, type CopyResult } from '../../export/clipboard';
import { actionsText, deficitSentences } from '../../export/actionsText';
import { escapeHtml, tableHtml, tableTsv, textHtml, textTsv } from '../../export/html';
import type { ActionsSection } from '../../report/actions';
import { downloadUrl } from './downloadLink';

export { downloadUrl, fileFromFragment, fromBase64Url, toBase64Url } from './downloadLink';

export interface DeliveryEnv {
  /** `Office.context.platform` (`Mac`, `PC`, `OfficeOnline`, …), or null outside Office. */
  platform: string | null;
  /** Opens an https address in the user's browser, where the host has OpenBrowserWindowApi 1.1. */
  openBrowserWindow: ((url: string) => void) | null;
  /** The absolute address of download.html beside the pane. */
  downloadPage: string;
  download(bytes: Uint8Array<ArrayBuffer>, fileName: string, mime: string): void;
  clipboard: ClipboardLike | null;
  ClipboardItem?: typeof ClipboardItem;
  /** Copies through `document.execCommand('copy')`; false when the browser refused. */
  legacyCopy: ((html: string, text: string) => boolean) | null;
}

/** How a file or a copy got out. */
export type Delivery = 'download' | 'browser' | 'clipboard';

/** Nothing worked: the Swedish message says what to do instead. */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
}

/** Addresses longer than this are not handed to the system's browser. */
export const MAX_URL_LENGTH = 200_000;

/** The whole report as HTML and text for a blank Word document: every table, its comments, then the åtgärder. */
export function reportForWord(tables: readonly StandardTable[], comments: readonly { text: string }[], actions?: ActionsSection): { html: string; text: string } {
  const measures = actions ? actionsText(actions) : undefined;
  const said = actions ? deficitSentences(actions) : [];
  const html = [...tables.map((t) => tableHtml(t)), ...comments.map((c) => `<p>${escapeHtml(c.text)}</p>`), ...said.map((s) => `<p>${escapeHtml(s)}</p>`), ...(measures ? [textHtml(measures)] : [])].join('\n<p></p>\n');
  const text = [...tables.map((t) => tableTsv(t)), ...comments.map((c) => c.text), ...said, ...(measures ? [textTsv(measures)] : [])].join('\n\n');
  return { html: `<html><head><meta charset="utf-8"></head><body>\n${html}\n</body></html>`, text };
}

/** HTML (or text) on the clipboard: the Clipboard API, else `execCommand('copy')`. */
async function copyHtml(html: string, text: string, env: DeliveryEnv, viaApi: () => Promise<CopyResult>): Promise<CopyResult> {
  try {
    if (env.clipboard) return await viaApi();
  } catch {
    // blocked (Excel on the web's frame): the older way below
  }
  if (env.legacyCopy?.(html, text)) return 'html';
  throw new DeliveryError('Excel tillåter inte att tillägget skriver till urklipp här. Ladda ner Word-filen i stället, eller markera tabellen i fliken Avvikelsetabeller och kopiera den med Ctrl+C (Cmd+C på Mac).');
}

/** "Kopiera för Word": one table on the clipboard, as HTML, or as text where only text could be written. */
export async function copyForWord(table: StandardTable, env: DeliveryEnv): Promise<CopyResult> {
  const clipboard = env.clipboard;
  return copyHtml(clipboardHtml(table), tableTsv(table), env, () => copyTable(table, clipboard ?? undefined, env.ClipboardItem));
}

/** Plain text on the clipboard (the Självtest's result): the Clipboard API, else `execCommand('copy')`. */
export async function copyText(text: string, env: DeliveryEnv): Promise<void> {
  const clipboard = env.clipboard;
  await copyHtml(`<pre>${escapeHtml(text)}</pre>`, text, env, async () => {
    if (!clipboard) throw new Error('no clipboard');
    await clipboard.writeText(text);
    return 'text';
  });
}

/** "Ladda ner Word-fil": the file downloaded, opened in the user's browser, or the report copied. */
export async function deliverWordFile(bytes: Uint8Array<ArrayBuffer>, fileName: string, mime: string, env: DeliveryEnv, report: () => { html: string; text: string }): Promise<Delivery> {
  if (env.platform !== 'Mac') {
    env.download(bytes, fileName, mime);
    return 'download';
  }
  const url = downloadUrl(env.downloadPage, fileName, bytes);
  if (env.openBrowserWindow && url.length <= MAX_URL_LENGTH) {
    env.openBrowserWindow(url);
    return 'browser';
  }
  const { html, text } = report();
  try {
    const clipboard = env.clipboard;
    const Item = env.ClipboardItem;
    await copyHtml(html, text, env, async () => {
      if (!clipboard?.write || !Item) throw new Error('no ClipboardItem');
      await clipboard.write([new Item({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) })]);
      return 'html';
    });
    return 'clipboard';
  } catch {
    throw new DeliveryError(
      'Excel för Mac kan inte spara filer från ett tillägg, och varken webbläsaren eller urklipp gick att använda här. Skapa Word-filen i Excel på webben, eller med kommandoraden: npx avvikelse export arbetsbok.xlsx --docx rapport.docx',
    );
  }
}

/** `document.execCommand('copy')` with our HTML and text put on the clipboard in its copy event. */
function execCommandCopy(html: string, text: string): boolean {
  const onCopy = (e: ClipboardEvent) => {
    e.clipboardData?.setData('text/html', html);
    e.clipboardData?.setData('text/plain', text);
    e.preventDefault();
  };
  document.addEventListener('copy', onCopy);
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    document.removeEventListener('copy', onCopy);
  }
}

/** The pane's environment: Office's platform and browser window where there is Office, the browser's own otherwise. */
export function paneDeliveryEnv(download: DeliveryEnv['download']): DeliveryEnv {
  const office = typeof Office !== 'undefined' && !!Office.context;
  return {
    platform: office && Office.context.platform ? String(Office.context.platform) : null,
    openBrowserWindow: office && Office.context.requirements?.isSetSupported('OpenBrowserWindowApi', '1.1') ? (url) => Office.context.ui.openBrowserWindow(url) : null,
    downloadPage: new URL('download.html', window.location.href).href,
    download,
    clipboard: typeof navigator !== 'undefined' && navigator.clipboard ? navigator.clipboard : null,
    ClipboardItem: globalThis.ClipboardItem,
    legacyCopy: typeof document !== 'undefined' && typeof document.execCommand === 'function' ? execCommandCopy : null,
  };
}
