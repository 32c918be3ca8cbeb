import { Code, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { AnchorLink } from '../../components/AnchorLink';
import { Timestamp } from '../../components/Timestamp';
import { outcomeText, type SimulationReplay } from './report';

interface Summary {
  decisions: number;
  replayed: number;
  withoutFacts: number;
  failed: number;
  changed: number;
  gatesChecked: number;
  gatesChanged: number;
  gatesNowFailing: number;
  byEffect: { from: string; to: string; count: number }[];
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} ta="right" data-testid={`figure-${label}`}>
        {value.toLocaleString()}
      </Text>
    </Paper>
  );
}

const words = (effect: string) => effect.replace(/_/g, ' ').toLowerCase();

/** A completed simulation: the counts, the flips by effect, policy and automation, example decisions, lifecycle gates. */
export function SimulationReport({ summary, replay }: { summary: Summary; replay: SimulationReplay | null }) {
  const flips = summary.byEffect.filter((e) => e.from !== e.to);
  return (
    <Stack gap="md" data-testid="simulation-report">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label="Decisions read" value={summary.decisions} />
        <Figure label="Replayed" value={summary.replayed} />
        <Figure label="Changed" value={summary.changed} />
        <Figure label="Gates changed" value={summary.gatesChanged} />
      </SimpleGrid>
      {summary.withoutFacts + summary.failed > 0 && (
        <Text size="sm" c="dimmed">
          {summary.withoutFacts} decisions were recorded without an active pack (no facts to replay); {summary.failed} could not be
          evaluated.
        </Text>
      )}
      <Section title="Flips by effect" empty={flips.length === 0 ? 'No decision changes effect.' : null}>
        <Rows head={['From', 'To', 'Decisions']} rows={flips.map((e) => [words(e.from), words(e.to), e.count])} />
      </Section>
      {replay && (
        <>
          <Section title="By policy" empty={replay.byPolicy.length === 0 ? 'No policy matches differently.' : null}>
            <Rows
              head={['Policy', 'Now matches', 'No longer matches']}
              rows={replay.byPolicy.map((p) => [<Code key="id">{p.policyId}</Code>, p.gained, p.lost])}
            />
          </Section>
          <Section title="By automation" empty={replay.byAutomation.length === 0 ? 'No automation has a changed decision.' : null}>
            <Rows
              head={['Automation', 'Changed', 'Flips']}
              rows={replay.byAutomation.map((a) => [
                <Code key="key">{a.automationKey}</Code>,
                a.changed,
                a.byEffect.map((e) => `${words(e.from)} → ${words(e.to)}: ${e.count}`).join('; '),
              ])}
            />
          </Section>
          <Section title="Example decisions" empty={replay.examples.length === 0 ? 'No decision changes.' : null}>
            <Rows
              head={['Decision', 'Automation', 'Recorded', 'Active pack', 'Candidate']}
              rows={replay.examples.map((x) => [
                <AnchorLink key="id" to="/decisions/$id" params={{ id: x.id }} size="sm" ff="monospace">
                  {x.id.slice(0, 8)}
                </AnchorLink>,
                x.automationKey,
                <Timestamp key="at" value={x.recordedAt} />,
                outcomeText(x.base),
                outcomeText(x.head),
              ])}
            />
          </Section>
          <Section
            title={`Lifecycle gates (${replay.gates.checked} checked)`}
            empty={replay.gates.changed.length === 0 ? 'No gate judges differently.' : null}
          >
            <Rows
              head={['Version', 'Status', 'Active pack', 'Candidate']}
              rows={replay.gates.changed.map((g) => [`${g.label} (${g.subjectType})`, g.status, outcomeText(g.base), outcomeText(g.head)])}
            />
          </Section>
        </>
      )}
    </Stack>
  );
}

function Section({ title, empty, children }: { title: string; empty: string | null; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {empty ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        children
      )}
    </Paper>
  );
}

function Rows({ head, rows }: { head: string[]; rows: React.ReactNode[][] }) {
  const numeric = (v: React.ReactNode) => typeof v === 'number';
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table verticalSpacing={4} striped>
        <Table.Thead>
          <Table.Tr>
            {head.map((h, i) => (
              <Table.Th key={h} ta={rows.length > 0 && numeric(rows[0][i]) ? 'right' : undefined}>
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, r) => (
            <Table.Tr key={r}>
              {row.map((cell, c) => (
                <Table.Td key={c} ta={numeric(cell) ? 'right' : undefined}>
                  {typeof cell === 'object' ? cell : <Text size="sm">{cell}</Text>}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
