import { Center, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { ApiErrorAlert } from './ApiErrorAlert';

/** Loading: a spinner with words for screen readers. */
export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="sm" aria-hidden />
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Stack>
    </Center>
  );
}

/** Nothing to show, with why and (optionally) what to do about it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Paper withBorder p="lg" data-testid="empty-state">
      <Stack align="center" gap={4}>
        <IconInbox size={28} stroke={1.5} aria-hidden />
        <Text fw={500}>{title}</Text>
        {children && (
          <Text size="sm" c="dimmed" ta="center">
            {children}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

interface QueryStateProps<T> {
  result: { data?: T; fetching: boolean; error?: CombinedError };
  /** True when the data has nothing to show: the empty state replaces children. */
  isEmpty?: (data: T) => boolean;
  empty?: { title: string; hint?: ReactNode };
  loadingLabel?: string;
  children: (data: T) => ReactNode;
}

/**
 * The three states every list and panel has, in one place: loading (first fetch), the API's error
 * (message and code), empty; then the data. Refetches keep showing the data they replace.
 */
export function QueryState<T>({ result, isEmpty, empty, loadingLabel, children }: QueryStateProps<T>) {
  if (result.error && !result.data) return <ApiErrorAlert error={result.error} />;
  if (!result.data) return <LoadingState label={loadingLabel} />;
  if (isEmpty?.(result.data)) return <EmptyState title={empty?.title ?? 'Nothing here yet'}>{empty?.hint}</EmptyState>;
  return <>{children(result.data)}</>;
}
