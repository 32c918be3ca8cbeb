import { Blockquote, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { PrincipalName } from '../../components/PrincipalName';
import { StatusBadge } from '../../components/status';
import { Timestamp } from '../../components/Timestamp';
import type { DecisionDetail } from './decision-document';

type Contest = DecisionDetail['contests'][number];

/**
 * The person's contests of the decision (contestDecision), oldest first: their reason (redacted as
 * the automation's rules say), when it is due, who relayed it, and the review that answered it.
 * Nothing when it was never contested: the reviewer and the page then read as before.
 */
export function ContestsPanel({ contests }: { contests: Contest[] }) {
  if (contests.length === 0) return null;
  return (
    <Paper withBorder p="sm" data-testid="contests">
      <Title order={2} size="h4" mb="xs">
        Contested by the person decided about
      </Title>
      <Stack gap="sm">
        {contests.map((c) => (
          <ContestItem key={c.id} contest={c} />
        ))}
      </Stack>
    </Paper>
  );
}

function ContestItem({ contest: c }: { contest: Contest }) {
  const open = c.status === 'OPEN';
  return (
    <Stack gap={4} data-testid="contest" data-status={c.status}>
      <Group gap="xs" wrap="wrap">
        <StatusBadge color={open ? 'red' : 'teal'} label={open ? 'open' : 'answered'} />
        <Text size="sm" c="dimmed" component="div">
          contested <Timestamp value={c.contestedAt} inherit /> by <PrincipalName id={c.contestedBy} size="sm" />
          {open ? (
            <>
              {' '}
              · review due <Timestamp value={c.dueAt} inherit />
            </>
          ) : (
            c.resolvedAt && (
              <>
                {' '}
                · answered by a review <Timestamp value={c.resolvedAt} inherit />
              </>
            )
          )}
        </Text>
      </Group>
      <Blockquote p="xs" fz="sm" data-testid="contest-reason">
        {c.reason}
      </Blockquote>
      <Text size="xs" c="dimmed">
        {c.contact ? `Contact: ${c.contact}` : c.hasContact ? 'A contact was given; your role may not read it.' : 'No contact given.'}
      </Text>
    </Stack>
  );
}
