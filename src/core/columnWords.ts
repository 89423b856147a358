/**
 * Words of the columns real reports print beyond budget, prognos, utfall and avvikelse: net amounts
 * (`Nettokostnad`, `Kommunbidrag`, `Ram`), the parts of a net (`Intäkter`, `Kostnader`) and of a budget
 * (`Urspr budget`, `Om-budget`), blocks (`Kommunen`, `Koncernen`), and columns not read (`Not`,
 * `Förändring %`, `Förbrukat %`). Every matcher works on text that has been through `normalizeHeader`.
 */
import { hasContextWords } from './headerWords';

/** Words of a net-cost table's columns: `Nettokostnad`, `Kommunbidrag`, `Ram`, `Nettobudget`, `Budget (netto)`. */
const NET_WORDS = /netto|kommunbidrag|(?<![a-z])(?:budget)?ram(?:ar|en|arna)?(?![a-z])/;

export function namesNetAmount(normalized: string): boolean {
  return NET_WORDS.test(normalized);
}

/** `Nettokostnad 2024`: the net cost itself, an actual unless a budget or forecast word says otherwise. */
export function namesNetCost(normalized: string): boolean {
  return /nettokostnad|nettoutfall/.test(normalized);
}

/** A part of a net amount: `Intäkter` / `Kostnader` (or `I` / `U` for inkomster / utgifter under a measure). */
export type ComponentPart = 'revenue' | 'cost';

/** The component a column's own header names, or undefined. */
export function componentPart(ownNormalized: string): ComponentPart | undefined {
  const t = ownNormalized
    .replace(/\([^)]*\)/g, ' ')
    .replace(/(?<![a-z0-9])(?:19|20)\d{2}(?![0-9])/g, '')
    .replace(/[^a-z ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // a nämnd's allocation from taxes is revenue to it (`Skatteintäkter och generella bidrag (nämndbidrag)`)
  if (/^(?:verksamhetens |verksamhets|ovriga )?(intakt|intakter|inkomst|inkomster)$|^i$|^skatteintakter och generella (stats)?bidrag$/.test(t)) return 'revenue';
  if (/^(?:verksamhetens |verksamhets)?(kostnad|kostnader|utgift|utgifter)$|^u$/.test(t)) return 'cost';
  return undefined;
}

/** `Netto`, `Nettokostnad`, `Nettoutfall` as a column's own header: the net of the components beside it. */
export function namesNet(ownNormalized: string): boolean {
  const t = ownNormalized.replace(/(?<![a-z0-9])(?:19|20)\d{2}(?![0-9])/g, '').trim();
  return /^(netto|nettokostnad|nettokostnader|nettoutfall|netto ?kostnad|resultat)$/.test(t.replace(/\([^)]*\)/g, '').trim());
}

/** Parts of a budget: `Urspr budget`, `Ursprunglig budget`, `Om-budget`, `Ombudgetering`, `Tilläggsbudget`, `Budgetjustering`. */
export function namesBudgetPart(normalized: string): boolean {
  return /urspr|ursprunglig|om-? ?budget|ombudgeter|tillaggsbudget|tillaggsanslag|budgetjustering|budgetandring|overfort fran/.test(normalized);
}

/** Why a column with such a header is not read; undefined when it may be. */
export type IgnoreReason = 'note' | 'change' | 'consumed' | 'koncern';

/**
 * Columns real reports print that are no budget figures: `Not` (note numbers), `Förändring %` (against
 * last year, not an avvikelse %), `Förbrukat %` (utfall as a share of budget), a `Koncern` block.
 */
export function ignoredHeader(normalized: string): IgnoreReason | undefined {
  if (/^(not|noter|not nr|notnr)$/.test(normalized)) return 'note';
  // a change against last year in percent; a change in kronor is an ordinary figure (it adds up)
  if (/forandr|utveckling/.test(normalized) && /%|procent/.test(normalized)) return 'change';
  if (/forbruk|nyttjandegrad|% av budget|andel av budget/.test(normalized) && !/avvik|(?<![a-z])avv(?![a-z])/.test(normalized)) return 'consumed';
  return undefined;
}

/** A top cell that names a block of columns (`Kommunen`, `Koncernen`, `Projektet totalt`, `År 2025`). */
export function namesColumnBlock(normalized: string): boolean {
  return hasContextWords(normalized) || /kommun|koncern|sammanstalld redovisning|total|projekt|slutkostnad|sedan start|(?<![a-z])arets?(?![a-z])/.test(normalized);
}

/** The group's figures (`Koncernen`, `Kommunkoncernen`, `Sammanställd redovisning`): read by the audit, not by the report. */
export function namesKoncern(normalized: string): boolean {
  return /koncern|sammanstalld redovisning/.test(normalized);
}

/** An organisation and a year (`Kommunen 2019`, `Koncernen 2018`): that year's actuals. */
export function namesEntityYear(normalized: string): boolean {
  return /^(kommunen|kommun|koncern|koncernen|kommunkoncernen|kommunala koncernen|staden|regionen|landstinget|sammanstalld redovisning) ?(?:19|20)\d{2}$/.test(normalized);
}

