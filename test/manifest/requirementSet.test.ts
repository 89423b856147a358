/**
 * The manifest's ExcelApi minimum against what the code uses: every property access in `src/`
 * resolved by the TypeScript compiler to its declaration in `@types/office-js`, whose doc comment names
 * its requirement set (see apiSets.ts). A use of a later set than the manifest declares must sit behind
 * an `isSetSupported` check; so must every use of a set the manifest does not declare at all.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { REQUIRED_EXCEL_API } from '../../src/workbook/office/apiSupport';
import { ApiSetAnalysis, compareVersions, officeProgram, officeTag, type ApiUse } from './apiSets';

const REPO = path.resolve(__dirname, '../..');
const SRC = path.join(REPO, 'src');
const manifest = fs.readFileSync(path.join(REPO, 'manifest.xml'), 'utf8');

/** Sets of other Office applications (Outlook, Word, PowerPoint, OneNote): no Excel host has them. */
const OTHER_HOSTS = /^(Mailbox|Word|PowerPoint|OneNote|Outlook)/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

const where = (u: ApiUse) => `${u.set} ${u.version} ${u.member} at ${path.relative(REPO, u.file)}:${u.line}`;

/** A made-up file that uses Excel 1.10 members in every way a guard can take (lines counted in the test). */
const PROBE_GUARDS = `/// <reference types="office-js" />
const isSetSupported = (n: string, v: string) => Office.context.requirements.isSetSupported(n, v);
class Support {
  /** @apiGuard ExcelApi 1.10 */
  get comments(): boolean { return isSetSupported('ExcelApi', '1.10'); }
}
/** @apiSet ExcelApi 1.10 */
function add(wb: Excel.Workbook) { wb.comments.add('A1', 'x'); }
export function f(wb: Excel.Workbook, s: Support) {
  wb.comments.load('items');
  if (Office.context.requirements.isSetSupported('ExcelApi', '1.10')) wb.comments.load('items');
  if (!isSetSupported('ExcelApi', '1.10')) wb.comments.load('items'); else wb.comments.load('items');
  if (isSetSupported('ExcelApi', '1.9')) wb.comments.load('items');
  const c = s.comments ? wb.comments : null;
  if (s.comments && c) add(wb);
  add(wb);
  if (!s.comments) return;
  wb.comments.load('items');
}
`;

/** A flag tagged as a check that makes none. */
const PROBE_LIES = `/// <reference types="office-js" />
/** @apiGuard ExcelApi 1.10 */
const lies = true;
export function f(wb: Excel.Workbook) { if (lies) wb.comments.load('items'); }
`;

/** Chart members reached in the ways the chart writer reaches them: a union receiver, destructuring, a later set. */
const PROBE_CHARTS = `/// <reference types="office-js" />
function outline(line: Excel.ChartLineFormat | Excel.ChartBorder) { line.color = '#262626'; }
export function f(chart: Excel.Chart) {
  const { categoryAxis } = chart.axes;
  categoryAxis.reversePlotOrder = true;
  outline(chart.series.getItemAt(0).format.line);
  chart.series.getItemAt(0).getDimensionValues('Values');
}
`;

const probes: Record<string, string> = {
  [path.join(REPO, 'test', 'manifest', '__guards__.ts')]: PROBE_GUARDS,
  [path.join(REPO, 'test', 'manifest', '__lies__.ts')]: PROBE_LIES,
  [path.join(REPO, 'test', 'manifest', '__charts__.ts')]: PROBE_CHARTS,
};

/** One program over src/ and the probes (served from memory): office-js is parsed and bound once. */
let program: ts.Program;
beforeAll(() => {
  const base = ts.createCompilerHost({});
  const host: ts.CompilerHost = {
    ...base,
    fileExists: (f) => f in probes || base.fileExists(f),
    readFile: (f) => probes[f] ?? base.readFile(f),
    getSourceFile: (f, v) => (f in probes ? ts.createSourceFile(f, probes[f], v, true) : base.getSourceFile(f, v)),
  };
  program = officeProgram([...sourceFiles(SRC), ...Object.keys(probes)], host);
}, 60_000);

describe('the manifest asks for the ExcelApi the code uses', () => {
  let analysis: ApiSetAnalysis;
  beforeAll(() => {
    analysis = new ApiSetAnalysis(program, (file) => path.resolve(file).startsWith(SRC + path.sep));
  });

  test('manifest.xml declares ExcelApi REQUIRED_EXCEL_API, the highest set used without a check', () => {
    const declared = /<Set Name="ExcelApi" MinVersion="([\d.]+)"\s*\/>/.exec(manifest)?.[1];
    expect(declared).toBe(REQUIRED_EXCEL_API);
    expect(/<Sets DefaultMinVersion="([\d.]+)">/.exec(manifest)?.[1]).toBe(REQUIRED_EXCEL_API);
    const highest = analysis.unguardedMaximum().get('ExcelApi');
    expect(highest).toBeDefined();
    // more than the manifest declares: the add-in installs on a host where it then fails
    const above = analysis.uses.filter((u) => u.set === 'ExcelApi' && !u.guard && compareVersions(u.version, REQUIRED_EXCEL_API) > 0).map(where);
    expect(above).toEqual([]);
    // and no more than needed: the manifest's minimum is the real one
    expect(highest?.version).toBe(REQUIRED_EXCEL_API);
  });

  test('every use of a set the manifest does not declare is behind a check', () => {
    const unguarded = analysis.uses.filter((u) => u.set !== 'ExcelApi' && !OTHER_HOSTS.test(u.set) && !u.guard).map(where);
    expect(unguarded).toEqual([]);
    expect(analysis.problems).toEqual([]);
  });

  test('the analysis sees the adapter: known members at their documented sets, comments guarded', () => {
    const found = (member: string) => analysis.uses.filter((u) => u.member === member);
    expect(analysis.uses.filter((u) => u.set === 'ExcelApi').length).toBeGreaterThan(150);
    expect(found('Worksheet.getRangeByIndexes')[0]).toMatchObject({ set: 'ExcelApi', version: '1.7' });
    expect(found('PageBreakCollection.add')[0]).toMatchObject({ version: '1.9' });
    expect(found('Worksheet.showGridlines')[0]).toMatchObject({ version: '1.8' });
    expect(found('NamedItem.formula (load)')[0]).toMatchObject({ version: '1.7' });
    // the Word file's way out on Mac: only where the host has OpenBrowserWindowApi
    expect(found('UI.openBrowserWindow').map((u) => u.guard)).toEqual([{ set: 'OpenBrowserWindowApi', version: '1.1' }]);
    // the charts (writeCharts.ts): every member at its documented set, the highest 1.8, none above the manifest
    const chartMembers: Record<string, string> = {
      'ChartCollection.add': '1.1', 'Chart.setPosition': '1.1', 'Chart.plotVisibleOnly': '1.8', 'ChartSeriesCollection.add': '1.7',
      'ChartSeries.setValues': '1.7', 'ChartSeries.setXAxisValues': '1.7', 'ChartSeries.dataLabels': '1.8', 'ChartDataLabels.numberFormat': '1.8',
      'ChartSeries.overlap': '1.8', 'ChartSeries.gapWidth': '1.7', 'ChartPointFormat.border': '1.7', 'ChartBorder.color': '1.7', 'ChartLineFormat.lineStyle': '1.7', 'ChartPoint.markerBackgroundColor': '1.7', 'ChartPoint.markerForegroundColor': '1.7',
      'ChartAxes.categoryAxis': '1.1', 'ChartAxis.position': '1.8', 'ChartAxis.numberFormat': '1.8', 'ChartAxis.reversePlotOrder': '1.7', 'Chart.name (load)': '1.1',
    };
    for (const [member, version] of Object.entries(chartMembers)) expect([member, found(member)[0]?.version]).toEqual([member, version]);
    const charts = analysis.uses.filter((u) => u.file.endsWith('writeCharts.ts'));
    expect(charts.length).toBeGreaterThan(50);
    expect(charts.filter((u) => compareVersions(u.version, REQUIRED_EXCEL_API) > 0).map(where)).toEqual([]);
    const comments = analysis.uses.filter((u) => u.set === 'ExcelApi' && u.version === '1.10');
    expect(comments.length).toBeGreaterThan(3);
    for (const use of comments) expect([where(use), use.guard]).toEqual([where(use), { set: 'ExcelApi', version: '1.10' }]);
  });
});

describe('the analysis has teeth', () => {
  /** The analysis of one probe file: its uses of Excel 1.10 members, and its problems. */
  function analyse(name: string): { uses: ApiUse[]; problems: string[] } {
    const file = path.join(REPO, 'test', 'manifest', name);
    const analysis = new ApiSetAnalysis(program, (f) => f === file);
    return { uses: analysis.uses.filter((u) => u.version === '1.10'), problems: analysis.problems };
  }
  const line = (uses: ApiUse[], guarded: boolean) => uses.filter((u) => !!u.guard === guarded).map((u) => u.line);

  test('unguarded, guarded by isSetSupported, negated, early exit, a too low check, tagged flags and functions', () => {
    const { uses, problems } = analyse('__guards__.ts');
    expect(problems).toEqual([]);
    expect(line(uses, false)).toEqual([10, 12, 13, 16]);
    expect(line(uses, true)).toEqual([8, 8, 11, 12, 14, 15, 18]);
  });

  test('a flag tagged @apiGuard that does not make its check is reported, not trusted', () => {
    const { uses, problems } = analyse('__lies__.ts');
    expect(problems).toEqual([expect.stringContaining('lies is tagged @apiGuard ExcelApi 1.10 but does not call isSetSupported')]);
    expect(line(uses, false)).toEqual([4]);
  });

  test('a property of a union counts for each type, a destructured one too, and a later chart member is seen', () => {
    const file = path.join(REPO, 'test', 'manifest', '__charts__.ts');
    const uses = new ApiSetAnalysis(program, (f) => f === file).uses.map((u) => `${u.member} ${u.version}:${u.line}`);
    expect(uses).toEqual(expect.arrayContaining(['ChartLineFormat.color 1.1:2', 'ChartBorder.color 1.7:2', 'ChartAxes.categoryAxis 1.1:4', 'ChartAxis.reversePlotOrder 1.7:5', 'ChartSeries.getDimensionValues 1.12:7']));
  });

  test('tags with a version per use: the setter counts where it is assigned to', () => {
    expect(officeTag('* [Api set: ExcelApi 1.1 for get, 1.8 for set]', false)).toEqual({ set: 'ExcelApi', version: '1.1' });
    expect(officeTag('* [Api set: ExcelApi 1.1 for get, 1.8 for set]', true)).toEqual({ set: 'ExcelApi', version: '1.8' });
    expect(officeTag('**Requirement set**: {@link https://x | OpenBrowserWindowApi 1.1}', false)).toEqual({ set: 'OpenBrowserWindowApi', version: '1.1' });
    expect(compareVersions('1.10', '1.9')).toBeGreaterThan(0);
  });
});
