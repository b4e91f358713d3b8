/**
 * Every code a person might otherwise read, with the words they read instead. Each entry pairs an
 * enum's values with its label map, so `labels.test.ts` can check that every value of every enum has
 * plain words (no underscores, nothing left as a code). Pages, PDFs, workbooks and emails take their
 * words from these maps; an enum added to the domain joins this list with its labels.
 */
import { roleNames, roles, scopeTypeLabels, scopeTypes } from './access/roles.ts';
import { absenceReasonLabels, absenceReasons } from './attendance/codes.ts';
import { registerSessionLabels, registerSessions } from './attendance/expected-sessions.ts';
import { callStepLabels, callSteps } from './attendance/first-day-calls.ts';
import { nonSchoolDayReasonLabels, nonSchoolDayReasons } from './calendar/school-calendar.ts';
import { censusTermLabels, censusTerms } from './census/census.ts';
import { emailStatuses, emailStatusLabels } from './contracts/outbox.ts';
import { providerDocumentKindLabels, providerDocumentKinds } from './contracts/providers.ts';
import { pupilDocumentKindLabels, pupilDocumentKinds } from './contracts/pupils.ts';
import {
  incidentKindLabels,
  incidentKinds,
  incidentStatuses,
  incidentStatusLabels,
  referralAgencies,
  referralAgencyLabels,
  triageLevelLabels,
  triageLevels,
} from './incidents/incidents.ts';
import {
  destinationOutcomeLabels,
  destinationOutcomes,
  monthActivities,
  monthActivityLabels,
} from './placements/destinations.ts';
import {
  directionReviewOutcomeLabels,
  directionReviewOutcomes,
  directionReviewRequesterLabels,
  directionReviewRequesters,
} from './placements/direction-reviews.ts';
import {
  communicationKindLabels,
  communicationKinds,
  placementOutcomeLabels,
  placementOutcomes,
  placementStatuses,
  placementStatusLabels,
  placementTypeLabels,
  placementTypes,
  reviewDecisionLabels,
  reviewDecisions,
  weekdayLabels,
  weekdays,
} from './placements/placement-rules.ts';
import { providerStatuses, providerStatusLabels } from './providers/approval.ts';
import {
  noticeDeadlineKinds,
  noticeDeadlineLabels,
  providerNoticeKinds,
  providerNoticeLabels,
} from './providers/notices.ts';
import {
  ofstedGradeLabels,
  ofstedGrades,
  settingTypeLabels,
  settingTypes,
} from './providers/provider.schemas.ts';
import { leavingReasonLabels, leavingReasons, senStatuses, senStatusLabels } from './pupils/pupil.schemas.ts';
import { qaJudgementLabels, qaJudgements } from './qa/appendix-5.ts';
import { trainingTopicLabels, trainingTopics } from './training/training.ts';

/** A role's name as people say it ("Trust administrator", not trust_admin). */
export const roleLabels = Object.fromEntries(roleNames.map((r) => [r, roles[r].label])) as Record<
  (typeof roleNames)[number],
  string
>;

const entry = <Value extends string>(values: readonly Value[], labels: Record<Value, string>) => ({
  values,
  labels: labels as Record<string, string>,
});

/** Each enum a person can see, by what it is, with its labels. */
export const labelledEnums = {
  role: entry(roleNames, roleLabels),
  scopeType: entry(scopeTypes, scopeTypeLabels),
  callStep: entry(callSteps, callStepLabels),
  emailStatus: entry(emailStatuses, emailStatusLabels),
  noticeDeadline: entry(noticeDeadlineKinds, noticeDeadlineLabels),
  absenceReason: entry(absenceReasons, absenceReasonLabels),
  providerDocumentKind: entry(providerDocumentKinds, providerDocumentKindLabels),
  pupilDocumentKind: entry(pupilDocumentKinds, pupilDocumentKindLabels),
  incidentKind: entry(incidentKinds, incidentKindLabels),
  incidentStatus: entry(incidentStatuses, incidentStatusLabels),
  referralAgency: entry(referralAgencies, referralAgencyLabels),
  triageLevel: entry(triageLevels, triageLevelLabels),
  destinationOutcome: entry(destinationOutcomes, destinationOutcomeLabels),
  directionReviewOutcome: entry(directionReviewOutcomes, directionReviewOutcomeLabels),
  directionReviewRequester: entry(directionReviewRequesters, directionReviewRequesterLabels),
  communicationKind: entry(communicationKinds, communicationKindLabels),
  placementOutcome: entry(placementOutcomes, placementOutcomeLabels),
  placementStatus: entry(placementStatuses, placementStatusLabels),
  placementType: entry(placementTypes, placementTypeLabels),
  reviewDecision: entry(reviewDecisions, reviewDecisionLabels),
  weekday: entry(weekdays, weekdayLabels),
  providerStatus: entry(providerStatuses, providerStatusLabels),
  providerNotice: entry(providerNoticeKinds, providerNoticeLabels),
  ofstedGrade: entry(ofstedGrades, ofstedGradeLabels),
  settingType: entry(settingTypes, settingTypeLabels),
  leavingReason: entry(leavingReasons, leavingReasonLabels),
  senStatus: entry(senStatuses, senStatusLabels),
  qaJudgement: entry(qaJudgements, qaJudgementLabels),
  trainingTopic: entry(trainingTopics, trainingTopicLabels),
  registerSession: entry(registerSessions, registerSessionLabels),
  nonSchoolDay: entry(nonSchoolDayReasons, nonSchoolDayReasonLabels),
  censusTerm: entry(censusTerms, censusTermLabels),
  monthActivity: entry(monthActivities, monthActivityLabels),
};
