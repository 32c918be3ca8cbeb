import { Button, Group, Paper, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useCan, usePrincipal } from '../../auth/principal';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { HeldBy, ReviewRefusalAlert } from './ReviewRefusalAlert';
import { AssignReviewDocument, ReleaseReviewDocument, ReviewerChoicesDocument } from './review-queue.queries';
import { clockTime } from './review-errors';
import type { ClaimState } from './use-review-claim';

/**
 * Who holds the open item, in words, and (compliance officers, admins) assigning it to a reviewer or
 * releasing someone's hold. `onHolderChanged` claims again and refetches the queue.
 */
export function ClaimBar({ decisionId, state, onHolderChanged }: { decisionId: string; state: ClaimState; onHolderChanged: () => void }) {
  const can = useCan();
  const me = usePrincipal();
  const mayAssign = can('assign', 'Decision');
  const [assignee, setAssignee] = useState<string | null>(null);
  const [assigned, assign] = useMutation(AssignReviewDocument);
  const [released, release] = useMutation(ReleaseReviewDocument);
  const [reviewers] = useQuery({ query: ReviewerChoicesDocument, pause: !mayAssign });
  const choices = [...(reviewers.data?.officers.edges ?? []), ...(reviewers.data?.admins.edges ?? [])]
    .map((e) => e.node)
    .filter((p, i, all) => !p.disabledAt && all.findIndex((q) => q.id === p.id) === i)
    .map((p) => ({ value: p.id, label: p.id === me.id ? `${p.name} (you)` : p.name }));

  const onAssign = async () => {
    if (!assignee) return;
    const result = await assign({ id: decisionId, principalId: assignee });
    if (!result.error) onHolderChanged();
  };
  const onRelease = async () => {
    const result = await release({ id: decisionId });
    if (!result.error) onHolderChanged();
  };

  return (
    <Paper withBorder p="sm" data-testid="claim">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Text size="sm" data-testid="claim-status">
          {state.status === 'claiming' && 'Claiming this item for you…'}
          {state.status === 'mine' &&
            (state.entry.claim?.expiresAt
              ? `You hold this item: your claim is renewed while it stays open (until ${clockTime(state.entry.claim.expiresAt)} for now).`
              : 'Assigned to you: you hold it until you review or release it.')}
          {state.status === 'held' && <HeldBy holderId={state.refusal.holderId} expiresAt={state.refusal.expiresAt} />}
          {state.status === 'refused' && 'You could not claim this item.'}
        </Text>
        {mayAssign && (
          <Group gap="xs" align="flex-end">
            <Select
              label="Assign to"
              placeholder={reviewers.error ? 'Reviewers could not be listed' : 'A reviewer'}
              data={choices}
              value={assignee}
              onChange={setAssignee}
              searchable
              size="xs"
              w={200}
            />
            <Button size="xs" variant="default" disabled={!assignee} loading={assigned.fetching} onClick={() => void onAssign()}>
              Assign
            </Button>
            {state.status === 'held' && (
              <Button size="xs" variant="default" loading={released.fetching} onClick={() => void onRelease()}>
                Release their hold
              </Button>
            )}
          </Group>
        )}
      </Group>
      {state.status === 'refused' && <ReviewRefusalAlert refusal={state.refusal} />}
      {assigned.error && <ApiErrorAlert error={assigned.error} title="The assignment was refused" />}
      {released.error && <ApiErrorAlert error={released.error} title="The release was refused" />}
    </Paper>
  );
}
