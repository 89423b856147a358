/**
 * Broken packages: a sound workbook whose zip still opens, with one part damaged at random (cut short,
 * bytes overwritten, deleted, replaced, or an odd XML fragment spliced in). The command line ends in
 * exit 0, 1 or 2, never a throw; on 2 it says in one Swedish line which file and part cannot be read;
 * on anything but 0 nothing is written; the input is never changed. And the sheet reader, given any
 * text, returns a grid or throws its own typed error.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { readSheet, SheetFormatError } from '../../src/workbook/xlsx/sheetReader';
import { XlsxPackage } from '../../src/workbook/xlsx/xlsxPackage';
import { readZip, writeZip } from '../../src/workbook/xlsx/zip';
import { runCli, tempDir } from '../cli/helpers';
import { domainGrid } from '../fixtures/domainDrift';
import { writeFixture } from '../fixtures/xlsx';
import { sha } from './checks';
import { fuzzParams } from './sheets';

jest.setTimeout(120_000);

const PARTS = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/sharedStrings.xml', 'xl/styles.xml', '[Content_Types].xml', '_rels/.rels'];
/** Fragments a damaged or hand-made part may hold. */
const FRAGMENTS = [
  '<row r="0"><c r="A0"><v>1</v></c></row>',
  '<row r="99999999999"><c r="A1"><v>1</v></c></row>',
  '<c r="A5" t="s"><v>999</v></c>',
  '<c r="B5" t="s"><v>-1</v></c>',
  '<c r="C5" t="s"><v>1.5</v></c>',
  '<c r="ZZZ5"><v>1</v></c>',
  '<c r="C5" t="e"><v>#N/A</v></c>',
  '<c r="C5" t="d"><v>inte ett datum</v></c>',
  '<c r="C5" t="b"><v>2</v></c>',
  '<c r="C5"><f t="shared" si="7"/></c>',
  '<c r="C5"><f>A1&amp;</f></c>',
  '&#x110000;',
  '&#xD800;',
  '&bogus;',
  '<mergeCells><mergeCell ref="ZZ"/></mergeCells>',
  '<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>',
  '</sheetData>',
  '<sheetData>',
  '<sheet name="Ny" sheetId="9" r:id="rId99"/>',
  '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="../../../../etc/passwd"/>',
  '<si><t>Budget helår</t></si>',
  '<definedName name="Avvikelse_Tabeller">\'Drift\'!$A$1</definedName>',
  '<cellXfs count="1"><xf numFmtId="14"/></cellXfs>',
  '\u0000\u0001\u0002',
  '<!-- <row r="3"> -->',
  '<![CDATA[</worksheet>]]>',
];

type Mutation =
  | { kind: 'truncate'; part: string; at: number }
  | { kind: 'overwrite'; part: string; at: number; bytes: number[] }
  | { kind: 'delete'; part: string }
  | { kind: 'replace'; part: string; text: string }
  | { kind: 'splice'; part: string; at: number; text: string };

const part = fc.constantFrom(...PARTS);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), part, at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('overwrite' as const), part, at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 40 }) }),
  fc.record({ kind: fc.constant('delete' as const), part }),
  fc.record({ kind: fc.constant('replace' as const), part, text: fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom(...FRAGMENTS)) }),
  fc.record({ kind: fc.constant('splice' as const), part, at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.constantFrom(...FRAGMENTS) }),
);

function apply(entries: Map<string, Uint8Array>, m: Mutation): void {
  const data = entries.get(m.part);
  if (!data) return;
  const at = 'at' in m ? Math.floor(m.at * data.length) : 0;
  switch (m.kind) {
    case 'truncate':
      entries.set(m.part, data.subarray(0, at));
      break;
    case 'overwrite': {
      const copy = Buffer.from(data);
      m.bytes.forEach((b, i) => at + i < copy.length && (copy[at + i] = b));
      entries.set(m.part, copy);
      break;
    }
    case 'delete':
      entries.delete(m.part);
      break;
    case 'replace':
      entries.set(m.part, Buffer.from(m.text, 'utf8'));
      break;
    case 'splice': {
      // at a tag boundary, so that the fragment lands between elements
      const text = Buffer.from(data).toString('utf8');
      const i = text.indexOf('<', Math.floor(m.at * text.length));
      const cut = i < 0 ? text.length : i;
      entries.set(m.part, Buffer.from(text.slice(0, cut) + m.text + text.slice(cut), 'utf8'));
      break;
    }
  }
}

let good: Buffer;
beforeAll(async () => {
  const path = await writeFixture(join(tempDir(), 'god.xlsx'), [
    { name: 'Drift', rows: domainGrid(), merges: ['A1:I1'] },
    { name: 'Anteckningar', rows: [['Att göra'], [new Date(Date.UTC(2026, 7, 31))]] },
  ]);
  good = readFileSync(path);
});

const CANNOT_READ = /^Arbetsboken .+ kunde inte läsas: .+|: kan inte läsas som en \.xlsx-fil \(.+\)$/;

test('a damaged part: exit 0, 1 or 2 and never a throw; on 2 one Swedish line naming the part; nothing written unless 0', async () => {
  const dir = tempDir();
  let n = 0;
  const seen = { 0: 0, 1: 0, 2: 0 } as Record<number, number>;
  await fc.assert(
    fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 2 }), fc.constantFrom('report', 'audit', 'export'), async (mutations, command) => {
      const entries = readZip(good);
      for (const m of mutations) apply(entries, m);
      const input = join(dir, `in-${++n}.xlsx`);
      writeFileSync(input, writeZip(entries));
      const before = sha(input);
      const out = join(dir, `out-${n}.${command === 'export' ? 'docx' : 'xlsx'}`);
      const json = join(dir, `out-${n}.json`);
      const args =
        command === 'report' ? ['report', input, '--out', out, '--json', json, '--months', '8'] : command === 'audit' ? ['audit', input, '--json', json] : ['export', input, '--docx', out, '--months', '8'];
      const run = await runCli(args);
      seen[run.code] = (seen[run.code] ?? 0) + 1;
      expect(sha(input)).toBe(before);
      expect([0, 1, 2]).toContain(run.code);
      if (run.code === 2) {
        expect(run.err).toHaveLength(1);
        expect(run.err[0]).toMatch(CANNOT_READ);
        expect(run.err[0]).not.toMatch(/\bat .*\(|undefined|\[object/);
      }
      if (run.code !== 0 && command !== 'audit') {
        expect(existsSync(out)).toBe(false);
        expect(existsSync(json)).toBe(false);
      }
      if (run.code === 0 && command === 'report') await expect(XlsxPackage.fromBuffer(readFileSync(out)).read()).resolves.toBeDefined();
    }),
    fuzzParams(400),
  );
  expect(seen[2]).toBeGreaterThan(0);
});

test('readSheet on any text: a grid, or a typed error (SheetFormatError, or the RangeError of a character reference to no character) that the package turns into a damaged-part message', () => {
  const xmlish = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS, '<worksheet>', '</worksheet>', '<row>', '</row>', '<c>', '</c>', '<v>', '</v>', '<c r="B2" t="s">', '<row r="2">', '1', 'x'), fc.string({ maxLength: 8 })), { maxLength: 30 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(xmlish, fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }), (xml, shared) => {
      try {
        const grid = readSheet(xml, shared, new Set([0, 1, 14]));
        expect(Array.isArray(grid.values)).toBe(true);
      } catch (e) {
        if (!(e instanceof SheetFormatError) && !(e instanceof RangeError && /code point/.test(e.message))) throw e;
      }
    }),
    fuzzParams(2000),
  );
});
