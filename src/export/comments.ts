/**
 * The commentary that goes into the report: for every comment of the model, the controller's own text
 * from our Kommentarer sheet when they rewrote the stub, otherwise the freshly generated stub (with the
 * current figures). Matched as a re-run of `report` matches them: on sheet, table, row and what the
 * deviation concerns (`Helår` / `Perioden jan–aug`).
 */
import { COMMENTS_SHEET, isOurSheet, type ReportComment, type ReportModel } from '../report/analyze';
import { avserText, readExistingComments } from '../report/commentsSheet';
import type { WorkbookData } from '../workbook/port';

/** What the document needs of a comment: which table it follows, and its text. */
export interface ExportComment {
  sheet: string;
  /** The table's title (as in `StandardTable.title`). */
  table: string;
  label: string;
  text: string;
  /** True when the text is the controller's, not the generated stub. */
  edited: boolean;
}

export interface CommentTexts {
  comments: ExportComment[];
  /** Rewritten comments on the sheet whose row is no longer flagged (left out of the report). */
  leftOut: number;
}

const keyOf = (parts: (string | undefined)[]) => parts.map((p) => p ?? '').join('\u0000');

/** The comments of `model` with the texts the controller wrote in `data`'s Kommentarer sheet. */
export function commentTexts(model: ReportModel, data: WorkbookData): CommentTexts {
  const sheet = data.sheets.find((s) => s.name === COMMENTS_SHEET && isOurSheet(data, s.name));
  const existing = readExistingComments(sheet);
  const byKey = new Map(existing.map((e) => [keyOf(e.cells.slice(0, 4)), e]));
  const monthsOf = (name: string) => model.sources.find((s) => s.sheet === name)?.months;
  const used = new Set<string>();
  const comments = model.comments.map((c: ReportComment): ExportComment => {
    const key = keyOf([c.sheet, c.table, c.label, avserText(c, monthsOf(c.sheet))]);
    used.add(key);
    const old = byKey.get(key);
    const edited = old !== undefined && old.text.trim() !== '' && old.text !== old.draft;
    return { sheet: c.sheet, table: c.table, label: c.label, text: edited ? old.text : c.text, edited };
  });
  const leftOut = existing.filter((e) => !used.has(keyOf(e.cells.slice(0, 4))) && e.text.trim() !== '' && e.text !== e.draft).length;
  return { comments, leftOut };
}

/** The generated stubs alone (no workbook at hand). */
export function stubTexts(model: ReportModel): ExportComment[] {
  return model.comments.map((c) => ({ sheet: c.sheet, table: c.table, label: c.label, text: c.text, edited: false }));
}
