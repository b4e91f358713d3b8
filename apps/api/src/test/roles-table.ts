/**
 * Who may do what, transcribed row by row from the table in docs/roles.md, for the tests: the
 * authorization matrix expects each route's answer from this table, not from the permission table the
 * app itself uses, so a permission given to the wrong role fails a test instead of passing it along.
 */
import type { Permission, RoleName } from '@waymark/domain';

/** The columns of docs/roles.md, in order: Admin, Gov, Head, AP, DSL, AO, Prov. */
const columns: RoleName[] = [
  'trust_admin',
  'governor',
  'headteacher',
  'ap_lead',
  'dsl',
  'attendance_officer',
  'provider_staff',
];

/** Each row: the ticks as the document shows them (✓ may, — may not), and the permissions it stands for. */
const rows: [ticks: string, permissions: Permission[]][] = [
  ['✓✓✓✓✓✓—', ['schools.read', 'term_dates.read', 'policy.read']],
  [
    '✓——————',
    [
      'schools.manage',
      'term_dates.manage',
      'bank_holidays.manage',
      'policy.manage',
      'audit_templates.manage',
    ],
  ],
  ['✓✓✓✓✓✓—', ['providers.read']],
  ['✓—✓✓———', ['providers.manage', 'audits.manage', 'provider_staff.manage']],
  ['——✓————', ['providers.approve']],
  ['✓—✓✓✓✓—', ['pupils.read', 'placements.read']],
  ['✓—✓✓———', ['pupils.manage', 'placements.manage']],
  ['✓—✓✓✓✓—', ['attendance.read']],
  ['——✓✓—✓—', ['attendance.manage']],
  ['——✓✓✓✓—', ['incidents.read', 'incidents.report']],
  ['——✓✓✓——', ['incidents.manage']],
  ['————✓——', ['safeguarding.read', 'safeguarding.manage']],
  ['✓✓✓✓✓——', ['qa.read']],
  ['——✓✓———', ['qa.manage']],
  ['✓—✓✓———', ['training.read', 'training.manage']],
  ['✓✓✓✓———', ['reports.read']],
  ['✓—✓————', ['budgets.manage']],
  ['✓—✓————', ['users.read']],
  ['✓——————', ['users.manage']],
  ['✓—✓————', ['audit_log.read']],
  ['✓——————', ['audit_log.verify']],
  ['✓——————', ['outbox.read', 'outbox.manage']],
  ['✓—✓—✓——', ['data_protection.manage']],
  ['✓—✓✓✓✓—', ['warnings.read']],
  ['✓——————', ['warnings.configure']],
  ['✓—✓✓✓——', ['inspection_pack.read']],
  ['——————✓', ['portal.use']],
];

/** Each role's permissions, read off the rows. */
export const rolesTable = Object.fromEntries(
  columns.map((role, column) => [
    role,
    rows.filter(([ticks]) => [...ticks][column] === '✓').flatMap(([, permissions]) => permissions),
  ]),
) as Record<RoleName, Permission[]>;

export const mayDo = (role: RoleName, permission: Permission) => rolesTable[role].includes(permission);
