import { Anchor, Group, Select, Text } from '@mantine/core';
import type { PlacementStatus } from '@waymark/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { ExportLinks } from '../../ui/ExportLinks.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { PlacementsTable } from './PlacementsTable.tsx';
import { statusLabels, usePlacements } from './placements.api.ts';

export function PlacementsPage() {
  const [status, setStatus] = useState<string | null>('active');
  const placements = usePlacements({ status });
  return (
    <>
      <PageHeader
        title="Placements"
        description="Referrals, active placements and those that have ended. Refer a pupil from their page."
      />
      <Group gap="lg" mb="sm">
        <ExportLinks list="placements" label="all placements" />
        <ExportLinks list="reviews" label="all reviews" />
        <Anchor component={Link} to="/census" size="sm">
          School census return
        </Anchor>
      </Group>
      <Select
        label="Status"
        placeholder="Any status"
        clearable
        mb="md"
        maw={240}
        data={(Object.keys(statusLabels) as PlacementStatus[]).map((s) => ({
          value: s,
          label: statusLabels[s],
        }))}
        value={status}
        onChange={setStatus}
      />
      <ErrorAlert error={placements.error} title="Placements could not be loaded" />
      {placements.isPending ? (
        <Loading label="Loading placements" />
      ) : placements.data?.placements.length === 0 ? (
        <Text>No placements to show.</Text>
      ) : (
        placements.data && <PlacementsTable placements={placements.data.placements} />
      )}
    </>
  );
}
