/**
 * The real-world summary (issue 9): every table of the corpus through the real command line. The report
 * runs on the controller's input workbook, the audit on the printed one; one line per table says how many
 * of the printed figures the report reproduced and how the audit did against the table's real mistakes.
 * The totals must be 100 % figures, 100 % hits and no false alarm.
 */
import { tempDir } from '../cli/helpers';
import { scoreTable, summaryLine, type TableScore } from './harness';
import { REAL_TABLES } from './index';

jest.setTimeout(120_000);

const scores: TableScore[] = [];

beforeAll(async () => {
  const dir = tempDir();
  for (const t of REAL_TABLES) scores.push(await scoreTable(t, dir));
  const figures = scores.reduce((n, s) => n + s.reproduced, 0);
  const total = scores.reduce((n, s) => n + s.total, 0);
  const hits = scores.reduce((n, s) => n + s.hits.length, 0);
  const mistakes = scores.reduce((n, s) => n + s.hits.length + s.misses.length, 0);
  const alarms = scores.reduce((n, s) => n + s.falseAlarms.length, 0);
  const lines = scores.map(summaryLine);
  lines.push(`${'Totalt'.padEnd(26)} siffror ${figures}/${total} (${((100 * figures) / Math.max(1, total)).toFixed(1)} %), träffar ${hits}/${mistakes}, falsklarm ${alarms}`);
  process.stdout.write(`\n${lines.join('\n')}\n`);
});

describe('the real-world corpus', () => {
  test.each(REAL_TABLES.map((t) => [t.id]))('%s: every consistent printed figure is reproduced', (id) => {
    const s = scores.find((x) => x.id === id)!;
    expect(s.reportErr).toEqual([]);
    expect(s.figures.filter((f) => !f.ok).map((f) => `${f.cell}: tryckt ${f.printed.toString()}, rapporten ${f.found ?? 'ingenting'}`)).toEqual([]);
  });

  test.each(REAL_TABLES.map((t) => [t.id]))('%s: the audit finds every real mistake at its cell and raises no false alarm', (id) => {
    const s = scores.find((x) => x.id === id)!;
    expect({ misses: s.misses, falseAlarms: s.falseAlarms }).toEqual({ misses: [], falseAlarms: [] });
  });
});
