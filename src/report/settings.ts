/** Report settings: defaults, CLI options and per-sheet overrides from a JSON config file. */
import type Decimal from 'decimal.js';
import { Dec } from '../core/decimal';
import { parseSwedishNumber } from '../core/money';
import { DEFAULT_THRESHOLDS } from '../core/thresholds';
import { columnIndex } from '../core/address';
import { AccountMapError, DEFAULT_ACCOUNT_MAP, parseAccountMap, parseActivityMap, type AccountMap, type ActivityMap } from '../core/accountMap';
import type { SettingsInput } from '../workbook/settingsInput';
import { ROLE_IDS, type BlankPolicy, type InputUnit, type Role, type SignConvention, type TableSettings, type Thresholds, type Unit } from '../core/types';

/** `huvudbok`: a ledger extract (one row per account and activity), aggregated by the account map. */
export type SheetKind = 'drift' | 'huvudbok' | 'nettokostnad' | 'resultatrakning' | 'balansrakning' | 'investeringar' | 'portfolj' | 'indikatorer';

/** What a sheet may override: table settings, the table kind, skipping, and the role mapping. */
export type SheetOverride = Partial<TableSettings> & { kind?: SheetKind; skip?: boolean; columns?: Partial<Record<Role, number>>; headerRow?: number };

export interface ReportSettings {
  defaults: TableSettings;
  /** Per-sheet overrides (the sheet name as key). */
  sheets: Record<string, SheetOverride>;
  /** Report year (for `Jan–aug 2026` headings). */
  year: number;
  /** The account map of ledger extracts (the shipped Kommun-Bas default unless the user edited it). */
  accounts: AccountMap;
  /** The activity map of ledger extracts; undefined = each Ansvar/Verksamhet value is its own verksamhet. */
  activities?: ActivityMap;
  /** The settings the user gave for the whole workbook (they come before what a sheet says). */
  given?: TableSettings['given'];
}

export type { SettingsInput } from '../workbook/settingsInput';

export class SettingsError extends Error {}

function num(v: number | string, what: string): Decimal {
  const d = typeof v === 'number' && Number.isFinite(v) ? new Dec(v) : typeof v === 'string' ? parseSwedishNumber(v) : null;
  if (!d || d.isNegative()) throw new SettingsError(`${what}: "${v}" är inget giltigt tal`);
  return d;
}

/** The largest thresholds that mean anything: 1 000 000 000 tkr (a thousand times a large city's budget), 100 000 %. */
const MAX_THRESHOLD = { amount: 1e9, percent: 1e5 };

/** A threshold: a number from 0 up to a sane maximum (`1e400` is a slip, not a setting). */
function threshold(v: number | string, what: string, kind: keyof typeof MAX_THRESHOLD): Decimal {
  const d = num(v, what);
  if (d.gt(MAX_THRESHOLD[kind])) throw new SettingsError(`${what}: "${v}" är orimligt stort (högst ${kind === 'amount' ? '1 000 000 000 tkr' : '100 000 %'})`);
  return d;
}

function flag(v: unknown, what: string): boolean {
  if (typeof v !== 'boolean') throw new SettingsError(`${what}: "${String(v)}" ska vara true eller false`);
  return v;
}

function oneOf<T extends string>(v: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(v)) throw new SettingsError(`${what}: "${v}" ska vara ${allowed.join(' eller ')}`);
  return v as T;
}

/** Applies the given inputs on top of a base (only the keys that are present). */
export function applyInput(base: Partial<TableSettings>, input: SettingsInput, prefix = ''): SheetOverride {
  const where = prefix ? `${prefix} ` : '';
  const out: SheetOverride = { ...base };
  if (input.inputUnit !== undefined) out.inputUnit = oneOf<InputUnit>(input.inputUnit, ['kr', 'tkr', 'mnkr'], `${where}input-unit`);
  if (input.unit !== undefined) out.unit = oneOf<Unit>(input.unit, ['tkr', 'mnkr'], `${where}unit`);
  if (input.months !== undefined) {
    const m = Number(input.months);
    if (!Number.isInteger(m) || m < 1 || m > 12) throw new SettingsError(`${where}months: "${input.months}" ska vara ett heltal 1–12`);
    out.months = m;
  }
  if (input.profile !== undefined) {
    if (!Array.isArray(input.profile) || input.profile.length !== 12) throw new SettingsError(`${where}profile: ska vara 12 vikter`);
    out.profile = input.profile.map((w, i) => num(w, `${where}profile[${i}]`));
  }
  if (input.signed !== undefined) out.convention = input.signed ? 'signed' : 'unsigned';
  if (input.convention !== undefined) out.convention = oneOf<SignConvention>(input.convention, ['signed', 'unsigned', 'ledger'], `${where}convention`);
  if (input.blankAsZero !== undefined) out.blanks = (input.blankAsZero ? 'zero' : 'error') as BlankPolicy;
  const th: Thresholds = out.thresholds ?? DEFAULT_THRESHOLDS;
  const comment = { ...th.comment };
  const observe = { ...th.observe };
  if (input.thresholdAmount !== undefined) comment.amountTkr = threshold(input.thresholdAmount, `${where}threshold-amount`, 'amount');
  if (input.thresholdPercent !== undefined) comment.percent = threshold(input.thresholdPercent, `${where}threshold-percent`, 'percent');
  if (input.observeAmount !== undefined) observe.amountTkr = threshold(input.observeAmount, `${where}observe-amount`, 'amount');
  else if (input.thresholdAmount !== undefined) observe.amountTkr = comment.amountTkr?.div(2);
  if (input.observePercent !== undefined) observe.percent = threshold(input.observePercent, `${where}observe-percent`, 'percent');
  else if (input.thresholdPercent !== undefined) observe.percent = comment.percent?.div(2);
  out.thresholds = { comment, observe };
  if (input.kind !== undefined) out.kind = oneOf(input.kind, ['drift', 'huvudbok', 'nettokostnad', 'resultatrakning', 'balansrakning', 'investeringar', 'portfolj', 'indikatorer'] as const, `${where}kind`);
  if (input.skip !== undefined) out.skip = input.skip;
  if (input.periodBudget !== undefined) out.periodBudget = flag(input.periodBudget, `${where}periodBudget`);
  if (input.annual !== undefined) out.annual = flag(input.annual, `${where}annual`);
  if (input.headingTotals !== undefined) out.headingTotals = flag(input.headingTotals, `${where}headingTotals`);
  if (input.charts !== undefined) out.charts = flag(input.charts, `${where}charts`);
  if (input.columns !== undefined) out.columns = parseColumns(input.columns, where);
  if (input.headerRow !== undefined) {
    if (!Number.isInteger(input.headerRow) || input.headerRow < 1) throw new SettingsError(`${where}headerRow: "${input.headerRow}" ska vara ett radnummer (1, 2, …)`);
    out.headerRow = input.headerRow;
  }
  return out;
}

/** `{ "budgetHelar": "C" }` → `{ budgetHelar: 2 }`; unknown roles and bad letters are errors. */
function parseColumns(columns: Record<string, string>, where: string): Partial<Record<Role, number>> {
  const out: Partial<Record<Role, number>> = {};
  for (const [role, letter] of Object.entries(columns)) {
    if (!(ROLE_IDS as readonly string[]).includes(role)) throw new SettingsError(`${where}columns: "${role}" är ingen kolumnroll`);
    if (!/^[A-Za-z]{1,3}$/.test(letter)) throw new SettingsError(`${where}columns.${role}: "${letter}" är ingen kolumnbokstav`);
    out[role as Role] = columnIndex(letter);
  }
  return out;
}

export const BASE_SETTINGS: TableSettings = { inputUnit: 'kr', unit: 'tkr', blanks: 'error', thresholds: DEFAULT_THRESHOLDS };

/** Builds the settings from CLI options and an optional config `{ ...defaults, "sheets": { name: {...} } }`. */
export function buildSettings(cli: SettingsInput, config?: unknown, year = new Date().getFullYear()): ReportSettings {
  const cfg = (config ?? {}) as SettingsInput;
  if (config !== undefined && (typeof config !== 'object' || config === null || Array.isArray(config))) {
    throw new SettingsError('konfigurationsfilen ska innehålla ett JSON-objekt');
  }
  const fromConfig = applyInput(BASE_SETTINGS, cfg, 'konfiguration:');
  const defaults = { ...BASE_SETTINGS, ...applyInput(fromConfig, cli, '') } as TableSettings;
  const sheets: ReportSettings['sheets'] = {};
  const names = new Set([...Object.keys(cfg.sheets ?? {}), ...Object.keys(cli.sheets ?? {})]);
  for (const name of names) {
    const fromFile = applyInput({ thresholds: defaults.thresholds }, cfg.sheets?.[name] ?? {}, `konfiguration: ${name}`);
    sheets[name] = applyInput(fromFile, cli.sheets?.[name] ?? {}, `konfiguration: ${name}`);
  }
  const kontoplan = cli.kontoplan ?? cfg.kontoplan;
  const verksamheter = cli.verksamheter ?? cfg.verksamheter;
  let accounts = DEFAULT_ACCOUNT_MAP;
  let activities: ActivityMap | undefined;
  try {
    if (kontoplan !== undefined) accounts = parseAccountMap(kontoplan);
    if (verksamheter !== undefined) activities = parseActivityMap(verksamheter);
  } catch (e) {
    if (e instanceof AccountMapError) throw new SettingsError(e.message);
    throw e;
  }
  return { defaults, sheets, year: cli.year ?? cfg.year ?? year, accounts, activities, given: givenKeys([cfg, cli], 'global') };
}

/** Which of the unit and convention settings the inputs give. */
function givenKeys(inputs: SettingsInput[], where: 'global' | 'sheet'): TableSettings['given'] {
  const given: NonNullable<TableSettings['given']> = {};
  for (const input of inputs) {
    if (input.inputUnit !== undefined) given.inputUnit = where;
    if (input.unit !== undefined) given.unit = where;
    if (input.signed !== undefined || input.convention !== undefined) given.convention = where;
    if (input.blankAsZero !== undefined) given.blanks = where;
  }
  return given;
}

/** The effective settings of one sheet, with where its unit and convention settings came from. */
export function sheetSettings(settings: ReportSettings, sheet: string): TableSettings {
  const { kind: _kind, skip: _skip, columns: _columns, headerRow: _headerRow, ...override } = settings.sheets[sheet] ?? {};
  const given = { ...settings.given };
  if (override.inputUnit !== undefined) given.inputUnit = 'sheet';
  if (override.unit !== undefined) given.unit = 'sheet';
  if (override.convention !== undefined) given.convention = 'sheet';
  if (override.blanks !== undefined) given.blanks = 'sheet';
  return { ...settings.defaults, ...override, given };
}
