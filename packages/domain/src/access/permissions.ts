/**
 * Permissions: what each role may do. Routes name a permission, never a role, so a new role or a
 * change of duties is one edit here. The web app reads the same table to show only what a user can use.
 */
import type { RoleName } from './roles.ts';

const everyStaffRole: RoleName[] = [
  'trust_admin',
  'governor',
  'headteacher',
  'ap_lead',
  'dsl',
  'attendance_officer',
];

export const permissions = {
  /** See the schools and regions in scope. */
  'schools.read': everyStaffRole,
  /** Set up regions and schools. */
  'schools.manage': ['trust_admin'],
  /** The group's provider directory: every school sees the group's providers. */
  'providers.read': everyStaffRole,
  'providers.manage': ['trust_admin', 'headteacher', 'ap_lead'],
  /** Approve, suspend, withdraw or reinstate a provider (Appendix 3 sign-off). */
  'providers.approve': ['headteacher'],
  /** Appendix 1 audits: start, fill in, submit. */
  'audits.manage': ['trust_admin', 'headteacher', 'ap_lead'],
  /** Invite a provider's staff to the portal and see who has accepted. */
  'provider_staff.manage': ['trust_admin', 'headteacher', 'ap_lead'],
  /** Read the outbox: every email Waymark has sent or is sending for the group. */
  'outbox.read': ['trust_admin'],
  'outbox.manage': ['trust_admin'],
  /** Publish a new version of the audit form after the annual policy review. */
  'audit_templates.manage': ['trust_admin'],
  /** Pupil records at the schools in scope (governors see figures, not pupils). */
  'pupils.read': ['trust_admin', 'headteacher', 'ap_lead', 'dsl', 'attendance_officer'],
  'pupils.manage': ['trust_admin', 'headteacher', 'ap_lead'],
  /** Referrals and placements: plans, reviews, endings and destinations. */
  'placements.read': ['trust_admin', 'headteacher', 'ap_lead', 'dsl', 'attendance_officer'],
  'placements.manage': ['trust_admin', 'headteacher', 'ap_lead'],
  /** Daily attendance at providers: the board, first-day calls, the register export. */
  'attendance.read': ['trust_admin', 'headteacher', 'ap_lead', 'dsl', 'attendance_officer'],
  'attendance.manage': ['headteacher', 'ap_lead', 'attendance_officer'],
  /** Concerns and incidents: see that they exist and where they stand; full detail of non-safeguarding kinds. */
  'incidents.read': ['headteacher', 'ap_lead', 'dsl', 'attendance_officer'],
  /** Record a concern or incident that school staff saw or were told about. */
  'incidents.report': ['headteacher', 'ap_lead', 'dsl', 'attendance_officer'],
  /** Triage, act on and close behaviour, health and safety and other non-safeguarding incidents. */
  'incidents.manage': ['headteacher', 'ap_lead', 'dsl'],
  /** Safeguarding detail (policy §8): read and act on it. Only DSLs and deputy DSLs. */
  'safeguarding.read': ['dsl'],
  'safeguarding.manage': ['dsl'],
  /** Termly QA visits (Appendix 5): see the plan and the visit reports; record visits and actions. */
  'qa.read': ['trust_admin', 'headteacher', 'ap_lead', 'dsl', 'governor'],
  'qa.manage': ['headteacher', 'ap_lead'],
  /** Training records and needs reviews of staff who work in or support AP. */
  'training.read': ['trust_admin', 'headteacher', 'ap_lead'],
  'training.manage': ['trust_admin', 'headteacher', 'ap_lead'],
  /** The AP policy's issues and its annual review (policy §13). */
  'policy.read': everyStaffRole,
  'policy.manage': ['trust_admin'],
  /** The termly governors' report for a school, a region or the group. */
  'reports.read': ['trust_admin', 'governor', 'headteacher', 'ap_lead'],
  /** Each school's annual AP budget: set by the headteacher (or an administrator); spend comes from placements. */
  'budgets.manage': ['trust_admin', 'headteacher'],
  'term_dates.read': everyStaffRole,
  'term_dates.manage': ['trust_admin'],
  'bank_holidays.manage': ['trust_admin'],
  /** The provider portal: provider staff see and complete what their provider is asked for. */
  'portal.use': ['provider_staff'],
  /** See users: the whole group for administrators, a headteacher their own school's staff. */
  'users.read': ['trust_admin', 'headteacher'],
  'users.manage': ['trust_admin'],
  /** Browse the audit log of records in scope. */
  'audit_log.read': ['trust_admin', 'headteacher'],
  /** UK GDPR duties: subject access exports, the retention report, what was shared with providers. */
  'data_protection.manage': ['trust_admin', 'headteacher', 'dsl'],
  /** Early warnings on the board and placements (each kind also needs the capability it reads). */
  'warnings.read': ['trust_admin', 'headteacher', 'ap_lead', 'dsl', 'attendance_officer'],
  /** Change the thresholds the early warnings use. */
  'warnings.configure': ['trust_admin'],
  /** The inspection-ready pack of every pupil educated off-site, for a school and a date. */
  'inspection_pack.read': ['trust_admin', 'headteacher', 'ap_lead', 'dsl'],
  /** Check the whole audit log's hash chain for changed, removed or inserted events. */
  'audit_log.verify': ['trust_admin'],
} as const satisfies Record<string, readonly RoleName[]>;

export type Permission = keyof typeof permissions;

export function roleHasPermission(role: RoleName, permission: Permission): boolean {
  return (permissions[permission] as readonly RoleName[]).includes(role);
}

export function permissionsOf(roleNames: readonly RoleName[]): Permission[] {
  return (Object.keys(permissions) as Permission[]).filter((p) =>
    roleNames.some((r) => roleHasPermission(r, p)),
  );
}
