import { clipboardHtml, copyTable, type ClipboardLike } from '../../src/export/clipboard';
import { tableHtml, tableTsv } from '../../src/export/html';
import { DOMAIN_TEXT, domainModel, edgeTable } from './model';

const drift = () => domainModel().tables.find((t) => t.type === 'driftredovisning')!;

/** The `<tr>`s of an HTML table, each as its cells: text, the tag, colspan and inline style. */
function rowsOf(html: string) {
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((tr) =>
    [...tr[1].matchAll(/<(td|th)(?: colspan="(\d+)")?(?: style="([^"]*)")?>([\s\S]*?)<\/\1>/g)].map((m) => ({ tag: m[1], span: Number(m[2] ?? 1), style: m[3] ?? '', text: m[4] })),
  );
}

describe('tableHtml: the clipboard HTML for Word and Outlook', () => {
  test('title, unit line, the table with its two-level header, and the note', () => {
    const html = tableHtml(drift());
    expect(html).toMatch(/^<p style="[^"]*font-weight:bold[^"]*">Driftredovisning<\/p>\n<p style="[^"]*font-style:italic[^"]*">tkr<\/p>\n<table style="border-collapse:collapse;border:none;font-family:Calibri/);
    expect(html).toContain('Avrundningsdifferenser kan förekomma.</p>');
    const rows = rowsOf(html);
    expect(rows[0].map((c) => [c.text, c.span])).toEqual([['', 1], ['Helår', 3], ['Perioden jan–aug', 3], ['Perioden fg år', 1]]);
    expect(rows[0].slice(1).every((c) => c.style.includes('border-bottom:0.5pt solid'))).toBe(true);
    expect(rows[1].map((c) => c.text)).toEqual([drift().labelHeader, 'Budget', 'Prognos', 'Avvikelse', 'Budget', 'Utfall', 'Avvikelse', 'Utfall']);
    expect(rows[1].every((c) => c.tag === 'th' && c.style.includes('border-bottom:1pt solid'))).toBe(true);
  });

  test('the body: identical figures to the document, right-aligned and unbreakable, bold sums with a rule above', () => {
    const rows = rowsOf(tableHtml(drift())).slice(2);
    expect(rows.map((r) => [r[0].text, r.slice(1).map((c) => c.text)])).toEqual(DOMAIN_TEXT);
    for (const r of rows) {
      expect(r[0].style).toContain('text-align:left');
      for (const c of r.slice(1)) expect(c.style).toMatch(/text-align:right;white-space:nowrap/);
      const total = ['Verksamhetens kostnader', 'Årets resultat (nettokostnad)'].includes(r[0].text);
      for (const c of r) {
        expect(c.style.includes('font-weight:bold')).toBe(total);
        expect(c.style.includes('border-top:0.5pt solid')).toBe(total);
      }
    }
    expect(tableHtml(drift())).not.toMatch(/>-0(,0)?</);
  });

  test('escapes labels, indents nested rows, prints – and 0,0', () => {
    const html = tableHtml(edgeTable());
    expect(html).toContain('Investeringar – Inv &amp; &lt;Exp&gt;</p>');
    expect(html).not.toContain('<fritids>');
    const rows = rowsOf(html);
    const skola = rows.find((r) => r[0].text === 'Skola &quot;Norr&quot; &amp; &lt;fritids&gt;')!;
    expect(skola[0].style).toContain('padding-left:15pt');
    expect(rows.find((r) => r[0].text === 'Tak')!.map((c) => c.text)).toEqual(['Tak', '0,0', '0,0', '0,0', '–']);
    expect(rows.find((r) => r[0].text === 'Reinvestering')![0].style).toContain('padding-left:5pt');
  });
});

describe('tableTsv: the plain-text fallback', () => {
  test('tab-separated lines with the same text as the table', () => {
    const lines = tableTsv(drift()).split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'Driftredovisning',
      'tkr',
      '\tHelår\t\t\tPerioden jan–aug\t\t\tPerioden fg år',
      [drift().labelHeader, 'Budget', 'Prognos', 'Avvikelse', 'Budget', 'Utfall', 'Avvikelse', 'Utfall'].join('\t'),
    ]);
    expect(lines.slice(4, 11)).toEqual(DOMAIN_TEXT.map(([label, cells]) => [label, ...cells].join('\t')));
    expect(lines.slice(11)).toEqual(['Avrundningsdifferenser kan förekomma.', '']);
  });

  test('text with tabs or line breaks cannot break the columns', () => {
    const t = edgeTable();
    t.rows[1].label = 'Skola\tNorr\nEtapp 2';
    expect(tableTsv(t)).toContain('Skola Norr Etapp 2\t-12,3\t-12,3\t0,0\t0,3\n');
  });
});

describe('copyTable: "Kopiera för Word"', () => {
  class FakeItem {
    constructor(readonly items: Record<string, Blob>) {}
  }
  const fakeClipboard = (refuse = false) => {
    const written: { items?: Record<string, Blob>; text?: string } = {};
    const clipboard: ClipboardLike = {
      write: async (items) => {
        if (refuse) throw new Error('NotAllowedError');
        written.items = (items[0] as unknown as FakeItem).items;
      },
      writeText: async (text) => void (written.text = text),
    };
    return { clipboard, written };
  };

  test('writes HTML and the tab-separated text in one clipboard item', async () => {
    const { clipboard, written } = fakeClipboard();
    expect(await copyTable(drift(), clipboard, FakeItem as unknown as typeof ClipboardItem)).toBe('html');
    expect(Object.keys(written.items!)).toEqual(['text/html', 'text/plain']);
    expect(written.items!['text/html'].type).toBe('text/html');
    expect(await written.items!['text/html'].text()).toBe(clipboardHtml(drift()));
    expect(clipboardHtml(drift())).toMatch(/^<html><head><meta charset="utf-8"><\/head><body>\n<p/);
    expect(await written.items!['text/plain'].text()).toBe(tableTsv(drift()));
    expect(written.text).toBeUndefined();
  });

  test('falls back to writeText where ClipboardItem is missing or refused', async () => {
    const missing = fakeClipboard();
    expect(await copyTable(drift(), missing.clipboard, undefined)).toBe('text');
    expect(missing.written.text).toBe(tableTsv(drift()));
    const refused = fakeClipboard(true);
    expect(await copyTable(drift(), refused.clipboard, FakeItem as unknown as typeof ClipboardItem)).toBe('text');
    expect(refused.written.text).toBe(tableTsv(drift()));
  });
});
