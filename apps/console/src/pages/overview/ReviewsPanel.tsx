import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { QueryState } from '../../components/QueryState';
import { StatusBadge } from '../../components/status';
import { formatDuration } from '../../components/duration';
import { OverviewCard } from './Panel';
import type { Panel, ReviewBacklog } from './use-overview';

export function ReviewsPanel({ panel }: { panel: Panel<ReviewBacklog> }) {
  return (
    <OverviewCard title="Reviews waiting" data-testid="reviews-waiting">
      <QueryState result={panel}>
        {(d) => (
          <Stack gap="xs">
            <Group align="baseline" gap="xs">
              <Text fz={32} fw={600} lh={1} data-testid="reviews-waiting-count">
                {d.waiting}
              </Text>
              <Text size="sm" c="dimmed">
                {d.waiting === 1 ? 'decision waits' : 'decisions wait'} for a human review
              </Text>
            </Group>
            <Text size="sm">
              {d.oldestWaitingSeconds === null ? (
                'Nothing is waiting.'
              ) : (
                <>
                  The oldest has waited <strong>{formatDuration(d.oldestWaitingSeconds)}</strong>.
                </>
              )}
            </Text>
            <Group gap="xs" data-testid="reviews-overdue">
              {d.overdue === 0 ? (
                <Text size="sm">None is past its due time.</Text>
              ) : (
                <>
                  <StatusBadge color="red" label={`${d.overdue} overdue`} />
                  <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/reviews" search={{ overdue: true }} />}>
                    See the overdue ones
                  </Anchor>
                </>
              )}
              <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/reviews" />}>
                Open the review queue
              </Anchor>
            </Group>
          </Stack>
        )}
      </QueryState>
    </OverviewCard>
  );
}
