/** The sum reader of each kind of table: a balance sheet by its sections' names, every other kind top to bottom. */
import { balanceStructure, type BalanceOptions } from './balanceStructure';
import type { SourceKind } from './sourceTable';
import { readStructure, type Structure, type StructureLine, type StructureOptions } from './structure';

export function structureOf(kind: SourceKind | undefined, lines: StructureLine[], options: StructureOptions & BalanceOptions = {}): Structure {
  return kind === 'balansrakning' ? balanceStructure(lines, options) : readStructure(lines, options);
}
