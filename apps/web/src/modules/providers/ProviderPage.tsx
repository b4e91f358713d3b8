import { Anchor, Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { dateInWords, momentInWords, ofstedGradeLabels, settingTypeLabels } from '@waymark/domain';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { PageSection, type Section, SectionNav } from '../../ui/SectionNav.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useProviderAudits, useStartAudit } from '../audits/audits.api.ts';
import { can, useCurrentSession } from '../auth/session.ts';
import { LettersCard } from '../letters/LettersCard.tsx';
import { NoticesCard } from '../notices/NoticesCard.tsx';
import { VoiceTrendsCard } from '../voice/VoiceTrendsCard.tsx';
import { ApiKeysCard } from './ApiKeysCard.tsx';
import { ApprovalCard } from './ApprovalCard.tsx';
import { DocumentsCard } from './DocumentsCard.tsx';
import { InsuranceCard } from './InsuranceCard.tsx';
import { PortalStaffCard } from './PortalStaffCard.tsx';
import { ProviderCommunicationsCard } from './ProviderCommunicationsCard.tsx';
import { type Provider, statusLabels, statusTones, useProvider } from './providers.api.ts';
import { RegistrationCard } from './RegistrationCard.tsx';
import { SlaCard } from './SlaCard.tsx';

export function ProviderPage() {
  const { providerId = '' } = useParams();
  const session = useCurrentSession();
  const provider = useProvider(providerId);
  if (provider.isPending) return <Loading label="Loading the provider" />;
  if (provider.error) {
    return (
      <>
        <PageHeader title="Provider not found" />
        <ErrorAlert error={provider.error} title="This provider could not be shown" />
        <Anchor component={Link} to="/providers">
          Back to providers
        </Anchor>
      </>
    );
  }
  const p = provider.data;
  return (
    <>
      <PageHeader
        title={p.name}
        description={p.settingType ? settingTypeLabels[p.settingType] : 'Kind of setting not recorded'}
        actions={
          <Group>
            <Tag tone={statusTones[p.status]} size="lg">
              {statusLabels[p.status]}
            </Tag>
            {can(session, 'providers.manage') && (
              <Button variant="outline" component={Link} to={`/providers/${p.id}/edit`}>
                Edit details
              </Button>
            )}
          </Group>
        }
      />
      <SectionNav label="Sections of this provider's page" sections={sectionsOf(p, session)} />
      <Stack gap="lg">
        <PageSection id="approval">
          <ApprovalCard provider={p} canDecide={can(session, 'providers.approve')} />
        </PageSection>
        <PageSection id="details">
          <Details provider={p} />
        </PageSection>
        <PageSection id="audits">
          <Audits provider={p} canAudit={can(session, 'audits.manage')} />
        </PageSection>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <PageSection id="registration">
            <RegistrationCard provider={p} canEdit={can(session, 'audits.manage')} />
          </PageSection>
          <PageSection id="insurance">
            <InsuranceCard providerId={p.id} canEdit={can(session, 'providers.manage')} />
          </PageSection>
        </SimpleGrid>
        <PageSection id="letters">
          <LettersCard providerId={p.id} canRequest={can(session, 'audits.manage')} />
        </PageSection>
        <PageSection id="notices">
          <NoticesCard providerId={p.id} canRecord={can(session, 'providers.manage')} />
        </PageSection>
        <PageSection id="contact">
          <ProviderCommunicationsCard providerId={p.id} canRecord={can(session, 'providers.manage')} />
        </PageSection>
        <PageSection id="voice">
          <VoiceTrendsCard providerId={p.id} />
        </PageSection>
        {can(session, 'provider_staff.manage') && (
          <PageSection id="portal-access">
            <PortalStaffCard providerId={p.id} />
          </PageSection>
        )}
        {can(session, 'providers.manage') && (
          <PageSection id="api-keys">
            <ApiKeysCard providerId={p.id} />
          </PageSection>
        )}
        <PageSection id="evidence">
          <DocumentsCard providerId={p.id} canEdit={can(session, 'providers.manage')} />
        </PageSection>
        <PageSection id="sla">
          <SlaCard providerId={p.id} canEdit={can(session, 'providers.manage')} />
        </PageSection>
        <Anchor component={Link} to="/providers">
          Back to providers
        </Anchor>
      </Stack>
    </>
  );
}

/** The page's sections, each marked where an approval step it holds is not met. */
function sectionsOf(p: Provider, session: ReturnType<typeof useCurrentSession>): Section[] {
  const open = (id: string) => p.approval.steps.some((step) => step.id === id && !step.done);
  return [
    { id: 'approval', label: 'Approval', needsDoing: open('sign_off') },
    { id: 'details', label: 'Details' },
    { id: 'audits', label: 'Audits', needsDoing: open('audit') },
    { id: 'registration', label: 'Registration test', needsDoing: open('registration') },
    { id: 'insurance', label: 'Insurance', needsDoing: open('insurance') },
    { id: 'letters', label: 'Safeguarding letters', needsDoing: open('letter') },
    { id: 'notices', label: 'Notices' },
    { id: 'contact', label: 'Contact' },
    { id: 'voice', label: 'Pupil and parent voice' },
    ...(can(session, 'provider_staff.manage') ? [{ id: 'portal-access', label: 'Portal access' }] : []),
    ...(can(session, 'providers.manage') ? [{ id: 'api-keys', label: 'Register system keys' }] : []),
    { id: 'evidence', label: 'Evidence on file' },
    { id: 'sla', label: 'SLA', needsDoing: open('sla') },
  ];
}

function Details({ provider: p }: { provider: Provider }) {
  const rows: [string, string][] = [
    ['Address', [p.addressLine1, p.addressLine2, p.town, p.postcode].filter(Boolean).join(', ') || '—'],
    ['Telephone', p.telephone ?? '—'],
    ['E-mail', p.email ?? '—'],
    [
      'Key contact',
      p.keyContactName ? `${p.keyContactName}${p.keyContactRole ? `, ${p.keyContactRole}` : ''}` : '—',
    ],
    ['DfE number', p.dfeNumber ?? '—'],
    ['URN', p.urn ?? '—'],
    ['UKPRN', p.ukprn ?? '—'],
    ['AALA licence', p.aalaLicence ?? '—'],
    [
      'Ofsted',
      p.ofstedGrade
        ? `${ofstedGradeLabels[p.ofstedGrade]}${p.ofstedReportDate ? `, report ${dateInWords(p.ofstedReportDate)}` : ''}`
        : '—',
    ],
    ['On the LA AP framework', p.onLaFramework === null ? 'Not recorded' : p.onLaFramework ? 'Yes' : 'No'],
    [
      'DSL',
      p.dsl
        ? `${p.dsl.name}${p.dsl.trainedOn ? `, trained ${dateInWords(p.dsl.trainedOn)}` : ''}`
        : 'Not recorded',
    ],
    [
      'Deputy DSL',
      p.deputyDsl
        ? `${p.deputyDsl.name}${p.deputyDsl.trainedOn ? `, trained ${dateInWords(p.deputyDsl.trainedOn)}` : ''}`
        : 'Not recorded',
    ],
  ];
  const half = Math.ceil(rows.length / 2);
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Details
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {[rows.slice(0, half), rows.slice(half)].map((column) => (
          <Table key={column[0]![0]} variant="vertical" layout="fixed">
            <Table.Tbody>
              {column.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w="40%">{label}</Table.Th>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ))}
      </SimpleGrid>
    </Card>
  );
}

function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function Audits({ provider, canAudit }: { provider: Provider; canAudit: boolean }) {
  const navigate = useNavigate();
  const session = useCurrentSession();
  const [visitedAt, setVisitedAt] = useState(localNow());
  const [auditorName, setAuditorName] = useState(session.user.displayName);
  const audits = useProviderAudits(provider.id);
  const start = useStartAudit(provider.id);
  const startAudit = () =>
    start.mutate(
      { visitedAt: new Date(visitedAt).toISOString(), auditorName },
      { onSuccess: (audit) => navigate(`/audits/${audit.id}`) },
    );
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Audits (Appendix 1)
      </Title>
      <ErrorAlert error={audits.error} title="Audits could not be loaded" />
      {audits.data && audits.data.audits.length === 0 && <Text mb="md">No audit yet.</Text>}
      {audits.data && audits.data.audits.length > 0 && (
        <DataTable
          label="Audits"
          minWidth={560}
          mb="md"
          headers={['Visit', 'By', 'Answered', 'Outcome']}
          rows={audits.data.audits}
          row={(a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component={Link} to={`/audits/${a.id}`}>
                  {momentInWords(a.visitedAt)}
                </Anchor>
              </Table.Td>
              <Table.Td>{a.auditorName}</Table.Td>
              <Table.Td>
                {a.answered} of {a.questionCount}
              </Table.Td>
              <Table.Td>
                {a.status === 'draft' ? (
                  <Tag tone="warning">In progress</Tag>
                ) : a.suitable ? (
                  <Tag tone="positive">Suitable</Tag>
                ) : (
                  <Tag tone="danger">Not suitable</Tag>
                )}
              </Table.Td>
            </Table.Tr>
          )}
        />
      )}
      {canAudit && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            startAudit();
          }}
        >
          <Title order={3} size="h5" mb="xs">
            Start an audit
          </Title>
          <ErrorAlert error={start.error} title="The audit was not started" />
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label="Date and time of visit"
              type="datetime-local"
              required
              value={visitedAt}
              onChange={(e) => setVisitedAt(e.currentTarget.value)}
            />
            <TextInput
              label="Visit / audit completed by"
              required
              value={auditorName}
              onChange={(e) => setAuditorName(e.currentTarget.value)}
            />
            <Button type="submit" loading={start.isPending} disabled={!visitedAt || !auditorName.trim()}>
              Start audit
            </Button>
          </Group>
        </form>
      )}
    </Card>
  );
}
