/** File helpers for the safety tests: hashes and folder listings. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Every file under `dir` with its size and hash: what changed in a folder, temporary files included. */
export function treeListing(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const stats = statSync(path, { throwIfNoEntry: false });
      if (stats?.isDirectory()) walk(path, `${prefix}${name}/`);
      else out.push(`${prefix}${name} ${stats ? `${stats.size} ${sha256(path).slice(0, 12)}` : '(bruten länk)'}`);
    }
  };
  walk(dir, '');
  return out;
}
