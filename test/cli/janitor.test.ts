/**
 * The shell that removes a killed run's temporary files is started when the outputs are planned, not
 * at the commit (a fork then costs with the heap: 79 ms at 1.7 GB), watches exactly the names the
 * commit then writes, and never outlives the command. The kill -9 outcomes themselves are in
 * faults.test.ts, against the built command line.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { releaseTemps, reserveTemps, writeFilesAtomically } from '../../src/cli/atomicWrite';
import { readZip, writeZip } from '../../src/workbook/xlsx/zip';
import { runCli, tempDir } from './helpers';

const EXAMPLE = join(__dirname, '../../examples/prognos-exempel.xlsx');

/** The arguments of this process's live watcher shells (`sh -c … avvikelse-stadning <pid> <paths…>`). */
function watchers(): string[][] {
  const lines = execFileSync('ps', ['-eo', 'stat=,args='], { encoding: 'utf8' }).split('\n');
  return lines
    .filter((l) => !l.trimStart().startsWith('Z') && l.includes(`avvikelse-stadning ${process.pid} `))
    .map((l) => l.slice(l.indexOf('avvikelse-stadning')).split(' ').slice(2));
}

async function noWatchers(): Promise<string[][]> {
  for (let i = 0; i < 50 && watchers().length > 0; i++) await new Promise((r) => setTimeout(r, 20));
  return watchers();
}

afterEach(() => releaseTemps());

test('reserving starts one watcher of the reserved names; the commit writes under those names and stops it', async () => {
  const dir = tempDir();
  const target = join(dir, 'ut.xlsx');
  reserveTemps([target, join(dir, 'ut.json')]);
  const [paths] = watchers();
  expect(watchers()).toHaveLength(1);
  expect(paths).toHaveLength(2);
  expect(paths[0]).toMatch(new RegExp(`^${dir}/\\.ut\\.xlsx\\.avvikelse-${process.pid}-[0-9a-f]{8}\\.tmp$`));
  expect(paths[1]).toMatch(new RegExp(`^${dir}/\\.ut\\.json\\.avvikelse-${process.pid}-[0-9a-f]{8}\\.tmp$`));
  writeFilesAtomically([{ target, shown: 'ut.xlsx', data: Buffer.from('ny') }]);
  expect(await noWatchers()).toEqual([]);
  expect(readdirSync(dir)).toEqual(['ut.xlsx']);
});

test('a target the commit did not reserve (a path that changed since planning) gets a watcher of its own', async () => {
  const dir = tempDir();
  reserveTemps([join(dir, 'a.json')]);
  expect(watchers()).toHaveLength(1);
  writeFilesAtomically([{ target: join(dir, 'b.json'), shown: 'b.json', data: Buffer.from('{}') }]);
  expect(await noWatchers()).toEqual([]);
  expect(readdirSync(dir)).toEqual(['b.json']);
});

test('nothing to write: no watcher is started', () => {
  reserveTemps([]);
  expect(watchers()).toEqual([]);
});

test('a report that fails after planning its outputs leaves no watcher and no file', async () => {
  const dir = tempDir();
  const input = join(dir, 'trasig.xlsx');
  // the first sheet cut off mid-row: found while reading, after the outputs were planned
  const entries = readZip(readFileSync(EXAMPLE));
  const sheet = entries.get('xl/worksheets/sheet1.xml')!;
  entries.set('xl/worksheets/sheet1.xml', sheet.subarray(0, sheet.length >> 1));
  writeFileSync(input, writeZip(entries));
  const run = await runCli(['report', input, '--out', join(dir, 'ut.xlsx'), '--json', join(dir, 'ut.json')]);
  expect(run.code).toBe(2);
  expect(run.err.join('\n')).toMatch(/är skadad: delen är avkortad/);
  expect(await noWatchers()).toEqual([]);
  expect(readdirSync(dir)).toEqual(['trasig.xlsx']);
});

test('a report that succeeds leaves no watcher', async () => {
  const dir = tempDir();
  const run = await runCli(['report', EXAMPLE, '--out', join(dir, 'ut.xlsx'), '--quiet']);
  expect(run.code).toBe(0);
  expect(await noWatchers()).toEqual([]);
  expect(readdirSync(dir)).toEqual(['ut.xlsx']);
});
