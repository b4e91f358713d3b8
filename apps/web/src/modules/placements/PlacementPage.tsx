import { Alert, Anchor, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import {
  dateInWords,
  maybeDateInWords,
  momentInWords,
  placementTypeLabels,
  providerStatusLabels,
  registrationLabels,
  senStatusLabels,
  yearGroupLabel,
} from '@waymark/domain';
import { Link, useParams } from 'react-router';

import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { PageSection, type Section, SectionNav } from '../../ui/SectionNav.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { can, useCurrentSession } from '../auth/session.ts';
import { BehaviourLogCard } from '../incidents/BehaviourLogCard.tsx';
import { ProgressReportsCard } from '../progress-reports/ProgressReportsCard.tsx';
import { PupilDocumentsCard } from '../pupils/PupilDocumentsCard.tsx';
import { VoiceCard } from '../voice/VoiceCard.tsx';
import { EarlyWarningsCard } from '../warnings/EarlyWarningsCard.tsx';
import { CommunicationsCard } from './CommunicationsCard.tsx';
import { DirectionReviewsCard } from './DirectionReviewsCard.tsx';
import { DestinationCard, EndCard, LocalAuthorityCard } from './EndingCards.tsx';
import { PlanForm } from './PlanForm.tsx';
import {
  outcomeLabels,
  type Placement,
  statusLabels,
  statusTones,
  usePlacement,
  usePlacementChange,
} from './placements.api.ts';
import { ReducedTimetableCard } from './ReducedTimetableCard.tsx';
import { EhcpArrangedForm, ReviewsCard } from './ReviewsCard.tsx';
import { SharingCard } from './SharingCard.tsx';
import { TermChangesList } from './TermChangesList.tsx';

/** The page's sections; a referral not ready to start and an overdue review come first. */
function sectionsOf(p: Placement, canManage: boolean): Section[] {
  const editable = p.status !== 'ended' && p.status !== 'cancelled' && canManage;
  return [
    { id: 'summary', label: 'Summary', needsDoing: p.status === 'referral' && p.blockers.length > 0 },
    ...(editable ? [{ id: 'plan', label: 'Plan' }] : []),
    { id: 'reviews', label: 'Reviews', needsDoing: p.reviews.some((r) => r.state === 'overdue') },
    { id: 'safeguarding', label: 'Behaviour and safeguarding' },
    { id: 'voice', label: 'Pupil and parent voice' },
    { id: 'provider', label: 'From the provider' },
    { id: 'timeline', label: 'Timeline' },
  ];
}

/** One screen for a placement: where it stands, the plan, reviews, ending and everything that happened. */
export function PlacementPage() {
  const { placementId = '' } = useParams();
  const session = useCurrentSession();
  const placement = usePlacement(placementId);
  if (placement.isPending) return <Loading label="Loading the placement" />;
  if (!placement.data)
    return <ErrorAlert error={placement.error} title="The placement could not be loaded" />;
  const p = placement.data;
  const canManage = can(session, 'placements.manage');
  return (
    <>
      <PageHeader
        title={`${p.pupil.displayName} at ${p.provider.name}`}
        description={placementTypeLabels[p.type]}
        actions={
          <Tag tone={statusTones[p.status]} size="lg">
            {statusLabels[p.status]}
          </Tag>
        }
      />
      <SectionNav label="Sections of this placement's page" sections={sectionsOf(p, canManage)} />
      <Stack gap="lg">
        {p.provider.registrationAlarm && (
          <Alert color="red" role="alert" title="Registration alarm: do not place pupils here">
            {p.provider.name} must be registered as an independent school but is not recorded as registered.
            See the provider’s registration test.
          </Alert>
        )}
        {p.status === 'referral' && <StartCard placement={p} canStart={canManage} />}
        <PageSection id="summary">
          <Summary placement={p} />
        </PageSection>
        {p.type === 'off_site_direction' && (
          <Card withBorder padding="lg">
            <Title order={2} size="h4" mb="xs">
              Written notice of the direction
            </Title>
            <Text size="sm" mb="xs">
              Send it to the parents at least two clear school days before the first day
              {p.pupil.senStatus === 'ehcp' ? ', and to the local authority as the pupil has an EHCP' : ''}.
              Record the date sent in the plan.
            </Text>
            <Group>
              <Anchor href={`/api/placements/${p.id}/off-site-notice?to=parents`} target="_blank">
                Notice to the parents (PDF)
              </Anchor>
              {p.pupil.senStatus === 'ehcp' && (
                <Anchor href={`/api/placements/${p.id}/off-site-notice?to=local_authority`} target="_blank">
                  Notice to the local authority (PDF)
                </Anchor>
              )}
            </Group>
          </Card>
        )}
        {p.status !== 'ended' && p.status !== 'cancelled' && canManage && (
          <PageSection id="plan">
            <Card withBorder padding="lg">
              <Title order={2} size="h4" mb="sm">
                Plan
              </Title>
              <PlanForm key={p.version} placement={p} />
              <TermChangesList placement={p} canManage={canManage} />
            </Card>
          </PageSection>
        )}
        {(p.status === 'referral' || p.status === 'active' || p.reducedTimetable) && (
          <ReducedTimetableCard
            key={`reduced-${p.version}`}
            placement={p}
            canEdit={canManage && (p.status === 'referral' || p.status === 'active')}
          />
        )}
        {p.type === 'off_site_direction' && p.status !== 'referral' && p.status !== 'cancelled' && (
          <DirectionReviewsCard placement={p} canRecord={canManage} />
        )}
        {p.status === 'active' && can(session, 'warnings.read') && <EarlyWarningsCard placementId={p.id} />}
        <PageSection id="reviews">
          <ReviewsCard placement={p} canReview={canManage} />
        </PageSection>
        <SharingCard placement={p} canShare={canManage && p.status !== 'ended'} />
        <PupilDocumentsCard pupilId={p.pupil.id} canEdit={false} />
        <PageSection id="safeguarding">
          <BehaviourLogCard placementId={p.id} />
        </PageSection>
        <PageSection id="voice">
          <VoiceCard placementId={p.id} canManage={canManage} />
        </PageSection>
        <PageSection id="provider">
          <Stack gap="lg">
            <ProgressReportsCard placementId={p.id} />
            <CommunicationsCard placement={p} canRecord={canManage} />
          </Stack>
        </PageSection>
        <LocalAuthorityCard placement={p} canEdit={canManage} />
        {p.status === 'active' && canManage && <EndCard placement={p} />}
        {p.ehcpReviewOnMove.required && (
          <Card withBorder padding="lg">
            <Title order={2} size="h4" mb="xs">
              EHCP review after the move
            </Title>
            {p.ehcpReviewOnMove.arrangedOn ? (
              <Text>EHCP review arranged {dateInWords(p.ehcpReviewOnMove.arrangedOn)}.</Text>
            ) : (
              <>
                <Text size="sm">
                  The pupil moved to another provider: their EHCP provision changed. The AP lead arranges an
                  EHCP review with the SENCo and the local authority, then records it here.
                </Text>
                {canManage && <EhcpArrangedForm placement={p} path="move" />}
              </>
            )}
          </Card>
        )}
        {p.status === 'ended' && <DestinationCard placement={p} canEdit={canManage} />}
        <Card withBorder padding="lg" id="timeline" style={{ scrollMarginTop: 72 }}>
          <Title order={2} size="h4" mb="sm">
            Timeline
          </Title>
          <List spacing="xs">
            {p.timeline.map((t) => (
              <List.Item key={`${t.at}-${t.what}`}>
                <Text size="sm">
                  {momentInWords(t.at)}, {t.by}: {t.what}
                </Text>
              </List.Item>
            ))}
          </List>
        </Card>
        <Anchor component={Link} to={`/pupils/${p.pupil.id}`}>
          Back to {p.pupil.displayName}
        </Anchor>
      </Stack>
    </>
  );
}

function StartCard({ placement: p, canStart }: { placement: Placement; canStart: boolean }) {
  const start = usePlacementChange(p.id, 'POST', 'start', {
    onSaved: () => notifySuccess('The placement has started. Reviews are scheduled.'),
  });
  const send = usePlacementChange(p.id, 'POST', 'send-referral', {
    onSaved: () => notifySuccess('Referral sent: the provider now sees it in their portal.'),
  });
  // Sending is possible once the provider is approved; until then the provider sees nothing of the pupil.
  const canSend = canStart && !p.referralSentAt && p.provider.status === 'approved';
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Before it can start
      </Title>
      {p.blockers.length === 0 ? (
        <Text mb="sm">Everything is in place: the placement can start.</Text>
      ) : (
        <List mb="sm">
          {p.blockers.map((b) => (
            <List.Item key={`${b.path}-${b.message}`}>{b.message}</List.Item>
          ))}
        </List>
      )}
      <Text size="sm" mb="sm">
        {p.referralSentAt
          ? `Referral sent to ${p.provider.name} on ${p.referralSentAt.slice(0, 10)}.`
          : `Not yet sent: ${p.provider.name} sees nothing of this referral until you send it.`}
      </Text>
      <ErrorAlert error={send.error} title="The referral was not sent" />
      <ErrorAlert error={start.error} title="The placement did not start" />
      {canStart && (
        <Group>
          {canSend && (
            <Button variant="outline" onClick={() => send.mutate()} loading={send.isPending}>
              Send the referral
            </Button>
          )}
          <Button onClick={() => start.mutate()} loading={start.isPending} disabled={p.blockers.length > 0}>
            Start placement
          </Button>
        </Group>
      )}
    </Card>
  );
}

function Summary({ placement: p }: { placement: Placement }) {
  return (
    <Card withBorder padding="lg">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Text>
          <Anchor component={Link} to={`/pupils/${p.pupil.id}`}>
            {p.pupil.displayName}
          </Anchor>
          , {yearGroupLabel(p.pupil.yearGroup)}, {p.school.name}
          <br />
          {senStatusLabels[p.pupil.senStatus]}
          {p.pupil.lookedAfter ? '; looked after' : ''}
        </Text>
        <Text>
          <Anchor component={Link} to={`/providers/${p.provider.id}`}>
            {p.provider.name}
          </Anchor>{' '}
          ({providerStatusLabels[p.provider.status].toLowerCase()})
          <br />
          {registrationLabels[p.registration.kind]}
          <br />
          {maybeDateInWords(p.startsOn, 'Start not set')} to{' '}
          {maybeDateInWords(p.endedOn ?? p.plannedEndOn, 'end not set')}; {p.hoursPerWeek} hours a week
          {p.outcome ? `; outcome: ${outcomeLabels[p.outcome]}` : ''}
        </Text>
      </SimpleGrid>
    </Card>
  );
}
