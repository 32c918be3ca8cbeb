import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';

/** Signed feature weights as horizontal bars, largest first: towards the output in the accent colour, against it in red. */
export default function AttributionChart({ data }: { data: { feature: string; weight: number }[] }) {
  return (
    <div role="img" aria-label={`Bar chart of ${data.length} feature attributions; the same values are in the table below`}>
      <BarChart
        h={Math.max(120, data.length * 36 + 40)}
        data={data}
        dataKey="feature"
        orientation="vertical"
        yAxisProps={{ width: 160 }}
        series={[{ name: 'weight', label: 'Weight' }]}
        getBarColor={(value) => (value >= 0 ? 'indigo.7' : 'red.7')}
        withTooltip={false}
        gridAxis="x"
        data-testid="attribution-chart"
      />
    </div>
  );
}
