import { CodeBlock } from '../../components/CodeBlock';
import { Anchor, Badge, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { lazy, Suspense } from 'react';
import { CopyableValue } from '../../components/CopyableValue';
import { EmptyState, LoadingState } from '../../components/QueryState';
import type { ExplanationStep } from './decision-document';
import { Withheld } from './JsonPanel';

// Recharts is most of the chart's weight: loaded with the chart, so the page's first load stays small.
const AttributionChart = lazy(() => import('./AttributionChart'));

type Step<T extends ExplanationStep['__typename']> = Extract<ExplanationStep, { __typename: T }>;

const of = <T extends ExplanationStep['__typename']>(steps: ExplanationStep[], kind: T) =>
  steps.filter((s): s is Step<T> => s.__typename === kind);

/**
 * The explanation trace for a reader: what pushed the model (feature attributions, as a chart and
 * as a table with the values it saw), the rules that fired, what was retrieved and from where, and
 * the model and tool calls, each with its position in the trace.
 */
export function ExplanationTrace({ steps, quotesWithheld }: { steps: ExplanationStep[]; quotesWithheld: boolean }) {
  if (steps.length === 0) return <EmptyState title="No explanation trace">The automation recorded this decision without one.</EmptyState>;
  const attributions = of(steps, 'FeatureAttributionStep');
  const rules = of(steps, 'RuleFiredStep');
  const retrievals = of(steps, 'RetrievalStep');
  const llmCalls = of(steps, 'LlmCallStep');
  const toolCalls = of(steps, 'ToolCallStep');
  const notes = of(steps, 'NoteStep');
  return (
    <Stack gap="md">
      {quotesWithheld && (
        <Text size="sm" c="dimmed" data-testid="trace-quotes-withheld">
          The values, prompts and completions the trace quotes are withheld from your role, with the input.
        </Text>
      )}
      {attributions.length > 0 && <Attributions steps={attributions} quotesWithheld={quotesWithheld} />}
      {rules.length > 0 && (
        <Section title="Rules fired" testId="trace-rules">
          <StepTable head={['#', 'Rule', 'Outcome']} rows={rules.map((r) => [r.position, <Code key="r">{r.ruleId}</Code>, r.outcome])} />
        </Section>
      )}
      {retrievals.length > 0 && (
        <Section title="Retrievals" testId="trace-retrievals">
          <StepTable
            head={['#', 'Source', 'Content digest', 'Score']}
            rows={retrievals.map((r) => [
              r.position,
              <SourceUri key="s" uri={r.sourceUri} />,
              <Digest key="d" value={r.digest} />,
              r.score ?? '—',
            ])}
          />
        </Section>
      )}
      {llmCalls.length > 0 && (
        <Section title="Language model calls" testId="trace-llm-calls">
          {llmCalls.map((call) => (
            <Paper key={call.position} withBorder p="xs">
              <Group gap="xs" mb={4}>
                <Badge variant="outline" color="gray">
                  #{call.position}
                </Badge>
                <Text size="sm" fw={500}>
                  {call.model}
                </Text>
                <Text size="xs" c="dimmed">
                  {call.promptTokens ?? '?'} prompt tokens, {call.completionTokens ?? '?'} completion tokens
                </Text>
              </Group>
              <Text size="xs">
                Prompt digest <Digest value={call.promptDigest} />
              </Text>
              {quotesWithheld ? (
                <Withheld what="prompts and completions" />
              ) : (
                <>
                  <Quote label="Prompt" text={call.prompt} />
                  <Quote label="Completion" text={call.completion} />
                </>
              )}
            </Paper>
          ))}
        </Section>
      )}
      {toolCalls.length > 0 && (
        <Section title="Tool calls" testId="trace-tool-calls">
          <StepTable
            head={['#', 'Tool', 'Arguments digest', 'Result digest']}
            rows={toolCalls.map((t) => [
              t.position,
              <Code key="n">{t.name}</Code>,
              <Digest key="a" value={t.argsDigest} />,
              <Digest key="r" value={t.resultDigest} />,
            ])}
          />
        </Section>
      )}
      {notes.length > 0 && (
        <Section title="Notes" testId="trace-notes">
          <StepTable head={['#', 'Note']} rows={notes.map((n) => [n.position, n.text])} />
        </Section>
      )}
    </Stack>
  );
}

function Attributions({ steps, quotesWithheld }: { steps: Step<'FeatureAttributionStep'>[]; quotesWithheld: boolean }) {
  const data = [...steps].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).map((s) => ({ feature: s.feature, weight: s.weight }));
  return (
    <Section title="Feature attributions" testId="trace-attributions">
      <Text size="xs" c="dimmed">
        Each feature&apos;s signed contribution to the output (e.g. SHAP): to the right pushed towards it, to the left against it.
      </Text>
      <Suspense fallback={<LoadingState label="Drawing the chart…" />}>
        <AttributionChart data={data} />
      </Suspense>
      <StepTable
        head={['#', 'Feature', 'Value the model saw', 'Weight']}
        rows={steps.map((s) => [
          s.position,
          <Code key="f">{s.feature}</Code>,
          quotesWithheld ? 'withheld' : s.value === null || s.value === undefined ? '—' : JSON.stringify(s.value),
          s.weight.toFixed(3),
        ])}
      />
    </Section>
  );
}

function Section({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) {
  return (
    <Stack gap={6} data-testid={testId}>
      <Title order={4} size="h6">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** A small table of steps (mantine-datatable, as every table of the console). */
export function StepTable({ head, rows, label }: { head: string[]; rows: React.ReactNode[][]; label?: string }) {
  return (
    <DataTable
      withTableBorder
      striped
      aria-label={label}
      records={rows.map((cells, index) => ({ index, cells }))}
      idAccessor="index"
      columns={head.map((title, i) => ({
        accessor: `c${i}`,
        title,
        textAlign: title === 'Weight' || title === 'Score' || title === '#' ? ('right' as const) : undefined,
        render: (row: { cells: React.ReactNode[] }) => row.cells[i],
      }))}
    />
  );
}

function Quote({ label, text }: { label: string; text: string | null | undefined }) {
  return (
    <Stack gap={2} mt={6}>
      <Text size="xs" fw={500}>
        {label}
      </Text>
      {text ? (
        <CodeBlock label={label}>{text}</CodeBlock>
      ) : (
        <Text size="xs" c="dimmed">
          not recorded
        </Text>
      )}
    </Stack>
  );
}

function Digest({ value }: { value: string | null | undefined }) {
  return value ? <CopyableValue value={value} label="digest" /> : <>—</>;
}

/** A source as a link only when a browser can open it (http/https); s3://, file paths and the like as text. */
function SourceUri({ uri }: { uri: string }) {
  return /^https?:\/\//.test(uri) ? (
    <Anchor href={uri} target="_blank" rel="noreferrer noopener" size="sm">
      {uri}
    </Anchor>
  ) : (
    <Code style={{ wordBreak: 'break-all' }}>{uri}</Code>
  );
}
