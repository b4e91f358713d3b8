import { describe, expect, it } from 'vitest';
import { permissionsOf, roleHasPermission } from './permissions.ts';

// What each role may do is checked against docs/roles.md by the API's authorization matrix; these
// tests pin how the two lookups read the table.
describe('permissions', () => {
  it('answers for one role and one permission', () => {
    expect(roleHasPermission('dsl', 'safeguarding.read')).toBe(true);
    expect(roleHasPermission('ap_lead', 'safeguarding.read')).toBe(false);
    expect(roleHasPermission('headteacher', 'providers.approve')).toBe(true);
    expect(roleHasPermission('trust_admin', 'providers.approve')).toBe(false);
    expect(roleHasPermission('provider_staff', 'portal.use')).toBe(true);
    expect(roleHasPermission('provider_staff', 'pupils.read')).toBe(false);
  });

  it('gives a provider’s staff the portal and nothing of the schools', () => {
    expect(permissionsOf(['provider_staff'])).toEqual(['portal.use']);
  });

  it('gives nobody anything without a role', () => {
    expect(permissionsOf([])).toEqual([]);
  });

  it('joins what each of several roles may do, once each', () => {
    const governor = permissionsOf(['governor']);
    expect(governor).toEqual([
      'schools.read',
      'providers.read',
      'qa.read',
      'policy.read',
      'reports.read',
      'term_dates.read',
    ]);
    const both = permissionsOf(['governor', 'dsl']);
    expect(both).toContain('reports.read');
    expect(both).toContain('safeguarding.manage');
    expect(new Set(both).size).toBe(both.length);
    expect(both).not.toContain('users.manage');
  });
});
