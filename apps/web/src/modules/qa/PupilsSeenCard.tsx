import { Card, Checkbox, Stack, Text, Textarea, Title } from '@mantine/core';
import type { PupilSeen } from './qa.api.ts';

/** The pupils seen at the visit: a learning observation, work scrutiny and a welfare check for each. */
export function PupilsSeenCard({
  placed,
  seen,
  editable,
  onChange,
}: {
  placed: { placementId: string; pupilName: string }[];
  seen: PupilSeen[];
  editable: boolean;
  onChange: (seen: PupilSeen[]) => void;
}) {
  const update = (placementId: string, field: keyof PupilSeen, value: string) =>
    onChange(seen.map((s) => (s.placementId === placementId ? { ...s, [field]: value } : s)));
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Pupils seen
      </Title>
      {placed.length === 0 && <Text>No pupils from this school are placed here now.</Text>}
      <Stack gap="lg">
        {placed.map((p) => {
          const entry = seen.find((s) => s.placementId === p.placementId);
          return (
            <Stack gap="xs" key={p.placementId}>
              <Checkbox
                label={`Saw ${p.pupilName}`}
                checked={Boolean(entry)}
                disabled={!editable}
                onChange={(e) =>
                  onChange(
                    e.currentTarget.checked
                      ? [
                          ...seen,
                          {
                            placementId: p.placementId,
                            pupilName: p.pupilName,
                            learningObservation: '',
                            workScrutiny: '',
                            welfareCheck: '',
                          },
                        ]
                      : seen.filter((s) => s.placementId !== p.placementId),
                  )
                }
              />
              {entry && (
                <>
                  <Textarea
                    label={`Learning observation: ${p.pupilName}`}
                    autosize
                    minRows={1}
                    disabled={!editable}
                    value={entry.learningObservation}
                    onChange={(e) => update(p.placementId, 'learningObservation', e.currentTarget.value)}
                  />
                  <Textarea
                    label={`Work scrutiny: ${p.pupilName}`}
                    autosize
                    minRows={1}
                    disabled={!editable}
                    value={entry.workScrutiny}
                    onChange={(e) => update(p.placementId, 'workScrutiny', e.currentTarget.value)}
                  />
                  <Textarea
                    label={`Welfare check: ${p.pupilName}`}
                    autosize
                    minRows={1}
                    disabled={!editable}
                    value={entry.welfareCheck}
                    onChange={(e) => update(p.placementId, 'welfareCheck', e.currentTarget.value)}
                  />
                </>
              )}
            </Stack>
          );
        })}
      </Stack>
    </Card>
  );
}
