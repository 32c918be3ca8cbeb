import { Alert, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { PackPreview } from './PackPreview';

const AvailablePacksDocument = graphql(`
  query AvailablePolicyPacks {
    availablePolicyPacks
  }
`);

const PreviewDocument = graphql(`
  query PolicyPackPreview($name: String!) {
    policyPackPreview(name: $name) {
      name
      digest
      activeName
      alreadyActive
      policies {
        id
        change
        fields {
          field
          before
          after
        }
        conditions {
          path
          change
          before
          after
        }
        conditionsBefore
        conditionsAfter
      }
    }
  }
`);

const ActivateDocument = graphql(`
  mutation ActivatePolicyPack($name: String!, $rationale: String!) {
    activatePolicyPack(name: $name, rationale: $rationale) {
      id
      name
      digest
    }
  }
`);

/** docs/api.md: the rationale is 3–2000 characters. */
const RATIONALE = { min: 3, max: 2000 };

/**
 * Admins only (the page hides it from other roles; the API refuses them anyway): choose a pack,
 * read what it would change, then give the rationale and confirm.
 */
export function ActivatePack({ onActivated }: { onActivated: () => void }) {
  const [available] = useQuery({ query: AvailablePacksDocument });
  const [chosen, setChosen] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState<string | null>(null);
  const [rationale, setRationale] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [preview] = useQuery({
    query: PreviewDocument,
    variables: { name: reviewing ?? '' },
    pause: !reviewing,
    requestPolicy: 'network-only',
  });
  const [activation, activate] = useMutation(ActivateDocument);
  const length = rationale.trim().length;

  const confirm = async () => {
    if (!reviewing) return;
    const outcome = await activate({ name: reviewing, rationale: rationale.trim() });
    if (outcome.error) return;
    setDone(reviewing);
    setReviewing(null);
    setChosen(null);
    setRationale('');
    onActivated();
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="activate-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="activate-title">
          Activate another pack
        </Title>
        <Group align="flex-end" gap="xs">
          <Select
            label="Pack on the server"
            data={available.data?.availablePolicyPacks ?? []}
            value={chosen}
            onChange={(value) => {
              setChosen(value);
              setReviewing(null);
              setDone(null);
            }}
            w={240}
          />
          <Button variant="default" disabled={!chosen} onClick={() => setReviewing(chosen)}>
            Review changes
          </Button>
        </Group>
        {available.error && <ApiErrorAlert error={available.error} />}
        {reviewing && (
          <QueryState result={preview} loadingLabel="Comparing the packs…">
            {({ policyPackPreview: p }) => (
              <Stack gap="sm">
                <Text size="sm" fw={500}>
                  {p.activeName
                    ? `What activating "${p.name}" would change against the active pack "${p.activeName}":`
                    : `"${p.name}" would be the first active pack:`}
                </Text>
                {p.alreadyActive ? <Text size="sm">This pack is already active.</Text> : <PackPreview policies={p.policies} />}
                {!p.alreadyActive && (
                  <form
                    onSubmit={(event) => {
                      event.preventDefault();
                      void confirm();
                    }}
                  >
                    <Stack gap="xs">
                      <Textarea
                        label={`Rationale for activating "${p.name}"`}
                        description="Kept with the activation and in the audit trail (3 to 2000 characters)."
                        required
                        autosize
                        minRows={2}
                        value={rationale}
                        error={length > RATIONALE.max ? `At most ${RATIONALE.max} characters` : undefined}
                        onChange={(event) => setRationale(event.currentTarget.value)}
                      />
                      <Group gap="xs">
                        <Button type="submit" loading={activation.fetching} disabled={length < RATIONALE.min || length > RATIONALE.max}>
                          Activate {p.name}
                        </Button>
                        <Button variant="default" onClick={() => setReviewing(null)}>
                          Cancel
                        </Button>
                      </Group>
                    </Stack>
                  </form>
                )}
                {activation.error && <ApiErrorAlert error={activation.error} title="The pack was not activated" />}
              </Stack>
            )}
          </QueryState>
        )}
        {done && (
          <Alert color="green" variant="light" role="status" data-testid="activation-done">
            Pack “{done}” is now active.
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
