/** The settings stored in the document: loaded once, saved on every valid change. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SettingsInput } from '../../report/settings';
import type { HostPort } from '../../workbook/host';
import { build, type Built } from '../model/settingsModel';
import { failureText } from '../model/failure';

export interface PaneSettings {
  /** null while loading. */
  input: SettingsInput | null;
  built: Built | null;
  update(change: (current: SettingsInput) => SettingsInput): void;
  /** A failure to load or save, in Swedish. */
  storageError: string | null;
}

const message = (err: unknown) => failureText(err);

export function usePaneSettings(host: HostPort): PaneSettings {
  const [input, setInput] = useState<SettingsInput | null>(null);
  const [storageError, setStorageError] = useState<string | null>(null);
  const current = useRef<SettingsInput>({});

  useEffect(() => {
    let live = true;
    host
      .loadSettings()
      .then((saved) => {
        if (!live) return;
        current.current = saved ?? {};
        setInput(current.current);
      })
      .catch((err: unknown) => {
        if (!live) return;
        setStorageError(`Inställningarna kunde inte läsas: ${message(err)}`);
        setInput({});
      });
    return () => {
      live = false;
    };
  }, [host]);

  const update = useCallback(
    (change: (current: SettingsInput) => SettingsInput) => {
      const next = change(current.current);
      current.current = next;
      setInput(next);
      if (!build(next).settings) return;
      host.saveSettings(next).then(
        () => setStorageError(null),
        (err: unknown) => setStorageError(`Inställningarna kunde inte sparas: ${message(err)}`),
      );
    },
    [host],
  );

  const built = useMemo(() => (input ? build(input) : null), [input]);
  return { input, built, update, storageError };
}
