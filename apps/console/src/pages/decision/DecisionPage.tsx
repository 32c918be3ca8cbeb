import { CodeBlock } from '../../components/CodeBlock';
import 'mantine-datatable/styles.css';
import { Anchor, Button, Code, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useQuery } from 'urql';
import { useCan } from '../../auth/principal';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, QueryState } from '../../components/QueryState';
import { CopyableValue } from '../../components/CopyableValue';
import { ExploreLineageLink } from '../../components/ExploreLineageLink';
import { words } from '../../components/status';
import { Timestamp } from '../../components/Timestamp';
import { confidenceText } from '../decisions/format';
import { StatusBadge } from '../decisions/StatusBadge';
import { DecisionDetailDocument, withheldParts, type DecisionDetail } from './decision-document';
import { ExplanationTrace, StepTable } from './ExplanationTrace';
import { JsonPanel, Withheld } from './JsonPanel';
import { LineageChain } from './LineageChain';
import { PolicyEvaluationPanel } from './PolicyEvaluationPanel';
import { decisionRoute } from './route';
import { SealVerificationPanel } from './SealVerificationPanel';
import { ContestsPanel } from './ContestsPanel';

export function DecisionPage() {
  const { id } = decisionRoute.useParams();
  const [result, refetch] = useQuery({ query: DecisionDetailDocument, variables: { id } });
  return (
    <QueryState result={result} loadingLabel="Loading the decision…">
      {({ decision }) => <DecisionView decision={decision} refetch={() => refetch({ requestPolicy: 'network-only' })} />}
    </QueryState>
  );
}

function DecisionView({ decision, refetch }: { decision: DecisionDetail; refetch: () => void }) {
  const can = useCan();
  const withheld = withheldParts(decision);
  return (
    <>
      <PageHeader
        title={`Decision ${decision.idempotencyKey}`}
        description={
          <>
            <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/decisions" />}>
              Decisions
            </Anchor>{' '}
            / <CopyableValue value={decision.id} label="decision id" maxChars={40} />
          </>
        }
        actions={
          <Group gap="xs">
            {can('read', 'EvidencePack') && (
              <Button
                component="a"
                href={`/api/v1/decisions/${decision.id}/evidence.zip`}
                leftSection={<IconDownload size={16} aria-hidden />}
                variant="default"
                size="xs"
              >
                Evidence pack
              </Button>
            )}
            <ExploreLineageLink type="DECISION" id={decision.id} />
            <StatusBadge status={decision.status} />
            {decision.outcome !== decision.status && <StatusBadge status={decision.outcome} />}
          </Group>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Summary decision={decision} />
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <JsonPanel title="Input" value={decision.input} withheld={withheld.input} />
              <JsonPanel title="Output" value={decision.output} withheld={withheld.output} />
            </SimpleGrid>
            <Paper withBorder p="sm" data-testid="redactions">
              <Title order={2} size="h4" mb="xs">
                Redactions
              </Title>
              {decision.redactions.length === 0 ? (
                <Text size="sm" c="dimmed">
                  Nothing was redacted before it was stored.
                </Text>
              ) : (
                <StepTable
                  label="Redactions"
                  head={['Path', 'Detector', 'Count']}
                  rows={decision.redactions.map((r) => [<Code key="p">{r.path}</Code>, r.detector, r.count])}
                />
              )}
            </Paper>
            <Paper withBorder p="sm" data-testid="explanation">
              <Title order={2} size="h4" mb="xs">
                Why: the explanation trace
              </Title>
              <ExplanationTrace steps={decision.explanation} quotesWithheld={withheld.traceQuotes} />
            </Paper>
            <PolicyEvaluationPanel evaluation={decision.policyEvaluation} />
            <ContestsPanel contests={decision.contests} />
            <Review decision={decision} outputWithheld={withheld.output} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            {can('read', 'Ledger') && <SealVerificationPanel decision={decision} onRetry={refetch} />}
            {can('read', 'Lineage') && <LineageChain decision={decision} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function Summary({ decision: d }: { decision: DecisionDetail }) {
  const facts: [string, React.ReactNode][] = [
    ['Automation', d.automation ? `${d.automation.name} (${d.automation.key})` : <Code>{d.automationId}</Code>],
    [
      'Automation version',
      d.automationVersion ? (
        `${d.automationVersion.version}, ${words(d.automationVersion.riskClass)} risk, oversight ${words(d.automationVersion.oversightMode)}`
      ) : (
        <Code>{d.automationVersionId}</Code>
      ),
    ],
    [
      'Model version',
      d.modelVersion ? `${d.modelVersion.model?.name ?? 'model'} ${d.modelVersion.version}` : <Code>{d.modelVersionId}</Code>,
    ],
    ['Confidence', confidenceText(d.confidence)],
    ['Decided', <Timestamp key="o" value={d.occurredAt} />],
    ['Recorded', <Timestamp key="r" value={d.recordedAt} />],
    ['Sealed', d.sealedAt ? <Timestamp key="s" value={d.sealedAt} /> : 'not yet'],
    ['Ledger leaf', d.ledgerIndex ?? 'not yet'],
    ['Correlation id', d.correlationId ? <CopyableValue key="c" value={d.correlationId} label="correlation id" /> : '—'],
    ['Input hash', <CopyableValue key="h" value={d.inputHash} label="input hash" />],
    ['Subject', d.hasSubject ? 'given (stored as a keyed hash)' : 'none given'],
  ];
  return (
    <Paper withBorder p="sm" data-testid="decision-summary">
      <Title order={2} size="h4" mb="xs">
        Summary
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={4} component="dl" m={0}>
        {facts.map(([term, value]) => (
          <Group key={term} gap="xs" wrap="nowrap" align="baseline">
            <Text component="dt" size="sm" c="dimmed" w={140} style={{ flexShrink: 0 }}>
              {term}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {value}
            </Text>
          </Group>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

function Review({ decision, outputWithheld }: { decision: DecisionDetail; outputWithheld: boolean }) {
  const review = decision.review;
  return (
    <Paper withBorder p="sm" data-testid="review">
      <Title order={2} size="h4" mb="xs">
        Review
      </Title>
      {!review ? (
        <EmptyState title={decision.status === 'PENDING_REVIEW' ? 'Waiting for review' : 'No review'}>
          {decision.status === 'PENDING_REVIEW'
            ? 'A person must review this decision before its output takes effect.'
            : 'The policies did not ask for one.'}
        </EmptyState>
      ) : (
        <Stack gap="xs">
          <Group gap="xs">
            <StatusBadge status={decision.outcome} />
            <Text size="sm">
              {words(review.verdict)} by <Code>{review.reviewerId}</Code>, <Timestamp value={review.createdAt} inherit />
            </Text>
          </Group>
          <Text size="sm">&ldquo;{review.rationale}&rdquo;</Text>
          {review.verdict === 'OVERRIDE' &&
            (outputWithheld ? (
              <Withheld what="corrected output" />
            ) : (
              <CodeBlock label="Corrected output">{JSON.stringify(review.correctedOutput, null, 2)}</CodeBlock>
            ))}
        </Stack>
      )}
    </Paper>
  );
}
