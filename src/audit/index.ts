/** Auditing hand-typed tables (issue 4): see `audit.ts` for how a table is read and checked. */
export { auditJson, auditSheet, auditSummary, auditTable, auditWorkbook, formatFinding } from './audit';
export { locateTables } from './locate';
export type { AuditedTable, AuditFinding, AuditOptions, AuditResult, FindingKind } from './types';
