/**
 * The pane's theme: Fluent's light theme is in the entry; the dark one (~19 KB) is a chunk of its own,
 * loaded only in dark mode (issue 12: first paint). Until it has arrived a dark pane renders nothing
 * (the page's own dark placeholder stays), never a flash of the light theme.
 */
import { webLightTheme, type Theme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';

let dark: Theme | null = null;
/** The dark theme; the light one if its chunk cannot be had (a pane in the wrong colours, not none). */
const loadDark = () =>
  import(/* webpackChunkName: "dark-theme" */ './darkTheme').then(
    (m) => (dark = m.darkTheme),
    () => (dark = webLightTheme),
  );

/** The theme to render with, or null while the dark theme is loading. */
export function useTheme(isDark: boolean): Theme | null {
  const [, setLoaded] = useState(dark);
  useEffect(() => {
    if (isDark && !dark) void loadDark().then(setLoaded);
  }, [isDark]);
  return isDark ? dark : webLightTheme;
}
