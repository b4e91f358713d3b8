/**
 * Every list as a file, built from the same use cases the pages use, so an export holds exactly what the
 * person could see on screen: their scope, and no safeguarding detail for those who are not DSLs.
 */
import { incidentStatusLabels, placementStatusLabels, placementTypeLabels } from '@waymark/domain';
import type { Database } from '../../db/client.ts';
import { type Actor, reachOf } from '../../lib/actor.ts';
import { attendanceRates } from '../attendance/rates.ts';
import { listIncidents } from '../incidents/incidents.usecases.ts';
import { reviewsInReach } from '../placements/placements.repository.ts';
import { listPlacements } from '../placements/placements.usecases.ts';
import { listProviders } from '../providers/providers.usecases.ts';
import type { Column } from './tables.ts';

export interface ExportTable {
  title: string;
  columns: Column<never>[];
  rows: unknown[];
}

const table = <T>(title: string, columns: Column<T>[], rows: T[]) =>
  ({ title, columns, rows }) as unknown as ExportTable;

export const exportLists = {
  providers: {
    permission: 'providers.read',
    async build(db: Database, actor: Actor, today: string) {
      const { providers: rows } = await listProviders({ db, actor, filters: { sort: 'name' }, today });
      return table(
        'Providers',
        [
          { header: 'Provider', value: (p) => p.name },
          { header: 'Status', value: (p) => p.status },
          { header: 'Kind of setting', value: (p) => p.settingType },
          { header: 'Town', value: (p) => p.town },
          { header: 'Postcode', value: (p) => p.postcode },
          { header: 'Telephone', value: (p) => p.telephone },
          { header: 'Email', value: (p) => p.email },
          { header: 'DfE number', value: (p) => p.dfeNumber },
          { header: 'URN', value: (p) => p.urn },
          { header: 'UKPRN', value: (p) => p.ukprn },
          { header: 'Ofsted grade', value: (p) => p.ofstedGrade },
        ],
        rows,
      );
    },
  },
  placements: {
    permission: 'placements.read',
    async build(db: Database, actor: Actor, today: string) {
      const rows = await listPlacements({ db, actor, today });
      return table(
        'Placements',
        [
          { header: 'Pupil', value: (p) => p.pupilName },
          { header: 'School', value: (p) => p.schoolName },
          { header: 'Provider', value: (p) => p.providerName },
          { header: 'Type', value: (p) => placementTypeLabels[p.type] },
          { header: 'Status', value: (p) => placementStatusLabels[p.status] },
          { header: 'Starts', value: (p) => p.startsOn },
          { header: 'Planned end', value: (p) => p.plannedEndOn },
          { header: 'Ended', value: (p) => p.endedOn },
        ],
        rows,
      );
    },
  },
  incidents: {
    permission: 'incidents.read',
    async build(db: Database, actor: Actor) {
      // The list's own rules: a non-DSL sees "Safeguarding concern" and the status, never the detail.
      const rows = await listIncidents({ db, actor, status: 'all' });
      return table(
        'Concerns and incidents',
        [
          { header: 'Happened', value: (i) => i.occurredAt },
          { header: 'Pupil', value: (i) => i.pupilName },
          { header: 'Kind', value: (i) => i.kindLabel },
          { header: 'Provider', value: (i) => i.providerName },
          { header: 'Status', value: (i) => incidentStatusLabels[i.status] },
          { header: 'Reported', value: (i) => i.reportedAt },
          { header: 'School told the same day', value: (i) => i.toldSameDay },
        ],
        rows,
      );
    },
  },
  reviews: {
    permission: 'placements.read',
    async build(db: Database, actor: Actor) {
      const rows = await reviewsInReach(db, actor, reachOf(actor, 'placements.read'));
      return table(
        'Reviews',
        [
          { header: 'Pupil', value: (r) => r.pupilName },
          { header: 'School', value: (r) => r.schoolName },
          { header: 'Provider', value: (r) => r.providerName },
          { header: 'Half-term', value: (r) => `${r.review.halfTerm} ${r.review.academicYear}` },
          { header: 'Due', value: (r) => r.review.dueOn },
          { header: 'Held', value: (r) => r.review.completedOn },
          { header: 'Attendance %', value: (r) => r.review.attendancePercent },
          { header: 'Decision', value: (r) => r.review.decision },
        ],
        rows,
      );
    },
  },
  attendance: {
    permission: 'attendance.read',
    async build(db: Database, actor: Actor, _today: string, period?: { from: string; to: string }) {
      const rows = await attendanceRates({ db, actor, from: period!.from, to: period!.to, by: 'placement' });
      return table(
        `Attendance ${period!.from} to ${period!.to}`,
        [
          { header: 'Placement', value: (r) => r.label },
          { header: 'Possible sessions', value: (r) => r.possible },
          { header: 'Attended', value: (r) => r.attended },
          { header: 'Authorised absence', value: (r) => r.authorised },
          { header: 'Unauthorised absence', value: (r) => r.unauthorised },
          { header: 'Attendance %', value: (r) => r.attendancePercent },
          { header: 'Persistent absence', value: (r) => r.persistentAbsence },
          { header: 'Severe absence', value: (r) => r.severeAbsence },
          { header: 'Target %', value: (r) => r.targetPercent },
        ],
        rows,
      );
    },
  },
} as const;

export type ExportList = keyof typeof exportLists;
