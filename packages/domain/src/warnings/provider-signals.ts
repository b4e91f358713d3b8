/** Provider risk: several of a provider's assurances lapsed or late at once. */
import { type EarlyWarning, type WarningSubject, warningKey } from './early-warnings.ts';
import type { WarningSettings } from './warning-settings.ts';

export interface ProviderItem {
  /** In words for the reason: "insurance expired", "QA visit overdue at Riverside". */
  what: string;
  lapsed: boolean;
}

export function providerLapsesWarning(
  subject: WarningSubject,
  items: readonly ProviderItem[],
  settings: Pick<WarningSettings, 'providerLapsedItems'>,
): EarlyWarning | null {
  const lapsed = items.filter((i) => i.lapsed);
  if (lapsed.length < settings.providerLapsedItems) return null;
  return {
    ...subject,
    key: warningKey('provider_lapses', subject),
    kind: 'provider_lapses',
    reason: `${subject.providerName} has ${lapsed.length} items lapsed or late at once: ${lapsed.map((i) => i.what).join('; ')}.`,
    measure: lapsed.length,
    step: 1,
    action: {
      label: 'Chase the provider and consider its approval',
      link: `/providers/${subject.providerId}`,
    },
  };
}
