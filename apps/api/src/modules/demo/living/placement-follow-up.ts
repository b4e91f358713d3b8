/**
 * What follows a placement's start in the living demo: its half-termly reviews, the governing board's
 * reviews of an off-site direction, and a leaver's destination followed month by month.
 */
import {
  addDays,
  type DirectionReviewInput,
  directionReviewInputSchema,
  type IsoDate,
} from '@waymark/domain';
import { destinationSchema, reviewSchema } from '@waymark/domain/contracts/placements';
import { recordDirectionReview } from '../../placements/direction-reviews.usecases.ts';
import { completeReview, recordDestination } from '../../placements/placement-lifecycle.ts';
import { getPlacement } from '../../placements/placements.usecases.ts';
import { actorOf, asEntered, type DemoWorld, idOf, plan } from './world.ts';

/**
 * The governing board's reviews of an off-site direction: at Riverside the parents asked for one
 * last week and the board has yet to meet; at the other the local authority asked a month ago and the
 * board met ten days later.
 */
export function planDirectionReviews(
  world: DemoWorld,
  key: string,
  startsOn: IsoDate,
  lead: string,
  school: string,
) {
  const steps: DirectionReviewInput[] =
    school === 'riverside'
      ? [
          {
            kind: 'requested',
            on: addDays(world.today, -6),
            requestedBy: 'parents',
            note: 'By letter to the chair',
          },
        ]
      : [
          { kind: 'requested', on: addDays(world.today, -30), requestedBy: 'local_authority', note: '' },
          {
            kind: 'held',
            on: addDays(world.today, -20),
            outcome: 'continue',
            note: 'Attendance and behaviour are improving; the board agreed the direction continues to its end',
          },
        ];
  for (const step of steps) {
    if (step.on <= startsOn) continue;
    plan(world, step.on, '17:00', `record a direction review (${step.kind}) for ${key}`, () =>
      recordDirectionReview({
        db: world.db,
        actor: actorOf(world, lead),
        ipAddress: null,
        today: step.on,
        placementId: idOf(world, key),
        input: asEntered(directionReviewInputSchema, step),
      }),
    );
  }
}

/** The review due at the end of a half-term, if the placement has one then, recorded as the AP lead would. */
export async function completeDemoReview(
  world: DemoWorld,
  lead: string,
  key: string,
  dueOn: IsoDate,
  on: IsoDate,
  n: number,
  /** A change the EHCP's local authority must hear of (if the pupil has one): an EHCP review to arrange. */
  changeToReport: boolean,
) {
  const command = {
    db: world.db,
    actor: actorOf(world, lead),
    ipAddress: null,
    today: on,
    placementId: idOf(world, key),
  };
  const placement = await getPlacement(command);
  const review = placement.reviews.find((r) => r.dueOn === dueOn && r.state !== 'done');
  if (!review) return;
  const attendancePercent = [96, 88, 74, 91, 63, 100, 82][n % 7]!;
  const input = asEntered(reviewSchema, {
    completedOn: on,
    progress: placement.reintegrationTargets.map((t) => ({
      targetId: t.id,
      progress:
        attendancePercent >= 85
          ? 'On track: attending and settled'
          : 'Some progress; attendance is the barrier',
      evidence: 'Provider report and review meeting',
    })),
    attendancePercent,
    behaviour:
      attendancePercent >= 85
        ? 'Settled, with good relationships with staff'
        : 'Mixed: two incidents of leaving a session early',
    pupilView: 'Likes the practical work; finds mornings hard',
    parentView: 'Pleased with the change; wants more notice of any changes',
    decision: attendancePercent >= 70 ? 'continue' : 'adjust_plan',
    materialChange: changeToReport && placement.pupil.senStatus === 'ehcp',
  });
  await completeReview({ ...command, reviewId: review.id, input });
}

/**
 * Last summer's leavers, followed each month since September: most sustained in education or an
 * apprenticeship, one who dropped out of college in the autumn.
 */
export function planDestination(world: DemoWorld, key: string, i: number, yearStart: IsoDate, lead: string) {
  const months: string[] = [];
  for (let month = yearStart.slice(0, 7); month < world.today.slice(0, 7); ) {
    months.push(month);
    const [y, m] = month.split('-').map(Number) as [number, number];
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  if (months.length === 0) return;
  const kind: 'apprenticeship' | 'education' = i % 4 === 1 ? 'apprenticeship' : 'education';
  const droppedOut = i % 4 === 3;
  const recordedOn = addDays(world.today, -3);
  plan(world, recordedOn, '12:00', `record the destination of ${key}`, () =>
    recordDestination({
      db: world.db,
      actor: actorOf(world, lead),
      ipAddress: null,
      today: recordedOn,
      placementId: idOf(world, key),
      input: asEntered(destinationSchema, {
        destinationYearStarts: Number(yearStart.slice(0, 4)),
        description: kind === 'apprenticeship' ? 'Motor vehicle apprenticeship' : 'Level 2 course at college',
        months: Object.fromEntries(
          months.map((m, n) => [m, droppedOut && n >= 2 ? ('none' as const) : kind]),
        ),
      }),
    }),
  );
}
