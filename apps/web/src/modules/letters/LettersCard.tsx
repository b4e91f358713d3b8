import { Accordion, Anchor, Button, Card, Group, Select, Text, Title } from '@mantine/core';
import { maybeDateInWords, momentInWords } from '@waymark/domain';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { Tag } from '../../ui/Tag.tsx';
import { useOrganisation } from '../organisation/organisation.api.ts';
import { useProviderLetters } from './letters.api.ts';
import { SignedLetter } from './SignedLetter.tsx';

/** Asking a provider for its safeguarding assurance letter (Appendix 2), and reading the signed ones. */
export function LettersCard({ providerId, canRequest }: { providerId: string; canRequest: boolean }) {
  const { data: organisation } = useOrganisation();
  const [schoolId, setSchoolId] = useState<string | null>(null);
  const { letters, request } = useProviderLetters(providerId);
  const chosenSchool = schoolId ?? organisation?.schools[0]?.id ?? null;
  const ask = () =>
    request.mutate(chosenSchool, {
      onSuccess: () => notifySuccess('The provider can now complete the letter in the provider portal.'),
    });
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Safeguarding assurance letters
      </Title>
      <ErrorAlert error={letters.error} title="Letters could not be loaded" />
      {letters.data?.letters.length === 0 && <Text mb="sm">None asked for yet.</Text>}
      {letters.data && letters.data.letters.length > 0 && (
        <Accordion mb="md" variant="separated">
          {letters.data.letters.map((letter) => (
            <Accordion.Item key={letter.id} value={letter.id}>
              <Accordion.Control>
                <Group gap="sm">
                  <Text>
                    To {letter.schoolName}, asked {momentInWords(letter.requestedAt)}
                  </Text>
                  <Tag tone={letter.status === 'signed' ? 'positive' : 'warning'}>
                    {letter.status === 'signed'
                      ? `Signed ${maybeDateInWords(letter.content?.signedOn)}`
                      : 'Waiting for the provider'}
                  </Tag>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                {letter.status === 'signed' ? (
                  <SignedLetter letter={letter} />
                ) : (
                  <Text>The provider’s staff complete this in the provider portal.</Text>
                )}
                <Anchor href={`/api/letters/${letter.id}/pdf`} target="_blank" mt="sm" display="inline-block">
                  {letter.status === 'signed'
                    ? 'The signed letter as a PDF'
                    : 'The pre-filled letter as a PDF, to sign by hand'}
                </Anchor>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
      {canRequest && (
        <Group align="flex-end" wrap="wrap">
          <Select
            label="Letter to"
            data={(organisation?.schools ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={chosenSchool}
            onChange={setSchoolId}
            allowDeselect={false}
          />
          <Button variant="outline" onClick={ask} loading={request.isPending} disabled={!chosenSchool}>
            Ask for the letter
          </Button>
        </Group>
      )}
      <ErrorAlert error={request.error} title="The letter was not asked for" />
    </Card>
  );
}
