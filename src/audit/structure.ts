/** The audit reads a table's sums with the shared structure reader (`core/structure.ts`). */
export { readStructure, type Structure } from '../core/structure';
