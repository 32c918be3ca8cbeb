import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconBan, IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { useCan } from '../../auth/principal';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { SubjectExplanationView } from './SubjectExplanationView';
import { SubjectExplanationDocument } from './subject-explanation.queries';

/**
 * "People decided about": a compliance officer enters the reference the automations recorded as
 * subjectRef and hands the person their explanation (PDF, HTML) or relays their contest. The
 * reference identifies a person: it stays in this component's state, never in the URL or storage.
 */
export function SubjectsPage() {
  const can = useCan();
  return (
    <>
      <PageHeader
        title="People decided about"
        description="Every automated decision about one person, explained in plain language, to hand over or contest on their behalf."
      />
      {can('explain', 'Decision') ? (
        <SubjectSearch />
      ) : (
        <Alert
          color="gray"
          variant="light"
          title="Your role may not explain decisions"
          icon={<IconBan aria-hidden />}
          data-testid="subjects-refused"
        >
          <Text size="sm">Explanations and contests are for compliance officers and admins; the API refuses them to other roles.</Text>
        </Alert>
      )}
    </>
  );
}

function SubjectSearch() {
  const [draft, setDraft] = useState('');
  const [subjectRef, setSubjectRef] = useState('');
  const [result, refetch] = useQuery({
    query: SubjectExplanationDocument,
    variables: { subjectRef },
    pause: !subjectRef,
    // Each call is audited (subject.explained) and what it says changes with reviews: always ask.
    requestPolicy: 'network-only',
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ref = draft.trim();
    if (ref === subjectRef) refetch({ requestPolicy: 'network-only' });
    else setSubjectRef(ref);
  };

  return (
    <Stack gap="md">
      <Paper withBorder p="sm" component="form" onSubmit={submit} aria-label="Find a person" autoComplete="off">
        <Group align="flex-end" gap="sm">
          <TextInput
            label="The person's reference"
            description="The identifier the automation recorded as subjectRef (a customer number, a case reference). Hashed by the API, never stored or put in the address."
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            style={{ flex: 1 }}
            autoComplete="off"
            spellCheck={false}
            required
          />
          <Button type="submit" leftSection={<IconSearch size={16} aria-hidden />} disabled={!draft.trim()} loading={result.fetching}>
            Explain
          </Button>
        </Group>
      </Paper>
      {subjectRef && (
        <QueryState
          result={result}
          loadingLabel="Explaining the decisions about this person…"
          isEmpty={(data) => data.subjectExplanation.decisions.length === 0}
          empty={{
            title: 'No decision is about this person',
            hint: 'None that you may explain was recorded with this reference. Check it is the exact subjectRef the automation sent.',
          }}
        >
          {(data) => (
            <SubjectExplanationView explanation={data.subjectExplanation} onContested={() => refetch({ requestPolicy: 'network-only' })} />
          )}
        </QueryState>
      )}
    </Stack>
  );
}
