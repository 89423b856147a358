/**
 * A short run without V8's optimising compiler (issue 12: `report` on the shipped example).
 *
 * V8 optimises a function with TurboFan once it has run hot for a while, on a helper thread. On a
 * workbook of a few megabytes the run is over before that work pays back: on the shipped example it is
 * about a third of all the instructions the process executes beyond Node's own start (38 functions,
 * Decimal's constructor and the XML scanners among them), competing for the two cores with the run
 * itself. Below SHORT_RUN_BYTES unpacked, the command line therefore stops V8 at its baseline tier
 * (Sparkplug); measured on the 10 000-row forecast (3.9 MB unpacked) the run is no slower, while a
 * 100 000-row one needs TurboFan (twice the time without), so larger inputs keep it. Results do not
 * depend on the tier: only speed does.
 *
 * Only the installed command (src/cli/bin.ts) allows it: `main` run inside another program (the tests)
 * must not change that program's V8. Nor does the build's code-cache run (launch.ts): the cache records
 * V8's flags, and a cache made under other flags is refused at the next start.
 */
import { centralDirectory } from '../workbook/xlsx/zipDirectory';

/** Inputs whose parts unpack to at most this many bytes are short runs. */
export const SHORT_RUN_BYTES = 4 * 1024 * 1024;

let allowed = false;

/** Lets `shortRunTier` change V8's flags: for the command line's own process only. */
export function allowShortRunTier(): void {
  allowed = true;
}

/** The unpacked size of the package's parts as its central directory states them; Infinity if it cannot say (ZIP64, damage). */
export function statedUnpackedBytes(zip: Buffer): number {
  const dir = centralDirectory(zip);
  if (!dir || dir.offset + dir.size > zip.length) return Infinity;
  let total = 0;
  let at = dir.offset;
  for (let i = 0; i < dir.count; i++) {
    if (at + 46 > dir.offset + dir.size || zip.readUInt32LE(at) !== 0x02014b50) return Infinity;
    const size = zip.readUInt32LE(at + 24);
    if (size === 0xffffffff) return Infinity;
    total += size;
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}

/** Keeps V8 at its baseline tier for the rest of the process when `zip` is small; true when it did. */
export function shortRunTier(zip: Buffer): boolean {
  if (!allowed || statedUnpackedBytes(zip) > SHORT_RUN_BYTES) return false;
  // required here, not imported: node:v8 takes 1–2 ms to load, which a large input need not pay
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--max-opt=1');
  return true;
}
