/**
 * The floor: the cheapest way exceljs can read the file and write it back. A streaming WorkbookReader
 * visits every row (and every cell value); each row goes straight into a streaming WorkbookWriter at the
 * same row number, shared strings on (like the tool's output). Nothing is kept in memory.
 *
 *   node dist/node/bench/floor.js <in.xlsx> <out.xlsx> [values|styled]
 *
 * values (the floor of the issue, "bare" read + write): cell values only, styles ignored on both sides.
 * styled: also carries each cell's number format (reader styles: 'cache', writer useStyles: true), i.e.
 *   the least a format-preserving streaming copy through exceljs costs. Reported beside the floor.
 *
 * Prints one JSON line: { mode, rows, cells, numbers, checksum } so the runner can check it saw the data.
 */
import ExcelJS from 'exceljs';

export type FloorMode = 'values' | 'styled';

export interface FloorResult {
  mode: FloorMode;
  rows: number;
  cells: number;
  numbers: number;
  checksum: number;
}

export async function copyStreaming(input: string, output: string, mode: FloorMode = 'values'): Promise<FloorResult> {
  const styled = mode === 'styled';
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: styled ? 'cache' : 'ignore',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: output, useSharedStrings: true, useStyles: styled });
  let rows = 0;
  let cells = 0;
  let numbers = 0;
  let checksum = 0;
  let sheets = 0;
  for await (const wsReader of reader) {
    sheets++;
    const name = (wsReader as unknown as { name?: string }).name ?? `Blad${sheets}`;
    const ws = writer.addWorksheet(name);
    for await (const row of wsReader) {
      rows++;
      const out = ws.getRow(row.number);
      if (styled) {
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          const v = cell.value;
          cells++;
          if (typeof v === 'number') {
            numbers++;
            checksum += v;
          }
          const target = out.getCell(col);
          target.value = v;
          if (cell.numFmt) target.numFmt = cell.numFmt;
        });
      } else {
        const values = row.values as ExcelJS.CellValue[];
        for (let c = 1; c < values.length; c++) {
          const v = values[c];
          if (v === undefined || v === null) continue;
          cells++;
          if (typeof v === 'number') {
            numbers++;
            checksum += v;
          }
        }
        out.values = values;
      }
      out.commit();
    }
    ws.commit();
  }
  await writer.commit();
  return { mode, rows, cells, numbers, checksum: Math.round(checksum * 100) / 100 };
}

if (require.main === module) {
  const [input, output, mode = 'values'] = process.argv.slice(2);
  if (!input || !output || (mode !== 'values' && mode !== 'styled')) {
    console.error('användning: node dist/node/bench/floor.js <in.xlsx> <out.xlsx> [values|styled]');
    process.exit(2);
  }
  copyStreaming(input, output, mode).then(
    (r) => console.log(JSON.stringify(r)),
    (e: unknown) => {
      console.error(e instanceof Error ? e.stack ?? e.message : String(e));
      process.exit(3);
    },
  );
}
