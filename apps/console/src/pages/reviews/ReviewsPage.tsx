import { Alert, Grid, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconCircleCheck } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { usePrincipal } from '../../auth/principal';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, QueryState } from '../../components/QueryState';
import { words } from '../../components/status';
import { KeyboardHint } from './KeyboardHint';
import { QueueTable } from './QueueTable';
import { ReviewFilters } from './ReviewFilters';
import { ReviewItemPanel } from './ReviewItemPanel';
import { reviewsRoute } from './route';
import type { ReviewSearch } from './search';
import { QUEUE_SIZE, useReviewQueue } from './use-review-queue';
import type { Reviewed } from './VerdictForm';

/**
 * The decisions waiting for a person, longest waiting first, beside the open item (claimed while it is
 * open) and its verdict form. Filters and the open item are in the URL. docs/console.md, "Review queue".
 */
export function ReviewsPage() {
  const search = reviewsRoute.useSearch();
  const navigate = useNavigate({ from: reviewsRoute.fullPath });
  const me = usePrincipal();
  const { result, items, refetch } = useReviewQueue(search, me.id);
  const [done, setDone] = useState<{ key: string; outcome: string } | null>(null);
  // The SLA words count from when the queue was read (the API's waitingSeconds is from then too).
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => setNow(Date.now()), [result.data]);

  const open = (item: string | undefined) => void navigate({ search: (s: ReviewSearch) => ({ ...s, item }), replace: true });
  const step = (delta: 1 | -1) => {
    if (!items?.length) return;
    const at = items.findIndex((e) => e.decision.id === search.item);
    const next = at === -1 ? (delta > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, at + delta));
    setDone(null);
    open(items[next].decision.id);
  };
  useHotkeys([
    ['j', () => step(1)],
    ['ArrowDown', () => step(1)],
    ['k', () => step(-1)],
    ['ArrowUp', () => step(-1)],
    ['Escape', () => open(undefined)],
  ]);
  const reviewed = (decision: Reviewed, key: string) => {
    setDone({ key, outcome: words(decision.outcome) });
    open(undefined);
    refetch();
  };

  return (
    <>
      <PageHeader
        title="Review queue"
        description="Decisions waiting for a person: those the person decided about contested first, then the longest waiting. Opening one claims it for you; filters are part of the address."
      />
      <ReviewFilters search={search} onApply={(filters) => void navigate({ search: { ...filters, item: search.item } })} />
      <KeyboardHint />
      {done && (
        <Alert
          color="teal"
          variant="light"
          icon={<IconCircleCheck aria-hidden />}
          role="status"
          mb="md"
          data-testid="review-done"
          title="Reviewed"
        >
          <Text size="sm">
            {done.key} is {done.outcome}. Press j for the next item.
          </Text>
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          {result.error && result.data && <ApiErrorAlert error={result.error} />}
          <QueryState
            result={result}
            loadingLabel="Loading the review queue…"
            isEmpty={(data) => data.reviewQueue.edges.length === 0}
            empty={{
              title: 'Nothing waits for review',
              hint: 'No decision you may review matches these filters. Decisions a policy sends to review appear here.',
            }}
          >
            {(data) => (
              <>
                <QueueTable
                  items={items ?? []}
                  selected={search.item}
                  me={me.id}
                  now={now}
                  onSelect={(id) => {
                    setDone(null);
                    open(id);
                  }}
                />
                <Text size="xs" c="dimmed" mt={4}>
                  {data.reviewQueue.pageInfo.hasNextPage
                    ? `The ${QUEUE_SIZE} waiting longest; the others follow as these are reviewed.`
                    : `${data.reviewQueue.edges.length} waiting.`}
                </Text>
              </>
            )}
          </QueryState>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          {search.item ? (
            <ReviewItemPanel key={search.item} decisionId={search.item} onQueueChanged={refetch} onReviewed={reviewed} />
          ) : (
            <EmptyState title="Open an item to review it">Click one in the queue, or press j. Opening it claims it for you.</EmptyState>
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}
