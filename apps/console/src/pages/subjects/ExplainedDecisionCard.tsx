import { Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconMessageReport } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useCan } from '../../auth/principal';
import { CopyableValue } from '../../components/CopyableValue';
import { StatusBadge as ColourBadge, words } from '../../components/status';
import { Timestamp } from '../../components/Timestamp';
import { StatusBadge } from '../decisions/StatusBadge';
import { ContestModal } from './ContestModal';
import type { ExplainedDecision } from './subject-explanation.queries';

/** One decision as the person reads it: what it means, why, which rules, who reviewed it, their contests. */
export function ExplainedDecisionCard({ decision, onContested }: { decision: ExplainedDecision; onContested: () => void }) {
  const can = useCan();
  const [contesting, setContesting] = useState(false);
  const open = decision.contests.some((c) => c.status === 'OPEN');
  return (
    <Paper withBorder p="md" component="section" aria-label={`Decision ${decision.decisionId}`} data-testid="explained-decision">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={3} size="h5">
              {decision.automation ?? 'An automated decision'}
            </Title>
            <Group gap="xs">
              <Timestamp value={decision.madeAt} size="xs" c="dimmed" />
              <CopyableValue value={decision.decisionId} label="decision id" maxChars={40} />
            </Group>
          </Stack>
          <Group gap="xs">
            <StatusBadge status={decision.outcome} />
            {open && <ColourBadge color="orange" label="contested" testId="contest-open" />}
            {decision.partlyWithheld && (
              <Badge variant="light" color="gray" tt="none">
                partly withheld from your role
              </Badge>
            )}
          </Group>
        </Group>
        <Text size="sm">{decision.summary}</Text>

        <Part title="Main factors" empty="No factors were recorded.">
          {decision.factors.map((f) => (
            <List.Item key={f.feature}>{f.text}</List.Item>
          ))}
        </Part>
        <Part title="The organisation's rules" empty={decision.policyVersion?.text ?? 'No rule of the organisation matched it.'}>
          {decision.policies.map((p) => (
            <List.Item key={`${p.id}@${p.version}`}>{p.text}</List.Item>
          ))}
        </Part>
        <Part title="Human review" lead={decision.reviewSummary}>
          {decision.reviews.map((r) => (
            <List.Item key={r.at}>{r.text}</List.Item>
          ))}
        </Part>
        <Part title="Contests" empty="The person has not contested it." testId="explained-contests">
          {decision.contests.map((c) => (
            <List.Item key={c.contestedAt}>
              {c.text} <ColourBadge color={c.status === 'OPEN' ? 'orange' : 'teal'} label={words(c.status)} />
            </List.Item>
          ))}
        </Part>

        <Group justify="space-between" align="flex-end">
          <Text size="xs" c="dimmed" style={{ flex: 1 }}>
            {decision.howToContest}
          </Text>
          {can('contest', 'Decision') && (
            <Button
              variant="light"
              size="xs"
              leftSection={<IconMessageReport size={16} aria-hidden />}
              onClick={() => setContesting(true)}
              aria-label={`Contest on their behalf: ${decision.decisionId}`}
            >
              Contest on their behalf
            </Button>
          )}
        </Group>
      </Stack>
      <ContestModal
        decisionId={decision.decisionId}
        opened={contesting}
        onClose={() => setContesting(false)}
        onContested={() => {
          setContesting(false);
          onContested();
        }}
      />
    </Paper>
  );
}

/** A titled list; `empty` when it has no items, `lead` above it when given. */
function Part({
  title,
  lead,
  empty,
  testId,
  children,
}: {
  title: string;
  lead?: string;
  empty?: string;
  testId?: string;
  children: ReactNode[];
}) {
  return (
    <Stack gap={4} data-testid={testId}>
      <Title order={4} size="h6">
        {title}
      </Title>
      {lead && <Text size="sm">{lead}</Text>}
      {children.length > 0 ? (
        <List size="sm" spacing={2}>
          {children}
        </List>
      ) : (
        empty && (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        )
      )}
    </Stack>
  );
}
