/**
 * Request and response shapes of the school census routes: the census to work on, one census's AP
 * records with what stops the return, and recording the return.
 */
import { z } from 'zod';
import { censusTerms } from '../census/census.ts';

export const censusQuerySchema = z.object({
  schoolId: z.uuid({ message: 'Choose the school' }),
  academicYear: z.string().regex(/^\d{4}\/\d{2}$/, 'Give the academic year as 2025/26'),
  term: z.enum(censusTerms, { message: 'Choose the autumn, spring or summer census' }),
});

export const censusReturnBodySchema = censusQuerySchema.extend({
  kind: z.enum(['returned', 'none_arranged'], { message: 'Choose returned, or none arranged' }),
});

export const censusKeySchema = censusQuerySchema.pick({ academicYear: true, term: true });

export const censusRecordSchema = z.object({
  placementId: z.uuid(),
  upn: z.string(),
  pupilName: z.string(),
  urn: z.string().nullable(),
  ukprn: z.string().nullable(),
  setting: z.string().nullable(),
  entryDate: z.string(),
  leavingDate: z.string().nullable(),
  reason: z.string(),
  attendancePattern: z.enum(['FT', 'PT']),
});

export const censusSchema = z.object({
  schoolName: z.string(),
  censusDay: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  records: z.array(censusRecordSchema),
  /** What the DfE's validation would reject or query, by rule number; none means ready to return. */
  problems: z.array(z.object({ rule: z.string(), placementId: z.uuid().nullable(), message: z.string() })),
  returned: z
    .object({
      kind: censusReturnBodySchema.shape.kind,
      placements: z.number(),
      confirmedByName: z.string(),
      confirmedAt: z.string(),
    })
    .nullable(),
});

export type Census = z.infer<typeof censusSchema>;
