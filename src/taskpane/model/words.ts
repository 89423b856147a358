/** The Swedish words the pane shows for the engine's identifiers. */
import type { Direction, FlagLevel, Role } from '../../core/types';
import type { SheetKind } from '../../report/settings';

export const KIND_NAMES: Record<SheetKind, string> = {
  drift: 'Driftredovisning',
  huvudbok: 'Huvudboksutdrag',
  nettokostnad: 'Nettokostnad per verksamhet',
  resultatrakning: 'Resultaträkning',
  balansrakning: 'Balansräkning',
  investeringar: 'Investeringar',
  portfolj: 'Projektportfölj',
  indikatorer: 'Indikatorer',
};

export const ROLE_NAMES: Record<Role, string> = {
  label: 'Benämning',
  type: 'Typ (intäkt/kostnad)',
  group: 'Verksamhet/grupp',
  group1: 'Nivå 1',
  group2: 'Nivå 2',
  target: 'Mål',
  budgetHelar: 'Budget helår',
  prognosHelar: 'Prognos helår',
  avvikelseHelar: 'Avvikelse helår',
  avvikelsePctHelar: 'Avvikelse % helår',
  budgetPeriod: 'Budget perioden',
  utfallPeriod: 'Utfall perioden',
  avvikelsePeriod: 'Avvikelse perioden',
  avvikelsePctPeriod: 'Avvikelse % perioden',
  utfallFgAr: 'Utfall fg år',
  utfallFgAr2: 'Utfall två år sedan',
};

/** Roles listed for each kind of table, in sheet order; roles that were detected are added after. */
export const ROLES_OF_KIND: Record<SheetKind, Role[]> = {
  drift: ['group', 'label', 'type', 'budgetHelar', 'prognosHelar', 'avvikelseHelar', 'budgetPeriod', 'utfallPeriod', 'avvikelsePeriod', 'utfallFgAr'],
  huvudbok: ['label', 'group', 'budgetHelar', 'prognosHelar', 'budgetPeriod', 'utfallPeriod', 'utfallFgAr'],
  nettokostnad: ['group', 'label', 'budgetHelar', 'prognosHelar', 'avvikelseHelar', 'budgetPeriod', 'utfallPeriod', 'avvikelsePeriod', 'utfallFgAr'],
  resultatrakning: ['label', 'budgetHelar', 'prognosHelar', 'avvikelseHelar', 'budgetPeriod', 'utfallPeriod', 'avvikelsePeriod', 'utfallFgAr'],
  balansrakning: ['label', 'budgetHelar', 'utfallPeriod', 'utfallFgAr'],
  investeringar: ['group', 'label', 'budgetHelar', 'prognosHelar', 'avvikelseHelar', 'utfallPeriod'],
  portfolj: ['group1', 'group2', 'label', 'budgetHelar', 'prognosHelar', 'avvikelseHelar', 'utfallPeriod'],
  indikatorer: ['label', 'target'],
};

export const LEVEL_NAMES: Record<FlagLevel, string> = { comment: 'Kommentera', observe: 'Bevaka' };
export const DIRECTION_NAMES: Record<Direction, string> = { negative: 'Negativ', positive: 'Positiv' };

/** `1 tabell` / `3 tabeller`. */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
