/**
 * Whether a provider may be used (policy Appendix 3, §6.1): the audit complete and suitable, the
 * safeguarding assurance letter received in the last 12 months, insurance at the minimums and in date,
 * an SLA signed and running, the registration test carried out in the last 12 months with no alarm, and
 * the headteacher's approval. Approval lapses by
 * itself when any of these lapses; a headteacher can also suspend or withdraw a provider.
 */
import { addDays, dateInWords } from '../calendar/iso-date.ts';

export const providerStatuses = [
  'draft',
  'under_audit',
  'awaiting_letter',
  'ready_for_approval',
  'approved',
  'lapsed',
  'suspended',
  'withdrawn',
] as const;
export type ProviderStatus = (typeof providerStatuses)[number];

export const providerStatusLabels: Record<ProviderStatus, string> = {
  draft: 'Draft',
  under_audit: 'Under audit',
  awaiting_letter: 'Awaiting letter',
  ready_for_approval: 'Ready for approval',
  approved: 'Approved',
  lapsed: 'Lapsed',
  suspended: 'Suspended',
  withdrawn: 'Withdrawn',
};

export const LETTER_VALID_DAYS = 365;
/** The registration test's counts hold for 12 months from the day they were confirmed. */
export const REGISTRATION_CHECK_VALID_DAYS = 365;

export interface ApprovalFacts {
  audit: { status: 'draft' | 'submitted'; suitable: boolean | null } | null;
  registrationAlarm: boolean;
  /**
   * When the registration test's counts were last confirmed: at a submitted audit, or by a dated check
   * of the counts. Without one in the last 12 months the test has not been carried out.
   */
  registrationConfirmedOn: string | null;
  /** Date of the latest safeguarding assurance letter received, if any. */
  letterReceivedOn: string | null;
  /**
   * The latest change of DSL, deputy DSL or senior leadership (ISO date-time, and what changed); a
   * letter recorded before then no longer counts.
   */
  leadershipChange?: { at: string; what: string } | null;
  /** When the latest letter was recorded (ISO date-time), to order it against a change of leads. */
  letterRecordedAt?: string | null;
  /** Labels of the insurance covers that block approval (missing, expired, below minimum). */
  insuranceBlocking: string[];
  sla: { signed: boolean; endsOn: string } | null;
  /** The latest decision recorded by a headteacher. */
  decision: { kind: 'approved' | 'suspended' | 'withdrawn' | 'reinstated'; on: string } | null;
}

export interface ApprovalStep {
  id: 'audit' | 'registration' | 'letter' | 'insurance' | 'sla' | 'sign_off';
  label: string;
  done: boolean;
  detail: string;
}

export interface ApprovalEvaluation {
  status: ProviderStatus;
  steps: ApprovalStep[];
  /** Every check is met; only the headteacher's approval is missing (or is already given). */
  readyForSignOff: boolean;
  /** The leads changed after the latest letter: a new letter is awaited since then. */
  letterAwaitedSince: { at: string; what: string } | null;
}

export function evaluateApproval(facts: ApprovalFacts, today: string): ApprovalEvaluation {
  const auditDone = facts.audit?.status === 'submitted' && facts.audit.suitable === true;
  const letterExpiresOn = facts.letterReceivedOn ? addDays(facts.letterReceivedOn, LETTER_VALID_DAYS) : null;
  const change = facts.leadershipChange ?? null;
  const leadsChangedSinceLetter =
    Boolean(facts.letterRecordedAt && change) && change!.at > facts.letterRecordedAt!;
  const letterDone = letterExpiresOn !== null && letterExpiresOn > today && !leadsChangedSinceLetter;
  const slaDone = Boolean(facts.sla?.signed) && facts.sla!.endsOn >= today;
  const registrationDueOn = facts.registrationConfirmedOn
    ? addDays(facts.registrationConfirmedOn, REGISTRATION_CHECK_VALID_DAYS)
    : null;
  const registrationCurrent = registrationDueOn !== null && registrationDueOn > today;
  const steps: ApprovalStep[] = [
    {
      id: 'audit',
      label: 'Audit (Appendix 1) completed and the provision found suitable',
      done: auditDone,
      detail: !facts.audit
        ? 'No audit yet'
        : facts.audit.status === 'draft'
          ? 'The audit is in progress'
          : auditDone
            ? 'Submitted: suitable'
            : 'The last audit found the provision not suitable',
    },
    {
      id: 'registration',
      label: 'Registration test carried out in the last 12 months and passed',
      done: !facts.registrationAlarm && registrationCurrent,
      detail: facts.registrationAlarm
        ? 'Must be registered as an independent school but is not'
        : !facts.registrationConfirmedOn
          ? 'Not checked yet: confirm the counts at an audit or record a check'
          : registrationCurrent
            ? `Counts confirmed ${dateInWords(facts.registrationConfirmedOn)}; due again by ${dateInWords(registrationDueOn)}`
            : `Counts last confirmed ${dateInWords(facts.registrationConfirmedOn)}, more than 12 months ago`,
    },
    {
      id: 'letter',
      label: 'Safeguarding assurance letter (Appendix 2) received in the last 12 months',
      done: letterDone,
      detail: !facts.letterReceivedOn
        ? 'No letter received'
        : leadsChangedSinceLetter
          ? `${change!.what} on ${dateInWords(change!.at.slice(0, 10))}, after the letter of ${dateInWords(facts.letterReceivedOn)}: a new letter is due`
          : letterDone
            ? `Received ${dateInWords(facts.letterReceivedOn)}; a new one is due by ${dateInWords(letterExpiresOn)}`
            : `The letter of ${dateInWords(facts.letterReceivedOn)} is more than 12 months old`,
    },
    {
      id: 'insurance',
      label: 'Insurance at the minimum levels and in date',
      done: facts.insuranceBlocking.length === 0,
      detail: facts.insuranceBlocking.length
        ? `Not met: ${facts.insuranceBlocking.join(', ')}`
        : 'All required cover in date',
    },
    {
      id: 'sla',
      label: 'Service level agreement signed and running',
      done: slaDone,
      detail: !facts.sla
        ? 'No SLA recorded'
        : !facts.sla.signed
          ? 'The signed copy is not on file'
          : slaDone
            ? `Runs to ${dateInWords(facts.sla.endsOn)}`
            : `Ended on ${dateInWords(facts.sla.endsOn)}`,
    },
  ];
  const checksMet = steps.every((s) => s.done);
  const approved = facts.decision?.kind === 'approved' || facts.decision?.kind === 'reinstated';
  steps.push({
    id: 'sign_off',
    label: "Headteacher's approval",
    done: approved && checksMet,
    detail: approved ? `Approved ${dateInWords(facts.decision!.on)}` : 'Not yet approved',
  });

  let status: ProviderStatus;
  if (facts.decision?.kind === 'withdrawn') status = 'withdrawn';
  else if (facts.decision?.kind === 'suspended') status = 'suspended';
  else if (approved) status = checksMet ? 'approved' : 'lapsed';
  else if (!facts.audit) status = 'draft';
  // Every check met and only the headteacher's decision to come: say so, not "under audit".
  else if (checksMet) status = 'ready_for_approval';
  else if (auditDone && !letterDone) status = 'awaiting_letter';
  else status = 'under_audit';
  return {
    status,
    steps,
    readyForSignOff: checksMet,
    letterAwaitedSince: leadsChangedSinceLetter ? change : null,
  };
}
