/** Each school's termly governors' report, due on the term's last day, on the headteacher's board. */
import { governorsReportObligations } from '@waymark/domain';
import { reachOf } from '../../lib/actor.ts';
import { halfTermRowsOf } from '../calendar/calendar.repository.ts';
import type { Collector } from '../obligations/collect.ts';
import { schoolsInReachOf } from '../organisation/organisation.repository.ts';

export const governorsReports: Collector = async (db, actor, today) => {
  const mine = await schoolsInReachOf(db, actor, reachOf(actor, 'budgets.manage'));
  const ids = mine.map((s) => s.id);
  const terms = await halfTermRowsOf(db, ids);
  return mine.flatMap((school) =>
    governorsReportObligations(
      school,
      terms.filter((t) => t.schoolId === school.id),
      today,
    ),
  );
};
