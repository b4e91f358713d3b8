import { Box, Text } from '@mantine/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * A wide table on a narrow screen scrolls sideways inside its card, never past it. While there is
 * more to the right, the box says so and its right edge is shaded, so a person on a phone knows the
 * table goes on. The scrolling box is a labelled region that takes keyboard focus, so people who do
 * not use a mouse can scroll it too (WCAG 2.1.1).
 */
export function TableScroll({
  label,
  minWidth,
  mb,
  children,
}: {
  label: string;
  minWidth: number;
  mb?: string;
  children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState(false);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setMore(element.scrollLeft + element.clientWidth < element.scrollWidth - 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    element.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener('scroll', measure);
    };
  }, []);

  return (
    <Box mb={mb}>
      {more && (
        <Text size="xs" c="gray.7" ta="right" mb={4}>
          More columns to the right: scroll sideways →
        </Text>
      )}
      <Box
        ref={box}
        role="region"
        aria-label={label}
        tabIndex={0}
        style={{
          overflowX: 'auto',
          // The containing block of what a table hides for screen readers (position: absolute), so the
          // box clips it too and it cannot widen the card.
          position: 'relative',
          boxShadow: more ? 'inset -12px 0 10px -10px rgba(0, 0, 0, 0.35)' : undefined,
        }}
      >
        <Box miw={minWidth}>{children}</Box>
      </Box>
    </Box>
  );
}
