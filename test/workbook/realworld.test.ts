/**
 * Every workbook of `../shared/realworld-xlsx/` (real files from other projects' test data, written by
 * Excel, LibreOffice, openpyxl, XlsxWriter, ClosedXML, Apache POI …) gets a small Swedish budget table
 * grafted in by our own script, as a new sheet and into free columns of its first sheet, and then goes
 * through report, audit and export. Asserted: no unexpected failure; the table's figures exactly those
 * printed in domain.md; every part we did not mean to change byte-identical; every output as valid and
 * consistent as its input (both OOXML checkers, through `runCli`); LibreOffice opens every output.
 * Inputs that are rightly refused (encrypted, broken) get their one Swedish line and exit 2.
 *
 * CI runs a representative sample; `AVVIKELSE_REALWORLD=alla` runs every file.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMAIN_COLUMNS, DOMAIN_PRINTED } from '../fixtures/domainDrift';
import { XlsxPackage } from '../../src/workbook/xlsx/xlsxPackage';
import { readZip } from '../../src/workbook/xlsx/zip';
import { runCli, tempDir } from '../cli/helpers';
import { GRAFT_SHEET, graftBudget, type GraftMode } from '../helpers/graft';
import { calcAvailable, convertAll } from '../helpers/libreoffice';
import { checkPackageLater, sharedFolder } from '../helpers/ooxml';

jest.setTimeout(900_000);

const CORPUS = sharedFolder('realworld-xlsx', 'SOURCES.tsv');
const ALL = /^(alla|all|1|true)$/i.test(process.env.AVVIKELSE_REALWORLD ?? '');

/** One of each producer and of the features that broke things before (prefixes, strict, macros, case, calcChain …). */
const SAMPLE = [
  'calamine__nonstandard-xml-ns-prefix.xlsx',
  'calamine__issue221.xlsm',
  'calamine__minimal_package.xlsx',
  'calamine__strict_iso_paths.xlsx',
  'calamine__inlineStr_cdata.xlsx',
  'calamine__pass_protected.xlsx',
  'closedxml__SheetsWithoutRelId.xlsx',
  'closedxml__GoogleSheets-file1.xlsx',
  'exceljs__formulas.xlsx',
  'exceljs__hidden-test-libre-calc-as-excel-2007-365.xlsx',
  'poi__SimpleMacro.xlsm',
  'poi__SampleSS.strict.xlsx',
  'poi__duplicate-filename-case-insensitive.xlsx',
  'poi__AverageTaxRates.xlsx',
  'poi__NewStyleConditionalFormattings.xlsx',
  'poi__shared_formulas.xlsx',
  'poi__WithChart.xlsx',
  'poi__testNames.xlsm',
  'xlsxwriter__chartsheet01.xlsx',
  'xlsxwriter__defined_name01.xlsx',
  'xlsxwriter__table01.xlsx',
];

/** Files that are rightly refused, with what the one line must say. */
const REFUSED: Record<string, RegExp> = {
  'calamine__pass_protected.xlsx': /filen är lösenordsskyddad \(krypterad\)/,
  'closedxml__SheetsWithoutRelId.xlsx': /fliken 'Sheet without relId' saknar sin del/,
  'exceljs__missing-bits.xlsx': /saknar en arbetsbok/,
  // POI's XML bomb: one shared string of 200 007 characters, over Excel's 32 767 per cell
  'poi__poc-xmlbomb.xlsx': /den delade texten nr 0 har en text på 200 007 tecken, fler än Excels 32 767 \(gränsen för text i en cell\)/,
  // two parts whose names differ only in case: OPC forbids it and Excel does not open it (POI refuses it too)
  'poi__duplicate-filename-case-insensitive.xlsx': /två delar med namnet xl\/worksheets\/Sheet1\.xml \(namnen skiljer inte på stora och små bokstäver\)/,
};

/** Parts a report means to change (besides the sheet it fills and the sheets it adds). */
const OURS = /^\[Content_Types\]\.xml$|(^|\/)(workbook\.xml|workbook\.xml\.rels|styles\.xml|calcChain\.xml)$/i;

const files = CORPUS ? readdirSync(CORPUS).filter((f) => /\.xls[xm]$/i.test(f) && (ALL || SAMPLE.includes(f))) : [];

test('the real-world corpus is there (../shared/realworld-xlsx)', () => {
  if (!CORPUS && !process.env.CI) return console.warn('../shared/realworld-xlsx saknas: testet hoppas över');
  expect(CORPUS).toBeDefined();
  expect(files.length).toBeGreaterThanOrEqual(ALL ? 90 : SAMPLE.length - 1);
});

const dir = tempDir();
const outputs: string[] = [];

/** The table grafted into `sheet`, from the report's JSON, as printed. */
function graftedTable(json: { tables: { sheet: string; title: string; rows: { label: string; cells: Record<string, number | null> }[] }[] }, sheet: string) {
  return json.tables.find((t) => t.sheet === sheet && t.title.startsWith('Driftredovisning'));
}

/** Part names whose content differs between two packages (added and removed ones included). */
function changedParts(before: string, after: string): { changed: string[]; added: string[]; removed: string[] } {
  const a = readZip(readFileSync(before));
  const b = readZip(readFileSync(after));
  const changed = [...a.keys()].filter((k) => b.has(k) && !Buffer.from(a.get(k)!).equals(Buffer.from(b.get(k)!)));
  return { changed, added: [...b.keys()].filter((k) => !a.has(k)), removed: [...a.keys()].filter((k) => !b.has(k)) };
}

describe.each(files)('%s', (file) => {
  const original = join(CORPUS ?? '', file);
  const ext = file.toLowerCase().endsWith('.xlsm') ? 'xlsm' : 'xlsx';
  const base = file.replace(/\.xls[xm]$/i, '');

  if (REFUSED[file]) {
    test('is refused with one Swedish line, exit 2', async () => {
      const run = await runCli(['report', original, '--out', join(dir, `${base}.${ext}`), '--months', '8']);
      expect(run.code).toBe(2);
      expect(run.err).toHaveLength(1);
      expect(run.err[0]).toMatch(REFUSED[file]);
    });
    return;
  }

  test.each(['sheet', 'columns'] as GraftMode[])('grafted (%s): report, audit and export; figures exact; only our parts change', async (mode) => {
    const grafted = await graftBudget(readFileSync(original), mode);
    if (!grafted) return; // no room on the first sheet (or it is protected)
    const input = join(dir, `${base}.${mode}.${ext}`);
    writeFileSync(input, grafted);
    checkPackageLater(input, original);
    const source = mode === 'sheet' ? GRAFT_SHEET : (await XlsxPackage.open(input).read()).sheets[0].name;
    const sourcePart = XlsxPackage.open(input).sheetPartName(source)!;

    const output = join(dir, `${base}.${mode}.ut.${ext}`);
    const json = `${output}.json`;
    const report = await runCli(['report', input, '--out', output, '--json', json, '--months', '8', '--quiet']);
    expect(report.err).toEqual([]);
    expect(report.code).toBe(0);
    outputs.push(output);
    const table = graftedTable(JSON.parse(readFileSync(json, 'utf8')), source);
    expect(table?.rows.map((r) => r.label)).toEqual(Object.keys(DOMAIN_PRINTED));
    for (const row of table!.rows) expect(DOMAIN_COLUMNS.map((c) => row.cells[c])).toEqual(DOMAIN_PRINTED[row.label]);

    const { changed, added, removed } = changedParts(input, output);
    expect(changed.filter((p) => !OURS.test(p) && p !== sourcePart)).toEqual([]);
    expect(removed.filter((p) => !/calcChain\.xml$/i.test(p))).toEqual([]);
    // our sheets, and the drawing and charts of the tables sheet
    expect(added.filter((p) => !/worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?$|styles\.xml$|charts\/chart\d+\.xml$|drawings\/(_rels\/)?drawing\d+\.xml(\.rels)?$/.test(p))).toEqual([]);

    const audit = await runCli(['audit', output, '--json', `${output}.audit.json`, '--quiet']);
    expect([0, 1]).toContain(audit.code);
    const findings = JSON.parse(readFileSync(`${output}.audit.json`, 'utf8')).findings as { sheet: string; kind: string }[];
    expect(findings.filter((f) => f.sheet === 'Avvikelsetabeller' && f.kind === 'error')).toEqual([]);

    const docx = join(dir, `${base}.${mode}.docx`);
    const exported = await runCli(['export', output, '--docx', docx, '--months', '8', '--quiet']);
    expect(exported.err).toEqual([]);
    expect(exported.code).toBe(0);
    expect(existsSync(docx)).toBe(true);
  });
});

test('LibreOffice opens every output (one batch)', () => {
  if (outputs.length === 0 || !calcAvailable()) return;
  const csv = convertAll(outputs, 'csv', join(dir, 'csv'));
  const unopened = outputs.filter((o) => !existsSync(csv.get(o)!));
  expect(unopened).toEqual([]);
});
