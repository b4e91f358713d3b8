import { Anchor, Button, Card, Table, Text } from '@mantine/core';
import { dateInWords } from '@waymark/domain';
import { Link, useNavigate } from 'react-router';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { can, useCurrentSession } from '../auth/session.ts';
import { type QaDue, useQaSchedule, useStartVisit } from './qa.api.ts';

const statusTags = {
  overdue: <Tag tone="danger">Overdue</Tag>,
  due: <Tag tone="warning">Due this term</Tag>,
  in_progress: <Tag tone="info">In progress</Tag>,
  done: <Tag tone="positive">Done</Tag>,
};

/** The termly QA visit plan (Appendix 5): one visit per provider per term for each school with pupils there. */
export function QaPage() {
  const session = useCurrentSession();
  const navigate = useNavigate();
  const schedule = useQaSchedule();
  const start = useStartVisit();
  const startVisit = (due: QaDue) =>
    start.mutate(due, { onSuccess: ({ id }) => navigate(`/qa/visits/${id}`) });
  const canManage = can(session, 'qa.manage');
  return (
    <>
      <PageHeader
        title="QA visits"
        description="Each term, a quality assurance visit to every provider where your pupils are placed, using the Appendix 5 form. A visit missed last term stays here as overdue."
      />
      <Card withBorder padding="lg">
        <ErrorAlert error={schedule.error ?? start.error} />
        {schedule.isPending ? (
          <Loading label="Loading the plan" />
        ) : schedule.data?.visits.length ? (
          <DataTable
            label="QA visits this term and last"
            minWidth={700}
            striped
            headers={['Provider', 'School', 'Term', 'Status', 'Visit']}
            rows={schedule.data.visits}
            row={(d) => (
              <Table.Tr key={`${d.schoolId} ${d.providerId} ${d.termLabel}`}>
                <Table.Td>{d.providerName}</Table.Td>
                <Table.Td>{d.schoolName}</Table.Td>
                <Table.Td>
                  {d.termLabel} (by {dateInWords(d.term.endsOn)})
                </Table.Td>
                <Table.Td>{statusTags[d.status]}</Table.Td>
                <Table.Td>
                  {d.visitId ? (
                    <Anchor component={Link} to={`/qa/visits/${d.visitId}`}>
                      Open the visit
                    </Anchor>
                  ) : canManage && d.status === 'due' ? (
                    <Button
                      size="xs"
                      variant="outline"
                      loading={start.isPending && start.variables === d}
                      onClick={() => startVisit(d)}
                      aria-label={`Start today's visit to ${d.providerName} for ${d.schoolName}`}
                    >
                      Start today's visit
                    </Button>
                  ) : (
                    <Text size="sm">Not visited</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            )}
          />
        ) : (
          <Text>No visits are due: no pupils from your schools are placed with a provider this term.</Text>
        )}
      </Card>
    </>
  );
}
