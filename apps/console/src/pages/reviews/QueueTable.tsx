import { Badge, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { PrincipalName } from '../../components/PrincipalName';
import { StatusBadge } from '../../components/status';
import { formatDuration } from '../../components/duration';
import { slaState } from './sla';
import type { QueueItem } from './use-review-queue';

interface QueueTableProps {
  items: QueueItem[];
  selected: string | undefined;
  me: string;
  /** When the queue was read: the SLA words count from it. */
  now: number;
  onSelect: (decisionId: string) => void;
}

/** The queue in the API's order (contested items first, then longest waiting): a contested item's badge, age, SLA state (colour and words), who holds each item, the policies that asked. */
export function QueueTable({ items, selected, me, now, onSelect }: QueueTableProps) {
  return (
    <Table highlightOnHover withTableBorder verticalSpacing={6} fz="sm" aria-label="Review queue" data-testid="review-queue">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Decision</Table.Th>
          <Table.Th ta="right">Waiting</Table.Th>
          <Table.Th>SLA and holder</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => {
          const open = item.decision.id === selected;
          const sla = slaState(item.dueAt, item.overdue, now);
          const asked = item.decision.policyEvaluation?.matched.filter((m) => m.effect === 'REQUIRE_REVIEW').map((m) => m.id) ?? [];
          return (
            <Table.Tr
              key={item.decision.id}
              aria-current={open ? 'true' : undefined}
              data-testid="review-queue-row"
              data-overdue={item.overdue}
              bg={open ? 'var(--mantine-primary-color-light)' : undefined}
              style={{ cursor: 'pointer' }}
              onClick={() => onSelect(item.decision.id)}
            >
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <UnstyledButton
                    onClick={(e) => {
                      e.stopPropagation();
                      onSelect(item.decision.id);
                    }}
                    aria-label={`Review ${item.decision.idempotencyKey}`}
                  >
                    <Text size="sm" fw={open ? 600 : 500} style={{ whiteSpace: 'nowrap' }}>
                      {item.decision.idempotencyKey}
                    </Text>
                  </UnstyledButton>
                  {item.priority && (
                    <Badge
                      size="xs"
                      color="red"
                      variant="light"
                      tt="none"
                      style={{ minWidth: 'max-content' }}
                      data-testid="contested"
                      title="Contested by the person decided about: a priority item"
                    >
                      contested
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed" truncate="end" maw={150} title={[item.decision.automation?.key, ...asked].join(' · ')}>
                  {[item.decision.automation?.key ?? 'automation', ...asked].join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td ta="right" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {formatDuration(item.waitingSeconds)}
              </Table.Td>
              <Table.Td>
                <StatusBadge color={sla.color} label={sla.label} testId="sla" />
                <Text size="xs" mt={2} data-testid="holder">
                  {!item.claim ? (
                    <Text span inherit c="dimmed">
                      nobody holds it
                    </Text>
                  ) : (
                    <>
                      {item.claim.assignedBy ? 'assigned to ' : 'held by '}
                      {item.claim.holderId === me ? <strong>you</strong> : <PrincipalName id={item.claim.holderId} size="xs" />}
                    </>
                  )}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
