/**
 * The pane's settings are a `SettingsInput`, the same shape as the command line's JSON config, stored in
 * the document. These helpers build the engine's settings from it and edit it immutably.
 */
import type Decimal from 'decimal.js';
import { AccountMapError, DEFAULT_KONTOPLAN, parseAccountMap, parseActivityMap, type AccountRuleInput } from '../../core/accountMap';
import { columnIndex, columnLetters } from '../../core/address';
import { formatSwedish, parseSwedishNumber } from '../../core/money';
import { periodText } from '../../core/periodize';
import { fold } from '../../core/rowTypes';
import type { RawValue, Role } from '../../core/types';
import type { DetectedTable } from '../../report/analyze';
import { buildSettings, SettingsError, type ReportSettings, type SettingsInput } from '../../report/settings';
import type { WorkbookData } from '../../workbook/port';

export type Built = { settings: ReportSettings; error: null } | { settings: null; error: string };

export function build(input: SettingsInput, year = new Date().getFullYear()): Built {
  try {
    return { settings: buildSettings(input, undefined, year), error: null };
  } catch (err) {
    if (err instanceof SettingsError) return { settings: null, error: err.message };
    throw err;
  }
}

/** The top-level keys the settings form edits. */
export type TopKey = 'months' | 'inputUnit' | 'unit' | 'convention' | 'thresholdAmount' | 'thresholdPercent' | 'observeAmount' | 'observePercent' | 'year';

/** Sets (or, with undefined, removes) one top-level setting. */
export function withValue(input: SettingsInput, key: TopKey, value: string | number | undefined): SettingsInput {
  const next: SettingsInput = { ...input };
  const target = next as Record<TopKey, string | number | undefined>;
  if (value === undefined || value === '') delete target[key];
  else target[key] = value;
  if (key === 'convention') delete next.signed;
  return next;
}

/** Maps a role of one sheet to a column letter (the per-sheet `columns` override). */
export function withColumn(input: SettingsInput, sheet: string, role: Role, letter: string): SettingsInput {
  const sheets = { ...(input.sheets ?? {}) };
  const own = { ...(sheets[sheet] ?? {}) };
  own.columns = { ...(own.columns ?? {}), [role]: letter.toUpperCase() };
  sheets[sheet] = own;
  return { ...input, sheets };
}

/** The per-sheet settings the pane offers where a layout is open to doubt (the keys of a sheet in `--config`). */
export type SheetKey = 'kind' | 'inputUnit' | 'annual' | 'periodBudget' | 'headingTotals' | 'charts';

/** Sets (or, with undefined, removes) one setting of one sheet. */
export function withSheetValue(input: SettingsInput, sheet: string, key: SheetKey, value: string | boolean | undefined): SettingsInput {
  const sheets = { ...(input.sheets ?? {}) };
  const own: Record<string, unknown> = { ...(sheets[sheet] ?? {}) };
  if (value === undefined) delete own[key];
  else own[key] = value;
  if (Object.keys(own).length > 0) sheets[sheet] = own as SettingsInput;
  else delete sheets[sheet];
  return { ...input, sheets };
}

/** Drops a sheet's column overrides: back to what the header detection finds. */
export function withoutColumns(input: SettingsInput, sheet: string): SettingsInput {
  const own = input.sheets?.[sheet];
  if (!own?.columns) return input;
  const { columns: _dropped, ...rest } = own;
  const sheets = { ...(input.sheets ?? {}) };
  if (Object.keys(rest).length) sheets[sheet] = rest;
  else delete sheets[sheet];
  return { ...input, sheets };
}

/** A threshold as the form shows it: `1 000`, `2,5`. */
export function decimalText(d: Decimal | undefined): string {
  if (!d) return '';
  return formatSwedish(d, d.isInteger() ? 0 : Math.min(2, d.decimalPlaces()));
}

/** A number typed into a threshold field: the error message, or null when it is fine. */
export function numberError(text: string): string | null {
  if (text.trim() === '') return 'Ange ett tal.';
  const d = parseSwedishNumber(text);
  if (!d) return `"${text}" är inget tal.`;
  if (d.isNegative()) return 'Talet får inte vara negativt.';
  return null;
}

export function yearError(text: string): string | null {
  return /^\s*\d{4}\s*$/.test(text) ? null : 'Ange ett årtal, t.ex. 2026.';
}

export const MONTH_OPTIONS: { value: string; text: string }[] = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), text: periodText(i + 1) }));

function cellText(v: RawValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && !(v instanceof Date)) return v.error;
  return String(v).trim();
}

export interface ColumnOption {
  letter: string;
  /** `D – Budget helår` */
  text: string;
}

/** The columns a role can be mapped to: every column of the header row, with its header text. */
export function columnOptions(data: WorkbookData | null, table: DetectedTable): ColumnOption[] {
  const sheet = data?.sheets.find((s) => s.name === table.sheet);
  const header = sheet?.values[table.headerRow - 1] ?? [];
  const above = table.headerRow >= 2 ? (sheet?.values[table.headerRow - 2] ?? []) : [];
  const mapped = Object.values(table.columns).map((l) => l ?? '');
  const width = Math.max(header.length, ...mapped.map((l) => (l ? columnIndex(l) + 1 : 0)));
  const out: ColumnOption[] = [];
  for (let c = 0; c < width; c++) {
    const letter = columnLetters(c);
    const text = cellText(header[c]) || cellText(above[c]);
    out.push({ letter, text: text ? `${letter} – ${shorten(text)}` : letter });
  }
  return out;
}

function shorten(text: string, max = 22): string {
  const chars = Array.from(text.replace(/\s+/g, ' '));
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/** The first column of an A1 range (`D5:D30` → `D`, `AB7` → `AB`), or null. */
export function firstColumn(address: string): string | null {
  const m = /^\$?([A-Za-z]{1,3})\$?\d*/.exec(address.replace(/^.*!/, ''));
  return m ? m[1].toUpperCase() : null;
}

/** The account map in effect: the document's own (`kontoplan`), or the shipped Kommun-Bas default. */
export function kontoplanOf(input: SettingsInput): { rules: AccountRuleInput[]; standard: boolean } {
  if (input.kontoplan) return { rules: input.kontoplan, standard: false };
  return { rules: DEFAULT_KONTOPLAN.map((r) => ({ ...r })), standard: true };
}

/** The map with one change; editing the default makes it the document's own. */
function withRules(input: SettingsInput, change: (rules: AccountRuleInput[]) => AccountRuleInput[]): SettingsInput {
  return { ...input, kontoplan: change(kontoplanOf(input).rules.map((r) => ({ ...r }))) };
}

/** Changes fields of the rule at `index`; an empty `typ` is removed (the type then follows the account class). */
export function withRule(input: SettingsInput, index: number, change: Partial<AccountRuleInput>): SettingsInput {
  return withRules(input, (rules) =>
    rules.map((rule, i) => {
      if (i !== index) return rule;
      const next: AccountRuleInput = { ...rule, ...change };
      if (next.typ === undefined || next.typ.trim() === '') delete next.typ;
      return next;
    }),
  );
}

/** Adds an empty rule last (the map is invalid until its accounts and category are filled in). */
export function withNewRule(input: SettingsInput): SettingsInput {
  return withRules(input, (rules) => [...rules, { konton: '', kategori: '' }]);
}

export function withoutRule(input: SettingsInput, index: number): SettingsInput {
  return withRules(input, (rules) => rules.filter((_, i) => i !== index));
}

/** Moves a rule one step up (-1) or down (+1): the order is the row order of the driftredovisning. */
export function moveRule(input: SettingsInput, index: number, step: -1 | 1): SettingsInput {
  const to = index + step;
  if (to < 0 || to >= kontoplanOf(input).rules.length) return input;
  return withRules(input, (rules) => {
    [rules[index], rules[to]] = [rules[to], rules[index]];
    return rules;
  });
}

/** Back to the shipped default: `kontoplan` is removed from the settings. */
export function withStandardKontoplan(input: SettingsInput): SettingsInput {
  const { kontoplan: _dropped, ...rest } = input;
  return rest;
}

/** The rule's type as the form's choice: `Intäkt`, `Kostnad`, `''` (by account class) or the text as written. */
export function typChoice(typ: string | undefined): string {
  if (typ === undefined || typ.trim() === '') return '';
  const t = fold(typ);
  if (/^(intakt|intakter)$/.test(t)) return 'Intäkt';
  if (/^(kostnad|kostnader)$/.test(t)) return 'Kostnad';
  return typ;
}

/** What is wrong with a map, as the engine says it (`kontoplan rad 2: "abc" är inget kontointervall …`), and the rule (0-based) when one is named. */
export interface MapProblem {
  message: string;
  rule: number | null;
}

function problemOf(check: () => void): MapProblem | null {
  try {
    check();
    return null;
  } catch (err) {
    if (!(err instanceof AccountMapError)) throw err;
    const row = /\brad (\d+):/.exec(err.message);
    return { message: err.message, rule: row ? Number(row[1]) - 1 : null };
  }
}

/** The account map's problem, or null when it is valid (or is the default). */
export function kontoplanProblem(input: SettingsInput): MapProblem | null {
  return input.kontoplan === undefined ? null : problemOf(() => parseAccountMap(input.kontoplan));
}

/** The activity map's problem, or null. */
export function verksamheterProblem(input: SettingsInput): MapProblem | null {
  return input.verksamheter === undefined ? null : problemOf(() => parseActivityMap(input.verksamheter));
}

/** Adds or renames an activity pattern (`41`, `4200-4299`) → verksamhet. */
export function withActivity(input: SettingsInput, code: string, name: string): SettingsInput {
  return { ...input, verksamheter: { ...(input.verksamheter ?? {}), [code.trim()]: name.trim() } };
}

/** Removes an activity pattern; with none left the map is removed (each activity is then its own verksamhet). */
export function withoutActivity(input: SettingsInput, code: string): SettingsInput {
  const { [code]: _dropped, ...rest } = input.verksamheter ?? {};
  if (Object.keys(rest).length > 0) return { ...input, verksamheter: rest };
  const { verksamheter: _none, ...without } = input;
  return without;
}

/** Whether a new activity pattern can be added: the error message, or null. */
export function activityError(input: SettingsInput, code: string, name: string): string | null {
  if (code.trim() === '') return 'Ange en kod, t.ex. 41 eller 4200-4299.';
  if (name.trim() === '') return 'Ange verksamhetens namn.';
  if (input.verksamheter && code.trim() in input.verksamheter) return `Koden ${code.trim()} finns redan.`;
  return problemOf(() => parseActivityMap({ [code.trim()]: name.trim() }))?.message ?? null;
}
