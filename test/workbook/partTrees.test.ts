/**
 * Parts keeps the element trees of the content types and relationships it has parsed (src/workbook/xlsx/opc.ts,
 * issue 12): every answer must still follow the part's current content, packed or replaced.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parts } from '../../src/workbook/xlsx/opc';
import { readZipParts } from '../../src/workbook/xlsx/zip';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'prognos-exempel.xlsx');
const CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const CHART_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';

// both ways a part is stored: every part inflated, and every part kept packed until read
describe.each([
  ['inflated', Infinity],
  ['packed', 0],
])('parts stored %s', (_, packedFrom) => {
  const parts = () => new Parts(readZipParts(readFileSync(EXAMPLE), packedFrom));

  test('content types asked, added, asked again and removed follow the part', () => {
    const p = parts();
    const byExtension = p.contentType('xl/charts/chart1.xml'); // the Default for .xml
    expect(byExtension).not.toBe(CHART);
    p.addContentType('xl/charts/chart1.xml', CHART);
    expect(p.contentType('xl/charts/chart1.xml')).toBe(CHART);
    expect(p.text('[Content_Types].xml')).toContain('PartName="/xl/charts/chart1.xml"');
    p.addContentType('xl/charts/chart2.xml', CHART);
    expect(p.contentType('xl/charts/chart2.xml')).toBe(CHART);
    p.removeContentType('xl/charts/chart1.xml');
    expect(p.contentType('xl/charts/chart1.xml')).toBe(byExtension);
    expect(p.contentType('xl/charts/chart2.xml')).toBe(CHART);
  });

  test('relationships added and removed follow the part, also when it is replaced by setText', () => {
    const p = parts();
    const before = p.relationships('xl/workbook.xml').length;
    const id = p.addRelationship('xl/workbook.xml', CHART_REL, 'charts/chart1.xml');
    expect(p.relationships('xl/workbook.xml').map((r) => r.id)).toContain(id);
    expect(p.addRelationship('xl/workbook.xml', CHART_REL, 'charts/chart2.xml')).not.toBe(id);
    p.removeRelationships('xl/workbook.xml', new Set([id]));
    expect(p.relationships('xl/workbook.xml')).toHaveLength(before + 1);
    p.setText('xl/_rels/workbook.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>');
    expect(p.relationships('xl/workbook.xml')).toEqual([]);
  });
});
