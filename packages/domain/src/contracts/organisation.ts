/**
 * Request and response shapes of the organisation routes (the group, its regions, schools and
 * providers): the API validates and documents with them; the web's school form checks with them.
 */
import { z } from 'zod';

const name = z.string().trim().min(1, 'Enter a name').max(150, 'Use at most 150 characters');

export const regionBodySchema = z.strictObject({ name });

export const schoolBodySchema = z.strictObject({
  name,
  regionId: z.uuid({ message: 'Choose a region' }),
  urn: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'A URN is 6 digits, as shown on Get Information about Schools')
    .nullable()
    .default(null),
  localAuthority: z.string().trim().max(100).nullable().default(null),
});

export const schoolPatchSchema = z
  .strictObject({
    name: name.optional(),
    regionId: z.uuid({ message: 'Choose a region' }).optional(),
    urn: schoolBodySchema.shape.urn.optional(),
    localAuthority: z.string().trim().max(100).nullable().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'Send at least one field to change');

export const idParamsSchema = z.object({ id: z.uuid({ message: 'Not an id' }) });

export const regionViewSchema = z.object({ id: z.uuid(), name: z.string() });
export const schoolViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  urn: z.string().nullable(),
  localAuthority: z.string().nullable(),
  regionId: z.uuid(),
  regionName: z.string(),
});
export const providerViewSchema = z.object({ id: z.uuid(), name: z.string() });

export const organisationSchema = z.object({
  group: z.object({ id: z.uuid(), name: z.string() }),
  regions: z.array(regionViewSchema),
  schools: z.array(schoolViewSchema),
  providers: z.array(providerViewSchema),
});

export type Organisation = z.infer<typeof organisationSchema>;
export type SchoolRequest = z.input<typeof schoolBodySchema>;
export type SchoolBody = z.infer<typeof schoolBodySchema>;
export type SchoolPatch = z.infer<typeof schoolPatchSchema>;
