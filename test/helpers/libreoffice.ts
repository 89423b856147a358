/**
 * LibreOffice Calc, headless, with a profile of its own: converts a batch of workbooks in one
 * invocation (to see that it opens what we write, or to have it write a workbook of its own). Needs the
 * `libreoffice-calc` package; where it is missing its tests are skipped with a warning, except in CI.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

const CALC_LIBRARY = '/usr/lib/libreoffice/program/libsclo.so';

/** Why Calc cannot run here, or null. */
export function calcMissing(): string | null {
  if (!existsSync(CALC_LIBRARY)) return 'LibreOffice Calc saknas (apt-get install -y libreoffice-calc)';
  if (spawnSync('sh', ['-c', 'command -v soffice']).status !== 0) return 'soffice saknas (apt-get install -y libreoffice-calc)';
  return null;
}

/** True when Calc can run; in CI a missing Calc is an error, elsewhere a warning. */
export function calcAvailable(): boolean {
  const why = calcMissing();
  if (!why) return true;
  if (process.env.CI) throw new Error(why);
  console.warn(`Hoppar över LibreOffice-testerna: ${why}`);
  return false;
}

/**
 * A LibreOffice profile (a `file://` URL) whose locale is Swedish, so figures LibreOffice formats itself
 * (chart labels and axes) read as a Swedish reader sees them: `-1 832`, `1 234,5`.
 */
export function swedishProfile(dir: string): string {
  mkdirSync(join(dir, 'user'), { recursive: true });
  const locale = (name: string) => `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="${name}" oor:op="fuse"><value>sv-SE</value></prop></item>`;
  writeFileSync(join(dir, 'user', 'registrymodifications.xcu'), `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry">${locale('ooSetupSystemLocale')}${locale('ooLocale')}</oor:items>\n`);
  return `file://${dir}`;
}

/**
 * Converts every file to `format` (`csv`, `pdf`, `xlsx`) into `outDir` in one run of LibreOffice; returns
 * the path each file's conversion should have (check that it exists: a file LibreOffice cannot open
 * gives none).
 */
export function convertAll(files: string[], format: string, outDir: string, filter?: string, swedish = false): Map<string, string> {
  mkdirSync(outDir, { recursive: true });
  const profile = swedish ? swedishProfile(join(outDir, 'lo-profile-sv')) : `file://${join(outDir, 'lo-profile')}`;
  const target = filter ? `${format}:${filter}` : format;
  const run = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', target, '--outdir', outDir, ...files], { encoding: 'utf8', timeout: 600_000 });
  if (run.status !== 0) throw new Error(`soffice avslutades med ${run.status}: ${run.stderr}`);
  return new Map(files.map((f) => [f, join(outDir, `${basename(f, extname(f))}.${format}`)]));
}
