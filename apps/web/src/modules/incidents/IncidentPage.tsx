import { Alert, Anchor, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { dateInWords, incidentStatusLabels, referralAgencyLabels, triageLevelLabels } from '@waymark/domain';
import { Link, useParams } from 'react-router';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { can, useCurrentSession } from '../auth/session.ts';
import { londonDateTime, useIncident } from './incidents.api.ts';
import { IncidentStatusTag } from './statusTags.tsx';
import { WorkflowForms } from './WorkflowForms.tsx';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text fw={700} size="sm">
        {label}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{children}</Text>
    </div>
  );
}

/** One concern or incident: what happened, and the DSL's (or AP lead's) work on it. Reading is logged. */
export function IncidentPage() {
  const { incidentId = '' } = useParams();
  const session = useCurrentSession();
  const incident = useIncident(incidentId);
  if (incident.isPending) return <Loading label="Loading the record" />;
  if (incident.error) return <ErrorAlert error={incident.error} title="The record could not be loaded" />;
  const i = incident.data;
  const d = i.detail;
  return (
    <>
      <PageHeader
        title={`${i.kindLabel}: ${i.pupilName}`}
        description={`At ${i.providerName}. Happened ${londonDateTime(i.occurredAt)}; reported by ${i.reportedByName} ${londonDateTime(i.reportedAt)}.`}
      />
      <Stack>
        <Group gap="xs">
          <IncidentStatusTag status={i.status} />
          {i.safeguarding && <Tag tone="danger">Safeguarding</Tag>}
          {i.toldSameDay ? (
            <Tag tone="positive">School told the same day</Tag>
          ) : (
            <Tag tone="warning">School not told the same day</Tag>
          )}
        </Group>
        {!d ? (
          <Alert
            color="blue.9"
            variant="outline"
            title="Only a designated safeguarding lead reads this record"
          >
            A safeguarding concern has been reported for {i.pupilName}. Its status is “
            {incidentStatusLabels[i.status]}”. Speak to your school's DSL if you need to know more.
          </Alert>
        ) : (
          <>
            <Card withBorder padding="lg">
              <Title order={2} size="h4" mb="sm">
                What happened
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <Field label="Where">{d.location}</Field>
                <Field label="Who was involved">{d.peopleInvolved || 'Not recorded'}</Field>
              </SimpleGrid>
              <Stack gap="sm" mt="sm">
                <Field label="What happened">{d.whatHappened}</Field>
                <Field label="What was done straight away">{d.immediateActions}</Field>
                {d.postIncidentSupport && (
                  <Field label="Support for the pupil after the restraint">{d.postIncidentSupport}</Field>
                )}
                {d.debrief && <Field label="Debrief">{d.debrief}</Field>}
              </Stack>
              {d.attachments.length > 0 && (
                <>
                  <Title order={3} size="h5" mt="md" mb="xs">
                    Attachments
                  </Title>
                  <List>
                    {d.attachments.map((a) => (
                      <List.Item key={a.id}>
                        <Anchor href={`/api/incidents/${i.id}/attachments/${a.id}`}>{a.filename}</Anchor>
                        {a.description ? ` (${a.description})` : ''}, added by {a.uploadedByName}
                      </List.Item>
                    ))}
                  </List>
                </>
              )}
            </Card>
            <Card withBorder padding="lg">
              <Title order={2} size="h4" mb="sm">
                Response
              </Title>
              <Stack gap="sm">
                <Field label="Triage">
                  {d.triage
                    ? `${triageLevelLabels[d.triage.level]}. ${d.triage.rationale} (${d.triage.byName}, ${londonDateTime(d.triage.at)})`
                    : 'Not triaged yet'}
                </Field>
                <div>
                  <Text fw={700} size="sm">
                    Actions
                  </Text>
                  {d.actions.length ? (
                    <List>
                      {d.actions.map((a) => (
                        <List.Item key={a.id}>
                          {a.action}: {a.owner}, by {dateInWords(a.dueOn)}
                          {a.doneOn ? ` (done ${dateInWords(a.doneOn)} by ${a.doneByName})` : ''}
                        </List.Item>
                      ))}
                    </List>
                  ) : (
                    <Text>None yet</Text>
                  )}
                </div>
                <div>
                  <Text fw={700} size="sm">
                    Referrals
                  </Text>
                  {d.referrals.length ? (
                    <List>
                      {d.referrals.map((r) => (
                        <List.Item key={r.id}>
                          {referralAgencyLabels[r.agency]} on {dateInWords(r.referredOn)}
                          {r.reference ? ` (ref. ${r.reference})` : ''}: {r.details}
                        </List.Item>
                      ))}
                    </List>
                  ) : (
                    <Text>None</Text>
                  )}
                </div>
                {d.outcome && (
                  <Field label="Outcome">
                    {d.outcome} (closed by {d.closedByName}
                    {d.closedAt ? `, ${londonDateTime(d.closedAt)}` : ''})
                  </Field>
                )}
              </Stack>
            </Card>
            {i.canManage && i.status !== 'closed' && <WorkflowForms incident={i} />}
          </>
        )}
        {can(session, 'safeguarding.read') && i.safeguarding && (
          <Anchor component={Link} to={`/pupils/${i.pupilId}/chronology`}>
            {i.pupilName}'s safeguarding chronology
          </Anchor>
        )}
      </Stack>
    </>
  );
}
