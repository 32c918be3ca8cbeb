import { Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import type { CursorPages } from './useCursorPages';

/**
 * Previous / next for a cursor-paged list: the pages seen (useCursorPages) and the connection's
 * pageInfo. The API gives no total, so no page count.
 */
export function CursorPager({
  pages,
  pageInfo,
  label,
}: {
  pages: CursorPages;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  label: string;
}) {
  const { page, hasPrevious, previous: onPrevious } = pages;
  const hasNext = pageInfo.hasNextPage;
  const onNext = () => pages.next(pageInfo.endCursor);
  return (
    <Group justify="space-between" mt="sm" component="nav" aria-label={`${label} pages`}>
      <Text size="sm" c="dimmed">
        Page {page}
      </Text>
      <Group gap="xs">
        <Button
          variant="default"
          size="xs"
          leftSection={<IconChevronLeft size={14} aria-hidden />}
          disabled={!hasPrevious}
          onClick={onPrevious}
        >
          Previous
        </Button>
        <Button variant="default" size="xs" rightSection={<IconChevronRight size={14} aria-hidden />} disabled={!hasNext} onClick={onNext}>
          Next
        </Button>
      </Group>
    </Group>
  );
}
