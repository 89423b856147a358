import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { LIMITS } from '../../src/workbook/xlsx/limits';
import { isPacked } from '../../src/workbook/xlsx/packedPart';
import { WorkbookFormatError, XlsxPackage } from '../../src/workbook/xlsx/xlsxPackage';
import { readZip, readZipParts, writeZip } from '../../src/workbook/xlsx/zip';

const example = readFileSync(`${__dirname}/../../examples/prognos-exempel.xlsx`);
const limits = LIMITS as { partBytes: number };
const realLimit = LIMITS.partBytes;

describe('a part over the limit for one part (longer than a JavaScript string can be)', () => {
  // the example's Drift sheet is 12 480 bytes of XML, every other part under 10 000
  beforeEach(() => {
    limits.partBytes = 10_000;
  });
  afterEach(() => {
    limits.partBytes = realLimit;
  });

  test('the workbook opens; reading that sheet fails with a Swedish message naming the sheet and what to do', async () => {
    const pkg = XlsxPackage.fromBuffer(example);
    const read = pkg.read();
    await expect(read).rejects.toBeInstanceOf(WorkbookFormatError);
    await expect(read).rejects.toThrow(/^fliken 'Drift' \(xl\/worksheets\/sheet2\.xml\) är för stor för att läsas: den packas upp till mer än .* dela upp bladet på flera flikar/);
  });

  test('the part is held unread and written back exactly as it was stored', () => {
    const entries = readZipParts(example, Infinity);
    const held = entries.get('xl/worksheets/sheet2.xml')!;
    expect(isPacked(held) && held.tooLarge).toBe(true);
    const back = unzipSync(writeZip(entries));
    expect(Buffer.from(back['xl/worksheets/sheet2.xml']).equals(Buffer.from(unzipSync(example)['xl/worksheets/sheet2.xml']))).toBe(true);
  });

  test('readZip, which gives every content, still refuses it', () => {
    expect(() => readZip(example)).toThrow(/delen xl\/worksheets\/sheet2\.xml blir större än .* uppackad \(gränsen per del\)/);
  });
});
