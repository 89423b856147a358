/**
 * Every way an output path can go wrong: it reaches the input (or a settings file) by a symlink, a
 * hard link, a symlinked folder, `..`; two outputs are the same file; the folder is missing, is a
 * file, is read-only; the output is a folder or a device; an existing file is not ours. Each ends in
 * exit 2 with one Swedish line, before any work is done: nothing written, no temporary file left,
 * the input unchanged byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { domainGrid } from '../fixtures/domainDrift';
import { writeFixture } from '../fixtures/xlsx';
import { runCli, tempDir } from './helpers';
import { sha256, treeListing } from './files';

jest.setTimeout(60_000);

interface Setup {
  dir: string;
  input: string;
}

async function setup(): Promise<Setup> {
  const dir = tempDir();
  const input = await writeFixture(join(dir, 'in.xlsx'), [{ name: 'Prognos', rows: domainGrid() }]);
  return { dir, input };
}

/** Runs the command; asserts exit 2, exactly `message` on stderr, the input and the folder unchanged. */
async function refused(s: Setup, argv: (s: Setup) => string[], message: string | RegExp): Promise<void> {
  const before = sha256(s.input);
  const listing = treeListing(s.dir);
  const run = await runCli(argv(s));
  expect(run.code).toBe(2);
  expect(run.err).toHaveLength(1);
  if (typeof message === 'string') expect(run.err[0]).toBe(message);
  else expect(run.err[0]).toMatch(message);
  expect(run.out).toEqual([]);
  expect(sha256(s.input)).toBe(before);
  expect(treeListing(s.dir)).toEqual(listing);
}

const REPORT = (s: Setup, ...rest: string[]) => ['report', s.input, '--months', '8', ...rest];
const SAME_AS_INPUT = (option: string, s: Setup) => `avvikelse: ${option} får inte vara samma fil som indata (${s.input}): filer som Avvikelse läser skrivs aldrig över`;

describe('an output never reaches the input', () => {
  test('the same path', async () => {
    const s = await setup();
    await refused(s, (x) => REPORT(x, '--out', x.input), SAME_AS_INPUT('--out', s));
  });

  test('a symlink to the input', async () => {
    const s = await setup();
    symlinkSync(s.input, join(s.dir, 'lank.xlsx'));
    await refused(s, (x) => REPORT(x, '--out', join(x.dir, 'lank.xlsx')), SAME_AS_INPUT('--out', s));
  });

  test('a hard link to the input', async () => {
    const s = await setup();
    linkSync(s.input, join(s.dir, 'hard.xlsx'));
    await refused(s, (x) => REPORT(x, '--out', join(x.dir, 'hard.xlsx')), SAME_AS_INPUT('--out', s));
  });

  test('a symlinked folder', async () => {
    const s = await setup();
    const outer = tempDir();
    symlinkSync(s.dir, join(outer, 'mapp'));
    await refused(s, (x) => REPORT(x, '--out', join(outer, 'mapp', 'in.xlsx')), SAME_AS_INPUT('--out', s));
  });

  test('./a/../in.xlsx, relative to the working folder', async () => {
    const s = await setup();
    mkdirSync(join(s.dir, 'a'));
    const rel = `./${relative(process.cwd(), join(s.dir, 'a'))}/../in.xlsx`;
    await refused(s, (x) => REPORT(x, '--out', rel), SAME_AS_INPUT('--out', s));
  });

  test('link/.. is the parent of where the link points, as the system resolves it', async () => {
    const s = await setup();
    mkdirSync(join(s.dir, 'sub'));
    const elsewhere = tempDir();
    symlinkSync(join(s.dir, 'sub'), join(elsewhere, 'link'));
    // lexically elsewhere/in.xlsx (which does not exist); physically the input
    await refused(s, (x) => REPORT(x, '--out', `${elsewhere}/link/../in.xlsx`), SAME_AS_INPUT('--out', s)); // not join(): it would drop the ..
  });

  test('--json naming the input', async () => {
    const s = await setup();
    await refused(s, (x) => REPORT(x, '--out', join(x.dir, 'ut.xlsx'), '--json', x.input), SAME_AS_INPUT('--json', s));
  });

  test('--docx naming the input through a link with a .docx name', async () => {
    const s = await setup();
    symlinkSync(s.input, join(s.dir, 'rapport.docx'));
    await refused(s, (x) => ['export', x.input, '--docx', join(x.dir, 'rapport.docx'), '--months', '8'], SAME_AS_INPUT('--docx', s));
  });

  test('audit --json naming the input', async () => {
    const s = await setup();
    await refused(s, (x) => ['audit', x.input, '--json', x.input], SAME_AS_INPUT('--json', s));
  });

  test('--json naming the --config file', async () => {
    const s = await setup();
    const config = join(s.dir, 'cfg.json');
    writeFileSync(config, '{ "months": 8 }');
    await refused(
      s,
      (x) => REPORT(x, '--out', join(x.dir, 'ut.xlsx'), '--config', config, '--json', config),
      `avvikelse: --json får inte vara samma fil som konfigurationen (${config}): filer som Avvikelse läser skrivs aldrig över`,
    );
  });

  test('--out and --json naming the same file', async () => {
    const s = await setup();
    const same = join(s.dir, 'ut.xlsx');
    await refused(s, (x) => REPORT(x, '--out', same, '--json', same), `avvikelse: --out och --json får inte vara samma fil (${same})`);
  });

  test('--out and --json differing only in case (one file on a case-insensitive disk)', async () => {
    const s = await setup();
    await refused(s, (x) => REPORT(x, '--out', join(x.dir, 'Ut.xlsx'), '--json', join(x.dir, 'ut.XLSX')), /^avvikelse: --out och --json får inte vara samma fil/);
  });
});

describe('bad paths are one Swedish line', () => {
  test('a missing folder', async () => {
    const s = await setup();
    const folder = join(s.dir, 'saknas', 'ocksa');
    await refused(s, (x) => REPORT(x, '--out', join(folder, 'ut.xlsx')), `avvikelse: --out: mappen ${folder} finns inte; skapa den först eller välj en annan mapp`);
  });

  test('a parent that is a file', async () => {
    const s = await setup();
    writeFileSync(join(s.dir, 'fil.txt'), 'jag är en fil');
    const out = join(s.dir, 'fil.txt', 'ut.xlsx');
    await refused(s, (x) => REPORT(x, '--out', out), `avvikelse: --out: ${out} kan inte skapas eftersom ${join(s.dir, 'fil.txt')} är en fil, inte en mapp`);
  });

  test('a folder as --out, as --json, with a trailing slash', async () => {
    const s = await setup();
    mkdirSync(join(s.dir, 'mapp'));
    const folder = join(s.dir, 'mapp');
    await refused(s, (x) => REPORT(x, '--out', folder), `avvikelse: --out: ${folder} är en mapp; ange ett filnamn, t.ex. ${join(folder, 'rapport.xlsx')}`);
    await refused(s, (x) => REPORT(x, '--out', join(x.dir, 'ut.xlsx'), '--json', folder), /^avvikelse: --json: .*mapp är en mapp; ange ett filnamn/);
    await refused(s, (x) => ['audit', x.input, '--json', `${folder}/`], `avvikelse: --json: ${folder}/ är en mapp; ange ett filnamn`);
  });

  test('a device as --out', async () => {
    const s = await setup();
    await refused(s, (x) => REPORT(x, '--out', '/dev/null'), 'avvikelse: --out: /dev/null är en enhet, ingen vanlig fil');
  });

  test('a symlink to nothing', async () => {
    const s = await setup();
    symlinkSync(join(s.dir, 'borta.xlsx'), join(s.dir, 'trasig.xlsx'));
    await refused(s, (x) => REPORT(x, '--out', join(x.dir, 'trasig.xlsx')), `avvikelse: --out: ${join(s.dir, 'trasig.xlsx')} är en symbolisk länk till något som inte finns`);
  });

  test('a read-only folder (a read-only mount as root, file permissions otherwise)', async () => {
    const s = await setup();
    const folder = join(s.dir, 'skrivskyddad');
    mkdirSync(folder);
    const root = process.getuid?.() === 0;
    if (root) execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', folder]);
    else chmodSync(folder, 0o555);
    try {
      await refused(s, (x) => REPORT(x, '--out', join(folder, 'ut.xlsx')), new RegExp(`^avvikelse: --out: mappen ${folder} är skrivskyddad \\((disken är skrivskyddad|behörighet saknas)\\)$`));
    } finally {
      if (root) execFileSync('umount', [folder]);
      else chmodSync(folder, 0o755);
    }
  });
});

describe('an existing output that is not ours is not replaced silently', () => {
  const NOT_OURS = (option: string, path: string) =>
    `avvikelse: ${option}: ${path} finns redan och är inte en oförändrad utdatafil från Avvikelse; välj ett annat filnamn, eller ange --force för att ersätta den`;

  test('a workbook of the user as --out: refused, replaced with --force', async () => {
    const s = await setup();
    const theirs = await writeFixture(join(s.dir, 'budget.xlsx'), [{ name: 'Mitt', rows: [['viktigt']] }]);
    const before = sha256(theirs);
    await refused(s, (x) => REPORT(x, '--out', theirs), NOT_OURS('--out', theirs));
    expect(sha256(theirs)).toBe(before);
    const forced = await runCli(REPORT(s, '--out', theirs, '--force'));
    expect(forced.code).toBe(0);
    expect(sha256(theirs)).not.toBe(before);
  });

  test('our own earlier output is replaced; once someone else has saved it, it is not', async () => {
    const s = await setup();
    const out = join(s.dir, 'ut.xlsx');
    const json = join(s.dir, 'ut.json');
    expect((await runCli(REPORT(s, '--out', out, '--json', json))).code).toBe(0);
    const again = await runCli(REPORT(s, '--out', out, '--json', json, '--unit', 'mnkr'));
    expect(again.err).toEqual([]);
    expect(again.code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8')).tables[0].unit).toBe('mnkr');
    // the same package re-saved by another program (exceljs here; Excel drops the archive comment too)
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.getWorksheet('Kommentarer')!.getCell('G5').value = 'Min egen kommentar';
    await wb.xlsx.writeFile(out);
    await refused(s, (x) => REPORT(x, '--out', out), NOT_OURS('--out', out));
  });

  test('a byte changed inside our output makes it no longer ours', async () => {
    const s = await setup();
    const out = join(s.dir, 'ut.xlsx');
    expect((await runCli(REPORT(s, '--out', out))).code).toBe(0);
    const bytes = readFileSync(out);
    bytes[bytes.length - 100] ^= 1; // inside the central directory
    writeFileSync(out, bytes);
    await refused(s, (x) => REPORT(x, '--out', out), NOT_OURS('--out', out));
  });

  test('a JSON file that is not ours as --json, and a Word document that is not ours as --docx', async () => {
    const s = await setup();
    const json = join(s.dir, 'data.json');
    writeFileSync(json, '{ "mina": "data" }');
    await refused(s, (x) => REPORT(x, '--out', join(x.dir, 'ut.xlsx'), '--json', json), NOT_OURS('--json', json));
    await refused(s, (x) => ['audit', x.input, '--json', json], NOT_OURS('--json', json));
    const docx = join(s.dir, 'rapport.docx');
    writeFileSync(docx, readFileSync(s.input)); // any zip that is not our stamped output
    await refused(s, (x) => ['export', x.input, '--docx', docx, '--months', '8'], NOT_OURS('--docx', docx));
    expect((await runCli(['export', s.input, '--docx', docx, '--months', '8', '--force'])).code).toBe(0);
    expect((await runCli(['export', s.input, '--docx', docx, '--months', '8'])).code).toBe(0); // now ours
  });

  test('no temporary file is left behind by a successful run', async () => {
    const s = await setup();
    expect((await runCli(REPORT(s, '--out', join(s.dir, 'ut.xlsx'), '--json', join(s.dir, 'ut.json')))).code).toBe(0);
    expect(readdirSync(s.dir).sort()).toEqual(['in.xlsx', 'ut.json', 'ut.xlsx']);
  });
});

/**
 * A case-insensitive folder (ext4 with casefold, as root), where `IN.XLSX` is the input itself. The
 * identity check needs nothing special for it; the test runs wherever the kernel can make such a
 * folder and is skipped (with a note) where it cannot.
 */
function caseInsensitiveFolder(): { folder: string; done: () => void } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const base = tempDir();
  const image = join(base, 'cf.img');
  const mountPoint = join(base, 'mnt');
  mkdirSync(mountPoint);
  try {
    execFileSync('truncate', ['-s', '8M', image]);
    execFileSync('mkfs.ext4', ['-q', '-O', 'casefold', image], { stdio: 'ignore' });
    execFileSync('mount', ['-o', 'loop', image, mountPoint], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  const folder = join(mountPoint, 'ci');
  mkdirSync(folder);
  try {
    execFileSync('chattr', ['+F', folder], { stdio: 'ignore' });
  } catch {
    execFileSync('umount', [mountPoint]);
    return undefined;
  }
  return { folder, done: () => execFileSync('umount', [mountPoint]) };
}

const ci = caseInsensitiveFolder();
if (!ci) console.warn('Varning: ingen skiftlägesokänslig mapp kunde skapas här (ext4 casefold); det testet hoppas över.');
(ci ? test : test.skip)('on a case-insensitive disk, IN.XLSX is the input', async () => {
  const { folder, done } = ci!;
  try {
    const input = await writeFixture(join(folder, 'in.xlsx'), [{ name: 'Prognos', rows: domainGrid() }]);
    await refused({ dir: folder, input }, (x) => REPORT(x, '--out', join(folder, 'IN.XLSX')), `avvikelse: --out får inte vara samma fil som indata (${input}): filer som Avvikelse läser skrivs aldrig över`);
  } finally {
    done();
  }
});

test('a file that appears at the output path while the report is computed is not replaced', async () => {
  const { commitOutputs, planOutputs } = await import('../../src/cli/outputs');
  const { readInputFile } = await import('../../src/cli/inputFile');
  const s = await setup();
  const out = join(s.dir, 'ut.xlsx');
  const [plan] = planOutputs([{ option: '--out', path: out, kind: 'xlsx' }], [{ label: 'indata', file: readInputFile(s.input, 'en .xlsx-fil') }], false);
  writeFileSync(out, 'någon annans fil, skapad under tiden');
  expect(() => commitOutputs([{ plan, data: readFileSync(s.input) }])).toThrow(`--out: ${out} finns redan och är inte en oförändrad utdatafil från Avvikelse`);
  expect(readFileSync(out, 'utf8')).toBe('någon annans fil, skapad under tiden');
  expect(readdirSync(s.dir).sort()).toEqual(['in.xlsx', 'ut.xlsx']);
});
