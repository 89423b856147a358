import { auditSheet } from '../../src/audit';
import { printedDrift, evenDrift, investments, portfolio, withCells, DRIFT_COL as C, type Grid } from './grids';
const show = (name: string, g: unknown[][]) => {
  const r = auditSheet('Tabell', g as never);
  console.log(name + '\n' + r.findings.map((f) => `${f.cell} [${f.kind}] ${f.column} ${f.found}->${f.expected}: ${f.message}`).join('\n'));
};
const minusLokaler = (g: Grid, net: boolean): Grid => {
  const lok = g.find((r) => r[0] === 'Lokaler')!;
  const edits: [string, number, number][] = [];
  for (let c = 1; c <= 7; c++) {
    const v = lok[c] as number;
    const vk = g.find((r) => r[0] === 'Verksamhetens kostnader')![c] as number;
    const dv = c === 3 || c === 6 ? -v : v; // deviation of costs: lokaler's d
    edits.push(['Verksamhetens kostnader', c, c === 3 || c === 6 ? vk - v : vk - v]);
    if (net) edits.push(['Årets resultat (nettokostnad)', c, (g.find((r) => r[0] === 'Årets resultat (nettokostnad)')![c] as number) - v]);
    void dv;
  }
  return withCells(g, ...edits);
};
test('scratch', () => {
  show('missing (net correct)', minusLokaler(printedDrift(), false));
  show('missing (net follows)', minusLokaler(printedDrift(), true));
  show('sum typo', withCells(printedDrift(), ['Verksamhetens kostnader', C.budgetHelar, 149154]));
  show('flip propagated', withCells(printedDrift(), ['Personal', C.avvikelseHelar, 1805], ['Verksamhetens kostnader', C.avvikelseHelar, -2482 + 3610], ['Årets resultat (nettokostnad)', C.avvikelseHelar, -1832 + 3610]));
  const e = evenDrift();
  console.log(JSON.stringify(e.slice(4)));
  show('even wrong period', withCells(e, ['Lokaler', C.budgetPeriod, 6031]));
  show('typo with d following', withCells(printedDrift(), ['Personal', C.budgetHelar, 88130], ['Personal', C.avvikelseHelar, -1985]));
  show('inv flip', withCells(investments(), ['Ventilation Ekbyskolan', 3, 1250]));
  show('inv missing', withCells(investments(), ['Summa nyinvestering', 1, -60600], ['Summa nyinvestering', 2, -54800], ['Summa nyinvestering', 4, -36610]));
  show('portfolio typo', withCells(portfolio(), ['Verkstadsområdet', 1, -13.4]));
  show('word text', withCells(printedDrift(), ['Övrigt', C.avvikelseHelar, '- 887'], ['Köp av verksamhet', C.avvikelseHelar, '60'], ['Lokaler', C.budgetHelar, '9 020'], ['Personal', C.avvikelsePeriod, '-2 129']));
});
