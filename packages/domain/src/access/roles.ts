/**
 * Who does what in Waymark (policy §5, PRODUCT.md "Who uses it"). A user holds role assignments,
 * each in one scope: the whole group, a region, a school, or a provider.
 */
import { z } from 'zod';

export const scopeTypes = ['group', 'region', 'school', 'provider'] as const;
export type ScopeType = (typeof scopeTypes)[number];
export const scopeTypeLabels: Record<ScopeType, string> = {
  group: 'Whole group',
  region: 'Region',
  school: 'School',
  provider: 'Provider',
};

export const roleNames = [
  'trust_admin',
  'governor',
  'headteacher',
  'ap_lead',
  'dsl',
  'attendance_officer',
  'provider_staff',
] as const;
export type RoleName = (typeof roleNames)[number];

export interface RoleDefinition {
  label: string;
  description: string;
  /** Scopes an assignment of this role may have. */
  scopes: readonly ScopeType[];
}

export const roles: Record<RoleName, RoleDefinition> = {
  trust_admin: {
    label: 'Trust administrator',
    description: 'Sets up schools, users, form templates and term dates for the whole group.',
    scopes: ['group'],
  },
  governor: {
    label: 'Governor or executive (read-only)',
    description: 'Governors, regional directors and executive heads: termly reports and dashboards.',
    scopes: ['group', 'region', 'school'],
  },
  headteacher: {
    label: 'Headteacher',
    description: 'Approves placements and providers, manages the AP budget, signs off governor reports.',
    scopes: ['school'],
  },
  ap_lead: {
    label: 'AP lead',
    description: 'Audits, QA visits, plans, reviews, incidents, pupil voice and all provider contact.',
    scopes: ['school'],
  },
  dsl: {
    label: 'Designated safeguarding lead',
    description: 'DSL or deputy: safeguarding concerns. The only role that sees safeguarding detail.',
    scopes: ['school'],
  },
  attendance_officer: {
    label: 'Attendance officer',
    description: 'Daily attendance from providers and first-day calls.',
    scopes: ['school'],
  },
  provider_staff: {
    label: 'Provider staff',
    description: 'Staff of an alternative provider: attendance, incidents and notices for their pupils only.',
    scopes: ['provider'],
  },
};

export const roleNameSchema = z.enum(roleNames);
export const scopeTypeSchema = z.enum(scopeTypes);
