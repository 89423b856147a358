import { tempDir, readWorkbook, runCli } from '../cli/helpers';
import { writeTable } from './build';
import { REAL_TABLES } from './index';
import { execSync } from 'node:child_process';
test('zz2', async () => {
  const t = REAL_TABLES.find((x) => x.id === process.env.T)!;
  const dir = tempDir();
  const f = await writeTable(t, dir);
  const r = await runCli(['report', f.input, '--out', dir + '/o.xlsx', '--year', String(t.year)]);
  console.log(r.err);
  const wb = await readWorkbook(dir + '/o.xlsx');
  console.log(JSON.stringify(wb.worksheets[0].getCell(process.env.C!).value));
  console.log(execSync(`cd ${dir} && mkdir u && cd u && unzip -o -q ../o.xlsx && grep -o '<c r="${process.env.C}"[^/]*/[^/]*/[^>]*>' xl/worksheets/sheet1.xml`).toString());
});
