import { Group, Stack, Text } from '@mantine/core';
import { CopyableValue } from '../../components/CopyableValue';
import { QueryState } from '../../components/QueryState';
import { Timestamp } from '../../components/Timestamp';
import { StatusBadge, verificationStatus } from '../../components/status';
import { OverviewCard } from './Panel';
import type { LedgerView, Panel } from './use-overview';

export function LedgerPanel({ panel }: { panel: Panel<LedgerView> }) {
  return (
    <OverviewCard title="Ledger" span={2} data-testid="ledger">
      <QueryState result={panel}>
        {({ latestCheckpoint, lastVerification }) => (
          <Group align="flex-start" gap="xl" grow>
            <Stack gap={6}>
              <Text size="sm" fw={500}>
                Latest signed checkpoint
              </Text>
              {latestCheckpoint ? (
                <>
                  <Text size="sm" data-testid="checkpoint-size">
                    <strong>{latestCheckpoint.treeSize}</strong> leaves sealed
                  </Text>
                  <Timestamp value={latestCheckpoint.timestamp} />
                  <CopyableValue value={latestCheckpoint.rootHash} label="root hash" />
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  Nothing sealed yet: the first checkpoint is signed within a second of the first audited fact.
                </Text>
              )}
            </Stack>
            <Stack gap={6}>
              <Text size="sm" fw={500}>
                Last verification
              </Text>
              {lastVerification ? (
                <>
                  <Group gap="xs">
                    <StatusBadge {...verificationStatus(lastVerification.status, lastVerification.result?.ok)} testId="last-verification" />
                    <Text size="sm">
                      leaves {lastVerification.fromIndex}–{lastVerification.toIndex}
                    </Text>
                  </Group>
                  <Timestamp value={lastVerification.finishedAt ?? lastVerification.createdAt} />
                  {lastVerification.result?.firstDivergence && (
                    <Text size="sm" c="red.8">
                      Leaf {lastVerification.result.firstDivergence.index}: {lastVerification.result.firstDivergence.message}
                    </Text>
                  )}
                  {lastVerification.error && (
                    <Text size="sm" c="red.8">
                      {lastVerification.error}
                    </Text>
                  )}
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  No verification has been run. startLedgerVerification recomputes the whole log (API explorer).
                </Text>
              )}
            </Stack>
          </Group>
        )}
      </QueryState>
    </OverviewCard>
  );
}
