/**
 * A host that is not there yet: every call waits for the real one and is then made on it (issue 12:
 * the pane's first view is painted before office.js has answered and the adapter's chunk has arrived;
 * what the view asks of the workbook meanwhile runs as soon as the host is known). A host that never
 * comes (the pane shows a start problem instead) leaves those calls waiting, unanswered.
 */
import type { CellMark, HostEnvironment, HostPort, RangeRef } from '../../workbook/host';
import type { SettingsInput } from '../../workbook/settingsInput';
import type { ReadOptions, WorkbookData, WritePlan, WriteOutcome } from '../../workbook/port';

export function pendingHost(host: Promise<HostPort>, kind: HostPort['kind']): HostPort {
  return {
    kind,
    read: (options?: ReadOptions): Promise<WorkbookData> => host.then((h) => h.read(options)),
    write: (plan: WritePlan): Promise<WriteOutcome | void> => host.then((h) => h.write(plan)),
    getSelection: (): Promise<RangeRef | null> => host.then((h) => h.getSelection()),
    select: (ref: RangeRef) => host.then((h) => h.select(ref)),
    loadSettings: (): Promise<SettingsInput | null> => host.then((h) => h.loadSettings()),
    saveSettings: (settings: SettingsInput) => host.then((h) => h.saveSettings(settings)),
    mark: (marks: CellMark[]) => host.then((h) => h.mark(marks)),
    clearMarks: () => host.then((h) => h.clearMarks()),
    environment: (): Promise<HostEnvironment> => host.then((h) => h.environment()),
    testSetting: (key: string, value: string | null) => host.then((h) => h.testSetting(key, value)),
    removeScratch: (sheet: string, name: string) => host.then((h) => h.removeScratch(sheet, name)),
  };
}
