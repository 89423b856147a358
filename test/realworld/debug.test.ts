/** Debug aid (not part of the suite's assertions): DEBUG_TABLE=<id> prints the audit and report of one table. */
import { runCli, tempDir } from '../cli/helpers';
import { writeTable } from './build';
import { scoreTable } from './harness';
import { REAL_TABLES } from './index';

const id = process.env.DEBUG_TABLE;
(id ? test : test.skip)('debug one real table', async () => {
  const t = REAL_TABLES.find((x) => x.id === id)!;
  const dir = tempDir();
  const files = await writeTable(t, dir);
  const months = t.months ? ['--months', String(t.months)] : [];
  const audit = await runCli(['audit', files.printed, ...months]);
  const s = await scoreTable(t, dir);
  process.stdout.write([...audit.out, ...audit.err, '--- rapport', ...s.reportOut, ...s.reportErr, '--- siffror', ...s.figures.filter((f) => !f.ok).map((f) => `${f.cell} tryckt ${f.printed} rapport ${f.found} (${f.where})`), `misses ${s.misses} falsklarm ${s.falseAlarms}`].join('\n') + '\n');
}, 60_000);
