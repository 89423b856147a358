/**
 * The shape of a settings file (`--config`, `--kontoplan`): every key known, every value of the right
 * type. A misspelt key (`thresholdAmout`) is refused naming the closest real one, and a value of the
 * wrong type (`true`, `null`, `{}`, a list with `null` in it) is refused naming its path, instead of
 * being ignored or failing somewhere deep inside the run.
 */
import { closest } from '../core/suggest';
import { SettingsError, type SettingsInput } from './settings';

type Check = (value: unknown, where: string) => unknown;

/** How a wrong value is shown: `null`, `true`, `"abc"`, `ett objekt`, `en lista`. */
function shown(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'en lista';
  if (typeof v === 'object') return 'ett objekt';
  if (typeof v === 'string') return `"${v}"`;
  return String(v);
}

const fail = (where: string, wanted: string, v: unknown): never => {
  throw new SettingsError(`${where} ska vara ${wanted}, inte ${shown(v)}`);
};

const text: Check = (v, where) => (typeof v === 'string' ? v : fail(where, 'text', v));
const bool: Check = (v, where) => (typeof v === 'boolean' ? v : fail(where, 'true eller false', v));
const finite = (v: unknown, where: string): number => (typeof v === 'number' && Number.isFinite(v) ? v : fail(where, 'ett ändligt tal', v));
const numberOrText: Check = (v, where) => (typeof v === 'string' ? v : finite(v, where));
const integer: Check = (v, where) => (Number.isInteger(v) ? v : fail(where, 'ett heltal', v));
const integerOrText: Check = (v, where) => (typeof v === 'string' ? v : integer(v, where));

/** `2026` or `"2026"` → 2026; anything else is refused. */
const year: Check = (v, where) => {
  const n = typeof v === 'string' && /^\d{4}$/.test(v.trim()) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1900 || n > 2200) fail(where, 'ett årtal som 2026', v);
  return n;
};

function list(item: Check, length?: number): Check {
  return (v, where) => {
    if (!Array.isArray(v)) return fail(where, length ? `en lista med ${length} värden` : 'en lista', v);
    if (length !== undefined && v.length !== length) throw new SettingsError(`${where} ska ha ${length} värden, inte ${v.length}`);
    return v.map((x, i) => item(x, `${where}[${i}]`));
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An object whose every value passes `item` (keys free: sheet names, roles, codes). */
function mapOf(item: Check): Check {
  return (v, where) => {
    if (!isObject(v)) return fail(where, 'ett objekt', v);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, item(x, `${where}.${k}`)]));
  };
}

/** An object with known keys only; `required` keys must be present. */
function record(fields: Record<string, Check>, required: string[] = []): Check {
  return (v, where) => {
    if (!isObject(v)) return fail(where, 'ett objekt', v);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const check = fields[k];
      if (!check) {
        const near = closest(k, Object.keys(fields));
        throw new SettingsError(`${where}: okänd nyckel "${k}"${near ? `; menade du "${near}"?` : ''}`);
      }
      out[k] = check(x, `${where}.${k}`);
    }
    for (const k of required) if (!(k in v)) throw new SettingsError(`${where}: "${k}" saknas`);
    return out;
  };
}

/** What one sheet (and the defaults) may set: every key of `SettingsInput` but the top-level ones (the type makes a new key impossible to forget here). */
const TABLE_FIELDS: Record<Exclude<keyof SettingsInput, 'sheets' | 'year' | 'kontoplan' | 'verksamheter'>, Check> = {
  inputUnit: text,
  unit: text,
  months: integerOrText,
  profile: list(numberOrText, 12),
  signed: bool,
  convention: text,
  blankAsZero: bool,
  thresholdAmount: numberOrText,
  thresholdPercent: numberOrText,
  observeAmount: numberOrText,
  observePercent: numberOrText,
  kind: text,
  skip: bool,
  periodBudget: bool,
  annual: bool,
  headingTotals: bool,
  charts: bool,
  columns: mapOf(text),
  headerRow: integer,
};

const ACCOUNT_RULE = record({ konton: (v, w) => (typeof v === 'number' ? integer(v, w) : text(v, w)), kategori: text, typ: text }, ['konton', 'kategori']);
const KONTOPLAN = list(ACCOUNT_RULE);
const VERKSAMHETER = mapOf(text);

const CONFIG = record({ ...TABLE_FIELDS, sheets: mapOf(record(TABLE_FIELDS)), year, kontoplan: KONTOPLAN, verksamheter: VERKSAMHETER });
const ACCOUNT_FILE = record({ kontoplan: KONTOPLAN, verksamheter: VERKSAMHETER });

/** A `--config` file's content, checked key by key (`where` prefixes every message). */
export function checkConfig(value: unknown, where = 'konfiguration'): SettingsInput {
  if (!isObject(value)) throw new SettingsError(`${where}: filen ska innehålla ett JSON-objekt { … }, inte ${shown(value)}`);
  return CONFIG(value, where) as SettingsInput;
}

/** A `--kontoplan` file: a list of rules, or `{ "kontoplan": […], "verksamheter": { … } }`. */
export function checkAccountFile(value: unknown, where = 'kontoplan'): Pick<SettingsInput, 'kontoplan' | 'verksamheter'> {
  if (Array.isArray(value)) return { kontoplan: KONTOPLAN(value, where) as SettingsInput['kontoplan'] };
  if (!isObject(value) || !('kontoplan' in value || 'verksamheter' in value)) {
    throw new SettingsError(`${where}: filen ska vara en lista med { "konton", "kategori" } eller ett objekt med "kontoplan"`);
  }
  return ACCOUNT_FILE(value, where) as Pick<SettingsInput, 'kontoplan' | 'verksamheter'>;
}
