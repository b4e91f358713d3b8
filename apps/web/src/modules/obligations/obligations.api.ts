/**
 * "What is due" as the web calls it, with types from the shared contract
 * (`@waymark/domain/contracts/obligations`).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { WhatIsDue } from '@waymark/domain/contracts/obligations';
import { api } from '../../api/client.ts';

export type { Urgency, WhatIsDue } from '@waymark/domain/contracts/obligations';

/** Every duty for the person, or those of one school (`group` for the group's own); all when null. */
export function useWhatIsDue(schoolKey: string | null) {
  return useQuery({
    queryKey: ['obligations', schoolKey ?? 'all'],
    queryFn: () =>
      api<WhatIsDue>('GET', `/api/obligations${schoolKey ? `?school=${encodeURIComponent(schoolKey)}` : ''}`),
    placeholderData: keepPreviousData,
  });
}
