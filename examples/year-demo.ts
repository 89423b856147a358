/**
 * `npm run demo:year`: the example year in order. Builds the April, August and year-end workbooks
 * (`build-year.ts`) and runs `avvikelse report` on each, every run with the previous run's report as
 * `--previous`, so the last report holds the whole year: the forecast history, the change since the
 * last forecast, the forecast accuracy and the section on åtgärder. Then `accuracy` and `export`.
 *
 *   node dist/node/examples/year-demo.js [folder]      (default out/ar)
 */
import { join, resolve } from 'node:path';
import { main } from '../src/cli/main';
import { buildYear } from './build-year';

const STAGES = ['april', 'augusti', 'bokslut'] as const;

async function run(argv: string[]): Promise<void> {
  console.log(`\n$ avvikelse ${argv.join(' ')}`);
  const code = await main(argv);
  if (code !== 0) throw new Error(`avvikelse ${argv[0]} slutade med kod ${code}`);
}

async function demo(folder: string): Promise<void> {
  await buildYear(folder);
  let previous: string | undefined;
  for (const stage of STAGES) {
    const out = join(folder, `${stage}-rapport.xlsx`);
    await run(['report', join(folder, `${stage}.xlsx`), '--out', out, '--json', join(folder, `${stage}-rapport.json`), '--year', '2026', '--force', ...(previous ? ['--previous', previous] : [])]);
    previous = out;
  }
  await run(['accuracy', previous!, '--year', '2026']);
  await run(['export', previous!, '--docx', join(folder, 'bokslut-rapport.docx'), '--year', '2026', '--force']);
}

demo(resolve(process.argv[2] ?? join('out', 'ar'))).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
