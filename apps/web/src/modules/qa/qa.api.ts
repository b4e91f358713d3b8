import type { QaAnswers, QaTemplate } from '@waymark/domain';

export interface QaDue {
  schoolId: string;
  schoolName: string;
  providerId: string;
  providerName: string;
  termLabel: string;
  term: { startsOn: string; endsOn: string };
  status: 'done' | 'in_progress' | 'due' | 'overdue';
  visitId: string | null;
}

export interface PupilSeen {
  placementId: string;
  pupilName: string;
  learningObservation: string;
  workScrutiny: string;
  welfareCheck: string;
}

export interface QaVisit {
  id: string;
  schoolName: string;
  providerName: string;
  visitOn: string;
  visitors: string;
  status: 'draft' | 'completed';
  overall: string | null;
  version: number;
  answers: QaAnswers;
  pupilsSeen: PupilSeen[];
  completedByName: string | null;
  template: QaTemplate;
  placed: { placementId: string; pupilName: string }[];
  actions: {
    id: string;
    action: string;
    owner: string;
    dueOn: string;
    doneOn: string | null;
    doneByName: string | null;
    carried: boolean;
  }[];
}

export const visitKey = (id: string) => ['qa', 'visits', id] as const;

/** What the visitor has typed, kept on this device until the server has it (drafts survive a lost connection). */
export interface LocalDraft {
  version: number;
  visitOn: string;
  visitors: string;
  answers: QaAnswers;
  pupilsSeen: PupilSeen[];
}

const localKey = (id: string) => `waymark.qa-visit.${id}`;

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
};
