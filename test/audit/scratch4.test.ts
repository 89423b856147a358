import { auditSheet } from '../../src/audit';
test('perf', () => {
  const n = 20000;
  const rows: unknown[][] = [['Kategori', 'Typ', 'Budget helår', 'Prognos helår', 'Avvikelse helår']];
  let sb = 0, sp = 0, sd = 0;
  for (let i = 0; i < n; i++) {
    const b = 1000 + (i % 97) * 13, p = b + (i % 7) - 3;
    const d = b - p;
    sb += b; sp += p; sd += d;
    rows.push([`Konto ${i}`, 'Kostnad', b, p, i % 200 === 5 ? -d || 5 : d]);
  }
  rows.push(['Summa', null, sb, sp, sd]);
  const t0 = Date.now();
  const r = auditSheet('Big', rows as never);
  console.log(Date.now() - t0, 'ms', r.findings.length, r.findings.filter((f) => !/tecknet/.test(f.message)).map((f) => f.cell + ' ' + f.message));
}, 120000);
