/**
 * Whole-path fuzz: arbitrary forecast workbooks, written as real .xlsx files and run through
 * `avvikelse report` in-process. Whatever the sheet, the run ends in exit 0 or 1 (a sound file is never
 * a usage error, never a crash), errors are Swedish lines naming sheet and cell (a cell inside the grid
 * that holds what the message quotes), nothing is written on error, the input is never changed, the
 * JSON holds only finite numbers, every sum row agrees with its rows within rounding, and a re-run on
 * the output gives the same bytes.
 *
 * A failure prints fast-check's seed and path; replay with `FUZZ_SEED=<seed>`; `FUZZ_RUNS=500` for a
 * longer session.
 */
import fc from 'fast-check';
import { tempDir } from '../cli/helpers';
import { checkErrorLines, checkJsonNumbers, checkSumRows, otherCommands, runPath } from './checks';
import { exactArgs, exactGrid, exactSpec, expectedDrift } from './exact';
import { fuzzParams, optionArgs, runOptions, sheetGrid, workbookSpec, type RunOptions, type SheetSpec } from './sheets';

// 200 runs of report, audit and export, each output through both OOXML checkers: minutes on a loaded 2-core machine
jest.setTimeout(900_000);

const DEFAULTS: RunOptions = { months: undefined, unit: 'tkr', inputUnit: 'kr', convention: undefined, blankAsZero: false };
const sheet = (over: Partial<SheetSpec>): SheetSpec => ({ name: 'Drift', preamble: 0, twoRow: false, merged: false, labelHeader: 'Kategori', typ: true, group: false, roles: [], headers: [], rows: [], defects: [], ...over });

/** Shrunk counterexamples the fuzz found, run first every time (see the report of the fix in each). */
const REGRESSIONS: [SheetSpec[], RunOptions][] = [
  // `FALSE` in the Typ column was quoted as "false": now "FALSKT", as Swedish Excel shows it
  [
    [sheet({ roles: ['budgetPeriod', 'utfallPeriod', 'avvikelsePeriod', 'utfallFgAr'], headers: ['Budget period', 'Utfall period', 'Avvikelse period', 'Utfall fg år'], rows: [{ label: 'Personal', typ: 'Intäkt', group: '', amounts: [0, 0, 0, 0] }], defects: [[0, 1, false]] })],
    DEFAULTS,
  ],
  // `-1e400` was an amount, and the JSON got null for it: now an error at the cell
  [[sheet({ typ: false, roles: ['prognosHelar', 'utfallFgAr'], headers: ['Prognos helår', 'Utfall fg år'], rows: [{ label: 'Personal', typ: 'Intäkt', group: '', amounts: [0, 0] }], defects: [[0, 1, '-1e400']] })], DEFAULTS],
  // ±1.8e308 in two cells: sums beyond what a JSON number holds
  [
    [
      sheet({
        preamble: 1,
        twoRow: true,
        labelHeader: 'Benämning',
        roles: ['budgetHelar', 'budgetPeriod', 'utfallPeriod', 'avvikelsePeriod', 'utfallFgAr'],
        headers: ['Budget 2026', 'Budget jan–aug', 'Utfall jan–aug', 'Avvikelse period', 'Bokslut 2025'],
        rows: [
          { label: 'Personal', typ: 'Intäkt', group: '', amounts: [0, 0, 0, 0, 0] },
          { label: '3010 Taxor och avgifter', typ: 'Intäkt', group: '', amounts: [0, 0, -150000, 0, 0] },
        ],
        defects: [
          [0, 3, -1.7976931348623157e308],
          [1, 4, 1.7976931348623157e308],
        ],
      }),
    ],
    DEFAULTS,
  ],
  // a two-row header leaves the cells above the label columns empty: the audit threw a TypeError on them
  [
    [
      sheet({
        twoRow: true,
        roles: ['budgetHelar', 'utfallFgAr'],
        rows: [
          { label: 'Taxor och avgifter', typ: 'Intäkt', group: '', amounts: [10000000, 10000000] },
          { label: 'Personal', typ: 'Kostnad', group: '', amounts: [-10000000, -10000000] },
        ],
      }),
    ],
    { ...DEFAULTS, convention: 'signed' },
  ],
  // a heading's total, filled by the first run, was read on the re-run as a row carrying the rows below it:
  // the same tables under another note (seed 1509833644); our own totals are now read as the blanks they were
  [
    [
      sheet({
        name: 'Investeringar',
        preamble: 2,
        merged: true,
        typ: false,
        group: true,
        roles: ['budgetHelar', 'avvikelseHelar'],
        headers: ['BUDGET HELÅR', 'Avvikelse'],
        rows: [
          { label: 'Personal', typ: 'Summa', group: 'Förskola', amounts: [0, 0] },
          { label: 'Personal', typ: 'Intäkt', group: 'Förskola', amounts: [0, 0] },
          { label: 'Personal', typ: 'Intäkt', group: 'Förskola', amounts: [0, 0] },
          { label: 'Personal', typ: 'Intäkt', group: 'Förskola', amounts: [0, 0] },
        ],
        defects: [
          [467212021, 1943950378, ''],
          [1825344742, 529511670, 12345],
        ],
      }),
    ],
    DEFAULTS,
  ],
];

test('any forecast workbook: exit 0 or 1, Swedish errors with cells, finite JSON, sums within rounding, idempotent; audit and export never crash', async () => {
  const dir = tempDir();
  const outcomes = { ok: 0, errors: 0 };
  await fc.assert(
    fc.asyncProperty(workbookSpec, runOptions, async (specs, options) => {
      const sheets = specs.map(sheetGrid);
      const path = await runPath(sheets, optionArgs(options), dir);
      const problems = [...path.problems, ...(await otherCommands(path, optionArgs(options)))];
      if (path.run.code === 1) {
        outcomes.errors++;
        problems.push(...checkErrorLines(path.run.err, sheets));
      }
      if (path.report) {
        outcomes.ok++;
        problems.push(...checkJsonNumbers(path.report), ...checkSumRows(path.report));
      }
      expect({ problems, err: path.run.err }).toEqual({ problems: [], err: path.run.err });
    }),
    { ...fuzzParams<[SheetSpec[], RunOptions]>(200), examples: REGRESSIONS },
  );
  // the generator must reach both outcomes, or the properties above say little
  expect(outcomes.ok).toBeGreaterThan(0);
  expect(outcomes.errors).toBeGreaterThan(0);
});

test('forecast sheets of a known layout: every figure of the driftredovisning is the rounding of its exact sum', async () => {
  const dir = tempDir();
  await fc.assert(
    fc.asyncProperty(exactSpec, async (spec) => {
      const path = await runPath([exactGrid(spec)], exactArgs(spec), dir);
      expect({ code: path.run.code, err: path.run.err, problems: path.problems }).toEqual({ code: 0, err: [], problems: [] });
      const report = path.report!;
      expect([...checkJsonNumbers(report), ...checkSumRows(report)]).toEqual([]);
      const drift = report.tables.find((t) => t.type === 'driftredovisning')!;
      const expected = expectedDrift(spec);
      expect(drift.columns).toEqual(expected.columns);
      expect(drift.rows.map((r) => ({ label: r.label, kind: r.kind, cells: r.cells }))).toEqual(expected.rows);
    }),
    fuzzParams(150),
  );
});
