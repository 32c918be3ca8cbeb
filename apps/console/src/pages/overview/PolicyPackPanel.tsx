import { Stack, Text } from '@mantine/core';
import { CopyableValue } from '../../components/CopyableValue';
import { EmptyState, QueryState } from '../../components/QueryState';
import { Timestamp } from '../../components/Timestamp';
import { OverviewCard } from './Panel';
import type { ActivePolicyPack, Panel } from './use-overview';

export function PolicyPackPanel({ panel }: { panel: Panel<{ pack: ActivePolicyPack | null }> }) {
  return (
    <OverviewCard title="Active policy pack" data-testid="policy-pack">
      <QueryState result={panel}>
        {({ pack }) =>
          pack ? (
            <Stack gap={6}>
              <Text fw={600}>{pack.name}</Text>
              <Text size="xs" c="dimmed">
                Digest (stored with every decision it judged)
              </Text>
              <CopyableValue value={pack.digest} label="pack digest" maxChars={28} />
              <Text size="xs" c="dimmed">
                Active since
              </Text>
              <Timestamp value={pack.activatedAt} />
            </Stack>
          ) : (
            <EmptyState title="No pack is active">Decisions are recorded without risk policies until an admin activates one.</EmptyState>
          )
        }
      </QueryState>
    </OverviewCard>
  );
}
