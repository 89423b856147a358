/** Fluent's dark theme, in a chunk of its own (theme.ts). */
export { webDarkTheme as darkTheme } from '@fluentui/react-components';
