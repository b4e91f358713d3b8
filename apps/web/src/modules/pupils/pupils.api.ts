/**
 * The pupil routes as the web calls them, with types from the shared contract
 * (`@waymark/domain/contracts/pupils`).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ImportPreview,
  ImportRequest,
  LeavingRequest,
  PupilDocument,
  PupilRequest,
  PupilView,
} from '@waymark/domain/contracts/pupils';
import { api, query } from '../../api/client.ts';

export type { ImportPreview, PupilDocument } from '@waymark/domain/contracts/pupils';

export type Pupil = PupilView;

export function usePupils(filters: { search?: string; schoolId?: string | null }) {
  return useQuery({
    queryKey: ['pupils', filters],
    queryFn: () => api<{ pupils: Pupil[] }>('GET', `/api/pupils${query(filters)}`),
    placeholderData: (previous) => previous,
  });
}

export function usePupil(pupilId: string) {
  return useQuery({
    queryKey: ['pupils', pupilId],
    queryFn: () => api<Pupil>('GET', `/api/pupils/${pupilId}`),
  });
}

/** Adds a pupil to the roll; the lists refresh. */
export function useAddPupil() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (pupil: PupilRequest) => api<Pupil>('POST', '/api/pupils', pupil),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pupils'] }),
  });
}

/** Takes a pupil off the roll; the server ends their placements, so those lists refresh too. */
export function useRecordLeaving(pupilId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (leaving: LeavingRequest & { version: number }) =>
      api<Pupil>('POST', `/api/pupils/${pupilId}/leaving`, leaving),
    onSuccess: (saved) => {
      queryClient.setQueryData(['pupils', pupilId], saved);
      queryClient.invalidateQueries({ queryKey: ['placements'] });
    },
  });
}

export function usePupilDocuments(pupilId: string) {
  return useQuery({
    queryKey: ['pupils', pupilId, 'documents'],
    queryFn: () => api<{ documents: PupilDocument[] }>('GET', `/api/pupils/${pupilId}/documents`),
  });
}

/** Files a document (its details and the file as one multipart form); the list comes back whole. */
export function useFilePupilDocument(pupilId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (form: FormData) =>
      api<{ documents: PupilDocument[] }>('POST', `/api/pupils/${pupilId}/documents`, form),
    onSuccess: (saved) => queryClient.setQueryData(['pupils', pupilId, 'documents'], saved),
  });
}

/** Reading an import file row by row (nothing saved), and importing every row or none. */
export function usePupilImport() {
  const queryClient = useQueryClient();
  return {
    preview: useMutation({
      mutationFn: (file: ImportRequest) => api<ImportPreview>('POST', '/api/pupils/import/preview', file),
    }),
    run: useMutation({
      mutationFn: (file: ImportRequest) => api<{ imported: number }>('POST', '/api/pupils/import', file),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pupils'] }),
    }),
  };
}
