import type { IncidentStatus } from '@waymark/domain';
import { Tag } from '../../ui/Tag.tsx';

const tones = { reported: 'danger', triaged: 'warning', closed: 'neutral' } as const;
const labels = { reported: 'Awaiting triage', triaged: 'Being acted on', closed: 'Closed' } as const;

export function IncidentStatusTag({ status }: { status: IncidentStatus }) {
  return <Tag tone={tones[status]}>{labels[status]}</Tag>;
}
