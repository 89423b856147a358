/**
 * Where a command may write, checked before any work is done, and the write itself.
 *
 * - No output is ever a file the command reads (the workbook, `--config`, `--kontoplan`), however the
 *   path reaches it: the comparison is by device and inode after following symbolic links, so a
 *   symlink, a hard link, `./a/../in.xlsx` or another spelling on a case-insensitive disk are all
 *   caught. Two outputs may not be the same file either.
 * - An existing file is replaced only when it is Avvikelse's own earlier output, untouched since:
 *   an .xlsx or .docx that still carries our stamp (see zipDirectory.ts), or a JSON file with the
 *   shape of our report or audit JSON. Anything else needs `--force`.
 * - A missing folder, a folder that is a file, a folder given as the output, a read-only folder:
 *   each is one Swedish line before anything is computed or written.
 */
import { accessSync, constants, lstatSync, readFileSync, realpathSync, statSync, type BigIntStats } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { LIMITS } from '../workbook/xlsx/limits';
import { isStampedArchive, stampArchive } from '../workbook/xlsx/zipDirectory';
import { UsageError } from './args';
import { reason, writeFilesAtomically } from './atomicWrite';
import { specialKind, type FileIdentity, type InputFile } from './inputFile';

export type OutputKind = 'xlsx' | 'docx' | 'json';

export interface OutputRequest {
  /** `--out`, `--json`, `--docx`. */
  option: string;
  path: string;
  kind: OutputKind;
}

/** A file the command reads, which no output may be: `indata`, `konfigurationen`, `kontoplanen`. */
export interface ReadFile {
  label: string;
  file: InputFile;
}

export interface PlannedOutput extends OutputRequest {
  /** The path written: the folder's real path and the name, or the file a symlink points at. */
  target: string;
  /** The file there now, if any. */
  existing?: FileIdentity & { mode: number };
  /** What the plan was checked against, so that it can be checked again just before writing. */
  reads: readonly ReadFile[];
  force: boolean;
}

const errno = (e: unknown) => (e as NodeJS.ErrnoException).code;
const sameFile = (a: FileIdentity, b: FileIdentity) => a.dev === b.dev && a.ino === b.ino;

/** The folder an output goes into, as a real path; a missing folder or one that is a file is refused. */
function realFolder(option: string, path: string, folder: string): string {
  try {
    const real = realpathSync.native(folder); // physical: `link/..` is the link target's parent, as the OS sees it
    if (statSync(real).isDirectory()) return real;
  } catch (e) {
    if (errno(e) === 'EACCES') throw new UsageError(`${option}: mappen ${folder} kan inte nås (behörighet saknas)`);
  }
  for (let d = folder; ; d = dirname(d)) {
    try {
      if (!statSync(d).isDirectory()) throw new UsageError(`${option}: ${path} kan inte skapas eftersom ${d} är en fil, inte en mapp`);
      break;
    } catch (e) {
      if (e instanceof UsageError) throw e;
    }
    if (dirname(d) === d) break;
  }
  throw new UsageError(`${option}: mappen ${folder} finns inte; skapa den först eller välj en annan mapp`);
}

/** The file an output path names now (following symlinks), or undefined when there is none. */
function existingFile(option: string, path: string, target: string): { real: string; stats: BigIntStats } | undefined {
  let link: boolean;
  try {
    link = lstatSync(target).isSymbolicLink();
  } catch {
    return undefined;
  }
  let real: string;
  try {
    real = link ? realpathSync.native(target) : target;
  } catch {
    throw new UsageError(`${option}: ${path} är en symbolisk länk till något som inte finns`);
  }
  const stats = statSync(real, { bigint: true });
  if (stats.isDirectory()) throw new UsageError(`${option}: ${path} är en mapp; ange ett filnamn, t.ex. ${join(path, 'rapport.xlsx')}`);
  const kind = specialKind(stats);
  if (kind) throw new UsageError(`${option}: ${path} är ${kind}, ingen vanlig fil`);
  return { real, stats };
}

/** True when the file at `target` is our own earlier output of this kind, unchanged since. */
function isOwnOutput(target: string, kind: OutputKind, size: bigint): boolean {
  if (size > BigInt(LIMITS.packageBytes)) return false;
  try {
    const bytes = readFileSync(target);
    if (kind !== 'json') return isStampedArchive(bytes);
    const json: unknown = JSON.parse(bytes.toString('utf8'));
    if (typeof json !== 'object' || json === null) return false;
    const o = json as Record<string, unknown>;
    return (Array.isArray(o.tables) && Array.isArray(o.comments)) || Array.isArray(o.findings);
  } catch {
    return false;
  }
}

function checkWritable(option: string, folder: string): void {
  try {
    accessSync(folder, constants.W_OK);
  } catch (e) {
    const code = errno(e);
    throw new UsageError(`${option}: mappen ${folder} är skrivskyddad (${code === 'EROFS' ? 'disken är skrivskyddad' : reason(code)})`);
  }
}

function planOne(request: OutputRequest, reads: readonly ReadFile[], force: boolean): PlannedOutput {
  const { option, path } = request;
  const name = basename(path);
  if (path.endsWith('/') || path.endsWith(sep) || name === '.' || name === '..') throw new UsageError(`${option}: ${path} är en mapp; ange ett filnamn`);
  const folder = realFolder(option, path, dirname(path));
  let target = join(folder, name);
  const now = existingFile(option, path, target);
  const planned: PlannedOutput = { option, path, kind: request.kind, target, reads, force };
  if (now) {
    target = planned.target = now.real;
    const identity = { dev: now.stats.dev, ino: now.stats.ino };
    const read = reads.find((r) => sameFile(r.file, identity));
    if (read) throw new UsageError(`${option} får inte vara samma fil som ${read.label} (${read.file.path}): filer som Avvikelse läser skrivs aldrig över`);
    if (!force && !isOwnOutput(target, request.kind, now.stats.size)) {
      throw new UsageError(`${option}: ${path} finns redan och är inte en oförändrad utdatafil från Avvikelse; välj ett annat filnamn, eller ange --force för att ersätta den`);
    }
    planned.existing = { ...identity, mode: Number(now.stats.mode) & 0o7777 };
  }
  checkWritable(option, dirname(target));
  return planned;
}

/** Checks every output path before anything is computed; a UsageError (exit 2) names the problem. */
export function planOutputs(requests: readonly OutputRequest[], reads: readonly ReadFile[], force: boolean): PlannedOutput[] {
  const plans = requests.map((r) => planOne(r, reads, force));
  plans.forEach((a, i) =>
    plans.slice(0, i).forEach((b) => {
      const same = a.existing && b.existing ? sameFile(a.existing, b.existing) : a.target.toLowerCase() === b.target.toLowerCase();
      if (same) throw new UsageError(`${b.option} och ${a.option} får inte vara samma fil (${a.path})`);
    }),
  );
  return plans;
}

/**
 * Writes the outputs atomically, all or none; .xlsx and .docx get our stamp. The paths are checked
 * once more first: a file may have appeared (or been swapped for a link) while the report was computed.
 */
export function commitOutputs(outputs: readonly { plan: PlannedOutput; data: Uint8Array | string }[]): void {
  if (outputs.length === 0) return;
  const { reads, force } = outputs[0].plan;
  const now = planOutputs(
    outputs.map((o) => o.plan),
    reads,
    force,
  );
  writeFilesAtomically(
    outputs.map(({ data }, i) => {
      const plan = now[i];
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      return { target: plan.target, shown: plan.path, data: plan.kind === 'json' ? bytes : stampArchive(bytes), mode: plan.existing?.mode };
    }),
  );
}
