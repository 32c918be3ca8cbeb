import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { useCan } from '../../auth/principal';
import { graphql } from '../../gql';
import type { LifecycleStatus } from '../../gql/graphql';
import { words } from '../../components/status';
import { movesFrom, type LifecycleMove } from './lifecycle';
import { TransitionRefusal } from './TransitionRefusal';

const TransitionModelVersionDocument = graphql(`
  mutation TransitionModelVersion($id: ID!, $to: LifecycleStatus!, $rationale: String!) {
    transitionModelVersion(id: $id, to: $to, rationale: $rationale) {
      id
      status
    }
  }
`);

const TransitionAutomationVersionDocument = graphql(`
  mutation TransitionAutomationVersion($id: ID!, $to: LifecycleStatus!, $rationale: String!) {
    transitionAutomationVersion(id: $id, to: $to, rationale: $rationale) {
      id
      status
    }
  }
`);

type Subject = 'ModelVersion' | 'AutomationVersion';

/** docs/api.md §6: the rationale is 3–2000 characters. */
const RATIONALE = { min: 3, max: 2000 };

/**
 * The lifecycle moves a version may make from its status, each only where the role may ever make it
 * (useCan); asks for the rationale, then shows the API's refusal in place (a policy's denial, the
 * separation of duties) or calls `onMoved` so the page reloads the history.
 */
export function LifecycleActions({
  subject,
  versionId,
  status,
  onMoved,
}: {
  subject: Subject;
  versionId: string;
  status: LifecycleStatus;
  onMoved: () => void;
}) {
  const can = useCan();
  const [chosen, setChosen] = useState<LifecycleMove | null>(null);
  const [rationale, setRationale] = useState('');
  const [done, setDone] = useState<{ asked: LifecycleStatus; now: LifecycleStatus } | null>(null);
  const [modelResult, moveModel] = useMutation(TransitionModelVersionDocument);
  const [automationResult, moveAutomation] = useMutation(TransitionAutomationVersionDocument);
  const result = subject === 'ModelVersion' ? modelResult : automationResult;
  const moves = movesFrom(status).filter((m) => can(m.ability, subject));
  const [refusedMove, setRefusedMove] = useState<LifecycleMove | null>(null);

  const submit = async () => {
    if (!chosen) return;
    const variables = { id: versionId, to: chosen.to, rationale: rationale.trim() };
    const outcome = subject === 'ModelVersion' ? await moveModel(variables) : await moveAutomation(variables);
    if (outcome.error) {
      setRefusedMove(chosen);
      return;
    }
    const now =
      outcome.data && 'transitionModelVersion' in outcome.data
        ? outcome.data.transitionModelVersion.status
        : outcome.data?.transitionAutomationVersion.status;
    setDone({ asked: chosen.to, now: now ?? chosen.to });
    setRefusedMove(null);
    setChosen(null);
    setRationale('');
    onMoved();
  };

  const length = rationale.trim().length;
  const rationaleError = length > RATIONALE.max ? `At most ${RATIONALE.max} characters` : undefined;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="lifecycle-actions-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="lifecycle-actions-title">
          Lifecycle actions
        </Title>
        {moves.length === 0 ? (
          <Text size="sm" c="dimmed">
            {status === 'RETIRED' ? 'A retired version is final.' : 'Your roles make no move from this status.'}
          </Text>
        ) : (
          <Group gap="xs">
            {moves.map((move) => (
              <Button
                key={move.to}
                size="xs"
                variant={chosen?.to === move.to ? 'filled' : 'light'}
                onClick={() => {
                  setChosen(move);
                  setDone(null);
                  setRefusedMove(null);
                }}
              >
                {move.label}
              </Button>
            ))}
          </Group>
        )}
        {chosen && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            <Stack gap="xs">
              <Textarea
                label={`Rationale for "${chosen.label}"`}
                description="Kept in the lifecycle history and the audit trail (3 to 2000 characters)."
                required
                autosize
                minRows={2}
                value={rationale}
                error={rationaleError}
                onChange={(event) => setRationale(event.currentTarget.value)}
              />
              <Group gap="xs">
                <Button type="submit" size="xs" loading={result.fetching} disabled={length < RATIONALE.min || !!rationaleError}>
                  {chosen.label}
                </Button>
                <Button size="xs" variant="default" onClick={() => setChosen(null)}>
                  Cancel
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {refusedMove && result.error && <TransitionRefusal error={result.error} />}
        {done && (
          <Alert color={done.now === done.asked ? 'green' : 'blue'} variant="light" role="status" data-testid="transition-done">
            {done.now === done.asked
              ? `The version is now ${words(done.now)}.`
              : `Your approval is recorded; the version stays ${words(done.now)} until the active policy pack's other approvals are given.`}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
