/**
 * The QA visit drafts a visitor's device keeps until the server has them. Its own file, with types
 * only from the domain, because signing out clears it: the app's first script imports it, and must
 * not bring the domain's rules and schemas with it.
 */
import type { QaAnswers } from '@waymark/domain';
import type { PupilSeen, QaVisit } from '@waymark/domain/contracts/qa';

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
