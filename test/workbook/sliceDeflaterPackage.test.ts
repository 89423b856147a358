/**
 * A report on a forecast whose sheet is over PARALLEL_FROM characters (25 000 rows, about 10 MB): the
 * patched sheet is deflated in slices, and the package is read as it should be by readers that are not
 * ours: Python's zipfile (CRC of every entry), openpyxl (the cells), and the consistency checker.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { generateForecast, SHEET_NAME } from '../../bench/generate';
import { main } from '../../src/cli/main';
import { isPacked, unpack } from '../../src/workbook/xlsx/packedPart';
import { PARALLEL_FROM, SLICE_BYTES } from '../../src/workbook/xlsx/sliceDeflater';
import { readZipParts } from '../../src/workbook/xlsx/zip';
import { tempDir } from '../cli/helpers';
import { referenceSliced } from '../helpers/slicedDeflate';
import { checkerDir, checkersAvailable } from '../helpers/ooxml';

const PYTHON = '/usr/bin/python3';
const ROWS = 25_000;
const SHEET = 'xl/worksheets/sheet1.xml';

describe('a package whose large sheet is deflated in slices', () => {
  const dir = tempDir();
  const input = join(dir, 'forecast.xlsx');
  const output = join(dir, 'rapport.xlsx');
  let content = '';
  let lastRow = 0;

  beforeAll(async () => {
    await generateForecast(input, ROWS);
    const err: string[] = [];
    expect(await main(['report', input, '--out', output, '--quiet'], () => undefined, (s) => err.push(s))).toBe(0);
    expect(err).toEqual([]);
    const sheet = readZipParts(readFileSync(output), 0).get(SHEET)!;
    if (!isPacked(sheet)) throw new Error('the sheet should be held packed');
    const body = Buffer.concat(sheet.body.map((b) => Buffer.from(b)));
    const bytes = unpack(sheet);
    expect(bytes.length).toBeGreaterThan(PARALLEL_FROM);
    // deflated in slices (not one stream), exactly as the format prescribes
    expect(body.equals(referenceSliced(bytes, SLICE_BYTES))).toBe(true);
    expect(body.equals(deflateRawSync(bytes, { level: 5 }))).toBe(false);
    expect(inflateRawSync(body).equals(bytes)).toBe(true);
    content = bytes.toString('utf8');
    lastRow = ROWS + 3;
  }, 120_000);

  /** The formula of a cell as our own content says, `=`-prefixed as openpyxl gives it. */
  const formulaIn = (ref: string) => `=${new RegExp(`<c r="${ref}"[^>]*><f>([^<]*)</f>`).exec(content)?.[1]}`;

  test('Python’s zipfile finds every entry whole (CRC) and openpyxl reads the cells our content holds', () => {
    const script = [
      'import json, sys, zipfile, openpyxl',
      'bad = zipfile.ZipFile(sys.argv[1]).testzip()',
      'ws = openpyxl.load_workbook(sys.argv[1], read_only=True)[sys.argv[2]]',
      'rows = list(ws.iter_rows(min_col=4, max_col=9, values_only=True))',
      'print(json.dumps({"bad": bad, "rows": len(rows), "first": rows[3], "last": rows[-1]}))',
    ].join('\n');
    const run = spawnSync(PYTHON, ['-c', script, output, SHEET_NAME], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.stderr).toBe('');
    const seen = JSON.parse(run.stdout) as { bad: string | null; rows: number; first: unknown[]; last: unknown[] };
    expect(seen.bad).toBeNull();
    expect(seen.rows).toBe(lastRow);
    expect(seen.first[2]).toBe(formulaIn('F4'));
    expect(seen.first[5]).toBe(formulaIn('I4'));
    expect(seen.last[2]).toBe(formulaIn(`F${lastRow}`));
    expect(seen.last[5]).toBe(formulaIn(`I${lastRow}`));
    expect(seen.last[2]).toMatch(new RegExp(`^=[DE]${lastRow}-[DE]${lastRow}$`));
  }, 60_000);

  test('the consistency checker finds no error', () => {
    if (!checkersAvailable()) return;
    const run = spawnSync(PYTHON, [join(checkerDir()!, 'consistency.py'), '--json', output], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const findings = (JSON.parse(run.stdout) as Record<string, { level: string; where: string; msg: string }[]>)[output];
    expect(findings.filter((f) => f.level === 'error')).toEqual([]);
  }, 60_000);
});
