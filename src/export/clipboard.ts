/**
 * "Kopiera för Word": a table on the clipboard as HTML (Word and Outlook keep the layout on paste)
 * with the same text tab-separated as plain text. Where the browser has no `ClipboardItem`, or
 * refuses it, the plain text alone is written. Browser-only; the clipboard is passed in for tests.
 */
import type { StandardTable } from '../core/types';
import { tableHtml, tableTsv } from './html';

/** The part of `navigator.clipboard` used here. */
export interface ClipboardLike {
  write?(items: ClipboardItem[]): Promise<void>;
  writeText(text: string): Promise<void>;
}

export type CopyResult = 'html' | 'text';

/** The HTML as a clipboard document: Word reads the charset from it. */
export function clipboardHtml(table: StandardTable): string {
  return `<html><head><meta charset="utf-8"></head><body>\n${tableHtml(table)}\n</body></html>`;
}

/** Copies the table; says which flavour reached the clipboard. Throws when neither could be written. */
export async function copyTable(table: StandardTable, clipboard: ClipboardLike = navigator.clipboard, Item: typeof ClipboardItem | undefined = globalThis.ClipboardItem): Promise<CopyResult> {
  const text = tableTsv(table);
  if (Item && clipboard.write) {
    try {
      await clipboard.write([new Item({ 'text/html': new Blob([clipboardHtml(table)], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) })]);
      return 'html';
    } catch {
      // e.g. a host that allows writeText only: fall through to the plain text
    }
  }
  await clipboard.writeText(text);
  return 'text';
}

/** Hands bytes to the browser as a file download (Blob + `<a download>`). */
export function downloadFile(bytes: Uint8Array<ArrayBuffer>, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
