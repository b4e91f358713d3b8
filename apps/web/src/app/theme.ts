import { type CSSVariablesResolver, createTheme } from '@mantine/core';

// Shade 8 of blue keeps white text on buttons above the 4.5:1 contrast WCAG AA asks for.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 5 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
  defaultRadius: 'sm',
  components: {
    // Under a title, Mantine greys a notification's text to gray 6 (3.3:1 on white); gray 7 reads at 7:1.
    // A plain object rather than Notification.extend: the theme loads first, the notification later.
    Notification: { styles: { description: { color: 'var(--mantine-color-gray-7)' } } },
  },
});

// Mantine's default grey hints and red errors fall below AA contrast on white; darker shades keep them readable.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#495057',
    '--mantine-color-placeholder': '#5c636a',
    // Error text in red 9: the default red 6 is below 4.5:1 on white.
    '--mantine-color-error': '#c92a2a',
  },
  dark: {},
});
