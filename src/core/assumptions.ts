/**
 * What the reader assumed about a sheet's layout, each said in one Swedish sentence, and the settings
 * that override it: the unit (the sheet's own words, unless a setting says otherwise), the table's kind,
 * its column blocks, the columns it does not read.
 */
import { columnLetters } from './address';
import type { SheetUnit } from './sheetUnit';
import type { SourceKind } from './sourceTable';
import type { HeaderMap, IgnoredColumn, Role, TableSettings, Unit } from './types';

/**
 * The units a sheet is read and shown in: a setting (command line, config, the pane) first, then the
 * unit the sheet states, then kr (read) and tkr (shown). A sheet in tkr or mnkr gets its tables in the
 * same unit unless a table unit is set.
 */
export function resolveUnits(settings: TableSettings, found: SheetUnit | undefined): { settings: TableSettings; note?: string } {
  if (!found) return { settings };
  const given = settings.given ?? {};
  const inputUnit = given.inputUnit ? settings.inputUnit : found.unit;
  const unit: Unit = given.unit ? settings.unit : found.unit === 'mnkr' ? 'mnkr' : found.unit === 'tkr' ? 'tkr' : settings.unit;
  const where = `"${found.text}" i ${found.cell}`;
  const read = given.inputUnit
    ? inputUnit === found.unit
      ? `beloppen läses i ${inputUnit} (enligt inställningen och ${where})`
      : `beloppen läses i ${inputUnit} enligt inställningen, fast arket anger ${found.unit} (${where})`
    : `beloppen läses i ${inputUnit} (enligt ${where})`;
  return { settings: { ...settings, inputUnit, unit }, note: `${read}; tabellerna visas i ${unit}.` };
}

/** Why a table was read as a kind that is not an operating account by category. */
export function kindNote(kind: SourceKind, header: HeaderMap, overridden: boolean): string | undefined {
  if (overridden) return undefined;
  if (kind === 'nettokostnad' && (header.results || header.yardstick)) {
    return 'tabellen läses som resultat per verksamhet: varje rad är en verksamhets resultat (ett överskott positivt), aldrig en intäkt eller kostnad; ange "kind" för fliken för att läsa den på annat sätt.';
  }
  if (kind === 'nettokostnad') {
    const why = header.netWords ? 'kolumnerna anger nettobelopp' : 'raderna är verksamheter utan intäkts- eller kostnadsord';
    return `tabellen läses som nettokostnad per verksamhet (${why}): varje rad är en nettokostnad, aldrig en intäkt; ange "kind" för fliken för att läsa den på annat sätt.`;
  }
  if (kind === 'balansrakning') return 'tabellen läses som balansräkning: raderna och summorna som de står.';
  if (kind === 'resultatrakning') {
    return 'tabellen läses som resultaträkning: Verksamhetens kostnader är en rad bland de andra, och varje resultat (Verksamhetens nettokostnad, Årets resultat …) är föregående resultat plus raderna sedan dess.';
  }
  return undefined;
}

const IGNORED_WHY: Record<IgnoredColumn['reason'], string> = {
  note: 'hänvisar till noter',
  change: 'är en förändring mot föregående år, ingen budgetavvikelse',
  consumed: 'är utfallet i procent av budget, ingen avvikelse',
  koncern: 'hör till koncernen, inte till kommunen',
};

/** `kolumn F (Förändring %) är en förändring mot föregående år, ingen budgetavvikelse, och läses inte.` */
export function ignoredNotes(header: HeaderMap): string[] {
  const notes = (header.ignored ?? []).map((i) => `kolumn ${columnLetters(i.column)} (${i.header}) ${IGNORED_WHY[i.reason]} och läses inte.`);
  for (const b of (header.blocks ?? []).filter((x) => x.koncern)) {
    const cols = Array.from({ length: b.to - b.from }, (_, i) => b.from + i).filter((c) => header.texts?.[c] !== undefined);
    notes.push(`kolumnerna ${range(cols)} (${b.name}) ${IGNORED_WHY.koncern} och läses inte här; granskningen kontrollerar dem.`);
  }
  return notes;
}

/** `B–E`, or `B, D` when not adjacent. */
function range(cols: number[]): string {
  const sorted = [...cols].sort((a, b) => a - b);
  const adjacent = sorted.every((c, i) => i === 0 || c === sorted[i - 1] + 1);
  if (sorted.length > 1 && adjacent) return `${columnLetters(sorted[0])}–${columnLetters(sorted[sorted.length - 1])}`;
  return sorted.map(columnLetters).join(', ');
}

const letters = (columns: Partial<Record<Role, number>>) => range(Object.values(columns).filter((c): c is number => c !== undefined));

/** Several column blocks: which one the standard tables use, and that every one is filled and audited. */
export function blocksNote(header: HeaderMap): string | undefined {
  const blocks = (header.blocks ?? []).filter((b) => !b.koncern);
  if (blocks.length === 0) return undefined;
  const { label: _l, type: _t, group: _g, group1: _g1, group2: _g2, target: _x, ...primary } = header.columns;
  const others = blocks.map((b) => `${letters(b.columns)} (${b.name})`).join(', ');
  return `kolumnerna ${letters(primary)} är årets block och ger standardtabellerna; ${others} läses som ${blocks.length === 1 ? 'ett eget block' : 'egna block'}, med egna tabeller och egna avvikelser.`;
}

/** A table of actuals only (an annual report's years side by side): no budget and no forecast to compare with. */
export function actualsOnly(header: HeaderMap): boolean {
  const c = header.columns;
  return c.budgetHelar === undefined && c.budgetPeriod === undefined && c.prognosHelar === undefined && (header.blocks ?? []).every((b) => b.koncern || (b.columns.budgetHelar === undefined && b.columns.budgetPeriod === undefined && b.columns.prognosHelar === undefined));
}

/**
 * A table of actuals only is read as it stands: its figures with their own signs (nothing to compare,
 * so no row needs a type) and an empty cell as nothing booked (0). Settings for the sheet come first.
 */
export function actualsSettings(settings: TableSettings, header: HeaderMap, kind?: string): { settings: TableSettings; note?: string } {
  if (header.yardstick === 'prognos') return resultSettings(settings, 'utfallet jämförs med prognosen');
  if (header.results) return resultSettings(settings, 'kolumnerna är resultat');
  if (kind === 'resultatrakning' && !actualsOnly(header)) return statementSettings(settings);
  const balance = kind === 'balansrakning';
  if (!actualsOnly(header) && !balance) return { settings };
  const given = settings.given ?? {};
  const out = { ...settings };
  const parts: string[] = [];
  if (!given.convention) {
    out.convention = 'signed';
    parts.push('beloppen läses med sina tecken');
  }
  if (!given.blanks) {
    out.blanks = 'zero';
    parts.push('en tom cell räknas som 0');
  }
  if (parts.length === 0) return { settings };
  const what = balance ? 'tabellen är en balansräkning' : 'tabellen har bara utfall (ingen budget eller prognos att jämföra med)';
  return { settings: out, note: `${what}: ${parts.join(' och ')}; ändra med "convention" eller "blankAsZero" för fliken.` };
}

/** Results (a `Resultat` column, or set against a forecast: prognossäkerhet) are printed with their signs: a surplus positive. */
function resultSettings(settings: TableSettings, why: string): { settings: TableSettings; note?: string } {
  if (settings.given?.convention) return { settings };
  return { settings: { ...settings, convention: 'signed' }, note: `${why}: beloppen läses med sina tecken (ett överskott positivt, ett underskott negativt); ändra med "convention" för fliken.` };
}

/** An income statement leaves a line empty where there is nothing (`Jämförelsestörande poster` not budgeted): 0. */
function statementSettings(settings: TableSettings): { settings: TableSettings; note?: string } {
  if (settings.given?.blanks) return { settings };
  return { settings: { ...settings, blanks: 'zero' }, note: 'tabellen är en resultaträkning: en tom cell är en rad utan belopp och räknas som 0; ändra med "blankAsZero" för fliken.' };
}
