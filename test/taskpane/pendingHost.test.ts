/**
 * The pane's pending host (issue 12: the first view renders before the host is known): calls made
 * before the host arrives wait for it and are then made on it, with their arguments; a host that never
 * comes leaves them unanswered rather than answering wrongly.
 */
import { pendingHost } from '../../src/taskpane/model/pendingHost';
import type { HostPort } from '../../src/workbook/host';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { sampleSheets } from '../../src/demo/sampleWorkbook';

function later<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

test('calls made before the host is known are answered by it once it is', async () => {
  const real = new MemoryWorkbook(sampleSheets());
  const arrival = later<HostPort>();
  const host = pendingHost(arrival.promise, 'memory');
  const settings = host.loadSettings();
  const saved = host.saveSettings({ unit: 'mnkr' });
  const data = host.read({ sheets: ['Drift'] });
  let answered = false;
  void settings.then(() => (answered = true));
  await new Promise((r) => setTimeout(r, 10));
  expect(answered).toBe(false);
  arrival.resolve(real);
  await saved;
  expect(await real.loadSettings()).toEqual({ unit: 'mnkr' });
  expect((await data).sheets.map((s) => s.name)).toEqual((await real.read({ sheets: ['Drift'] })).sheets.map((s) => s.name));
  await host.select({ sheet: 'Drift', address: 'C5' });
  expect(await host.getSelection()).toEqual(await real.getSelection());
  expect(await host.environment()).toEqual(await real.environment());
  expect(host.kind).toBe('memory');
});
