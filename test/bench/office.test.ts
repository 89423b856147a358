/**
 * A cheap guard that the Office adapter benchmark (`npm run bench:office`) keeps working: its
 * measurement (bench/officeMeasure.ts) at 100 and 2 000 rows, where every operation must take the same
 * Excel.runs and syncs at both sizes and no sync may carry more than 5 MB either way; and its targets
 * on figures made up for the purpose, where syncs may grow with the bytes but not with the rows.
 * No timing.
 */
import { checkTargets, LIMIT_BYTES, measureOffice, ROWS_PER_MARK, type OperationFigures, type SizeFigures } from '../../bench/officeMeasure';

/** Figures of one operation of one run, with `syncs` syncs carrying `bytes` in all. */
function figures(rows: number, syncs: number, bytes: number): SizeFigures {
  const sync = { request: 100, response: Math.round(bytes / syncs) - 100, actions: 2 };
  const op: OperationFigures = {
    name: 'read',
    what: 'made up',
    runs: 1,
    syncs,
    syncsPerRun: [syncs],
    minSyncsByBytes: [Math.ceil(bytes / LIMIT_BYTES)],
    maxRequest: sync.request,
    maxResponse: sync.response,
    totalRequest: syncs * sync.request,
    totalResponse: syncs * sync.response,
    failedSyncs: 0,
    ms: 0,
    note: '',
    detail: [Array.from({ length: syncs }, () => sync)],
  };
  return { rows, formats: 'column', setupMs: 0, operations: [op] };
}

const verdicts = (sizes: SizeFigures[]) => Object.fromEntries(checkTargets(sizes).map((t) => [t.target, t.pass]));

describe('bench:office at small sizes', () => {
  let sizes: SizeFigures[];

  beforeAll(async () => {
    sizes = [await measureOffice(100), await measureOffice(2_000)];
  }, 60_000);

  test('every operation of the pane is measured at both sizes', () => {
    const names = ['saveSettings', 'loadSettings', 'read', 'report', 'report again', 'report fill only', 'report comments only', 'audit', 'mark', 'clearMarks', 'getSelection', 'select'];
    for (const size of sizes) {
      expect(size.operations.map((o) => o.name)).toEqual(names);
      for (const op of size.operations) {
        expect(op.runs).toBeGreaterThan(0);
        expect(op.syncs).toBe(op.syncsPerRun.reduce((n, s) => n + s, 0));
        expect(op.detail.flat()).toHaveLength(op.syncs);
      }
    }
    const at = (rows: number, name: string) => sizes.find((s) => s.rows === rows)?.operations.find((o) => o.name === name);
    expect(at(2_000, 'report')?.note).toMatch(/^4000 cells filled/);
    expect(at(2_000, 'mark')?.note).toBe(`${2_000 / ROWS_PER_MARK} cells marked`);
    expect(at(100, 'report')?.syncsPerRun).toEqual([3, 2]);
  });

  test('the sync counts are equal across sizes, every sync is under the limit, and every target passes', () => {
    const [small, large] = sizes;
    expect(large.operations.map((o) => [o.name, o.syncsPerRun])).toEqual(small.operations.map((o) => [o.name, o.syncsPerRun]));
    for (const size of sizes) {
      for (const sync of size.operations.flatMap((o) => o.detail.flat())) {
        expect(sync.failed).toBeUndefined();
        expect(sync.request).toBeLessThanOrEqual(LIMIT_BYTES);
        expect(sync.response).toBeLessThanOrEqual(LIMIT_BYTES);
      }
    }
    const targets = checkTargets(sizes);
    expect(new Set(targets.map((t) => t.target))).toEqual(new Set(['≤ 5 MB', 'same syncs ≤ 10 000 rows', 'syncs by bytes']));
    expect(targets.filter((t) => !t.pass)).toEqual([]);
    // The payload does grow with the rows (it is the syncs that must not).
    const read = (s: SizeFigures) => s.operations.find((o) => o.name === 'read')?.totalResponse ?? 0;
    expect(read(large)).toBeGreaterThan(10 * read(small));
  });
});

describe('the targets of bench:office', () => {
  test('the same syncs while the data fits one sync; past it, syncs may grow with the bytes', () => {
    // 3 syncs up to 10 000 rows; at 100 000 rows 22.8 MB in 8 syncs: 8 ≤ 3 + ceil(22.8 / 5) + 1 = 9.
    expect(verdicts([figures(1_000, 3, 228_000), figures(10_000, 3, 2_280_000), figures(100_000, 8, 22_800_000)])).toEqual({
      '≤ 5 MB': true,
      'same syncs ≤ 10 000 rows': true,
      'syncs by bytes': true,
    });
  });

  test('syncs that grow with the rows fail, as does a changed count while the data still fits one sync', () => {
    // The old chunks of 5 000 rows, two a sync: 12 syncs for 22.8 MB is more than the bytes need.
    expect(verdicts([figures(1_000, 3, 228_000), figures(100_000, 12, 22_800_000)])['syncs by bytes']).toBe(false);
    expect(verdicts([figures(1_000, 3, 228_000), figures(10_000, 4, 2_280_000)])['same syncs ≤ 10 000 rows']).toBe(false);
  });

  test('a sync over 5 MB fails the limit whatever the count', () => {
    expect(verdicts([figures(1_000, 3, 228_000), figures(100_000, 4, 22_800_000)])).toEqual({
      '≤ 5 MB': false,
      'same syncs ≤ 10 000 rows': true,
      'syncs by bytes': true,
    });
  });
});
