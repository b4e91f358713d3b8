import { defineError, fieldError } from '../../lib/errors.ts';

export const organisationErrors = {
  regionNotFound: defineError('regions.not_found', 404, 'There is no such region in your group.'),
  schoolNotFound: defineError(
    'schools.not_found',
    404,
    'There is no such school, or it is outside your scope.',
  ),
  unknownRegion: () => fieldError('schools.unknown_region', 'regionId', 'Choose a region of your group'),
  duplicateName: (what: string) =>
    fieldError(`${what}.duplicate_name`, 'name', 'Another one in your group already has this name'),
  duplicateUrn: () =>
    fieldError('schools.duplicate_urn', 'urn', 'Another school in your group already has this URN'),
};
