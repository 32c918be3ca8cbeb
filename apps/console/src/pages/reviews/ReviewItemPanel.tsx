import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useQuery } from 'urql';
import { CopyableValue } from '../../components/CopyableValue';
import { QueryState } from '../../components/QueryState';
import { Timestamp } from '../../components/Timestamp';
import { ContestsPanel } from '../decision/ContestsPanel';
import { DecisionDetailDocument, withheldParts } from '../decision/decision-document';
import { ExplanationTrace } from '../decision/ExplanationTrace';
import { JsonPanel } from '../decision/JsonPanel';
import { PolicyEvaluationPanel } from '../decision/PolicyEvaluationPanel';
import { confidenceText } from '../decisions/format';
import { ClaimBar } from './ClaimBar';
import { useReviewClaim } from './use-review-claim';
import { VerdictForm, type Reviewed } from './VerdictForm';

/**
 * The open item: who holds it (claimed on opening, renewed, released on leaving), the verdict form,
 * then the decision as the decision page shows it: the person's contest when they contested it, input and output, the policies that asked for
 * review, the explanation trace.
 */
export function ReviewItemPanel({
  decisionId,
  onQueueChanged,
  onReviewed,
}: {
  decisionId: string;
  onQueueChanged: () => void;
  onReviewed: (decision: Reviewed, key: string) => void;
}) {
  const claim = useReviewClaim(decisionId, onQueueChanged);
  const [detail, refetchDetail] = useQuery({ query: DecisionDetailDocument, variables: { id: decisionId } });
  const holderChanged = () => {
    claim.retry();
    onQueueChanged();
  };

  return (
    <Stack gap="md" data-testid="review-item">
      <ClaimBar decisionId={decisionId} state={claim.state} onHolderChanged={holderChanged} />
      <QueryState result={detail} loadingLabel="Loading the decision…">
        {({ decision }) => {
          const withheld = withheldParts(decision);
          return (
            <>
              <VerdictForm
                key={decision.id}
                decisionId={decision.id}
                output={decision.output}
                disabled={claim.state.status !== 'mine'}
                reviewerId={decision.review?.reviewerId}
                onReviewed={(reviewed) => {
                  claim.reviewed();
                  onReviewed(reviewed, decision.idempotencyKey);
                }}
                onRefused={(refusal) => {
                  // Someone reviewed it or took it meanwhile: show who, and the queue as it is now.
                  if (refusal.kind === 'reviewed') refetchDetail({ requestPolicy: 'network-only' });
                  if (refusal.kind === 'held' || refusal.kind === 'reviewed') holderChanged();
                }}
              />
              <Paper withBorder p="sm">
                <Group justify="space-between" align="baseline">
                  <Title order={2} size="h4">
                    Decision {decision.idempotencyKey}
                  </Title>
                  <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/decisions/$id" params={{ id: decision.id }} />}>
                    Open the decision page
                  </Anchor>
                </Group>
                <Group gap="xs">
                  <Text size="sm" c="dimmed">
                    {decision.automation ? `${decision.automation.name} (${decision.automation.key})` : decision.automationId} · confidence{' '}
                    {confidenceText(decision.confidence)} · recorded <Timestamp value={decision.recordedAt} inherit />
                  </Text>
                  <CopyableValue value={decision.id} label="decision id" maxChars={14} />
                </Group>
              </Paper>
              <ContestsPanel contests={decision.contests} />
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                <JsonPanel title="Input" value={decision.input} withheld={withheld.input} />
                <JsonPanel title="Output" value={decision.output} withheld={withheld.output} />
              </SimpleGrid>
              <PolicyEvaluationPanel evaluation={decision.policyEvaluation} />
              <Paper withBorder p="sm">
                <Title order={2} size="h4" mb="xs">
                  Why: the explanation trace
                </Title>
                <ExplanationTrace steps={decision.explanation} quotesWithheld={withheld.traceQuotes} />
              </Paper>
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
