import { Group, Stack, Text } from '@mantine/core';
import { CopyableValue } from '../../components/CopyableValue';
import { QueryState } from '../../components/QueryState';
import { Timestamp } from '../../components/Timestamp';
import { StatusBadge, verificationStatus } from '../../components/status';
import type { OverviewLedgerQuery } from '../../gql/graphql';
import { OverviewCard } from './Panel';
import type { Panel } from './use-overview';

interface LedgerView {
  status: OverviewLedgerQuery['ledgerStatus'];
  lastVerification: OverviewLedgerQuery['ledgerVerifications']['edges'][number]['node'] | null;
}

export function LedgerPanel({ panel }: { panel: Panel<LedgerView> }) {
  return (
    <OverviewCard title="Ledger" span={2} data-testid="ledger">
      <QueryState result={panel}>
        {({ status, lastVerification }) => (
          <Group align="flex-start" gap="xl" grow>
            <Stack gap={6}>
              <Text size="sm" fw={500}>
                Latest signed checkpoint
              </Text>
              {status.latestCheckpoint ? (
                <>
                  <Text size="sm">
                    <strong>{status.latestCheckpoint.treeSize}</strong> leaves sealed
                    {status.unsequenced > 0 ? `, ${status.unsequenced} waiting to be sealed` : ''}
                  </Text>
                  <Timestamp value={status.latestCheckpoint.timestamp} />
                  <CopyableValue value={status.latestCheckpoint.rootHash} label="root hash" />
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
