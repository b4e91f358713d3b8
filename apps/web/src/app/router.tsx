import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../modules/account/AccountPage.tsx';
import { AttendanceBoardPage } from '../modules/attendance/AttendanceBoardPage.tsx';
import { PortalRegisterPage } from '../modules/attendance/PortalRegisterPage.tsx';
import { AuditLogPage } from '../modules/audit-log/AuditLogPage.tsx';
import { AuditFormPage } from '../modules/audits/AuditFormPage.tsx';
import { AuditPage } from '../modules/audits/AuditPage.tsx';
import { InvitationPage } from '../modules/auth/InvitationPage.tsx';
import { SignInPage } from '../modules/auth/SignInPage.tsx';
import { TermDatesPage } from '../modules/calendar/TermDatesPage.tsx';
import { CensusPage } from '../modules/census/CensusPage.tsx';
import { DataProtectionPage } from '../modules/data-protection/DataProtectionPage.tsx';
import { HomePage } from '../modules/home/HomePage.tsx';
import { ChronologyPage } from '../modules/incidents/ChronologyPage.tsx';
import { IncidentPage } from '../modules/incidents/IncidentPage.tsx';
import { IncidentsPage } from '../modules/incidents/IncidentsPage.tsx';
import { PortalIncidentsPage } from '../modules/incidents/PortalIncidentsPage.tsx';
import { InspectionPackPage } from '../modules/inspection-pack/InspectionPackPage.tsx';
import { PortalLettersPage } from '../modules/letters/PortalLettersPage.tsx';
import { PortalNoticesPage } from '../modules/notices/PortalNoticesPage.tsx';
import { OrganisationPage } from '../modules/organisation/OrganisationPage.tsx';
import { EmailPage } from '../modules/outbox/EmailPage.tsx';
import { OutboxPage } from '../modules/outbox/OutboxPage.tsx';
import { PlacementPage } from '../modules/placements/PlacementPage.tsx';
import { PlacementsPage } from '../modules/placements/PlacementsPage.tsx';
import { PortalPlacementsPage } from '../modules/placements/PortalPlacementsPage.tsx';
import { PolicyPage } from '../modules/policy/PolicyPage.tsx';
import { ProviderFormPage } from '../modules/providers/ProviderFormPage.tsx';
import { ProviderPage } from '../modules/providers/ProviderPage.tsx';
import { ProvidersPage } from '../modules/providers/ProvidersPage.tsx';
import { PupilFormPage } from '../modules/pupils/PupilFormPage.tsx';
import { PupilImportPage } from '../modules/pupils/PupilImportPage.tsx';
import { PupilPage } from '../modules/pupils/PupilPage.tsx';
import { PupilsPage } from '../modules/pupils/PupilsPage.tsx';
import { QaPage } from '../modules/qa/QaPage.tsx';
import { QaVisitPage } from '../modules/qa/QaVisitPage.tsx';
import { GovernorsReportPage } from '../modules/reports/GovernorsReportPage.tsx';
import { SingleSignOnPage } from '../modules/single-sign-on/SingleSignOnPage.tsx';
import { TrainingPage } from '../modules/training/TrainingPage.tsx';
import { NewUserPage } from '../modules/users/pages/NewUserPage.tsx';
import { UserPage } from '../modules/users/pages/UserPage.tsx';
import { UsersPage } from '../modules/users/pages/UsersPage.tsx';
import { VoiceFormPage } from '../modules/voice/VoiceFormPage.tsx';
import { WarningSettingsPage } from '../modules/warnings/WarningSettingsPage.tsx';
import { ErrorPage } from '../ui/ErrorPage.tsx';
import { NotFoundPage } from '../ui/NotFoundPage.tsx';
import { RequirePermission, SignedInLayout } from '../ui/SignedInLayout.tsx';

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage />, errorElement: <ErrorPage /> },
  { path: '/invitation/:token', element: <InvitationPage />, errorElement: <ErrorPage /> },
  { path: '/voice/:token', element: <VoiceFormPage />, errorElement: <ErrorPage /> },
  {
    element: <SignedInLayout />,
    errorElement: <ErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'account', element: <AccountPage /> },
      {
        path: 'users',
        element: <RequirePermission permission="users.read" />,
        children: [
          { index: true, element: <UsersPage /> },
          {
            path: 'new',
            element: <RequirePermission permission="users.manage" />,
            children: [{ index: true, element: <NewUserPage /> }],
          },
          {
            path: 'single-sign-on',
            element: <RequirePermission permission="users.manage" />,
            children: [{ index: true, element: <SingleSignOnPage /> }],
          },
          { path: ':userId', element: <UserPage /> },
        ],
      },
      {
        path: 'providers',
        element: <RequirePermission permission="providers.read" />,
        children: [
          { index: true, element: <ProvidersPage /> },
          {
            path: 'new',
            element: <RequirePermission permission="providers.manage" />,
            children: [{ index: true, element: <ProviderFormPage /> }],
          },
          { path: ':providerId', element: <ProviderPage /> },
          {
            path: ':providerId/edit',
            element: <RequirePermission permission="providers.manage" />,
            children: [{ index: true, element: <ProviderFormPage /> }],
          },
        ],
      },
      {
        path: 'pupils',
        element: <RequirePermission permission="pupils.read" />,
        children: [
          { index: true, element: <PupilsPage /> },
          {
            path: 'new',
            element: <RequirePermission permission="pupils.manage" />,
            children: [{ index: true, element: <PupilFormPage /> }],
          },
          {
            path: 'import',
            element: <RequirePermission permission="pupils.manage" />,
            children: [{ index: true, element: <PupilImportPage /> }],
          },
          { path: ':pupilId', element: <PupilPage /> },
        ],
      },
      {
        path: 'placements',
        element: <RequirePermission permission="placements.read" />,
        children: [
          { index: true, element: <PlacementsPage /> },
          { path: ':placementId', element: <PlacementPage /> },
        ],
      },
      {
        path: 'audit-form',
        element: <RequirePermission permission="providers.read" />,
        children: [{ index: true, element: <AuditFormPage /> }],
      },
      {
        path: 'audits/:auditId',
        element: <RequirePermission permission="providers.read" />,
        children: [{ index: true, element: <AuditPage /> }],
      },
      {
        path: 'portal/letters',
        element: <RequirePermission permission="portal.use" />,
        children: [{ index: true, element: <PortalLettersPage /> }],
      },
      {
        path: 'portal/placements',
        element: <RequirePermission permission="portal.use" />,
        children: [{ index: true, element: <PortalPlacementsPage /> }],
      },
      {
        path: 'portal/register',
        element: <RequirePermission permission="portal.use" />,
        children: [{ index: true, element: <PortalRegisterPage /> }],
      },
      {
        path: 'attendance',
        element: <RequirePermission permission="attendance.read" />,
        children: [{ index: true, element: <AttendanceBoardPage /> }],
      },
      {
        path: 'qa',
        element: <RequirePermission permission="qa.read" />,
        children: [
          { index: true, element: <QaPage /> },
          { path: 'visits/:visitId', element: <QaVisitPage /> },
        ],
      },
      {
        path: 'reports/governors',
        element: <RequirePermission permission="reports.read" />,
        children: [{ index: true, element: <GovernorsReportPage /> }],
      },
      {
        path: 'inspection-pack',
        element: <RequirePermission permission="inspection_pack.read" />,
        children: [{ index: true, element: <InspectionPackPage /> }],
      },
      {
        path: 'warnings/settings',
        element: <RequirePermission permission="warnings.configure" />,
        children: [{ index: true, element: <WarningSettingsPage /> }],
      },
      {
        path: 'census',
        element: <RequirePermission permission="placements.read" />,
        children: [{ index: true, element: <CensusPage /> }],
      },
      {
        path: 'data-protection',
        element: <RequirePermission permission="data_protection.manage" />,
        children: [{ index: true, element: <DataProtectionPage /> }],
      },
      {
        path: 'policy',
        element: <RequirePermission permission="policy.read" />,
        children: [{ index: true, element: <PolicyPage /> }],
      },
      {
        path: 'training',
        element: <RequirePermission permission="training.read" />,
        children: [{ index: true, element: <TrainingPage /> }],
      },
      {
        path: 'incidents',
        element: <RequirePermission permission="incidents.read" />,
        children: [
          { index: true, element: <IncidentsPage /> },
          { path: ':incidentId', element: <IncidentPage /> },
        ],
      },
      {
        path: 'pupils/:pupilId/chronology',
        element: <RequirePermission permission="safeguarding.read" />,
        children: [{ index: true, element: <ChronologyPage /> }],
      },
      {
        path: 'portal/incidents',
        element: <RequirePermission permission="portal.use" />,
        children: [{ index: true, element: <PortalIncidentsPage /> }],
      },
      {
        path: 'portal/changes',
        element: <RequirePermission permission="portal.use" />,
        children: [{ index: true, element: <PortalNoticesPage /> }],
      },
      {
        path: 'organisation',
        element: <RequirePermission permission="schools.manage" />,
        children: [{ index: true, element: <OrganisationPage /> }],
      },
      {
        path: 'term-dates',
        element: <RequirePermission permission="term_dates.read" />,
        children: [{ index: true, element: <TermDatesPage /> }],
      },
      {
        path: 'outbox',
        element: <RequirePermission permission="outbox.read" />,
        children: [
          { index: true, element: <OutboxPage /> },
          { path: ':emailId', element: <EmailPage /> },
        ],
      },
      {
        path: 'audit-log',
        element: <RequirePermission permission="audit_log.read" />,
        children: [{ index: true, element: <AuditLogPage /> }],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
