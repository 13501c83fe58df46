import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

/** Ruta's blue. Shade 8 (the primary shade) keeps white text above 4.5:1 contrast, as WCAG AA asks. */
const ruta: MantineColorsTuple = [
  '#e7f3f9',
  '#d0e6f1',
  '#a2cce4',
  '#70b0d6',
  '#4799ca',
  '#2d8ac3',
  '#1b7fbf',
  '#0d6ca8',
  '#005f96',
  '#004f7e',
];

export const theme = createTheme({
  primaryColor: 'ruta',
  primaryShade: 8,
  colors: { ruta },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    // Page titles shrink on phones so a long Spanish title does not fill the first screen.
    sizes: {
      h1: { fontSize: 'clamp(1.625rem, 1.25rem + 1.5vw, 2.125rem)', lineHeight: '1.25' },
      h2: { fontSize: 'clamp(1.375rem, 1.15rem + 0.9vw, 1.625rem)', lineHeight: '1.3' },
    },
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
});

/**
 * Mantine's defaults are too light on white for WCAG AA (4.5:1) in a few places: the dimmed grey (gray.6), the
 * error red (red.6), and the text of light and subtle variants (shade 6 of their colour). Darker shades instead.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-ruta-light-color': 'var(--mantine-color-ruta-8)',
    '--mantine-color-gray-light-color': 'var(--mantine-color-gray-8)',
    '--mantine-color-red-light-color': 'var(--mantine-color-red-9)',
    '--mantine-color-green-light-color': '#1e6b2e',
    '--mantine-color-yellow-light-color': '#6b4800',
    '--mantine-color-orange-light-color': '#8a3a00',
  },
  dark: {},
});
