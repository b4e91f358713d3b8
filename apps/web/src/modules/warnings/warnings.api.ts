import type { WarningKind } from '@waymark/domain';

export interface EarlyWarning {
  key: string;
  kind: WarningKind;
  reason: string;
  measure: number;
  action: { label: string; link: string };
  placementId: string | null;
  providerId: string;
  pupilName: string | null;
  providerName: string;
  schoolName: string | null;
}

export interface Warnings {
  active: EarlyWarning[];
  acknowledged: (EarlyWarning & {
    acknowledgement: { note: string; byName: string; acknowledgedOn: string };
  })[];
}

export const warningsKey = (placementId?: string) => ['warnings', placementId ?? 'all'] as const;
