/** Whether the short introduction has been read; remembered in localStorage. */
import { useCallback, useState } from 'react';

export const FIRST_RUN_KEY = 'avvikelse.introDone';

function stored(): boolean {
  try {
    return window.localStorage.getItem(FIRST_RUN_KEY) === '1';
  } catch {
    return false; // storage blocked: show the introduction, it costs one click
  }
}

export function useFirstRun(): { done: boolean; finish(): void } {
  const [done, setDone] = useState(stored);
  const finish = useCallback(() => {
    try {
      window.localStorage.setItem(FIRST_RUN_KEY, '1');
    } catch {
      /* not remembered; the pane still works */
    }
    setDone(true);
  }, []);
  return { done, finish };
}
