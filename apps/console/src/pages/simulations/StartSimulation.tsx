import { Button, FileInput, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useMutation } from 'urql';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { graphql } from '../../gql';

const SimulateDocument = graphql(`
  mutation SimulatePolicyPack($input: SimulatePolicyPackInput!) {
    simulatePolicyPack(input: $input) {
      id
      status
    }
  }
`);

/** Replays a candidate pack (its policy files, as they would be committed) against the recorded decisions. */
export function StartSimulation() {
  const [files, setFiles] = useState<File[]>([]);
  const [label, setLabel] = useState('');
  const [result, simulate] = useMutation(SimulateDocument);
  const navigate = useNavigate();

  const start = async () => {
    const policies = await Promise.all(files.map(async (file) => ({ name: file.name, content: await file.text() })));
    const outcome = await simulate({ input: { policies, label: label.trim() || undefined } });
    if (outcome.data) void navigate({ to: '/simulations/$id', params: { id: outcome.data.simulatePolicyPack.id } });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="start-simulation-title">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <Stack gap="xs">
          <Title order={2} size="h4" id="start-simulation-title">
            Simulate a candidate pack
          </Title>
          <Text size="sm" c="dimmed">
            The candidate takes the active pack&apos;s place: every recorded decision and lifecycle gate is judged again under both. Nothing
            changes.
          </Text>
          <Group align="flex-end" gap="xs">
            <FileInput
              label="Policy files of the candidate pack"
              description="Every <policy id>.yaml of the pack"
              multiple
              accept=".yaml,.yml"
              value={files}
              onChange={setFiles}
              w={320}
              required
            />
            <TextInput
              label="Label"
              description="e.g. the pull request"
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
              w={240}
            />
            <Button type="submit" disabled={files.length === 0} loading={result.fetching}>
              Start simulation
            </Button>
          </Group>
          {result.error && <ApiErrorAlert error={result.error} title="The simulation was not started" />}
        </Stack>
      </form>
    </Paper>
  );
}
