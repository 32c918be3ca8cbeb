import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';

export interface MonitorChartProps {
  points: { day: string; value: number | null }[];
  warnAt: number;
  alertAt: number;
  format: (value: number) => string;
}

/**
 * A monitor's daily value as a line, its warn and alert thresholds as reference lines; loaded on its
 * own (Recharts is most of its weight) after the monitor's numbers. Days without data are gaps; a lone day is its dot.
 */
export default function MonitorChart({ points, warnAt, alertAt, format }: MonitorChartProps) {
  const highest = Math.max(alertAt, ...points.map((p) => p.value ?? 0));
  return (
    <LineChart
      h={160}
      data={points.map((p) => ({ day: p.day.slice(5), value: p.value }))}
      dataKey="day"
      series={[{ name: 'value', label: 'Value', color: 'indigo.7' }]}
      referenceLines={[
        // Alert's label above its line, warn's below its own (Recharts: "insideBottom" is above a line),
        // so close thresholds keep their labels apart.
        { y: warnAt, label: `warn ${format(warnAt)}`, color: 'yellow.9', labelPosition: 'insideTopLeft' },
        { y: alertAt, label: `alert ${format(alertAt)}`, color: 'red.8', labelPosition: 'insideBottomLeft' },
      ]}
      yAxisProps={{ domain: [0, highest * 1.1] }}
      valueFormatter={format}
      curveType="linear"
      connectNulls={false}
      dotProps={{ r: 2 }}
      tickLine="y"
      gridAxis="y"
    />
  );
}
