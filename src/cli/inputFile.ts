/**
 * Reading a file named on the command line: only a regular file is read (a device such as /dev/zero,
 * a FIFO or a folder is refused before it is opened for reading, so nothing is read forever), and its
 * identity (device and inode) is kept so that no output can ever be written over it.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type BigIntStats } from 'node:fs';
import { LimitError, LIMITS, limitText } from '../workbook/xlsx/limits';
import { UsageError } from './args';

/** A file's identity: the same device and inode is the same file, whatever path reaches it. */
export interface FileIdentity {
  dev: bigint;
  ino: bigint;
}

export interface InputFile extends FileIdentity {
  path: string;
  realPath: string;
  bytes: Buffer;
}

/** What a non-regular file is, in Swedish (`en mapp`, `en enhet`), or undefined for a regular file. */
export function specialKind(stats: Pick<BigIntStats, 'isFile' | 'isDirectory' | 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket'>): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'en mapp';
  if (stats.isFIFO()) return 'en namngiven rörledning (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'en enhet';
  if (stats.isSocket()) return 'en socket';
  return 'ingen vanlig fil';
}

/** Why a path cannot be read, from its error code. */
function readProblem(path: string, code: string | undefined): string {
  if (code === 'ENOENT') return `filen ${path} finns inte`;
  if (code === 'EACCES' || code === 'EPERM') return `filen ${path} kan inte läsas: behörighet saknas`;
  if (code === 'ENOTDIR') return `filen ${path} finns inte (en del av sökvägen är ingen mapp)`;
  if (code === 'ELOOP') return `filen ${path} kan inte läsas: symboliska länkar pekar i en cirkel`;
  return `filen ${path} kan inte läsas (${code ?? 'okänt fel'})`;
}

function refuseSpecial(path: string, stats: BigIntStats, what: string): void {
  const kind = specialKind(stats);
  if (kind) throw new UsageError(`${path} är ${kind}, inte ${what}`);
}

/**
 * Reads a regular file of at most `maxBytes`; `what` names what it should be (`en .xlsx-fil`).
 * Every problem is a UsageError with one Swedish line (exit 2).
 */
export function readInputFile(path: string, what: string, maxBytes: number = LIMITS.packageBytes): InputFile {
  let stats: BigIntStats;
  try {
    stats = statSync(path, { bigint: true });
  } catch (e) {
    throw new UsageError(readProblem(path, (e as NodeJS.ErrnoException).code));
  }
  refuseSpecial(path, stats, what);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new UsageError(readProblem(path, (e as NodeJS.ErrnoException).code));
  }
  try {
    const opened = fstatSync(fd, { bigint: true });
    refuseSpecial(path, opened, what); // the path may have changed between the two looks
    const size = Number(opened.size);
    if (size > maxBytes) throw new UsageError(`${path}: ${new LimitError(`filen är ${limitText(size, 'bytes')}, större än ${limitText(maxBytes, 'bytes')} (gränsen för en fil som läses)`).message}`);
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { path, realPath: realpathSync.native(path), dev: opened.dev, ino: opened.ino, bytes: bytes.subarray(0, read) };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(readProblem(path, (e as NodeJS.ErrnoException).code));
  } finally {
    closeSync(fd);
  }
}
