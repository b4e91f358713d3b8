export interface ProgressReport {
  id: string;
  reportedOn: string;
  learning: string;
  attendanceAndBehaviour: string;
  wellbeing: string;
  nextSteps: string;
  submittedByName: string;
  submittedAt: string;
}

export const progressReportsKey = (placementId: string, portal = false) =>
  [portal ? 'portal' : 'placements', placementId, 'progress-reports'] as const;
