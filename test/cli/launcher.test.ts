/**
 * The command as installed (package.json `bin`): the webpack bundle run by its launcher through V8's
 * code cache (webpack.config.js `--env cli`, src/cli/launch.ts). It must write the same bytes as the
 * command line run module by module, use the cache it was built with, and never trust a cache made
 * for another bundle (V8 checks only the source's length).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';
import { builtCli } from '../support/builtCli';
import { runCli, tempDir } from './helpers';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'prognos-exempel.xlsx');
const CONFIG = join(ROOT, 'examples', 'avvikelse.json');

let launcher: string;
let expected: { xlsx: Buffer; json: Buffer };

/** `report` on the example through a launcher, in its own process; the outputs' bytes. */
function reportThrough(cli: string): { code: number | null; err: string; xlsx: Buffer; json: Buffer } {
  const dir = tempDir();
  const run = spawnSync(process.execPath, [cli, 'report', EXAMPLE, '--out', join(dir, 'r.xlsx'), '--json', join(dir, 'r.json'), '--config', CONFIG, '--quiet'], { encoding: 'utf8' });
  const read = (name: string) => (run.status === 0 ? readFileSync(join(dir, name)) : Buffer.alloc(0));
  return { code: run.status, err: run.stderr, xlsx: read('r.xlsx'), json: read('r.json') };
}

beforeAll(async () => {
  launcher = builtCli();
  const dir = tempDir();
  const run = await runCli(['report', EXAMPLE, '--out', join(dir, 'r.xlsx'), '--json', join(dir, 'r.json'), '--config', CONFIG, '--quiet']);
  expect(run.code).toBe(0);
  expected = { xlsx: readFileSync(join(dir, 'r.xlsx')), json: readFileSync(join(dir, 'r.json')) };
});

test('package.json names the launcher as the command', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
  expect(pkg.bin.avvikelse).toBe('dist/cli/avvikelse.js');
  expect(pkg.scripts['build:cli']).toBe('webpack --env cli');
  expect(readFileSync(launcher, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
});

test('the bundle writes the same bytes as the modules run one by one', () => {
  const run = reportThrough(launcher);
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  expect(run.xlsx.equals(expected.xlsx)).toBe(true);
  expect(run.json.equals(expected.json)).toBe(true);
});

test('the code cache made at build time is for this bundle and this Node, and V8 accepts it', () => {
  const bundle = join(dirname(launcher), 'main.js');
  const cache = readFileSync(`${bundle}.cache`);
  const headerEnd = cache.indexOf(10) + 1;
  const header = cache.subarray(0, headerEnd).toString();
  const bundleBytes = readFileSync(bundle);
  const crc = (crc32(bundleBytes) >>> 0).toString(16).padStart(8, '0');
  expect(header).toBe(`avvikelse-code-cache ${process.version} ${bundleBytes.length} crc32:${crc}\n`);
  const script = new Script(readFileSync(bundle, 'latin1'), { filename: bundle, cachedData: cache.subarray(headerEnd) });
  expect(script.cachedDataRejected).toBe(false);
});

test('the bundle is ASCII, wrapped as Node wraps a module, and keeps its Swedish text as escapes', () => {
  const bytes = readFileSync(join(dirname(launcher), 'main.js'));
  expect(bytes.every((b) => b < 0x80)).toBe(true);
  const text = bytes.toString('latin1');
  expect(text.startsWith('(function (exports, require, module, __filename, __dirname) {')).toBe(true);
  expect(text.endsWith('\n})')).toBe(true);
  // 'kunde inte läsas' in the source: the same string to JavaScript, ASCII in the file
  expect(text).toContain('kunde inte l\\u00e4sas');
  expect(text).not.toContain('kunde inte läsas');
});

test('a cache left from another bundle of the same length is not used: the new code runs', () => {
  const copy = join(tempDir(), 'cli');
  cpSync(dirname(launcher), copy, { recursive: true });
  const bundle = join(copy, 'main.js');
  // the same length, other code: the driftredovisning's title, one letter changed
  const text = readFileSync(bundle, 'utf8');
  const title = "'Driftredovisning'";
  expect(text.split(title)).toHaveLength(2);
  writeFileSync(bundle, text.replace(title, "'DRIFTredovisning'"));
  // V8 would take the stale cache (and run the old code): the check is the launcher's
  const cache = readFileSync(join(copy, 'main.js.cache'));
  const stale = new Script(readFileSync(bundle, 'latin1'), { filename: bundle, cachedData: cache.subarray(cache.indexOf(10) + 1) });
  expect(stale.cachedDataRejected).toBe(false);
  const run = reportThrough(join(copy, 'avvikelse.js'));
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  const titles = (JSON.parse(run.json.toString()) as { tables: { title: string }[] }).tables.map((t) => t.title);
  expect(titles).toContain('DRIFTredovisning');
  expect(titles).not.toContain('Driftredovisning');
});
