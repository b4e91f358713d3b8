import type { Permission } from '@waymark/domain';

export interface NavItem {
  to: string;
  label: string;
  /** Shown only to users whose roles grant this; omitted for items everyone signed in can use. */
  permission?: Permission;
  /** Other addresses that belong under this item, so it stays highlighted there. */
  alsoFor?: string[];
}

/** The main menu. Later features add their pages here with the permission that opens them. */
export const navItems: NavItem[] = [
  { to: '/', label: 'Home' },
  { to: '/pupils', label: 'Pupils', permission: 'pupils.read' },
  { to: '/placements', label: 'Placements', permission: 'placements.read' },
  { to: '/attendance', label: 'Attendance', permission: 'attendance.read' },
  { to: '/incidents', label: 'Concerns and incidents', permission: 'incidents.read' },
  { to: '/providers', label: 'Providers', permission: 'providers.read', alsoFor: ['/audits'] },
  { to: '/qa', label: 'QA visits', permission: 'qa.read' },
  { to: '/training', label: 'Staff training', permission: 'training.read' },
  { to: '/portal/register', label: 'Register', permission: 'portal.use' },
  { to: '/portal/placements', label: 'Pupils placed with you', permission: 'portal.use' },
  { to: '/portal/incidents', label: 'Report a concern', permission: 'portal.use' },
  { to: '/portal/letters', label: 'Safeguarding letters', permission: 'portal.use' },
  { to: '/portal/changes', label: 'Tell us about a change', permission: 'portal.use' },
  { to: '/audit-form', label: 'Audit form', permission: 'audit_templates.manage' },
  { to: '/reports/governors', label: "Governors' report", permission: 'reports.read' },
  { to: '/inspection-pack', label: 'Inspection pack', permission: 'inspection_pack.read' },
  { to: '/policy', label: 'AP policy', permission: 'policy.read' },
  { to: '/term-dates', label: 'Term dates', permission: 'term_dates.read' },
  { to: '/organisation', label: 'Schools and regions', permission: 'schools.manage' },
  { to: '/users', label: 'Users and roles', permission: 'users.read' },
  { to: '/data-protection', label: 'Data protection', permission: 'data_protection.manage' },
  { to: '/audit-log', label: 'Audit log', permission: 'audit_log.read' },
  { to: '/outbox', label: 'Outbox', permission: 'outbox.read' },
  { to: '/account', label: 'Your account' },
];
