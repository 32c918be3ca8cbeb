import { Anchor, createTheme, NavLink, Table, type CSSVariablesResolver } from '@mantine/core';

/** One accent colour, dense defaults: an operations tool, not a landing page (docs/console.md, "Look"). */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 7 on white keeps links and buttons above 4.5:1 (WCAG 1.4.3); Mantine's default 6 is 4.3:1.
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'sm',
  // People who ask their system for less motion get no transitions (WCAG 2.3.3).
  respectReducedMotion: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  components: {
    // A link in a sentence is underlined: colour alone does not tell it apart (WCAG 1.4.1).
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    // A table wider than the page scrolls sideways: keyboard users reach it by Tab (WCAG 2.1.1, axe's scrollable-region-focusable).
    TableScrollContainer: Table.ScrollContainer.extend({ defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } }),
    NavLink: NavLink.extend({
      vars: () => ({
        root: { '--nl-color': 'var(--attest-nav-active-color)', '--nl-hover': 'var(--attest-nav-active-hover)' },
        children: {},
      }),
    }),
  },
});

/** Secondary text darker (lighter in the dark theme) than Mantine's default, to keep 4.5:1 contrast (WCAG 1.4.3). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // The active navigation link: Mantine's text on its own hover background falls under 4.5:1.
    '--attest-nav-active-color': 'var(--mantine-color-indigo-9)',
    '--attest-nav-active-hover': 'var(--mantine-color-indigo-1)',
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--attest-nav-active-color': 'var(--mantine-color-indigo-1)',
    '--attest-nav-active-hover': 'var(--mantine-primary-color-light-hover)',
  },
});
