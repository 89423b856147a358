/**
 * Foreign formats written by a real producer: the example workbook saved by LibreOffice Calc as .xls
 * (BIFF8 in an OLE container) and as .ods. Each is named, with what to do, in one line and exit 2.
 * Skipped with a warning where LibreOffice Calc is not installed (a failure under CI, which installs it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../cli/helpers';

jest.setTimeout(180_000);

const CALC_LIBRARY = '/usr/lib/libreoffice/program/libsclo.so';
const missing = !existsSync(CALC_LIBRARY) || spawnSync('sh', ['-c', 'command -v soffice']).status !== 0 ? 'LibreOffice Calc saknas (apt-get install -y libreoffice-calc)' : undefined;
if (missing && process.env.CI) {
  test('LibreOffice Calc is installed (CI installs it in .ci/run)', () => {
    throw new Error(missing);
  });
} else if (missing) console.warn(`Varning: ${missing}; testet av .xls och .ods från LibreOffice hoppas över.`);

(missing ? describe.skip : describe)('.xls and .ods saved by LibreOffice Calc', () => {
  const dir = tempDir();
  const example = join(__dirname, '..', '..', 'examples', 'prognos-exempel.xlsx');
  const convert = (format: string) => {
    const run = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profil')}`, '--headless', '--norestore', '--convert-to', format, '--outdir', dir, example], { encoding: 'utf8', timeout: 120_000 });
    const path = join(dir, `prognos-exempel.${format}`);
    if (!existsSync(path)) throw new Error(`LibreOffice skrev ingen .${format}: ${run.stderr}`);
    return path;
  };

  test.each([
    ['xls', 'är en äldre Excel-arbetsbok (.xls), inte .xlsx: öppna den i Excel och spara den som Excel-arbetsbok (.xlsx) med Arkiv → Spara som'],
    ['ods', 'är ett OpenDocument-dokument (.ods), inte .xlsx: öppna det i LibreOffice Calc eller Excel och spara det som Excel-arbetsbok (.xlsx)'],
  ])('.%s', async (format, what) => {
    const input = convert(format);
    const out = tempDir();
    const run = await runCli(['report', input, '--out', join(out, 'ut.xlsx')]);
    expect({ code: run.code, err: run.err }).toEqual({ code: 2, err: [`avvikelse: ${input}: kan inte läsas som en .xlsx-fil: filen ${what}`] });
    expect(readdirSync(out)).toEqual([]);
  });
});
