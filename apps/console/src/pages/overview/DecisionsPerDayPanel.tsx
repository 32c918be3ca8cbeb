import { Group, Skeleton, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { QueryState } from '../../components/QueryState';
import { SERIES_LABELS } from './decision-series';
import { OverviewCard } from './Panel';
import type { DecisionDay, Panel } from './use-overview';

// Recharts is most of the overview's weight: the chart loads after the page, which says the numbers in words first.
const DecisionsChart = lazy(() => import('./DecisionsChart').then((m) => ({ default: m.DecisionsChart })));

export function DecisionsPerDayPanel({ panel, days }: { panel: Panel<DecisionDay[]>; days: number }) {
  return (
    <OverviewCard title="Decisions per day" span={2} data-testid="decisions-per-day">
      <QueryState
        result={panel}
        isEmpty={(d) => d.every((day) => day.recorded + day.pendingReview + day.blocked === 0)}
        empty={{ title: `No decisions in the last ${days} days`, hint: 'Automations record them with recordDecision (API explorer).' }}
      >
        {(d) => {
          const totals = SERIES_LABELS.map((s) => ({ ...s, total: d.reduce((sum, day) => sum + day[s.name], 0) }));
          return (
            <figure style={{ margin: 0 }}>
              <Suspense fallback={<Skeleton h={220} aria-hidden />}>
                <DecisionsChart days={d} />
              </Suspense>
              {/* The chart's numbers in words, for screen readers and for colour-blind readers alike. */}
              <Group component="figcaption" gap="md" mt="xs">
                {totals.map((s) => (
                  <Text key={s.name} size="sm">
                    {s.label}: <strong>{s.total}</strong>
                  </Text>
                ))}
                <Text size="xs" c="dimmed">
                  by the UTC day they were recorded
                </Text>
              </Group>
            </figure>
          );
        }}
      </QueryState>
    </OverviewCard>
  );
}
