/** Large generated inputs, written once into `dist/test-cli/inputs/` and reused by later test runs. */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { writeBigLedger } from './bigLedger';

/** Bump when the generated content changes. */
const VERSION = 1;

/** An N-row ledger extract (see bigLedger.ts), generated on first use. */
export function cachedBigLedger(rows: number): string {
  const dir = join(__dirname, '..', '..', 'dist', 'test-cli', 'inputs');
  const path = join(dir, `huvudbok-${rows}-v${VERSION}.xlsx`);
  if (existsSync(path)) return path;
  mkdirSync(dir, { recursive: true });
  const staging = `${path}.${process.pid}.tmp`;
  writeBigLedger(staging, rows);
  renameSync(staging, path);
  return path;
}
