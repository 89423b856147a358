import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateForecast } from '../../bench/generate';
import { physicalFloor } from '../../bench/physicalFloor';
import { readZip } from '../../src/workbook/xlsx/zip';
import { tempDir } from '../cli/helpers';

describe('the physical floor, one stream and both cores', () => {
  test('both ways see the same rows and tags (slices scanned apart) and write the same sheet content', async () => {
    const dir = tempDir();
    const input = join(dir, 'forecast.xlsx');
    await generateForecast(input, 10_000); // a sheet of about 4 MB: two slices and a bit
    const one = await physicalFloor(input, join(dir, 'one.xlsx'), 'one-stream');
    const both = await physicalFloor(input, join(dir, 'both.xlsx'), 'both-cores');
    expect(one.rows).toBe(10_003);
    expect(both.rows).toBe(one.rows);
    expect(both.tags).toBe(one.tags);
    expect(Object.keys(one.phases)).toEqual(['read', 'inflate', 'scan', 'deflate', 'write']);
    expect(Object.keys(both.phases)).toEqual(['read', 'inflate', 'scan+deflate', 'write']);
    const sheet = (file: string) => readZip(readFileSync(join(dir, file))).get(one.sheet)!;
    expect(Buffer.from(sheet('both.xlsx')).equals(Buffer.from(sheet('one.xlsx')))).toBe(true);
    expect(sheet('one.xlsx').length).toBe(one.sheetBytes);
  }, 60_000);
});
