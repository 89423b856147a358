import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectHeader } from '../../src/core/roles';
import { XlsxPackage } from '../../src/workbook/xlsx/xlsxPackage';
import { DOMAIN_HEADER, DOMAIN_ROWS, domainGrid } from '../fixtures/domainDrift';
import { writeFixture, type FixtureCell } from '../fixtures/xlsx';
import { runCli, tempDir } from './helpers';

const tkrGrid = (): FixtureCell[][] => [DOMAIN_HEADER, ...DOMAIN_ROWS.map(([l, t, bh, ph, bp, up, fg]) => [l, t, Number(bh) / 1000, Number(ph) / 1000, null, Number(bp) / 1000, Number(up) / 1000, null, Number(fg) / 1000])];

async function reportJson(dir: string, sheets: { name: string; rows: FixtureCell[][] }[], extra: string[]) {
  const input = await writeFixture(join(dir, 'in.xlsx'), sheets);
  const run = await runCli(['report', input, '--out', join(dir, 'out.xlsx'), '--json', join(dir, 'out.json'), ...extra]);
  expect(run.err).toEqual([]);
  return JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
}

describe('command-line options', () => {
  test('--input-unit tkr reads thousands; --unit mnkr shows one decimal', async () => {
    const json = await reportJson(tempDir(), [{ name: 'Drift', rows: tkrGrid() }], ['--input-unit', 'tkr', '--unit', 'mnkr', '--months', '8']);
    const t = json.tables[0];
    expect(t.unit).toBe('mnkr');
    const personal = t.rows.find((r: { label: string }) => r.label === 'Personal');
    expect(personal.cells).toMatchObject({ budgetHelar: 88.3, prognosHelar: 90.1, avvikelseHelar: -1.8, avvikelsePeriod: -2.1 });
    expect(t.rows.at(-1).cells.budgetHelar).toBe(136.7);
  });

  test('--months periodizes an annual budget evenly when the sheet has no period budget', async () => {
    const rows: FixtureCell[][] = [
      ['Kategori', 'Typ', 'Budget helår', 'Prognos helår', 'Utfall jan–aug'],
      ['Intäkter', 'Intäkt', 1200000, 1250000, 850000],
      ['Personal', 'Kostnad', 6000000, 6100000, 4200000],
    ];
    const json = await reportJson(tempDir(), [{ name: 'Drift', rows }], []);
    const t = json.tables[0];
    expect(t.columns).toEqual(['budgetHelar', 'prognosHelar', 'avvikelseHelar', 'budgetPeriod', 'utfallPeriod', 'avvikelsePeriod']);
    expect(t.rows[1].cells).toMatchObject({ budgetPeriod: 4000, utfallPeriod: 4200, avvikelsePeriod: -200 });
    expect(t.rows[0].cells).toMatchObject({ budgetPeriod: 800, avvikelsePeriod: 50 });
  });

  test('--config sets per-sheet overrides and thresholds', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cfg.json'), JSON.stringify({ months: 8, thresholdAmount: 3000, thresholdPercent: 50, sheets: { Kopia: { unit: 'mnkr' } } }));
    const json = await reportJson(dir, [{ name: 'Prognos', rows: domainGrid() }, { name: 'Kopia', rows: domainGrid() }], ['--config', join(dir, 'cfg.json')]);
    expect(json.tables.map((t: { title: string; unit: string }) => `${t.title} ${t.unit}`)).toEqual(['Driftredovisning – Prognos tkr', 'Driftredovisning – Kopia mnkr']);
    const personal = json.tables[0].rows.find((r: { label: string }) => r.label === 'Personal');
    expect(personal.flag).toBe('observe'); // 2 129 tkr ≥ 1 500 (observe = half of 3 000) but < 3 000
    const net = json.tables[0].rows.at(-1);
    expect(net.flag).toBe('observe');
  });

  test('--signed reads costs as negative figures and still reports positive = better', async () => {
    const rows: FixtureCell[][] = [
      ['Kategori', 'Budget helår', 'Prognos helår', 'Avvikelse helår'],
      ['Intäkter', 500000, 540000, null],
      ['Personal', -3000000, -3200000, null],
    ];
    const json = await reportJson(tempDir(), [{ name: 'Drift', rows }], ['--signed']);
    const t = json.tables[0];
    expect(t.rows.map((r: { label: string; cells: Record<string, number> }) => [r.label, r.cells.budgetHelar, r.cells.avvikelseHelar])).toEqual([
      ['Intäkter', 500, 40],
      ['Personal', 3000, -200],
      ['Verksamhetens kostnader', 3000, -200],
      ['Årets resultat (nettokostnad)', 2500, -160],
    ]);
    expect(json.notes).toContain('Fliken Drift: Beloppen läses med tecken (kostnader negativa, intäkter positiva), enligt inställningen.');
  });

  test('the tool reads the tables it writes', async () => {
    const dir = tempDir();
    const input = await writeFixture(join(dir, 'in.xlsx'), [{ name: 'Prognos', rows: domainGrid() }]);
    expect((await runCli(['report', input, '--out', join(dir, 'out.xlsx'), '--months', '8'])).code).toBe(0);
    const data = await XlsxPackage.open(join(dir, 'out.xlsx')).read();
    const header = detectHeader(data.sheets.find((s) => s.name === 'Avvikelsetabeller')!.values);
    expect(header).toMatchObject({
      headerRows: 2,
      firstDataRow: 4,
      months: 8,
      columns: { label: 0, budgetHelar: 1, prognosHelar: 2, avvikelseHelar: 3, budgetPeriod: 4, utfallPeriod: 5, avvikelsePeriod: 6, utfallFgAr: 7 },
    });
  });
});
