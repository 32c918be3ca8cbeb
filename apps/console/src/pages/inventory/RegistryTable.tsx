import { Group, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { DataTable, type DataTableColumn } from 'mantine-datatable';
import { useState, type ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { CursorPager } from '../../components/CursorPager';
import { QueryState } from '../../components/QueryState';
import type { useCursorPages } from '../../components/useCursorPages';
import type { RegistryListSearch } from './search';

export const PAGE_SIZE = 25;

interface Connection<T> {
  edges: { node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

interface RegistryTableProps<T, D> {
  /** "models": the table's name for screen readers and the pager. */
  noun: string;
  search: RegistryListSearch;
  /** Merges a change into the URL's search parameters. */
  onSearch: (change: Partial<RegistryListSearch>) => void;
  /** The query's result; `select` picks the connection out of its data. */
  result: { data?: D; fetching: boolean; error?: CombinedError };
  select: (data: D) => Connection<T>;
  pages: ReturnType<typeof useCursorPages>;
  columns: DataTableColumn<T>[];
  /** Filters beside the search box (Selects bound to the URL). */
  filters?: ReactNode;
  searchLabel: string;
}

/**
 * One registry's list: a search box and filters (in the URL), a sortable table (name or registration
 * time, sorted by the API, so every page is in order), and cursor paging.
 */
export function RegistryTable<T extends { id: string }, D>({
  noun,
  search,
  onSearch,
  result,
  select,
  pages,
  columns,
  filters,
  searchLabel,
}: RegistryTableProps<T, D>) {
  const [text, setText] = useState(search.q ?? '');
  const applySearch = useDebouncedCallback((q: string) => onSearch({ q: q.trim() || undefined }), 300);
  const filtered = Object.values(search).some((v) => v !== undefined);
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm">
        <TextInput
          label={searchLabel}
          leftSection={<IconSearch size={14} aria-hidden />}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            applySearch(event.currentTarget.value);
          }}
          w={280}
        />
        {filters}
      </Group>
      <QueryState
        result={result}
        isEmpty={(data) => select(data).edges.length === 0}
        empty={{ title: `No ${noun}`, hint: filtered ? 'Nothing matches these filters.' : `No ${noun} are registered yet.` }}
      >
        {(data) => {
          const connection = select(data);
          return (
            <>
              <DataTable
                aria-label={noun}
                withTableBorder
                highlightOnHover
                fetching={result.fetching}
                records={connection.edges.map((e) => e.node)}
                columns={columns}
                sortStatus={{ columnAccessor: search.sort ?? 'createdAt', direction: search.sort ? (search.dir ?? 'asc') : 'desc' }}
                onSortStatusChange={(status) => onSearch({ sort: status.columnAccessor as 'name' | 'createdAt', dir: status.direction })}
              />
              <CursorPager label={noun} pages={pages} pageInfo={connection.pageInfo} />
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
