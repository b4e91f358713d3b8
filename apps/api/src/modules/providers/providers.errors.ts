import { defineError, fieldError } from '../../lib/errors.ts';

export const providersErrors = {
  notFound: defineError('providers.not_found', 404, 'There is no such provider in your group.'),
  duplicateName: () =>
    fieldError('providers.duplicate_name', 'name', 'Another provider in your group already has this name'),
};
