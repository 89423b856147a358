/** The source tables section's look, shared by the section and its stand-in while the working view loads. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useSourcesStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, ':focus': { outlineStyle: 'none' } },
  accordion: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});
