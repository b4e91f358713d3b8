import { type CSSVariablesResolver, createTheme } from '@mantine/core';

// Shade 8 of blue keeps white text on buttons above the 4.5:1 contrast WCAG AA asks for.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 5 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
  defaultRadius: 'sm',
});

// Mantine's default "dimmed" grey is below AA contrast on white; a darker grey keeps hints readable.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#495057', '--mantine-color-placeholder': '#5c636a' },
  dark: {},
});
