/**
 * Options and settings files: a misspelt option or key is named (with the closest real one), a value
 * of the wrong type is a message and never exit 3, a BOM is fine and UTF-16 is named, absurd values
 * are refused, and each command has its own help.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { domainGrid } from '../fixtures/domainDrift';
import { writeFixture } from '../fixtures/xlsx';
import { checkConfig } from '../../src/report/settingsSchema';
import { runCli, tempDir } from './helpers';

jest.setTimeout(30_000);

let dir: string;
let input: string;
beforeAll(async () => {
  dir = tempDir();
  input = await writeFixture(join(dir, 'in.xlsx'), [{ name: 'Drift', rows: domainGrid() }]);
});

async function usageError(argv: string[], message: string): Promise<void> {
  const run = await runCli(argv);
  expect({ code: run.code, err: run.err, out: run.out }).toEqual({ code: 2, err: [`avvikelse: ${message}`], out: [] });
  expect(existsSync(join(dir, 'ut.xlsx'))).toBe(false);
}

const report = (...rest: string[]) => ['report', input, '--out', join(dir, 'ut.xlsx'), ...rest];

describe('options', () => {
  test.each([
    [['--threshold-amout', '100'], 'okänt val --threshold-amout för report; menade du --threshold-amount?'],
    [['--treshold-percent', '5'], 'okänt val --treshold-percent för report; menade du --threshold-percent?'],
    [['--blank-as-zeros'], 'okänt val --blank-as-zeros för report; menade du --blank-as-zero?'],
    [['--docx', 'x.docx'], 'okänt val --docx för report'],
    [['--signed=false'], '--signed tar inget värde (skriv bara --signed, eller --unsigned för motsatsen)'],
    [['--signed', '--unsigned'], '--signed och --unsigned går inte att kombinera; välj en'],
    [['--months', '8', '--months', '9'], '--months är angiven två gånger'],
    [['--out=', 'x'], '--out är angiven två gånger'],
    [['-x'], 'okänt val -x'],
    [['--year', '20266'], '--year: "20266" är inget årtal'],
    [['--threshold-amount', '1e400'], 'threshold-amount: "1e400" är orimligt stort (högst 1 000 000 000 tkr)'],
    [['--threshold-percent', 'oändligt'], 'threshold-percent: "oändligt" är inget giltigt tal'],
    [['extra.xlsx'], 'okänt argument "extra.xlsx"'],
  ])('report %j', async (extra, message) => usageError(report(...(extra as string[])), message as string));

  test('audit knows only its own options', async () => {
    await usageError(['audit', input, '--unit', 'tkr'], 'okänt val --unit för audit');
    await usageError(['audit', input, '--mont', '8'], 'okänt val --mont för audit; menade du --months?');
  });

  test('--help per command, help <command>, --version', async () => {
    const reportHelp = await runCli(['report', '--help']);
    expect(reportHelp.code).toBe(0);
    expect(reportHelp.out[0]).toContain('avvikelse report <indata.xlsx> --out <utdata.xlsx>');
    expect(reportHelp.out[0]).toContain('--threshold-amount T');
    expect(reportHelp.out[0]).not.toContain('avvikelse audit');
    const auditHelp = await runCli(['help', 'audit']);
    expect(auditHelp.out[0]).toContain('avvikelse audit <arbetsbok.xlsx>');
    expect(auditHelp.out[0]).not.toContain('--threshold-amount');
    expect((await runCli(['export', '-h'])).out[0]).toContain('--docx <rapport.docx>');
    const all = await runCli(['--help']);
    expect(all.out[0]).toContain('avvikelse report');
    expect(all.out[0]).toContain('avvikelse audit');
    const version = await runCli(['--version']);
    expect(version).toEqual({ code: 0, out: [`avvikelse ${JSON.parse(readFileSync('package.json', 'utf8')).version}`], err: [] });
    expect((await runCli([])).code).toBe(2);
  });
});

describe('settings files', () => {
  const config = (content: string | Buffer) => {
    const path = join(dir, `cfg-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(path, content);
    return path;
  };
  const withConfig = (content: string | Buffer) => report('--config', config(content));
  const withMap = (content: unknown) => report('--kontoplan', config(JSON.stringify(content)));

  test.each([
    ['{ "thresholdAmout": 100 }', 'konfiguration: okänd nyckel "thresholdAmout"; menade du "thresholdAmount"?'],
    ['{ "threshold-amount": 100 }', 'konfiguration: okänd nyckel "threshold-amount"; menade du "thresholdAmount"?'],
    ['{ "sheets": { "Drift": { "unti": "mnkr" } } }', 'konfiguration.sheets.Drift: okänd nyckel "unti"; menade du "unit"?'],
    ['{ "months": true }', 'konfiguration.months ska vara ett heltal, inte true'],
    ['{ "unit": null }', 'konfiguration.unit ska vara text, inte null'],
    ['{ "signed": "ja" }', 'konfiguration.signed ska vara true eller false, inte "ja"'],
    ['{ "thresholdAmount": {} }', 'konfiguration.thresholdAmount ska vara ett ändligt tal, inte ett objekt'],
    ['{ "thresholdAmount": 1e400 }', 'konfiguration.thresholdAmount ska vara ett ändligt tal, inte Infinity'],
    ['{ "thresholdPercent": 1e9 }', 'konfiguration: threshold-percent: "1000000000" är orimligt stort (högst 100 000 %)'],
    ['{ "sheets": null }', 'konfiguration.sheets ska vara ett objekt, inte null'],
    ['{ "sheets": { "Drift": [] } }', 'konfiguration.sheets.Drift ska vara ett objekt, inte en lista'],
    ['{ "profile": [1, 1, 1, 1, null, 1, 1, 1, 1, 1, 1, 1] }', 'konfiguration.profile[4] ska vara ett ändligt tal, inte null'],
    ['{ "profile": [1, 2] }', 'konfiguration.profile ska ha 12 värden, inte 2'],
    ['{ "year": "abc" }', 'konfiguration.year ska vara ett årtal som 2026, inte "abc"'],
    ['{ "columns": { "budgetHelar": 3 } }', 'konfiguration.columns.budgetHelar ska vara text, inte 3'],
    ['{ "kontoplan": [null] }', 'konfiguration.kontoplan[0] ska vara ett objekt, inte null'],
    ['{ "kontoplan": [{ "konton": "5", "kategory": "Personal" }] }', 'konfiguration.kontoplan[0]: okänd nyckel "kategory"; menade du "kategori"?'],
    ['[1, 2]', 'konfiguration: filen ska innehålla ett JSON-objekt { … }, inte en lista'],
    ['true', 'konfiguration: filen ska innehålla ett JSON-objekt { … }, inte true'],
  ])('config %s', async (content, message) => usageError(withConfig(content), message));

  test('a UTF-8 BOM is accepted; UTF-16 and broken JSON are named', async () => {
    const bom = await runCli(['report', input, '--out', join(dir, 'bom.xlsx'), '--config', config('\uFEFF{ "months": 8 }')]);
    expect(bom.err).toEqual([]);
    expect(bom.code).toBe(0);
    const utf16 = config(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{ "months": 8 }', 'utf16le')]));
    await usageError(report('--config', utf16), `kan inte läsa konfigurationen ${utf16}: filen är UTF-16-kodad; spara den som UTF-8`);
    const broken = config('{\n  "months": 8,\n}');
    await usageError(report('--config', broken), `kan inte läsa konfigurationen ${broken}: ogiltig JSON på rad 3, kolumn 1`);
    await usageError(report('--config', join(dir, 'saknas.json')), `filen ${join(dir, 'saknas.json')} finns inte`);
    await usageError(report('--config', dir), `${dir} är en mapp, inte en JSON-fil`);
  });

  test('a repeated or dead kontoplan pattern is refused, naming both rules', async () => {
    await usageError(
      withMap([{ konton: '5', kategori: 'Personal' }, { konton: '6', kategori: 'Lokaler' }, { konton: '5', kategori: 'Övrigt' }]),
      'kontoplan rad 3: "5" finns redan på rad 1; ta bort den ena',
    );
    await usageError(
      withMap([{ konton: '5', kategori: 'Personal' }, { konton: '50-59', kategori: 'Löner' }]),
      'kontoplan rad 1: "5" kan aldrig användas: varje konto i den tas redan av "50-59" på rad 2',
    );
    await usageError(withMap([{ konton: '50-55, 52', kategori: 'Personal' }]), 'kontoplan rad 1: "52" kan aldrig användas: varje konto i den tas redan av "50-55" i samma regel');
    await usageError(withMap({ kontoplan: [], verksamhet: {} }), 'kontoplan: okänd nyckel "verksamhet"; menade du "verksamheter"?');
    // a partial overlap is the documented "most specific, then first" rule, not a slip
    const map = config(JSON.stringify([{ konton: '4050-4059', kategori: 'Köp' }, { konton: '4010-4099', kategori: 'Material' }, { konton: '3', kategori: 'Intäkter' }]));
    const partial = await runCli(['report', input, '--out', join(dir, 'partial.xlsx'), '--kontoplan', map]);
    expect(partial.err).toEqual([]);
  });
});

describe('the README’s settings example', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const example = /\*\*Overriding an assumption\.\*\*[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

  test('is accepted key by key, with every per-sheet override of the reader', () => {
    expect(example).toContain('periodBudget');
    const config = checkConfig(JSON.parse(example));
    expect(config.sheets?.['Exploatering']).toEqual({ periodBudget: false });
    expect(config.sheets?.['Bokslut 2024']).toEqual({ annual: true });
    expect(config.sheets?.['Drift per nämnd']).toEqual({ headingTotals: false });
  });

  test('a misspelt override is named with the real key', () => {
    expect(() => checkConfig({ sheets: { Drift: { periodBudgets: false } } })).toThrow('konfiguration.sheets.Drift: okänd nyckel "periodBudgets"; menade du "periodBudget"?');
    expect(() => checkConfig({ annual: 'ja' })).toThrow('konfiguration.annual ska vara true eller false, inte "ja"');
  });
});
