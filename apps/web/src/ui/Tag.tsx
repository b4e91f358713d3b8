import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';

// Each fill keeps white text above 4.5:1 (Mantine's green 9 and orange 9 fall just short, hence hex).
const tones = {
  info: 'blue.9',
  positive: '#1e6b30',
  neutral: 'gray.7',
  warning: '#a4460a',
  danger: 'red.9',
} as const;

/**
 * A short label (a role, a status). Always white text on a dark fill: Mantine's light variant with a
 * shaded colour draws the text in the fill's own colour, which cannot be read.
 */
export function Tag({
  tone,
  children,
  size = 'md',
}: {
  tone: keyof typeof tones;
  children: ReactNode;
  size?: 'md' | 'lg';
}) {
  return (
    // A label never shrinks to "…": in a narrow column it wraps (global.css).
    <Badge variant="filled" color={tones[tone]} autoContrast size={size} styles={{ root: { flexShrink: 0 } }}>
      {children}
    </Badge>
  );
}
