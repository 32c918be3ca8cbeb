import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { SERIES_LABELS } from './decision-series';
import type { DecisionDay } from './use-overview';

/** The stacked bars; loaded on its own (Recharts is most of its weight), after the page's numbers. */
export function DecisionsChart({ days }: { days: DecisionDay[] }) {
  return (
    <BarChart
      h={220}
      data={days.map((day) => ({ ...day, day: day.day.slice(5) }))}
      dataKey="day"
      type="stacked"
      series={SERIES_LABELS.map((s) => ({ ...s }))}
      withLegend
      legendProps={{ verticalAlign: 'bottom' }}
      tickLine="y"
    />
  );
}
