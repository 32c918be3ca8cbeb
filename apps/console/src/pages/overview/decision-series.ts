/** The chart's series, its legend and the totals under it: one list, so they say the same. */
export const SERIES_LABELS = [
  { name: 'recorded', label: 'Recorded', color: 'indigo.6' },
  { name: 'pendingReview', label: 'Pending review', color: 'yellow.6' },
  { name: 'blocked', label: 'Blocked', color: 'red.7' },
] as const;
