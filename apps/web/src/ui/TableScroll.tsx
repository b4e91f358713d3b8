import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A wide table on a narrow screen scrolls sideways. The scrolling box is a labelled region that
 * takes keyboard focus, so people who do not use a mouse can scroll it too (WCAG 2.1.1).
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
  return (
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }} mb={mb}>
      <Box miw={minWidth}>{children}</Box>
    </Box>
  );
}
