/**
 * The offline package checkers of `../shared/ooxml-check/` (ECMA-376 schema validation and package
 * consistency) run on .xlsx files the tests write. Every test that writes a workbook passes it here,
 * most of them without knowing: `runCli` in `test/cli/helpers.ts` keeps a copy of every `--out` and the
 * whole batch of a test file is checked once, after its last test (one run of each checker).
 *
 * The checkers are found relative to the repository (`<repo>/../shared/ooxml-check`, or further up for
 * a worktree). Where they are missing, or Debian's python3-lxml or xmllint is, the checks are skipped
 * with a warning, except in CI (`CI=true`), where that fails.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

const REPO = resolve(__dirname, '..', '..');
const PYTHON = '/usr/bin/python3';

/** A finding of either checker, e.g. `xl/workbook.xml: … r:id … not declared`. */
export interface PackageFinding {
  checker: 'schema' | 'consistency';
  message: string;
}

/** `<ancestor>/shared/<name>` for the nearest ancestor of the repository that has it (`../shared` in CI). */
export function sharedFolder(name: string, marker: string): string | undefined {
  for (let dir = dirname(REPO); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', name);
    if (existsSync(join(candidate, marker))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The folder of the two checkers. */
export function checkerDir(): string | undefined {
  return sharedFolder('ooxml-check', 'ooxml_validate.py');
}

let availability: string | undefined | null = null;

/** Why the checkers cannot run here (undefined when they can). */
function missing(): string | undefined {
  if (availability !== null) return availability;
  const dir = checkerDir();
  if (!dir) availability = `../shared/ooxml-check finns inte ovanför ${REPO}`;
  else if (spawnSync(PYTHON, ['-c', 'import lxml'], { stdio: 'ignore' }).status !== 0) availability = 'python3-lxml saknas (apt-get install -y python3-lxml)';
  else if (spawnSync('xmllint', ['--version'], { stdio: 'ignore' }).status !== 0) availability = 'xmllint saknas (apt-get install -y libxml2-utils)';
  else availability = undefined;
  return availability;
}

/** True when the checkers can run; in CI a missing checker is an error, elsewhere a warning. */
export function checkersAvailable(): boolean {
  const why = missing();
  if (!why) return true;
  if (process.env.CI) throw new Error(`OOXML-kontrollerna kan inte köras: ${why}`);
  console.warn(`OOXML-kontrollerna hoppas över: ${why}`);
  return false;
}

function runChecker(script: string, files: string[]): unknown {
  const run = spawnSync(PYTHON, [join(checkerDir()!, script), '--json', ...files], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if ((run.status !== 0 && run.status !== 1) || !run.stdout.trim()) throw new Error(`${script} misslyckades (${run.status}): ${run.stderr.slice(-2000)}`);
  return JSON.parse(run.stdout);
}

/** Every error either checker finds in each file (an empty list for a valid, consistent package). */
export function checkPackages(files: string[]): Map<string, PackageFinding[]> {
  const out = new Map<string, PackageFinding[]>(files.map((f) => [f, []]));
  if (files.length === 0) return out;
  const schema = runChecker('ooxml_validate.py', files) as Record<string, { errors: string[] }>;
  const consistency = runChecker('consistency.py', files) as Record<string, { level: string; where: string; msg: string }[]>;
  for (const f of files) {
    for (const e of schema[f]?.errors ?? []) out.get(f)!.push({ checker: 'schema', message: e });
    for (const x of consistency[f] ?? []) if (x.level === 'error') out.get(f)!.push({ checker: 'consistency', message: `${x.where}: ${x.msg}` });
  }
  return out;
}

/** A finding without its position, to compare the findings of an input with those of its output. */
export function findingKey(f: PackageFinding): string {
  return `${f.checker}: ${f.message.replace(/\bline \d+(, column \d+)?/g, 'line ?')}`;
}

/**
 * The findings of each output that its input does not have as well: what the write broke. (An input
 * that is itself damaged keeps its damage in every part we leave alone.)
 */
export function newFindings(pairs: { output: string; input?: string }[]): Map<string, PackageFinding[]> {
  const outputs = checkPackages(pairs.map((p) => p.output));
  const suspects = pairs.filter((p) => p.input && outputs.get(p.output)!.length > 0);
  const inputs = checkPackages(suspects.map((p) => p.input!));
  for (const p of suspects) {
    const known = new Set(inputs.get(p.input!)!.map(findingKey));
    outputs.set(p.output, outputs.get(p.output)!.filter((f) => !known.has(findingKey(f))));
  }
  return outputs;
}

/** Failures as one readable text: `out.xlsx: schema: xl/workbook.xml: …` (empty when all passed). */
export function describeFindings(findings: Map<string, PackageFinding[]>): string {
  const lines: string[] = [];
  for (const [file, list] of findings) for (const f of list) lines.push(`${basename(file)}: ${f.checker}: ${f.message}`);
  return lines.join('\n');
}

/**
 * Copies of the workbooks a test file writes, checked together once the file's tests are done. A test
 * may overwrite or delete its output later: the copy is what was written at the time.
 */
class PackageBatch {
  private dir: string | undefined;
  private readonly pairs: { output: string; input?: string }[] = [];

  private copy(path: string, role: string): string {
    this.dir ??= mkdtempSync(join(tmpdir(), 'avvikelse-ooxml-'));
    const copy = join(this.dir, `${this.pairs.length + 1}-${role}-${basename(path)}`);
    copyFileSync(path, copy);
    return copy;
  }

  add(output: string, input?: string): void {
    if (!existsSync(output)) return;
    this.pairs.push({ output: this.copy(output, 'ut'), input: input && existsSync(input) ? this.copy(input, 'in') : undefined });
  }

  /** Checks every file added so far; throws with every finding its input did not have. */
  check(): void {
    const pairs = this.pairs.splice(0);
    try {
      if (pairs.length === 0 || !checkersAvailable()) return;
      const text = describeFindings(newFindings(pairs));
      if (text) throw new Error(`Paket som Excel inte skulle öppna utan reparation${process.env.AVVIKELSE_KEEP_OOXML ? ` (kvar i ${this.dir})` : ''}:\n${text}`);
    } finally {
      if (this.dir && !process.env.AVVIKELSE_KEEP_OOXML) rmSync(this.dir, { recursive: true, force: true });
      this.dir = undefined;
    }
  }
}

const batch = new PackageBatch();
// imported at the top of a test file (each file has its own module registry): one hook per file
if (typeof afterAll === 'function') afterAll(() => batch.check(), 600_000);

/**
 * Queues a written .xlsx for the checkers (with the input it was written from, whose own findings are
 * then allowed); they run after the test file's last test.
 */
export function checkPackageLater(output: string, input?: string): void {
  batch.add(output, input);
}
