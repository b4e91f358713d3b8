/**
 * The QA visit routes as the web calls them, with types from the shared contract
 * (`@waymark/domain/contracts/qa`), and the drafts a visitor's device keeps until the server has them.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type QaAnswers, todayInLondon } from '@waymark/domain';
import type { PupilSeen, QaActionRequest, QaDue, QaVisit } from '@waymark/domain/contracts/qa';
import { api } from '../../api/client.ts';

export type { PupilSeen, QaDue, QaVisit } from '@waymark/domain/contracts/qa';

export const visitKey = (id: string) => ['qa', 'visits', id] as const;

/** What the visitor has typed, kept on this device until the server has it (drafts survive a lost connection). */
export interface LocalDraft {
  version: number;
  visitOn: string;
  visitors: string;
  answers: QaAnswers;
  pupilsSeen: PupilSeen[];
}

const PREFIX = 'waymark.qa-visit.';
const localKey = (id: string) => `${PREFIX}${id}`;
const visitCopyKey = (id: string) => `${PREFIX}${id}.visit`;
const draftKeys = () =>
  Object.keys(localStorage).filter((key) => key.startsWith(PREFIX) && !key.endsWith('.visit'));

/**
 * What a QA visitor has typed, kept on this device (local storage) until the server has it, and a
 * copy of the visit so its page opens without a connection. Cleared when the person signs out or
 * their session ends: welfare notes must not outlive the session on a shared device.
 */
export const localDrafts = {
  read(id: string): LocalDraft | null {
    try {
      const raw = localStorage.getItem(localKey(id));
      return raw ? (JSON.parse(raw) as LocalDraft) : null;
    } catch {
      return null;
    }
  },
  write(id: string, draft: LocalDraft) {
    localStorage.setItem(localKey(id), JSON.stringify(draft));
  },
  clear(id: string) {
    localStorage.removeItem(localKey(id));
  },
  /** The visit as last loaded, to open its page offline. */
  keepVisit(visit: QaVisit) {
    if (visit.status === 'draft') localStorage.setItem(visitCopyKey(visit.id), JSON.stringify(visit));
    else localStorage.removeItem(visitCopyKey(visit.id));
  },
  keptVisit(id: string): QaVisit | null {
    try {
      const raw = localStorage.getItem(visitCopyKey(id));
      return raw ? (JSON.parse(raw) as QaVisit) : null;
    } catch {
      return null;
    }
  },
  /** How many visits have answers on this device that the server does not have yet. */
  unsent(): number {
    return draftKeys().length;
  },
  /** At sign-out or the end of a session: nothing of a visit stays on the device. */
  clearAll() {
    for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  },
};

/** The visits due this term and last, and starting one today. */
export function useQaSchedule() {
  return useQuery({
    queryKey: ['qa', 'schedule'],
    queryFn: () => api<{ visits: QaDue[] }>('GET', '/api/qa/schedule'),
  });
}

export function useStartVisit() {
  return useMutation({
    mutationFn: (due: QaDue) =>
      api<{ id: string }>('POST', '/api/qa/visits', {
        schoolId: due.schoolId,
        providerId: due.providerId,
        visitOn: todayInLondon(),
      }),
  });
}

/**
 * The visit itself, saving a draft and completing it: plain calls rather than hooks, because the visit
 * page decides how each behaves without a connection (it keeps the draft on the device and says so).
 */
export const visitCalls = {
  load: (visitId: string) => api<QaVisit>('GET', `/api/qa/visits/${visitId}`),
  save: (visitId: string, draft: LocalDraft) => api('PUT', `/api/qa/visits/${visitId}`, draft),
  complete: (visitId: string) => api('POST', `/api/qa/visits/${visitId}/complete`),
};

/** Actions agreed with the provider on a visit, and marking one done; each refreshes the visit. */
export function useQaActions(visitId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: visitKey(visitId) });
  return {
    add: useMutation({
      mutationFn: (action: QaActionRequest) => api('POST', `/api/qa/visits/${visitId}/actions`, action),
      onSuccess: refresh,
    }),
    done: useMutation({
      mutationFn: (actionId: string) => api('POST', `/api/qa/actions/${actionId}/done`),
      onSuccess: refresh,
    }),
  };
}
