/** The inspection pack as the web calls it, typed by the shared contract. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InspectionPack } from '@waymark/domain/contracts/inspection-pack';
import { api } from '../../api/client.ts';

export type { InspectionPack };

/** The pack for one school on one day: every pupil educated off-site then, and the oversight of each. */
export function useInspectionPack(schoolId: string | null, date: string) {
  return useQuery({
    queryKey: ['inspection-pack', schoolId, date],
    queryFn: () => api<InspectionPack>('GET', `/api/inspection-pack?school=${schoolId}&date=${date}`),
    enabled: Boolean(schoolId) && /^\d{4}-\d{2}-\d{2}$/.test(date),
    placeholderData: keepPreviousData,
  });
}
