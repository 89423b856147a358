#!/usr/bin/env node
/**
 * The `avvikelse` command as installed (package.json `bin` → dist/cli/avvikelse.js, built by
 * `npm run build:cli`): runs the bundled command line (dist/cli/main.js, src/cli/bin.ts bundled by
 * webpack) through V8's code cache. One bundle instead of ~100 modules saves Node's path resolution
 * and package.json look-ups; the code cache (made at build time after a `report` run on the shipped
 * example, so it holds the functions that run compiled, not only the top level) saves compiling them.
 *
 * The cache is used only when its header names the bundle's length and CRC-32 (zlib's, under a
 * millisecond; `node:crypto` and a SHA-1 of the bundle cost ~8 ms of a 60 ms start when it was the
 * check): V8 itself checks only the source's length, so a stale cache beside a rebuilt bundle must
 * never reach it. A CRC-32 tells any rebuild from another (it is no defence against a forged cache,
 * which needs write access to the bundle's folder, and so to the bundle itself, anyway). A
 * missing, stale or rejected cache (another Node version) only costs time: the bundle is compiled as
 * usual. `AVVIKELSE_WRITE_CODE_CACHE=1` (the build's last step) writes the cache when the run ends.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';

const BUNDLE = join(__dirname, 'main.js');
const CACHE = `${BUNDLE}.cache`;

/** What the cache must say about the bundle it was made from. */
function cacheHeader(bundle: Buffer): string {
  const crc = (crc32(bundle) >>> 0).toString(16).padStart(8, '0');
  return `avvikelse-code-cache ${process.version} ${bundle.length} crc32:${crc}\n`;
}

/** The cached data made for exactly this bundle, if there is one. */
function readCache(header: string): Buffer | undefined {
  let file: Buffer;
  try {
    file = readFileSync(CACHE);
  } catch {
    return undefined;
  }
  const head = Buffer.from(header);
  return file.subarray(0, head.length).equals(head) ? file.subarray(head.length) : undefined;
}

function writeCache(header: string, data: Buffer): void {
  const temp = `${CACHE}.${process.pid}.tmp`;
  writeFileSync(temp, Buffer.concat([Buffer.from(header), data]));
  renameSync(temp, CACHE);
}

/** Node's own `require` of this file (webpack leaves this name alone): it resolves from dist/cli/ as the bundle's would. */
declare const __non_webpack_require__: NodeJS.Require;

/**
 * Runs the bundle as Node runs a CommonJS module, with its own `module` and the launcher's `require`
 * (same folder; `node:module`'s createRequire cost a module load). The build writes main.js already
 * wrapped as Node wraps a module, and in ASCII only (webpack.config.js), so it is read as Latin-1: a
 * copy into a one-byte string, nothing decoded, nothing joined.
 */
function run(): void {
  const bundle = readFileSync(BUNDLE);
  const header = cacheHeader(bundle);
  const script = new Script(bundle.toString('latin1'), { filename: BUNDLE, cachedData: readCache(header) });
  if (process.env.AVVIKELSE_WRITE_CODE_CACHE === '1') process.on('exit', () => writeCache(header, script.createCachedData()));
  const mod = { exports: {} };
  const compiled = script.runInThisContext() as (e: object, r: NodeJS.Require, m: object, f: string, d: string) => void;
  compiled(mod.exports, __non_webpack_require__, mod, BUNDLE, __dirname);
}

run();
