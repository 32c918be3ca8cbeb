import { Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useQuery } from 'urql';
import { formatMetricValue, metricWords, monitorStatus } from '../../components/monitors';
import { EmptyState, QueryState } from '../../components/QueryState';
import { StatusBadge } from '../../components/status';
import { Timestamp } from '../../components/Timestamp';
import type { VersionMonitorsQuery } from '../../gql/graphql';
import { Facts } from './Facts';
import { MonitorSeriesDocument, VersionMonitorsDocument } from './monitors.queries';

// Recharts is most of the chart's weight: loaded with the first monitor, so the page's first load stays small.
const MonitorChart = lazy(() => import('./MonitorChart'));

const SERIES_DAYS = 30;
type Monitor = VersionMonitorsQuery['monitors'][number];

/** A UTC day `offset` days from today, YYYY-MM-DD (the series' days are UTC days). */
const utcDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** An automation version's drift monitors: each one's state, value, thresholds, and its last 30 days as a chart. */
export function MonitorsSection({ automationVersionId }: { automationVersionId: string }) {
  const [result] = useQuery({ query: VersionMonitorsDocument, variables: { automationVersionId }, requestPolicy: 'cache-and-network' });
  return (
    <Stack gap="sm" component="section" aria-labelledby="monitors-title" data-testid="monitors">
      <Title order={3} size="h5" id="monitors-title">
        Monitors
      </Title>
      <QueryState result={result}>
        {({ monitors }) =>
          monitors.length === 0 ? (
            <EmptyState title="No drift monitors">
              A compliance officer defines them through the API (defineMonitor): confidence and label shift, override and blocked rates.
            </EmptyState>
          ) : (
            monitors.map((m) => <MonitorCard key={m.id} monitor={m} automationVersionId={automationVersionId} />)
          )
        }
      </QueryState>
    </Stack>
  );
}

function MonitorCard({ monitor: m, automationVersionId }: { monitor: Monitor; automationVersionId: string }) {
  const format = (value: number) => formatMetricValue(m.metric, value);
  const headingId = `monitor-${m.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId} data-testid="monitor">
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={4} size="h6" id={headingId}>
            {metricWords(m.metric)}
          </Title>
          <StatusBadge {...monitorStatus(m.state)} testId="monitor-state" />
          <Text size="sm" c="dimmed" span>
            since <Timestamp value={m.stateSince} span />
          </Text>
        </Group>
        <Facts
          items={[
            { label: 'Value', value: formatMetricValue(m.metric, m.value) },
            { label: 'Thresholds', value: `warn from ${format(m.warnAt)}, alert from ${format(m.alertAt)}` },
            { label: 'Window', value: `the last ${m.windowDays} ${m.windowDays === 1 ? 'day' : 'days'} (UTC), today included` },
            {
              label: 'Reference',
              value:
                m.referenceDecisions !== null && m.referenceDecisions !== undefined
                  ? `the version's first ${m.referenceDecisions} decisions`
                  : `${m.referenceFrom} to ${m.referenceTo} (UTC days)`,
            },
            { label: 'Last evaluated', value: m.evaluatedAt ? <Timestamp value={m.evaluatedAt} span /> : 'not yet' },
          ]}
        />
        <MonitorSeries monitor={m} automationVersionId={automationVersionId} format={format} />
      </Stack>
    </Paper>
  );
}

function MonitorSeries({
  monitor: m,
  automationVersionId,
  format,
}: {
  monitor: Monitor;
  automationVersionId: string;
  format: (v: number) => string;
}) {
  const [result] = useQuery({
    query: MonitorSeriesDocument,
    variables: { automationVersionId, metric: m.metric, from: utcDay(1 - SERIES_DAYS), to: utcDay(0) },
    requestPolicy: 'cache-and-network',
  });
  return (
    <QueryState result={result} loadingLabel="Loading the last 30 days…">
      {({ monitorSeries: points }) => {
        const count = (state: string) => points.filter((p) => p.state === state).length;
        return (
          <figure style={{ margin: 0 }} data-testid="monitor-chart">
            <div
              role="img"
              aria-label={`Line chart of the ${metricWords(m.metric)} per day over the last ${SERIES_DAYS} days, with its thresholds`}
            >
              <Suspense fallback={<Skeleton h={160} aria-hidden />}>
                <MonitorChart points={points} warnAt={m.warnAt} alertAt={m.alertAt} format={format} />
              </Suspense>
            </div>
            {/* The chart in words, for screen readers and for colour-blind readers alike. */}
            <Text component="figcaption" size="xs" c="dimmed" mt={4}>
              Last {SERIES_DAYS} UTC days, each day's {m.windowDays}-day window: {count('ALERT')} at alert, {count('WARN')} at warning,{' '}
              {count('OK')} ok, {count('NO_DATA')} without data.
            </Text>
          </figure>
        );
      }}
    </QueryState>
  );
}
