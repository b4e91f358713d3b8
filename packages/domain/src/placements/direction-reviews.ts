/**
 * Reviews of an off-site direction (s29A Education Act 2002; SI 2012/2532; DOMAIN-REFERENCE.md): the
 * parents, or the local authority for a pupil with an EHCP, may ask the governing board in writing to
 * review the direction, and the board must hold a review unless it held one in the 10 weeks before the
 * request. Pure: the caller passes the requests and the reviews the board has held.
 */
import { z } from 'zod';
import { addDays, type IsoDate } from '../calendar/iso-date.ts';
import { isoDateSchema } from '../calendar/iso-date-schema.ts';

/** A request need not be met by a new review if the board reviewed the direction this recently. */
export const DIRECTION_REVIEW_WEEKS = 10;

export const directionReviewRequesters = ['parents', 'local_authority'] as const;
export type DirectionReviewRequester = (typeof directionReviewRequesters)[number];
export const directionReviewRequesterLabels: Record<DirectionReviewRequester, string> = {
  parents: 'The parents',
  local_authority: 'The local authority (the pupil has an EHCP)',
};

export const directionReviewOutcomes = ['continue', 'change', 'end'] as const;
export type DirectionReviewOutcome = (typeof directionReviewOutcomes)[number];
export const directionReviewOutcomeLabels: Record<DirectionReviewOutcome, string> = {
  continue: 'The direction continues as it is',
  change: 'The direction continues with changes',
  end: 'The direction ends',
};

export type DirectionReviewRequestState = 'not_required' | 'to_hold' | 'held';

/**
 * Where a request stands: a review is owed unless the board held one in the 10 weeks up to and
 * including the day of the request (10 weeks to the day still counts); once owed, a review held on or
 * after the request meets it.
 */
export function directionReviewRequestState(
  requestedOn: IsoDate,
  heldOn: readonly IsoDate[],
): { state: DirectionReviewRequestState; lastHeldOn: IsoDate | null } {
  const windowStarts = addDays(requestedOn, -7 * DIRECTION_REVIEW_WEEKS);
  const lastBefore =
    heldOn
      .filter((d) => d < requestedOn)
      .sort()
      .at(-1) ?? null;
  if (lastBefore && lastBefore >= windowStarts) return { state: 'not_required', lastHeldOn: lastBefore };
  const since = heldOn.filter((d) => d >= requestedOn).sort()[0] ?? null;
  return since ? { state: 'held', lastHeldOn: since } : { state: 'to_hold', lastHeldOn: lastBefore };
}

/** A request or a review, as the AP lead records it on the placement. */
export const directionReviewInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('requested'),
      on: isoDateSchema,
      requestedBy: z.enum(directionReviewRequesters, {
        message: 'Say who asked: the parents, or the local authority',
      }),
      note: z.string().trim().max(2000, 'Keep this under 2,000 characters').default(''),
    }),
    z.strictObject({
      kind: z.literal('held'),
      on: isoDateSchema,
      outcome: z.enum(directionReviewOutcomes, { message: 'Choose what the board decided' }),
      note: z.string().trim().min(3, 'Say what the board considered and why it decided so').max(4000),
    }),
  ],
  { message: 'Choose a request for a review, or a review the board held' },
);
export type DirectionReviewInput = z.infer<typeof directionReviewInputSchema>;
