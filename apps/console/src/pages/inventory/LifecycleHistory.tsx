import { Stack, Text, Title } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import type { LifecycleStatus } from '../../gql/graphql';
import { PrincipalName } from '../../components/PrincipalName';
import { EmptyState } from '../../components/QueryState';
import { StatusBadge } from './StatusBadge';
import { Timestamp } from '../../components/Timestamp';

interface Transition {
  id: string;
  from: LifecycleStatus;
  to: LifecycleStatus;
  actorId: string;
  rationale: string;
  at: string;
}

interface Approval {
  approverId: string;
  rationale: string;
  at: string;
  reviewRound: number;
}

/** Every lifecycle move of a version (who, when, from → to, why), oldest first, and the approvals given in review. */
export function LifecycleHistory({ transitions, approvals }: { transitions: Transition[]; approvals: Approval[] }) {
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        Lifecycle history
      </Title>
      {transitions.length === 0 ? (
        <EmptyState title="No moves yet">The version is still the draft it was registered as.</EmptyState>
      ) : (
        <DataTable
          aria-label="Lifecycle history"
          data-testid="lifecycle-history"
          withTableBorder
          records={transitions}
          columns={[
            { accessor: 'at', title: 'When', render: (t) => <Timestamp value={t.at} /> },
            { accessor: 'actorId', title: 'Who', render: (t) => <PrincipalName id={t.actorId} /> },
            {
              accessor: 'to',
              title: 'Move',
              render: (t) => (
                <Text size="sm" span>
                  <StatusBadge status={t.from} /> → <StatusBadge status={t.to} />
                </Text>
              ),
            },
            { accessor: 'rationale', title: 'Rationale' },
          ]}
        />
      )}
      <Title order={3} size="h5">
        Approvals
      </Title>
      {approvals.length === 0 ? (
        <EmptyState title="No approvals given" />
      ) : (
        <DataTable
          aria-label="Approvals"
          withTableBorder
          idAccessor={(a) => `${a.approverId}-${a.reviewRound}`}
          records={approvals}
          columns={[
            { accessor: 'at', title: 'When', render: (a) => <Timestamp value={a.at} /> },
            { accessor: 'approverId', title: 'Approver', render: (a) => <PrincipalName id={a.approverId} /> },
            { accessor: 'reviewRound', title: 'Review round' },
            { accessor: 'rationale', title: 'Rationale' },
          ]}
        />
      )}
    </Stack>
  );
}
