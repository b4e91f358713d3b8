/**
 * Provider risk: for each provider with pupils placed at the schools in reach, the items that can
 * lapse — insurance, the safeguarding letter, notices told late, QA visits — and the domain's rule.
 */
import {
  addDays,
  type EarlyWarning,
  isLateNotice,
  type ProviderItem,
  providerLapsesWarning,
  todayInLondon,
  type WarningSettings,
} from '@waymark/domain';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { createCalendarRepository } from '../calendar/calendar.repository.ts';
import { noticesEffectiveSince } from '../notices/notices.repository.ts';
import { placementTermRecords } from '../placements/placements.repository.ts';
import { evaluateProviders } from '../providers/approval-facts.ts';
import { providersById } from '../providers/providers.repository.ts';
import { qaSchedule } from '../qa/qa.usecases.ts';
import { livePlacementsFor, type WarningFilter } from './placement-warnings.ts';

/** Notices told late within this many days count against the provider. */
const LATE_NOTICE_DAYS = 90;

export async function providerWarnings(
  db: Database,
  actor: Actor,
  today: string,
  settings: WarningSettings,
  filter: WarningFilter,
): Promise<EarlyWarning[]> {
  const placed = await placementTermRecords(db, livePlacementsFor(actor, filter));
  const rows = [
    ...(
      await providersById(
        db,
        placed.map((p) => p.providerId),
      )
    ).values(),
  ];
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [evaluations, notices, bankHolidays, schedule] = await Promise.all([
    evaluateProviders(db, rows, today),
    noticesEffectiveSince(db, ids, addDays(today, -LATE_NOTICE_DAYS)),
    createCalendarRepository({ db }).bankHolidays(),
    qaSchedule({ db, actor, today }),
  ]);

  return rows.flatMap((provider) => {
    const evaluation = evaluations.get(provider.id);
    const step = (id: string) => evaluation?.steps.find((s) => s.id === id);
    const late = notices.filter(
      (n) =>
        n.providerId === provider.id &&
        isLateNotice(n.kind, n.effectiveOn, todayInLondon(n.reportedAt), bankHolidays),
    ).length;
    const overdueVisits = schedule.filter(
      (v) =>
        v.providerId === provider.id &&
        v.status === 'overdue' &&
        (!filter.schoolId || v.schoolId === filter.schoolId),
    );
    const items: ProviderItem[] = [
      {
        what: `insurance: ${step('insurance')?.detail ?? 'not known'}`,
        lapsed: step('insurance')?.done === false,
      },
      {
        what: `safeguarding letter: ${step('letter')?.detail ?? 'not known'}`,
        lapsed: step('letter')?.done === false,
      },
      {
        what: `${late} notice${late === 1 ? '' : 's'} of changes told late in the last ${LATE_NOTICE_DAYS} days`,
        lapsed: late > 0,
      },
      {
        what: `QA visit overdue (${overdueVisits.map((v) => `${v.termLabel} at ${v.schoolName}`).join(', ')})`,
        lapsed: overdueVisits.length > 0,
      },
    ];
    const warning = providerLapsesWarning(
      {
        placementId: null,
        providerId: provider.id,
        pupilName: null,
        providerName: provider.name,
        schoolId: null,
        schoolName: null,
      },
      items,
      settings,
    );
    return warning ? [warning] : [];
  });
}
