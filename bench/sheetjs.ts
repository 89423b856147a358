/**
 * SheetJS (`xlsx`) as the peer issue 12 names: read the workbook whole and write it back, the way a
 * developer who picks SheetJS would fill a column (`readFile`, then `writeFile`), nothing computed.
 * SheetJS is not a dependency of the project: the bench loads it from a folder given on the command line
 * (`npm install --prefix <folder> xlsx`; npm's registry holds 0.18.5, see bench/README.md).
 *
 *   node dist/node/bench/sheetjs.js <folder with node_modules/xlsx> <in.xlsx> <out.xlsx>
 *
 * Prints one JSON line: { version, sheets, rows, cells } (rows and cells of the largest sheet).
 */
import { join } from 'node:path';

interface SheetJs {
  version: string;
  readFile(path: string, options?: Record<string, unknown>): { SheetNames: string[]; Sheets: Record<string, Record<string, unknown>> };
  writeFile(workbook: unknown, path: string, options?: Record<string, unknown>): void;
  utils: { decode_range(ref: string): { s: { r: number; c: number }; e: { r: number; c: number } } };
}

export function copyWithSheetJs(folder: string, input: string, output: string): { version: string; sheets: number; rows: number; cells: number } {
  const xlsx = require(join(folder, 'node_modules', 'xlsx')) as SheetJs;
  const workbook = xlsx.readFile(input, { dense: true });
  let rows = 0;
  let cells = 0;
  for (const name of workbook.SheetNames) {
    const sheet = workbook.Sheets[name];
    const ref = sheet['!ref'];
    if (typeof ref !== 'string') continue;
    const range = xlsx.utils.decode_range(ref);
    const data = (sheet['!data'] ?? sheet) as unknown[][];
    let filled = 0;
    if (Array.isArray(data)) for (const row of data) if (Array.isArray(row)) for (const c of row) if (c) filled++;
    if (range.e.r + 1 > rows) {
      rows = range.e.r + 1;
      cells = filled;
    }
  }
  xlsx.writeFile(workbook, output, { compression: true });
  return { version: xlsx.version, sheets: workbook.SheetNames.length, rows, cells };
}

if (require.main === module) {
  const [folder, input, output] = process.argv.slice(2);
  if (!folder || !input || !output) {
    console.error('användning: node dist/node/bench/sheetjs.js <mapp med node_modules/xlsx> <in.xlsx> <ut.xlsx>');
    process.exit(2);
  }
  console.log(JSON.stringify(copyWithSheetJs(folder, input, output)));
}
