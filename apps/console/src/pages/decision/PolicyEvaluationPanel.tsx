import { Badge, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { EmptyState } from '../../components/QueryState';
import { EffectBadge } from '../decisions/StatusBadge';
import { CopyableValue } from '../../components/CopyableValue';
import { words } from '../../components/status';
import type { DecisionDetail } from './decision-document';

/** The verdict of the pack that judged the decision: its digest, the combined effect, each matched policy in words. */
export function PolicyEvaluationPanel({ evaluation }: { evaluation: DecisionDetail['policyEvaluation'] }) {
  return (
    <Paper withBorder p="sm" data-testid="policy-evaluation">
      <Title order={2} size="h4" mb="xs">
        Policies
      </Title>
      {!evaluation ? (
        <EmptyState title="No policy pack was active">The decision was recorded without a policy evaluation.</EmptyState>
      ) : (
        <Stack gap="sm">
          <Group gap="xs">
            <Text size="sm">Combined effect</Text>
            <EffectBadge effect={evaluation.effect} />
            <Text size="sm">by the pack</Text>
            <span data-testid="pack-digest">
              <CopyableValue value={evaluation.packDigest} label="pack digest" maxChars={30} />
            </span>
          </Group>
          {evaluation.matched.length === 0 ? (
            <Text size="sm" c="dimmed">
              No policy of the pack matched: the output stands as recorded.
            </Text>
          ) : (
            evaluation.matched.map((policy) => (
              <Paper key={policy.id} withBorder p="xs" data-testid="matched-policy">
                <Group gap="xs" mb={4}>
                  <Code>{policy.id}</Code>
                  <Text size="xs" c="dimmed">
                    version {policy.version}
                  </Text>
                  <EffectBadge effect={policy.effect} />
                  <Badge variant="outline" color="gray" size="sm">
                    severity {words(policy.severity)}
                  </Badge>
                </Group>
                <Text size="sm">{policy.message}</Text>
                {policy.frameworks.length > 0 && (
                  <Group gap={4} mt={4}>
                    <Text size="xs" c="dimmed">
                      Frameworks:
                    </Text>
                    {policy.frameworks.map((f) => (
                      <Code key={f} fz="xs">
                        {f}
                      </Code>
                    ))}
                  </Group>
                )}
              </Paper>
            ))
          )}
          <Text size="xs" c="dimmed">
            A decision stores the policies that matched; the others of the pack (by its digest) did not.
          </Text>
        </Stack>
      )}
    </Paper>
  );
}
