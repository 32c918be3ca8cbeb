import { useCallback, useState } from 'react';

/**
 * Cursor paging for a Relay connection: the cursors of the pages seen so far, so "Previous" goes
 * back without a backward cursor. `resetKey` (the filters and sort, serialised) starts again at the
 * first page whenever it changes, as a cursor belongs to its filter and sort.
 */
export type CursorPages = ReturnType<typeof useCursorPages>;

export function useCursorPages(resetKey: string) {
  const [state, setState] = useState<{ key: string; cursors: (string | null)[] }>({ key: resetKey, cursors: [null] });
  const cursors = state.key === resetKey ? state.cursors : [null];
  const next = useCallback(
    (endCursor: string | null | undefined) => {
      if (endCursor) setState({ key: resetKey, cursors: [...cursors, endCursor] });
    },
    [cursors, resetKey],
  );
  const previous = useCallback(() => setState({ key: resetKey, cursors: cursors.slice(0, -1) }), [cursors, resetKey]);
  return { after: cursors[cursors.length - 1] ?? undefined, page: cursors.length, next, previous, hasPrevious: cursors.length > 1 };
}
