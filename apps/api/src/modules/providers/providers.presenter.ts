import { type ApprovalEvaluation, applyRegistrationTest, isRegisteredSetting } from '@waymark/domain';
import type { ProviderView } from '@waymark/domain/contracts/providers';
import type { ProviderAudit } from '../audits/audits.repository.ts';
import type { LiveCounts } from './live-registration.ts';
import type { providers } from './providers.table.ts';

type ProviderRow = typeof providers.$inferSelect;
type AuditRow = Pick<ProviderAudit, 'id' | 'status' | 'visitedAt' | 'answers'>;

export function presentProvider(
  provider: ProviderRow,
  evaluation: ApprovalEvaluation & {
    lastAudit: AuditRow | null;
    registration: ReturnType<typeof presentRegistration>;
  },
): ProviderView {
  const { lastAudit } = evaluation;
  const suitableAnswer = lastAudit?.answers.suitable?.answer;
  const person = (name: string | null, trainingDetails: string | null, trainedOn: string | null) =>
    name ? { name, trainingDetails, trainedOn } : null;
  return {
    id: provider.id,
    name: provider.name,
    settingType: provider.settingType,
    addressLine1: provider.addressLine1,
    addressLine2: provider.addressLine2,
    town: provider.town,
    postcode: provider.postcode,
    telephone: provider.telephone,
    email: provider.email,
    keyContactName: provider.keyContactName,
    keyContactRole: provider.keyContactRole,
    dfeNumber: provider.dfeNumber,
    urn: provider.urn,
    ukprn: provider.ukprn,
    aalaLicence: provider.aalaLicence,
    ofstedGrade: provider.ofstedGrade,
    ofstedReportDate: provider.ofstedReportDate,
    onLaFramework: provider.onLaFramework,
    dsl: person(provider.dslName, provider.dslTrainingDetails, provider.dslTrainedOn),
    deputyDsl: person(provider.deputyDslName, provider.deputyDslTrainingDetails, provider.deputyDslTrainedOn),
    status: evaluation.status,
    registration: evaluation.registration,
    lastAudit: lastAudit
      ? {
          id: lastAudit.id,
          status: lastAudit.status,
          visitedAt: lastAudit.visitedAt.toISOString(),
          suitable: suitableAnswer ? suitableAnswer === 'yes' : null,
        }
      : null,
    approval: {
      readyForSignOff: evaluation.readyForSignOff,
      letterAwaitedSince: evaluation.letterAwaitedSince,
      steps: evaluation.steps,
    },
    updatedAt: provider.updatedAt.toISOString(),
  };
}

/**
 * The registration test on the group's live full-time placements plus the full-time pupils other
 * commissioners place there (as the provider reports them at the audit). Null when neither is known.
 */
export function presentRegistration(provider: ProviderRow, live: LiveCounts | undefined) {
  const reported =
    provider.registrationFullTimePupils === null || provider.registrationFullTimeLookedAfterOrEhcp === null
      ? null
      : {
          fullTimePupils: provider.registrationFullTimePupils,
          fullTimePupilsLookedAfterOrEhcp: provider.registrationFullTimeLookedAfterOrEhcp,
        };
  if (!reported && !live) return null;
  const fromPlacements = live ?? { fullTimePupils: 0, fullTimePupilsLookedAfterOrEhcp: 0 };
  const counts = {
    fullTimePupils: fromPlacements.fullTimePupils + (reported?.fullTimePupils ?? 0),
    fullTimePupilsLookedAfterOrEhcp:
      fromPlacements.fullTimePupilsLookedAfterOrEhcp + (reported?.fullTimePupilsLookedAfterOrEhcp ?? 0),
  };
  const registered = isRegisteredSetting(provider.settingType, provider.dfeNumber);
  return {
    ...counts,
    fromPlacements,
    reportedByProvider: reported,
    checkedOn: provider.registrationCheckedOn,
    ...applyRegistrationTest(counts, registered),
  };
}
