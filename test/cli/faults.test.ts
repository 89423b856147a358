/**
 * Faults while writing: the built command line (its own process) is killed with SIGKILL at several
 * points of a 300 000-row report — while it computes, the moment its temporary file appears, while
 * the file is being written, just after the rename — and a disk fills up under it (a small tmpfs,
 * as root). Every time: the output is either the previous file or the complete new one, byte for
 * byte; no temporary file survives; the input is unchanged.
 *
 * CI runs a few kill points; `AVVIKELSE_FAULTS=all` runs many (about two minutes).
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XlsxPackage } from '../../src/workbook/xlsx/xlsxPackage';
import { builtCli } from '../support/builtCli';
import { cachedBigLedger } from '../support/cachedInputs';
import { sha256 } from './files';
import { runCli, tempDir } from './helpers';

jest.setTimeout(600_000);

const ALL = process.env.AVVIKELSE_FAULTS === 'all';
const ROWS = 300_000;

interface Versions {
  xlsx: string;
  json: string;
}

let cli: string;
let input: string;
let inputSha: string;
let dir: string;
let old: Versions;
let fresh: Versions;
let oldBytes: { xlsx: Buffer; json: Buffer };
let fullRunMs = 0;
/** Size of the workbook the killed runs write. */
let freshSize = 0;

const args = (unit: string, out = dir) => ['report', input, '--out', join(out, 'ut.xlsx'), '--json', join(out, 'ut.json'), '--year', '2026', '--unit', unit, '--quiet'];

function run(argv: string[]): Promise<{ code: number | null; ms: number; err: string }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--max-old-space-size=2048', cli, ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, ms: Date.now() - started, err }));
  });
}

const versions = (d: string): Versions => ({ xlsx: sha256(join(d, 'ut.xlsx')), json: sha256(join(d, 'ut.json')) });
const temps = (d: string) => readdirSync(d).filter((n) => n.includes('.avvikelse-'));

beforeAll(async () => {
  cli = builtCli();
  input = cachedBigLedger(ROWS);
  inputSha = sha256(input);
  dir = tempDir();
  const reference = tempDir();
  const [first, second] = await Promise.all([run(args('tkr')), run(args('mnkr', reference))]);
  expect(first).toMatchObject({ code: 0, err: '' });
  expect(second).toMatchObject({ code: 0, err: '' });
  fullRunMs = Math.max(first.ms, second.ms);
  old = versions(dir);
  oldBytes = { xlsx: readFileSync(join(dir, 'ut.xlsx')), json: readFileSync(join(dir, 'ut.json')) };
  fresh = versions(reference);
  freshSize = statSync(join(reference, 'ut.xlsx')).size;
  expect(fresh.xlsx).not.toBe(old.xlsx);
});

type Trigger = { kind: 'time'; fraction: number } | { kind: 'written'; fraction: number } | { kind: 'renamed' };

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends SIGSTOP and waits until the process is stopped (state T in /proc), so that nothing moves while
 * we look. A process inside fsync (state D) stops only when the call returns, which on a busy disk can
 * take a while: wait up to 10 s of wall time. False when it never stopped (or has exited).
 */
async function frozen(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 'SIGSTOP');
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (/\) [Tt] /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))) return true;
      await pause(1);
    }
  } catch {
    // it has exited already
  }
  return false;
}

/**
 * Starts the mnkr run over the tkr output and kills it with SIGKILL at `trigger`. Before the kill the
 * process is frozen (SIGSTOP) and what it has done so far is noted, so the test knows which outcome
 * is right. For `written`, it is frozen the moment its temporary workbook appears and then let on
 * (SIGCONT) a step at a time until that file holds `fraction` of the workbook: the kill lands inside
 * the write.
 */
interface KillResult {
  /** Size of the temporary workbook when the kill was sent, if there was one. */
  tempSizeAtKill?: number;
  /** The target had already been replaced when the kill was sent. */
  renamedAtKill: boolean;
  exitedBeforeKill: boolean;
  /** The process could not be seen stopped before the kill, so what it had done is not known. */
  unsure: boolean;
}

function runAndKill(trigger: Trigger): Promise<KillResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--max-old-space-size=2048', cli, ...args('mnkr')], { stdio: 'ignore' });
    const oldInode = statSync(join(dir, 'ut.xlsx')).ino;
    const tempPath = () => temps(dir).find((n) => n.startsWith('.ut.xlsx'));
    const tempSize = () => {
      const t = tempPath();
      return t ? statSync(join(dir, t), { throwIfNoEntry: false })?.size : undefined;
    };
    let killed = false;
    let tempSizeAtKill: number | undefined;
    let renamedAtKill = false;
    let unsure = false;
    /** Freezes the process (and waits until it is frozen), notes how far it got, then kills it. */
    const kill = async () => {
      if (killed || child.exitCode !== null) return;
      killed = true;
      unsure = !(await frozen(child.pid!)) && child.exitCode === null;
      tempSizeAtKill = tempSize();
      renamedAtKill = statSync(join(dir, 'ut.xlsx'), { throwIfNoEntry: false })?.ino !== oldInode;
      child.kill('SIGKILL');
      child.kill('SIGCONT');
    };
    const stepUntilWritten = async (bytes: number) => {
      for (;;) {
        await frozen(child.pid!);
        const size = tempSize();
        if (size === undefined || size >= bytes || child.exitCode !== null) break;
        child.kill('SIGCONT');
        await pause(1);
      }
      await kill();
    };
    let sawTemp = false;
    const watcher = watch(dir, (_event, name) => {
      if (!name) return;
      if (trigger.kind === 'written' && !sawTemp && name.startsWith('.ut.xlsx.avvikelse-')) {
        sawTemp = true;
        void stepUntilWritten(Math.floor(freshSize * trigger.fraction));
      }
      if (trigger.kind === 'renamed' && name === 'ut.xlsx' && statSync(join(dir, 'ut.xlsx'), { throwIfNoEntry: false })?.ino !== oldInode) void kill();
    });
    if (trigger.kind === 'time') setTimeout(() => void kill(), Math.round(fullRunMs * trigger.fraction));
    child.on('close', () => {
      watcher.close();
      resolve({ tempSizeAtKill, renamedAtKill, exitedBeforeKill: !killed, unsure });
    });
  });
}

async function settled(): Promise<void> {
  for (let i = 0; i < 50 && temps(dir).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
}

function triggers(): [string, Trigger][] {
  const points: [string, Trigger][] = [
    ['while it computes (40 % of a full run)', { kind: 'time', fraction: 0.4 }],
    ['halfway through writing the temporary file', { kind: 'written', fraction: 0.5 }],
    ['just after the rename', { kind: 'renamed' }],
  ];
  if (!ALL) return points;
  points.push(['the moment the temporary file appears', { kind: 'written', fraction: 0 }]);
  for (let p = 5; p < 120; p += 10) points.push([`after ${p} % of a full run`, { kind: 'time', fraction: p / 100 }]);
  for (let p = 10; p <= 100; p += 10) points.push([`${p} % through writing the temporary file`, { kind: 'written', fraction: p / 100 }]);
  return points;
}

describe(`kill -9 during a ${ROWS.toLocaleString('sv-SE')}-row report`, () => {
  const seen: string[] = [];
  afterAll(() => console.log(`Avbrutna körningar:\n${seen.join('\n')}`));

  test.each(triggers())('%s: the previous output or the complete new one, no temporary file, the input unchanged', async (name, trigger) => {
    writeFileSync(join(dir, 'ut.xlsx'), oldBytes.xlsx);
    writeFileSync(join(dir, 'ut.json'), oldBytes.json);
    const result = await runAndKill(trigger);
    await settled();
    expect(readdirSync(dir).sort()).toEqual(['ut.json', 'ut.xlsx']);
    const now = versions(dir);
    expect([old.xlsx, fresh.xlsx]).toContain(now.xlsx);
    expect([old.json, fresh.json]).toContain(now.json);
    expect(sha256(input)).toBe(inputSha);
    const outcome = now.xlsx === fresh.xlsx ? 'ny' : 'föregående';
    seen.push(`${name}: ${outcome} fil${result.tempSizeAtKill !== undefined ? ` (tillfällig fil ${result.tempSizeAtKill} byte när den dödades)` : ''}${result.exitedBeforeKill ? ' (hann bli klar)' : ''}${result.unsure ? ' (stannade inte före dödandet)' : ''}`);
    // killed before the rename: the previous file; after it (or not killed at all): the complete new one
    if (!result.unsure) expect(outcome).toBe(result.renamedAtKill || result.exitedBeforeKill ? 'ny' : 'föregående');
    if (trigger.kind === 'renamed') expect(outcome).toBe('ny');
    if (outcome === 'ny') await expect(XlsxPackage.fromBuffer(readFileSync(join(dir, 'ut.xlsx'))).read()).resolves.toBeDefined();
  });
});

test('a temporary file left by a killed run whose watcher is gone is removed by the next run', async () => {
  const d = tempDir();
  const small = join(d, 'in.xlsx');
  copyFileSync(join(__dirname, '..', '..', 'examples', 'prognos-exempel.xlsx'), small);
  const stale = join(d, '.ut.xlsx.avvikelse-999999999-0badf00d.tmp');
  writeFileSync(stale, 'halvskriven');
  const staleJson = join(d, '.ut.json.avvikelse-999999998-0badf00d.tmp'); // the second output's, same folder
  writeFileSync(staleJson, '{');
  const other = join(d, '.annan.xlsx.avvikelse-999999999-0badf00d.tmp'); // beside another file: not ours to judge
  writeFileSync(other, 'halvskriven');
  const own = join(d, `.ut.xlsx.avvikelse-${process.pid}-0badf00d.tmp`); // a live process's: left alone
  writeFileSync(own, 'pågår');
  const config = join(__dirname, '..', '..', 'examples', 'avvikelse.json');
  expect((await runCli(['report', small, '--out', join(d, 'ut.xlsx'), '--json', join(d, 'ut.json'), '--config', config])).code).toBe(0);
  expect(existsSync(stale)).toBe(false);
  expect(existsSync(staleJson)).toBe(false);
  expect(existsSync(other)).toBe(true);
  expect(existsSync(own)).toBe(true);
});

const root = process.getuid?.() === 0;
(root ? describe : describe.skip)('a full disk (a small tmpfs)', () => {
  let disk: string;
  beforeEach(() => {
    disk = join(tempDir(), 'disk');
    mkdirSync(disk);
  });
  afterEach(() => execFileSync('umount', [disk]));

  test('the write fails with one Swedish line, exit 2; the previous output is intact and no temporary file remains', async () => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk]);
    const medium = cachedBigLedger(30_000);
    const small = join(__dirname, '..', '..', 'examples', 'prognos-exempel.xlsx');
    const out = join(disk, 'ut.xlsx');
    expect((await runCli(['report', small, '--out', out, '--config', join(__dirname, '..', '..', 'examples', 'avvikelse.json')])).code).toBe(0);
    const before = sha256(out);
    const mediumSha = sha256(medium);
    const run = await runCli(['report', medium, '--out', out, '--year', '2026']);
    expect({ code: run.code, err: run.err }).toEqual({ code: 2, err: [`avvikelse: ${out} kunde inte skrivas: disken är full; ingenting skrevs, och filer som fanns är oförändrade`] });
    expect(sha256(out)).toBe(before);
    expect(readdirSync(disk)).toEqual(['ut.xlsx']);
    expect(sha256(medium)).toBe(mediumSha);
  });

  test('all or none: when the second output does not fit, the first is not replaced either', async () => {
    const medium = cachedBigLedger(30_000);
    const example = ['--config', join(__dirname, '..', '..', 'examples', 'avvikelse.json')];
    const small = join(__dirname, '..', '..', 'examples', 'prognos-exempel.xlsx');
    const probe = tempDir();
    const pagesOf = (path: string) => Math.ceil(statSync(path).size / 4096);
    expect((await runCli(['report', medium, '--out', join(probe, 'ut.xlsx'), '--json', join(probe, 'ut.json'), '--year', '2026'])).code).toBe(0);
    expect((await runCli(['report', small, '--out', join(probe, 'liten.xlsx'), '--json', join(probe, 'liten.json'), ...example])).code).toBe(0);
    expect(statSync(join(probe, 'ut.json')).size).toBeGreaterThan(3 * 4096);
    // room for the previous pair and the new workbook, not for the new JSON as well
    const pages = pagesOf(join(probe, 'liten.xlsx')) + pagesOf(join(probe, 'liten.json')) + pagesOf(join(probe, 'ut.xlsx')) + 1;
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${pages * 4096}`, 'tmpfs', disk]);
    expect((await runCli(['report', small, '--out', join(disk, 'ut.xlsx'), '--json', join(disk, 'ut.json'), ...example])).code).toBe(0);
    const before = [sha256(join(disk, 'ut.xlsx')), sha256(join(disk, 'ut.json'))];
    const run = await runCli(['report', medium, '--out', join(disk, 'ut.xlsx'), '--json', join(disk, 'ut.json'), '--year', '2026']);
    expect(run.code).toBe(2);
    expect(run.err).toEqual([`avvikelse: ${join(disk, 'ut.json')} kunde inte skrivas: disken är full; ingenting skrevs, och filer som fanns är oförändrade`]);
    expect(readdirSync(disk).sort()).toEqual(['ut.json', 'ut.xlsx']);
    expect([sha256(join(disk, 'ut.xlsx')), sha256(join(disk, 'ut.json'))]).toEqual(before);
  });
});
