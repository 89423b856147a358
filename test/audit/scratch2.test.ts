import { locateTables } from '../../src/audit';
import { readStructure } from '../../src/audit/structure';
import { detectConvention } from '../../src/audit/convention';
import { buildConstraints, printedCells, withBlankTerms, residual, isViolated } from '../../src/audit/constraints';
import { printedDrift, withCells, DRIFT_COL as C } from './grids';
test('debug', () => {
  const g = withCells(printedDrift(), ['Personal', C.budgetHelar, 88130], ['Personal', C.avvikelseHelar, -1985]);
  const t = locateTables('T', g as never)[0];
  const s = readStructure(t.lines);
  console.log(JSON.stringify(s.sums), t.lines.map((l) => `${l.label}:${l.kind}:${l.type}`));
  const conv = detectConvention(t, s);
  const cs = buildConstraints(t, s.sums, conv, undefined);
  const cells = withBlankTerms(printedCells(t), cs);
  for (const c of cs) if (isViolated(c, cells)) console.log(c.kind, c.terms.map((x) => `${x.key}*${x.coef}`).join(' '), residual(c, cells).toString());
});
