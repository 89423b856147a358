/**
 * A cheap guard that the Office adapter benchmark (`npm run bench:office`) keeps working: its
 * measurement (bench/officeMeasure.ts) at 100 and 2 000 rows. Every operation of the pane must take
 * the same Excel.runs and syncs at both sizes, and no sync may carry more than 5 MB either way.
 * No timing.
 */
import { checkTargets, LIMIT_BYTES, measureOffice, ROWS_PER_MARK, type SizeFigures } from '../../bench/officeMeasure';

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

  test('the sync counts are equal across sizes, and every sync is under the limit', () => {
    const [small, large] = sizes;
    expect(large.operations.map((o) => [o.name, o.syncsPerRun])).toEqual(small.operations.map((o) => [o.name, o.syncsPerRun]));
    for (const size of sizes) {
      for (const sync of size.operations.flatMap((o) => o.detail.flat())) {
        expect(sync.failed).toBeUndefined();
        expect(sync.request).toBeLessThanOrEqual(LIMIT_BYTES);
        expect(sync.response).toBeLessThanOrEqual(LIMIT_BYTES);
      }
    }
    expect(checkTargets(sizes).filter((t) => !t.pass)).toEqual([]);
    // The payload does grow with the rows (it is the syncs that must not).
    const read = (s: SizeFigures) => s.operations.find((o) => o.name === 'read')?.totalResponse ?? 0;
    expect(read(large)).toBeGreaterThan(10 * read(small));
  });
});
