/// <reference types="office-js" />
/** Dark or light: Office's theme inside Office, otherwise the browser's `prefers-color-scheme`. */
import { useEffect, useState } from 'react';

const QUERY = '(prefers-color-scheme: dark)';

/** Office's body background → dark when its luminance is low; null outside Office. */
export function officeThemeIsDark(): boolean | null {
  try {
    if (typeof Office === 'undefined') return null;
    const color = Office.context?.officeTheme?.bodyBackgroundColor;
    const m = color ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color) : null;
    if (!m) return null;
    const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16) / 255);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
  } catch {
    return null;
  }
}

function mediaIsDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(QUERY).matches;
}

/** Office's theme once office.js is ready (the pane renders before it is: index.tsx). */
function whenOfficeReady(then: () => void): void {
  try {
    if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') void Office.onReady().then(then, () => undefined);
  } catch {
    // no office.js: the browser's preference stands
  }
}

export function useDarkMode(): boolean {
  const [dark, setDark] = useState(() => officeThemeIsDark() ?? mediaIsDark());
  useEffect(() => {
    let live = true;
    whenOfficeReady(() => {
      const office = officeThemeIsDark();
      if (live && office !== null) setDark(office);
    });
    const media = typeof window.matchMedia === 'function' ? window.matchMedia(QUERY) : null;
    // inside Office its theme decides; the browser's preference only where there is none
    const onChange = () => {
      if (media && officeThemeIsDark() === null) setDark(media.matches);
    };
    media?.addEventListener('change', onChange);
    return () => {
      live = false;
      media?.removeEventListener('change', onChange);
    };
  }, []);
  return dark;
}
