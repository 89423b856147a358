/** `avvikelse audit` on real .xlsx files built by script: output lines, the JSON contract, exit codes. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { domainGrid } from '../fixtures/domainDrift';
import { writeFixture } from '../fixtures/xlsx';
import { runCli, tempDir } from '../cli/helpers';
import { DRIFT_COL as C, investments, portfolio, printedDrift, withCells } from './grids';

const dir = tempDir();
const clean = join(dir, 'ren.xlsx');
const wrong = join(dir, 'fel.xlsx');
const roundingOnly = join(dir, 'avrundning.xlsx');
const none = join(dir, 'ingen-tabell.xlsx');

beforeAll(async () => {
  await writeFixture(clean, [{ name: 'Tabell', rows: printedDrift() }]);
  await writeFixture(wrong, [
    { name: 'Läs mig', rows: [['Tabeller inskrivna för hand']] },
    {
      name: 'Tabell',
      rows: withCells(printedDrift(), ['Personal', C.avvikelseHelar, 1805], ['Köp av verksamhet', C.budgetHelar, 27100]),
      merges: ['B3:D3', 'E3:G3'],
    },
    { name: 'Investeringar 2026', rows: withCells(investments(), ['Ventilation Ekbyskolan', 3, 1250]) },
  ]);
  await writeFixture(roundingOnly, [{ name: 'Exploatering', rows: portfolio() }]);
  await writeFixture(none, [{ name: 'Blad1', rows: [['Bara text'], [1, 2, 3]] }]);
});

describe('avvikelse audit', () => {
  test('a clean table: exit 0, the convention assumed, no findings', async () => {
    const run = await runCli(['audit', clean]);
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.out[0]).toMatch(/^Tabell!A3:H11 \(Driftredovisning\): Teckenkonvention utan tecken/);
    expect(run.out[run.out.length - 1]).toBe('Inga fel och inga avrundningsdifferenser (1 tabell granskade).');
  });

  test('planted errors: exit 1, one line per finding with sheet and cell, a summary', async () => {
    const run = await runCli(['audit', wrong]);
    expect(run.code).toBe(1);
    const lines = run.out.filter((l) => /^('[^']+'|[^ ]+)![A-Z]+\d+: /.test(l));
    expect(lines).toEqual([
      expect.stringMatching(/^Tabell!D6: Personal, avvikelse helår: 1 805 borde vara -1 805 \(tecknet är omvänt\)/),
      expect.stringMatching(/^Tabell!B8: Köp av verksamhet, budget helår: 27 100 borde vara 21 700/),
      expect.stringMatching(/^'Investeringar 2026'!D7: Ventilation Ekbyskolan, avvikelse helår: 1 250 borde vara -1 250 \(tecknet är omvänt\)/),
      expect.stringMatching(/^'Investeringar 2026'!E17: .*avrundningsdifferens/),
    ]);
    expect(run.out).toContainEqual(expect.stringMatching(/^'Investeringar 2026'!A3:E17 \(Investeringar\): Teckenkonvention med tecken/));
    expect(run.out[run.out.length - 1]).toBe('3 fel, 1 avrundningsdifferens (2 tabeller granskade).');
  });

  test('--json writes exactly { findings: [ { sheet, cell, label, column, found, expected, kind, message } ] }', async () => {
    const json = join(dir, 'fynd.json'); // the folder must exist: a missing one is refused
    const run = await runCli(['audit', wrong, '--json', json]);
    expect(run.code).toBe(1);
    const doc = JSON.parse(readFileSync(json, 'utf8'));
    expect(Object.keys(doc)).toEqual(['findings']);
    expect(doc.findings).toHaveLength(4);
    for (const f of doc.findings) {
      expect(Object.keys(f)).toEqual(['sheet', 'cell', 'label', 'column', 'found', 'expected', 'kind', 'message']);
      expect(typeof f.found).toBe('number');
      expect(typeof f.expected).toBe('number');
      expect(['error', 'rounding']).toContain(f.kind);
    }
    expect(doc.findings[0]).toEqual({
      sheet: 'Tabell',
      cell: 'D6',
      label: 'Personal',
      column: 'avvikelseHelar',
      found: 1805,
      expected: -1805,
      kind: 'error',
      message: expect.stringContaining('tecknet är omvänt'),
    });
    expect(doc.findings[1]).toMatchObject({ cell: 'B8', column: 'budgetHelar', found: 27100, expected: 21700 });
  });

  test('rounding differences only: exit 0, and they are listed as such', async () => {
    const run = await runCli(['audit', roundingOnly]);
    expect(run.code).toBe(0);
    expect(run.out.filter((l) => l.includes('avrundningsdifferens (')).length).toBe(5);
    expect(run.out[run.out.length - 1]).toBe('Inga fel, 5 avrundningsdifferenser (1 tabell granskade).');
  });

  test('--json with mnkr figures keeps one decimal', async () => {
    const json = join(dir, 'mnkr.json');
    await runCli(['audit', roundingOnly, '--json', json]);
    const doc = JSON.parse(readFileSync(json, 'utf8'));
    expect(doc.findings[0]).toMatchObject({ sheet: 'Exploatering', cell: 'C5', found: -23, expected: -23.1, kind: 'rounding' });
  });

  test('--quiet prints only the errors', async () => {
    const run = await runCli(['audit', wrong, '--quiet']);
    expect(run.code).toBe(1);
    expect(run.out).toHaveLength(3);
  });

  test('a workbook without any table to audit: exit 1 and a message', async () => {
    const run = await runCli(['audit', none]);
    expect(run.code).toBe(1);
    expect(run.err.join('\n')).toContain('hittade ingen tabell');
  });

  test('usage errors exit 2', async () => {
    expect((await runCli(['audit'])).code).toBe(2);
    const missing = await runCli(['audit', join(dir, 'finns-inte.xlsx')]);
    expect(missing.code).toBe(2);
    expect(missing.err.join('\n')).toContain('finns inte');
    expect((await runCli(['audit', clean, '--months', '13'])).code).toBe(2);
    expect((await runCli(['audit', clean, '--json'])).code).toBe(2);
    const notXlsx = join(dir, 'text.xlsx');
    writeFileSync(notXlsx, 'inte en arbetsbok');
    const bad = await runCli(['audit', notXlsx]);
    expect(bad.code).toBe(2);
    expect(bad.err.join('\n')).toContain('kan inte läsas som en .xlsx-fil');
  });

  test('the file is only read', async () => {
    const before = readFileSync(wrong);
    await runCli(['audit', wrong, '--json', join(dir, 'x.json')]);
    expect(readFileSync(wrong).equals(before)).toBe(true);
  });
});

describe('our own output audits clean', () => {
  test('report on the domain driftredovisning, then audit the workbook: zero findings', async () => {
    const input = join(dir, 'prognos.xlsx');
    const output = join(dir, 'rapport.xlsx');
    await writeFixture(input, [{ name: 'Prognos', rows: domainGrid() }]);
    const report = await runCli(['report', input, '--out', output, '--months', '8']);
    expect(report.code).toBe(0);
    const json = join(dir, 'rapport-fynd.json');
    const run = await runCli(['audit', output, '--json', json]);
    expect(run.code).toBe(0);
    expect(run.out).toContainEqual(expect.stringMatching(/^Avvikelsetabeller!A3:H11 \(Driftredovisning\): /));
    expect(JSON.parse(readFileSync(json, 'utf8'))).toEqual({ findings: [] });
  });

  test('report on the shipped example (drift, investments, an mnkr portfolio), then audit: no errors', async () => {
    const example = join(__dirname, '../../examples/prognos-exempel.xlsx');
    if (!existsSync(example)) return;
    const output = join(dir, 'exempel-rapport.xlsx');
    const report = await runCli(['report', example, '--out', output, '--config', join(__dirname, '../../examples/avvikelse.json')]);
    expect(report.code).toBe(0);
    const json = join(dir, 'exempel-fynd.json');
    const run = await runCli(['audit', output, '--json', json]);
    expect(run.code).toBe(0);
    const findings = JSON.parse(readFileSync(json, 'utf8')).findings as { kind: string; message: string }[];
    expect(findings.filter((f) => f.kind === 'error')).toEqual([]);
    expect(findings.every((f) => f.message.includes('avrundningsdifferens'))).toBe(true);
    expect(run.out.filter((l) => l.startsWith('Avvikelsetabeller!A')).length).toBeGreaterThanOrEqual(5);
  });
});
