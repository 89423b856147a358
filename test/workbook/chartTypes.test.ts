/**
 * The chart types of the port as DrawingML: columns with a dashed line over them on the same axes, and
 * a line chart with markers (per-point fills), written into a real package next to the default bars;
 * the package passes both OOXML checkers and the parts say what the port asked for.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { SheetChart } from '../../src/workbook/port';
import { XlsxPackage } from '../../src/workbook/xlsx/xlsxPackage';
import { readZip } from '../../src/workbook/xlsx/zip';
import { checkersAvailable, checkPackages } from '../helpers/ooxml';
import { REPO } from '../taskpane/harness';
import { tempDir } from '../cli/helpers';

const categories = { ref: "'Diagramtest'!$A$1:$A$3", values: ['jan–apr', 'jan–aug', 'Bokslut'] };
const figures = { ref: "'Diagramtest'!$B$1:$B$3", values: [140017, 142071, 143036] };
const budget = { values: [136745, 136745, 136745] };

function chart(type: SheetChart['type'], n: number): SheetChart {
  return {
    type,
    name: `Avvikelsediagram ${n}: test`,
    title: `Typ ${type ?? 'bar'}`,
    from: { row: 0, col: 3 + n * 8 },
    to: { row: 14, col: 10 + n * 8 },
    categories,
    series: [
      { name: 'Helårsprognos', values: figures, fill: '595959', outline: '595959', markers: type === 'line', points: [{ fill: '595959' }, { fill: '595959' }, { fill: '262626' }], labels: true },
      { name: 'Budget helår 136 745', type: 'line', dashed: true, values: budget, outline: '262626' },
    ],
    numFmt: '#,##0;-#,##0;0',
    legend: true,
    axis: { min: 135000, max: 145000 },
  };
}

describe('chart types in DrawingML', () => {
  test('bars, columns and a line, each with a dashed budget line, pass both checkers', async () => {
    const pkg = XlsxPackage.open(join(REPO, 'examples', 'prognos-exempel.xlsx'));
    await pkg.read();
    const cells = categories.values.flatMap((label, row) => [{ row, col: 0, value: label }, { row, col: 1, value: figures.values[row] }]);
    await pkg.write({ cellWrites: [], names: {}, sheets: [{ name: 'Diagramtest', cells, merges: [], columnWidths: [12, 12], conditionalFormats: [], charts: [chart(undefined, 0), chart('column', 1), chart('line', 2)] }] });
    const out = join(tempDir(), 'typer.xlsx');
    await pkg.save(out);
    const entries = readZip(readFileSync(out));
    const parts = [...entries.keys()].filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k)).sort().map((k) => Buffer.from(entries.get(k)!).toString('utf8'));
    const byTitle = (t: string) => parts.find((p) => p.includes(`<a:t>${t}</a:t>`))!;
    expect(byTitle('Typ bar')).toMatch(/<c:barChart><c:barDir val="bar"\/>.*<\/c:barChart><c:lineChart>/);
    expect(byTitle('Typ column')).toMatch(/<c:barChart><c:barDir val="col"\/>.*<\/c:barChart><c:lineChart>/);
    expect(byTitle('Typ column')).toContain('<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>');
    const line = byTitle('Typ line');
    expect(line).not.toContain('<c:barChart>');
    expect(line.match(/<c:lineChart>.*<\/c:lineChart>/)![0].match(/<c:ser>/g)).toHaveLength(2);
    expect(line).toContain('<c:dPt><c:idx val="2"/><c:marker><c:symbol val="circle"/><c:size val="7"/><c:spPr><a:solidFill><a:srgbClr val="262626"/>');
    expect(line).toContain('<a:prstDash val="dash"/>');
    expect(line).toContain('<c:max val="145000"/><c:min val="135000"/>');
    if (!checkersAvailable()) return;
    expect(checkPackages([out]).get(out)).toEqual([]);
  }, 60_000);
});
