/** Writes the hostile corpus (test/hostile/cases.ts) into a folder: `node …/build.js <mapp>`. */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { domainGrid } from '../fixtures/domainDrift';
import { writeFixture } from '../fixtures/xlsx';
import { FOREIGN_CASES, HOSTILE, type HostileCase } from './cases';

/** The sound workbook the package cases are made from: the domain drift sheet named Prognos. */
export async function goodWorkbook(dir: string): Promise<Buffer> {
  return readFileSync(await writeFixture(join(dir, 'god.xlsx'), [{ name: 'Prognos', rows: domainGrid() }]));
}

export const ALL_CASES: HostileCase[] = [...HOSTILE, ...FOREIGN_CASES];

/** A folder per case (file names repeat across cases); returns the paths. */
export async function buildHostile(dir: string): Promise<string[]> {
  const good = await goodWorkbook(dir);
  return ALL_CASES.map((c, i) => {
    const folder = join(dir, String(i + 1).padStart(2, '0'));
    mkdirSync(folder, { recursive: true });
    return c.build(folder, good);
  });
}

if (require.main === module) {
  const dir = process.argv[2] ?? 'hostile-out';
  buildHostile(dir).then((p) => console.log(`${p.length} fientliga fall skrivna i ${dir}`));
}
