/**
 * Holds on the demo host's read and write, for the pane's browser tests: a test arms a hold, starts a
 * run, waits until the run is held at that step, acts (presses Avbryt, looks at the button), and
 * releases it. No timing involved, so the test cannot race the run. Demo mode only
 * (`window.__avvikelseHolds`); inside Excel the host is never wrapped.
 */
import type { HostPort } from '../../workbook/host';

export type HeldStep = 'read' | 'write';

export interface Holds {
  /** The next call of this step waits until it is released. */
  hold(step: HeldStep): void;
  /** Whether a call is waiting at this step now. */
  waiting(step: HeldStep): boolean;
  /** Lets the waiting call go on (if any) and disarms the hold. */
  release(step: HeldStep): void;
}

interface StepState {
  armed: boolean;
  waiting: (() => void) | null;
}

/** The host with holdable read and write, and the holds; every other method is the host's own. */
export function holdable(inner: HostPort): { host: HostPort; holds: Holds } {
  const steps: Record<HeldStep, StepState> = { read: { armed: false, waiting: null }, write: { armed: false, waiting: null } };
  const pass = (step: HeldStep): Promise<void> | undefined => {
    const s = steps[step];
    if (!s.armed) return undefined;
    s.armed = false;
    return new Promise((resolve) => (s.waiting = resolve));
  };
  const holds: Holds = {
    hold: (step) => {
      steps[step].armed = true;
    },
    waiting: (step) => steps[step].waiting !== null,
    release: (step) => {
      const s = steps[step];
      s.armed = false;
      const go = s.waiting;
      s.waiting = null;
      go?.();
    },
  };
  const host: HostPort = {
    kind: inner.kind,
    read: async (options) => {
      await pass('read');
      return inner.read(options);
    },
    write: async (plan) => {
      await pass('write');
      return inner.write(plan);
    },
    getSelection: () => inner.getSelection(),
    select: (ref) => inner.select(ref),
    loadSettings: () => inner.loadSettings(),
    saveSettings: (settings) => inner.saveSettings(settings),
    mark: (marks) => inner.mark(marks),
    clearMarks: () => inner.clearMarks(),
    environment: () => inner.environment(),
    testSetting: (key, value) => inner.testSetting(key, value),
    removeScratch: (sheet, name) => inner.removeScratch(sheet, name),
  };
  return { host, holds };
}
