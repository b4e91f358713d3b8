import { type ComponentType, lazy } from 'react';
import type { RouteObject } from 'react-router';
import { NotFoundPage } from '../ui/NotFoundPage.tsx';
import { RequirePermission } from '../ui/RequirePermission.tsx';

/**
 * Each page is its own script, fetched when first opened: the sign-in page and a provider's register
 * load only what they need (the budget is checked by `scripts/route-sizes.mjs` after each build).
 * The routes are plain route objects read by `useRoutes` (app/AppRoutes.tsx): React Router's data
 * router would add 17 KB gzip to every first load for loaders and actions Waymark does not use.
 */
function page<Module>(load: () => Promise<Module>, name: keyof Module) {
  const Page = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  return <Page />;
}

export const routes: RouteObject[] = [
  {
    path: '/sign-in',
    element: page(() => import('../modules/auth/SignInPage.tsx'), 'SignInPage'),
  },
  {
    path: '/invitation/:token',
    element: page(() => import('../modules/auth/InvitationPage.tsx'), 'InvitationPage'),
  },
  {
    path: '/voice/:token',
    element: page(() => import('../modules/voice/VoiceFormPage.tsx'), 'VoiceFormPage'),
  },
  {
    element: page(() => import('../ui/SignedInLayout.tsx'), 'SignedInLayout'),
    children: [
      { index: true, element: page(() => import('../modules/home/HomePage.tsx'), 'HomePage') },
      { path: 'account', element: page(() => import('../modules/account/AccountPage.tsx'), 'AccountPage') },
      {
        path: 'users',
        element: <RequirePermission permission="users.read" />,
        children: [
          { index: true, element: page(() => import('../modules/users/pages/UsersPage.tsx'), 'UsersPage') },
          {
            path: 'new',
            element: <RequirePermission permission="users.manage" />,
            children: [
              {
                index: true,
                element: page(() => import('../modules/users/pages/NewUserPage.tsx'), 'NewUserPage'),
              },
            ],
          },
          {
            path: 'single-sign-on',
            element: <RequirePermission permission="users.manage" />,
            children: [
              {
                index: true,
                element: page(
                  () => import('../modules/single-sign-on/SingleSignOnPage.tsx'),
                  'SingleSignOnPage',
                ),
              },
            ],
          },
          { path: ':userId', element: page(() => import('../modules/users/pages/UserPage.tsx'), 'UserPage') },
        ],
      },
      {
        path: 'providers',
        element: <RequirePermission permission="providers.read" />,
        children: [
          {
            index: true,
            element: page(() => import('../modules/providers/ProvidersPage.tsx'), 'ProvidersPage'),
          },
          {
            path: 'new',
            element: <RequirePermission permission="providers.manage" />,
            children: [
              {
                index: true,
                element: page(() => import('../modules/providers/ProviderFormPage.tsx'), 'ProviderFormPage'),
              },
            ],
          },
          {
            path: ':providerId',
            element: page(() => import('../modules/providers/ProviderPage.tsx'), 'ProviderPage'),
          },
          {
            path: ':providerId/edit',
            element: <RequirePermission permission="providers.manage" />,
            children: [
              {
                index: true,
                element: page(() => import('../modules/providers/ProviderFormPage.tsx'), 'ProviderFormPage'),
              },
            ],
          },
        ],
      },
      {
        path: 'pupils',
        element: <RequirePermission permission="pupils.read" />,
        children: [
          { index: true, element: page(() => import('../modules/pupils/PupilsPage.tsx'), 'PupilsPage') },
          {
            path: 'new',
            element: <RequirePermission permission="pupils.manage" />,
            children: [
              {
                index: true,
                element: page(() => import('../modules/pupils/PupilFormPage.tsx'), 'PupilFormPage'),
              },
            ],
          },
          {
            path: 'import',
            element: <RequirePermission permission="pupils.manage" />,
            children: [
              {
                index: true,
                element: page(() => import('../modules/pupils/PupilImportPage.tsx'), 'PupilImportPage'),
              },
            ],
          },
          { path: ':pupilId', element: page(() => import('../modules/pupils/PupilPage.tsx'), 'PupilPage') },
        ],
      },
      {
        path: 'placements',
        element: <RequirePermission permission="placements.read" />,
        children: [
          {
            index: true,
            element: page(() => import('../modules/placements/PlacementsPage.tsx'), 'PlacementsPage'),
          },
          {
            path: ':placementId',
            element: page(() => import('../modules/placements/PlacementPage.tsx'), 'PlacementPage'),
          },
        ],
      },
      {
        path: 'audit-form',
        element: <RequirePermission permission="providers.read" />,
        children: [
          {
            index: true,
            element: page(() => import('../modules/audits/AuditFormPage.tsx'), 'AuditFormPage'),
          },
        ],
      },
      {
        path: 'audits/:auditId',
        element: <RequirePermission permission="providers.read" />,
        children: [
          { index: true, element: page(() => import('../modules/audits/AuditPage.tsx'), 'AuditPage') },
        ],
      },
      {
        path: 'portal/letters',
        element: <RequirePermission permission="portal.use" />,
        children: [
          {
            index: true,
            element: page(() => import('../modules/letters/PortalLettersPage.tsx'), 'PortalLettersPage'),
          },
        ],
      },
      {
        path: 'portal/placements',
        element: <RequirePermission permission="portal.use" />,
        children: [
          {
            index: true,
            element: page(
              () => import('../modules/placements/PortalPlacementsPage.tsx'),
              'PortalPlacementsPage',
            ),
          },
        ],
      },
      {
        path: 'portal/register',
        element: <RequirePermission permission="portal.use" />,
        children: [
          {
            index: true,
            element: page(() => import('../modules/attendance/PortalRegisterPage.tsx'), 'PortalRegisterPage'),
          },
        ],
      },
      {
        path: 'attendance',
        element: <RequirePermission permission="attendance.read" />,
        children: [
          {
            index: true,
            element: page(
              () => import('../modules/attendance/AttendanceBoardPage.tsx'),
              'AttendanceBoardPage',
            ),
          },
        ],
      },
      {
        path: 'qa',
        element: <RequirePermission permission="qa.read" />,
        children: [
          { index: true, element: page(() => import('../modules/qa/QaPage.tsx'), 'QaPage') },
          {
            path: 'visits/:visitId',
            element: page(() => import('../modules/qa/QaVisitPage.tsx'), 'QaVisitPage'),
          },
        ],
      },
      {
        path: 'reports/governors',
        element: <RequirePermission permission="reports.read" />,
        children: [
          {
            index: true,
            element: page(() => import('../modules/reports/GovernorsReportPage.tsx'), 'GovernorsReportPage'),
          },
        ],
      },
      {
        path: 'inspection-pack',
        element: <RequirePermission permission="inspection_pack.read" />,
        children: [
          {
            index: true,
            element: page(
              () => import('../modules/inspection-pack/InspectionPackPage.tsx'),
              'InspectionPackPage',
            ),
          },
        ],
      },
      {
        path: 'warnings/settings',
        element: <RequirePermission permission="warnings.configure" />,
        children: [
          {
            index: true,
            element: page(() => import('../modules/warnings/WarningSettingsPage.tsx'), 'WarningSettingsPage'),
          },
        ],
      },
      {
        path: 'census',
        element: <RequirePermission permission="placements.read" />,
        children: [
          { index: true, element: page(() => import('../modules/census/CensusPage.tsx'), 'CensusPage') },
        ],
      },
      {
        path: 'data-protection',
        element: <RequirePermission permission="data_protection.manage" />,
        children: [
          {
            index: true,
            element: page(
              () => import('../modules/data-protection/DataProtectionPage.tsx'),
              'DataProtectionPage',
            ),
          },
        ],
      },
      {
        path: 'policy',
        element: <RequirePermission permission="policy.read" />,
        children: [
          { index: true, element: page(() => import('../modules/policy/PolicyPage.tsx'), 'PolicyPage') },
        ],
      },
      {
        path: 'training',
        element: <RequirePermission permission="training.read" />,
        children: [
          {
            index: true,
            element: page(() => import('../modules/training/TrainingPage.tsx'), 'TrainingPage'),
          },
        ],
      },
      {
        path: 'incidents',
        element: <RequirePermission permission="incidents.read" />,
        children: [
          {
            index: true,
            element: page(() => import('../modules/incidents/IncidentsPage.tsx'), 'IncidentsPage'),
          },
          {
            path: ':incidentId',
            element: page(() => import('../modules/incidents/IncidentPage.tsx'), 'IncidentPage'),
          },
        ],
      },
      {
        path: 'pupils/:pupilId/chronology',
        element: <RequirePermission permission="safeguarding.read" />,
        children: [
          {
            index: true,
            element: page(() => import('../modules/incidents/ChronologyPage.tsx'), 'ChronologyPage'),
          },
        ],
      },
      {
        path: 'portal/incidents',
        element: <RequirePermission permission="portal.use" />,
        children: [
          {
            index: true,
            element: page(
              () => import('../modules/incidents/PortalIncidentsPage.tsx'),
              'PortalIncidentsPage',
            ),
          },
        ],
      },
      {
        path: 'portal/changes',
        element: <RequirePermission permission="portal.use" />,
        children: [
          {
            index: true,
            element: page(() => import('../modules/notices/PortalNoticesPage.tsx'), 'PortalNoticesPage'),
          },
        ],
      },
      {
        path: 'organisation',
        element: <RequirePermission permission="schools.manage" />,
        children: [
          {
            index: true,
            element: page(() => import('../modules/organisation/OrganisationPage.tsx'), 'OrganisationPage'),
          },
        ],
      },
      {
        path: 'term-dates',
        element: <RequirePermission permission="term_dates.read" />,
        children: [
          {
            index: true,
            element: page(() => import('../modules/calendar/TermDatesPage.tsx'), 'TermDatesPage'),
          },
        ],
      },
      {
        path: 'outbox',
        element: <RequirePermission permission="outbox.read" />,
        children: [
          { index: true, element: page(() => import('../modules/outbox/OutboxPage.tsx'), 'OutboxPage') },
          { path: ':emailId', element: page(() => import('../modules/outbox/EmailPage.tsx'), 'EmailPage') },
        ],
      },
      {
        path: 'audit-log',
        element: <RequirePermission permission="audit_log.read" />,
        children: [
          {
            index: true,
            element: page(() => import('../modules/audit-log/AuditLogPage.tsx'), 'AuditLogPage'),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
