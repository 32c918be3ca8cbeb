import { BarChart } from '@mantine/charts';
import { Group, Text } from '@mantine/core';
import { QueryState } from '../../components/QueryState';
import { OverviewCard } from './Panel';
import type { DecisionsPerDay, Panel } from './use-overview';

const SERIES = [
  { name: 'recorded', label: 'Recorded', color: 'indigo.6' },
  { name: 'pendingReview', label: 'Pending review', color: 'yellow.6' },
  { name: 'blocked', label: 'Blocked', color: 'red.7' },
] as const;

export function DecisionsPerDayPanel({ panel, days }: { panel: Panel<DecisionsPerDay>; days: number }) {
  return (
    <OverviewCard title="Decisions per day" span={2} data-testid="decisions-per-day">
      <QueryState
        result={panel}
        isEmpty={(d) => d.days.every((day) => day.recorded + day.pendingReview + day.blocked === 0)}
        empty={{ title: `No decisions in the last ${days} days`, hint: 'Automations record them with recordDecision (API explorer).' }}
      >
        {(d) => {
          const totals = SERIES.map((s) => ({ ...s, total: d.days.reduce((sum, day) => sum + day[s.name], 0) }));
          return (
            <figure style={{ margin: 0 }}>
              <BarChart
                h={220}
                data={d.days.map((day) => ({ ...day, day: day.day.slice(5) }))}
                dataKey="day"
                type="stacked"
                series={SERIES.map((s) => ({ ...s }))}
                withLegend
                legendProps={{ verticalAlign: 'bottom' }}
                tickLine="y"
              />
              {/* The chart's numbers in words, for screen readers and for colour-blind readers alike. */}
              <Group component="figcaption" gap="md" mt="xs">
                {totals.map((s) => (
                  <Text key={s.name} size="sm">
                    {s.label}: <strong>{s.total}</strong>
                  </Text>
                ))}
                <Text size="xs" c="dimmed">
                  by the UTC day they were made{d.partial ? '; the 100 most recent decisions only' : ''}
                </Text>
              </Group>
            </figure>
          );
        }}
      </QueryState>
    </OverviewCard>
  );
}
