/**
 * Pupil and parent/carer voice: one request per placement, half-term and respondent, answered once
 * through a one-time link (only the link's SHA-256 is kept); and the "you said, we did" record.
 */
import type { Respondent, VoiceAnswers } from '@waymark/domain';
import { boolean, date, index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { belongsTo } from '../../db/columns.ts';
import { groups, schools } from '../organisation/organisation.table.ts';
import { placements } from '../placements/placements.table.ts';
import { providers } from '../providers/providers.table.ts';

export const voiceRequests = pgTable(
  'voice_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: belongsTo('group_id', () => groups.id),
    schoolId: belongsTo('school_id', () => schools.id),
    providerId: belongsTo('provider_id', () => providers.id),
    placementId: belongsTo('placement_id', () => placements.id),
    respondent: text('respondent').$type<Respondent>().notNull(),
    /** "2026/27 autumn 2": the half-term it asks about. */
    halfTerm: text('half_term').notNull(),
    /** The link works until the end of this day (London), the half-term's last day. */
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    tokenHash: text('token_hash').unique(),
    linkIssuedAt: timestamp('link_issued_at', { withTimezone: true }),
    answers: jsonb('answers').$type<VoiceAnswers>(),
    withStaff: boolean('with_staff').notNull().default(false),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('voice_requests_once').on(t.placementId, t.halfTerm, t.respondent),
    index('voice_requests_provider_idx').on(t.providerId, t.halfTerm),
  ],
);

/** What the school and provider changed because of what pupils and parents said. */
export const voiceChanges = pgTable(
  'voice_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: belongsTo('group_id', () => groups.id),
    placementId: belongsTo('placement_id', () => placements.id),
    youSaid: text('you_said').notNull(),
    weDid: text('we_did').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('voice_changes_placement_idx').on(t.placementId)],
);
