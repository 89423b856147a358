/**
 * Rendering a .docx as a reader sees it: LibreOffice Writer (headless) to PDF, poppler to words with
 * their positions and to PNG. Needs the `libreoffice-writer` package besides `poppler-utils`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { swedishProfile } from '../helpers/libreoffice';

/** Writer's library: present only when the `libreoffice-writer` package is installed (Calc alone cannot open .docx). */
const WRITER_LIBRARY = '/usr/lib/libreoffice/program/libswlo.so';

export function writerMissing(): string | null {
  if (!existsSync(WRITER_LIBRARY)) return 'LibreOffice Writer saknas (apt-get install -y libreoffice-writer)';
  for (const tool of ['soffice', 'pdftotext', 'pdftoppm']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return `${tool} saknas (apt-get install -y libreoffice-writer poppler-utils)`;
  }
  return null;
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} avslutades med ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** The document as PDF next to it, converted by LibreOffice with a profile of its own (no user settings). */
export function docxToPdf(docx: string, workDir: string, swedish = false): string {
  mkdirSync(workDir, { recursive: true });
  const profile = swedish ? swedishProfile(join(workDir, 'lo-profile-sv')) : `file://${join(workDir, 'lo-profile')}`;
  const out = run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', workDir, docx]);
  const pdf = join(workDir, basename(docx).replace(/\.docx$/i, '.pdf'));
  if (!existsSync(pdf)) throw new Error(`LibreOffice skrev ingen PDF: ${out}`);
  return pdf;
}

export function pdfPages(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))?.[1] ?? 0);
}

/** The text of the PDF, page by page, as laid out (non-breaking spaces as ordinary ones). */
export function pdfText(pdf: string): string {
  return run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-']).replace(/\u00A0/g, ' ');
}

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** The words of one page with their boxes, in points from the top left. */
export function pdfWords(pdf: string, page: number): PdfWord[] {
  const html = run('pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), pdf, '-']);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[5].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\u00A0/g, ' '),
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
  }));
}

/** One page as PNG at `dpi`, optionally cropped to a box given in points. */
export function pageToPng(pdf: string, page: number, out: string, dpi: number, crop?: { x: number; y: number; width: number; height: number }): string {
  const px = (pt: number) => String(Math.round((pt * dpi) / 72));
  const args = ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile'];
  if (crop) args.push('-x', px(crop.x), '-y', px(crop.y), '-W', px(crop.width), '-H', px(crop.height));
  run('pdftoppm', [...args, pdf, out.replace(/\.png$/, '')]);
  return out;
}
