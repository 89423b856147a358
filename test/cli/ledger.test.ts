/**
 * A ledger extract through the command line, end to end: a real .xlsx in, the standard tables out, and
 * every total checked against the extract summed independently (integer öre with BigInt).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LEDGER_ACCOUNTS, LEDGER_SHEET, ledgerRows, writeLedgerExtract } from '../../examples/ledgerExtract';
import { readWorkbook, rowByLabel, rowNumbers, runCli, tempDir } from './helpers';

const N = 3_000;

/** Exact öre totals per column of the generated rows, and of the rows of one account class. */
function oreTotals(filter: (account: number) => boolean = () => true): bigint[] {
  const totals = [0n, 0n, 0n, 0n, 0n];
  for (const r of ledgerRows(N)) if (filter(r.account)) r.ore.forEach((o, i) => (totals[i] += BigInt(o)));
  return totals;
}

/** Öre → whole tkr, half away from zero, as the tables show them (display sign given). */
function tkr(ore: bigint, sign: 1n | -1n = 1n): number {
  const v = ore * sign;
  const abs = v < 0n ? -v : v;
  const rounded = (abs + 50_000n) / 100_000n;
  return Number(v < 0n ? -rounded : rounded);
}

/** Öre → kronor as an exact JSON number string. */
const kr = (ore: bigint) => Number(ore) / 100;

// generating 3 000 rows with exceljs and reading the output back take seconds on a shared 2-core machine
jest.setTimeout(60_000);

describe('avvikelse report on a ledger extract', () => {
  const dir = tempDir();
  const input = join(dir, 'huvudbok.xlsx');
  const out = join(dir, 'rapport.xlsx');
  const json = join(dir, 'rapport.json');

  beforeAll(async () => {
    await writeLedgerExtract(input, N);
  });

  test('the tables reconcile to the extract to the krona, and the unmapped account is listed', async () => {
    const before = readFileSync(input);
    const run = await runCli(['report', input, '--out', out, '--json', json, '--year', '2026']);
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(run.out).toContain('Varning: Huvudbok!A25: konto 8410 (125 rader) finns inte i kontoplanen och redovisas på raden "Ej mappade konton"');
    expect(run.out.join('\n')).toContain(`Fliken Huvudbok: huvudboksutdrag med 3 000 rader, ${LEDGER_ACCOUNTS.length} konton och 40 verksamheter; tabellerna stämmer mot underlagets summor`);

    const report = JSON.parse(readFileSync(json, 'utf8'));
    const all = oreTotals();
    const ledger = report.ledgers[0];
    expect(ledger).toMatchObject({ sheet: LEDGER_SHEET, rows: N, convention: 'ledger', reconciled: true, blankCells: 0 });
    expect(ledger.totals).toEqual({ budgetHelar: kr(all[0]), prognosHelar: kr(all[1]), budgetPeriod: kr(all[2]), utfallPeriod: kr(all[3]), utfallFgAr: kr(all[4]) });
    const unmapped = oreTotals((a) => a === 8410);
    expect(ledger.unmapped).toEqual([{ account: '8410', rows: 125, firstRow: 25, amounts: expect.objectContaining({ utfallPeriod: kr(unmapped[3]) }) }]);

    // the net cost is the extract's total (debet − kredit); every category its class's total
    const drift = report.tables[0];
    const row = (label: string) => drift.rows.find((r: { label: string }) => r.label === label).cells;
    expect(row('Årets resultat (nettokostnad)')).toMatchObject({ budgetHelar: tkr(all[0]), prognosHelar: tkr(all[1]), budgetPeriod: tkr(all[2]), utfallPeriod: tkr(all[3]), utfallFgAr: tkr(all[4]) });
    const revenue = oreTotals((a) => a < 4000);
    expect(row('Verksamhetens intäkter')).toMatchObject({ budgetHelar: tkr(revenue[0], -1n), utfallPeriod: tkr(revenue[3], -1n) });
    const personal = oreTotals((a) => a >= 5000 && a < 6000);
    expect(row('Personal')).toMatchObject({ budgetHelar: tkr(personal[0]), utfallPeriod: tkr(personal[3]) });
    const costs = oreTotals((a) => a >= 4000 && a < 8000);
    expect(row('Verksamhetens kostnader')).toMatchObject({ budgetHelar: tkr(costs[0]), utfallPeriod: tkr(costs[3]) });
    expect(row('Ej mappade konton')).toMatchObject({ budgetHelar: tkr(unmapped[0]), utfallPeriod: tkr(unmapped[3]) });
    expect(drift.rows.map((r: { label: string }) => r.label)).toEqual([
      'Verksamhetens intäkter',
      'Personal',
      'Lokaler',
      'Köp av verksamhet och material',
      'Övrigt',
      'Verksamhetens kostnader',
      'Ej mappade konton',
      'Årets resultat (nettokostnad)',
    ]);
    const perActivity = report.tables[1];
    expect(perActivity.rows).toHaveLength(41);
    expect(perActivity.rows[40]).toMatchObject({ label: 'Summa nettokostnad', cells: expect.objectContaining({ budgetPeriod: tkr(all[2]), utfallPeriod: tkr(all[3]) }) });

    // the same figures in the workbook, and the extract itself untouched
    const wb = await readWorkbook(out);
    const tables = wb.getWorksheet('Avvikelsetabeller')!;
    expect(rowNumbers(rowByLabel(tables, 'Årets resultat (nettokostnad)'), 7)).toEqual([tkr(all[0]), tkr(all[1]), tkr(all[0] - all[1]), tkr(all[2]), tkr(all[3]), tkr(all[2] - all[3]), tkr(all[4])]);
    const source = wb.getWorksheet(LEDGER_SHEET)!;
    expect(source.rowCount).toBe(N + 1);
    expect(source.getRow(2).values).toEqual([undefined, 3110, '400 Förskola Norr', ...[...ledgerRows(1)][0].ore.map((o) => o / 100)]);
  }, 30_000);

  test('running again on the output updates it in place: identical bytes', async () => {
    const again = join(dir, 'igen.xlsx');
    expect((await runCli(['report', out, '--out', again, '--year', '2026', '--quiet'])).code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
  });

  test('an edited map from --kontoplan moves the accounts; a bad map is a Swedish error', async () => {
    const map = join(dir, 'kontoplan.json');
    writeFileSync(map, JSON.stringify({ kontoplan: [{ konton: '3', kategori: 'Intäkter' }, { konton: '4-7', kategori: 'Kostnader' }, { konton: '8', kategori: 'Finansiella poster', typ: 'Kostnad' }], verksamheter: { '400-449': 'Barn och utbildning', '450-599': 'Övriga verksamheter' } }));
    const out2 = join(dir, 'rapport2.xlsx');
    const json2 = join(dir, 'rapport2.json');
    const run = await runCli(['report', input, '--out', out2, '--json', json2, '--kontoplan', map, '--year', '2026']);
    expect(run.code).toBe(0);
    expect(run.out.filter((l) => l.startsWith('Varning'))).toEqual([]);
    const report = JSON.parse(readFileSync(json2, 'utf8'));
    expect(report.tables[0].rows.map((r: { label: string }) => r.label)).toEqual(['Intäkter', 'Kostnader', 'Finansiella poster', 'Verksamhetens kostnader', 'Årets resultat (nettokostnad)']);
    expect(report.tables[1].rows.map((r: { label: string }) => r.label)).toEqual(['Barn och utbildning', 'Övriga verksamheter', 'Summa nettokostnad']);
    expect(report.tables[0].rows.at(-1).cells.utfallPeriod).toBe(tkr(oreTotals()[3]));

    writeFileSync(map, JSON.stringify([{ konton: '60-5', kategori: 'Lokaler' }]));
    const bad = await runCli(['report', input, '--out', join(dir, 'x.xlsx'), '--kontoplan', map]);
    expect(bad.code).toBe(2);
    expect(bad.err.join('\n')).toContain('kontoplan rad 1: "60-5" – båda gränserna ska ha lika många siffror');
  });
});
