/**
 * Response shapes of the incident routes (the requests are the domain's own incident schemas): the
 * API validates and documents with them, the web takes its types from them.
 */
import { z } from 'zod';
import {
  closureSchema,
  incidentActionSchema,
  incidentKinds,
  incidentReportSchema,
  incidentStatuses,
  referralAgencies,
  referralSchema,
  triageLevels,
  triageSchema,
} from '../incidents/incidents.ts';

export { closureSchema, incidentActionSchema, incidentReportSchema, referralSchema, triageSchema };

export const incidentParams = z.object({ incidentId: z.uuid({ message: 'Not an incident id' }) });

export const incidentSummarySchema = z.object({
  id: z.uuid(),
  /** Null when the reader may not see safeguarding detail: they see only that a concern exists. */
  kind: z.enum(incidentKinds).nullable(),
  kindLabel: z.string(),
  safeguarding: z.boolean(),
  restricted: z.boolean(),
  status: z.enum(incidentStatuses),
  placementId: z.uuid(),
  pupilId: z.uuid(),
  pupilName: z.string(),
  providerName: z.string(),
  occurredAt: z.iso.datetime(),
  reportedAt: z.iso.datetime(),
  schoolToldAt: z.iso.datetime(),
  toldSameDay: z.boolean(),
  reportedByName: z.string(),
});

export const incidentDetailSchema = incidentSummarySchema.extend({
  detail: z
    .object({
      location: z.string(),
      peopleInvolved: z.string(),
      whatHappened: z.string(),
      immediateActions: z.string(),
      postIncidentSupport: z.string().nullable(),
      debrief: z.string().nullable(),
      source: z.enum(['portal', 'school']),
      triage: z
        .object({
          level: z.enum(triageLevels),
          rationale: z.string(),
          byName: z.string(),
          at: z.iso.datetime(),
        })
        .nullable(),
      outcome: z.string().nullable(),
      closedByName: z.string().nullable(),
      closedAt: z.iso.datetime().nullable(),
      actions: z.array(
        z.object({
          id: z.uuid(),
          action: z.string(),
          owner: z.string(),
          dueOn: z.string(),
          doneOn: z.string().nullable(),
          doneByName: z.string().nullable(),
        }),
      ),
      referrals: z.array(
        z.object({
          id: z.uuid(),
          agency: z.enum(referralAgencies),
          referredOn: z.string(),
          reference: z.string(),
          details: z.string(),
          recordedByName: z.string(),
        }),
      ),
      attachments: z.array(
        z.object({
          id: z.uuid(),
          filename: z.string(),
          description: z.string(),
          uploadedByName: z.string(),
          uploadedAt: z.iso.datetime(),
        }),
      ),
    })
    .nullable(),
  /** What this reader may do with the record. */
  canManage: z.boolean(),
});

export const portalIncidentSchema = z.object({
  id: z.uuid(),
  kind: z.enum(incidentKinds),
  kindLabel: z.string(),
  pupilName: z.string(),
  occurredAt: z.iso.datetime(),
  reportedAt: z.iso.datetime(),
  reportedByName: z.string(),
  status: z.enum(incidentStatuses),
});

export const behaviourEntrySchema = z.object({
  id: z.uuid(),
  kind: z.enum(incidentKinds),
  kindLabel: z.string(),
  occurredAt: z.iso.datetime(),
  location: z.string(),
  whatHappened: z.string(),
  immediateActions: z.string(),
  status: z.enum(incidentStatuses),
});

export const chronologySchema = z.object({
  pupilName: z.string(),
  events: z.array(z.object({ at: z.iso.datetime(), incidentId: z.uuid(), what: z.string(), by: z.string() })),
});

export type IncidentSummary = z.infer<typeof incidentSummarySchema>;
export type IncidentDetail = z.infer<typeof incidentDetailSchema>;
export type PortalIncident = z.infer<typeof portalIncidentSchema>;
export type BehaviourEntry = z.infer<typeof behaviourEntrySchema>;
export type Chronology = z.infer<typeof chronologySchema>;
export type IncidentReportRequest = z.input<typeof incidentReportSchema>;
