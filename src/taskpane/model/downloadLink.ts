/**
 * The Word file in an address: `…/download.html#avvikelser.docx:UEsDB…`, the bytes as base64url in the
 * fragment, which a browser never sends to a server. Kept apart (no imports) so that download.html
 * loads nothing else.
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Bytes as base64url (no padding). */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = [18, 12, 6, 0].map((shift) => BASE64[(n >> shift) & 63]);
    out += chars.slice(0, Math.min(4, bytes.length - i + 1)).join('');
  }
  return out;
}

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(new ArrayBuffer(Math.floor((text.length * 3) / 4)));
  let n = 0;
  let bits = 0;
  let at = 0;
  for (const c of text) {
    const v = BASE64.indexOf(c);
    if (v < 0) throw new Error(`ogiltigt tecken i filen: ${c}`);
    n = (n << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (n >> bits) & 255;
    }
  }
  return bytes;
}

/** download.html's address with the file in the fragment: `…/download.html#avvikelser.docx:UEsDB…`. */
export function downloadUrl(page: string, fileName: string, bytes: Uint8Array): string {
  return `${page}#${encodeURIComponent(fileName)}:${toBase64Url(bytes)}`;
}

/** The file a download address carries, or null when the fragment is none of ours. */
export function fileFromFragment(hash: string): { fileName: string; bytes: Uint8Array<ArrayBuffer> } | null {
  const m = /^#?([^:]+):([A-Za-z0-9_-]*)$/.exec(hash);
  if (!m) return null;
  try {
    return { fileName: decodeURIComponent(m[1]), bytes: fromBase64Url(m[2]) };
  } catch {
    return null;
  }
}
