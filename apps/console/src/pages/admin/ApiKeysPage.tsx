import '@mantine/dates/styles.css';
import { Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useCan } from '../../auth/principal';
import { AnchorLink } from '../../components/AnchorLink';
import { PrincipalName } from '../../components/PrincipalName';
import { QueryState } from '../../components/QueryState';
import { StatusBadge } from '../../components/status';
import { Timestamp } from '../../components/Timestamp';
import { graphql } from '../../gql';
import type { AdminApiKeysQuery } from '../../gql/graphql';
import { ConfirmModal } from './ConfirmModal';
import { IssueApiKeyModal } from './IssueApiKeyModal';
import { apiKeysRoute } from './routes';

const AdminApiKeysDocument = graphql(`
  query AdminApiKeys($principalId: ID) {
    apiKeys(principalId: $principalId) {
      id
      principalId
      name
      prefix
      expiresAt
      lastUsedAt
      revokedAt
      createdAt
      createdBy
    }
  }
`);

const RevokeApiKeyDocument = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
      revokedAt
    }
  }
`);

type ApiKeyRow = AdminApiKeysQuery['apiKeys'][number];

/** Status in colour and in words: a revoked or expired key no longer authenticates. */
function KeyStatus({ apiKey }: { apiKey: ApiKeyRow }) {
  if (apiKey.revokedAt) return <StatusBadge color="red" label="revoked" />;
  if (apiKey.expiresAt && new Date(apiKey.expiresAt).getTime() <= Date.now()) return <StatusBadge color="gray.6" label="expired" />;
  return <StatusBadge color="teal" label="active" />;
}

const never = (words: string) => (
  <Text size="sm" c="dimmed">
    {words}
  </Text>
);

/** /admin/api-keys: every key's metadata (never its secret); admins issue keys (shown once) and revoke them (confirmed). */
export function ApiKeysPage() {
  const { principalId } = apiKeysRoute.useSearch();
  const can = useCan();
  const [result, refetch] = useQuery({ query: AdminApiKeysDocument, variables: { principalId } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [issuing, setIssuing] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeyRow | null>(null);
  const [revokeResult, revoke] = useMutation(RevokeApiKeyDocument);
  const [revokeError, setRevokeError] = useState<unknown>();

  const confirmRevoke = async () => {
    if (!revoking) return;
    const outcome = await revoke({ id: revoking.id });
    if (outcome.error) return setRevokeError(outcome.error);
    setRevoking(null);
    reload();
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Text size="sm" c="dimmed">
          {principalId ? (
            <>
              The keys of <PrincipalName id={principalId} />.{' '}
              <AnchorLink to="/admin/api-keys" size="sm">
                Show every key
              </AnchorLink>
            </>
          ) : (
            'Newest first, at most 500. A key is shown only once, when it is issued.'
          )}
        </Text>
        {can('create', 'ApiKey') && (
          <Button leftSection={<IconKey size={16} aria-hidden />} onClick={() => setIssuing(true)}>
            Issue API key
          </Button>
        )}
      </Group>
      <QueryState
        result={result}
        isEmpty={(data) => data.apiKeys.length === 0}
        empty={{ title: 'No API keys', hint: 'Services authenticate with API keys: issue one for a service principal.' }}
      >
        {(data) => (
          <DataTable
            aria-label="API keys"
            withTableBorder
            verticalAlign="top"
            fetching={result.fetching}
            records={data.apiKeys}
            columns={[
              { accessor: 'name', title: 'Name', render: (k) => <Text size="sm">{k.name}</Text> },
              { accessor: 'principalId', title: 'Authenticates as', render: (k) => <PrincipalName id={k.principalId} /> },
              { accessor: 'prefix', title: 'Key', render: (k) => <Code>{`att_${k.prefix}_…`}</Code> },
              { accessor: 'status', title: 'Status', render: (k) => <KeyStatus apiKey={k} /> },
              {
                accessor: 'createdAt',
                title: 'Issued',
                render: (k) => (
                  <Stack gap={0}>
                    <Timestamp value={k.createdAt} />
                    <Text size="xs" c="dimmed">
                      by <PrincipalName id={k.createdBy} size="xs" />
                    </Text>
                  </Stack>
                ),
              },
              {
                accessor: 'expiresAt',
                title: 'Expires',
                render: (k) => (k.expiresAt ? <Timestamp value={k.expiresAt} /> : never('never')),
              },
              {
                accessor: 'lastUsedAt',
                title: 'Last used',
                render: (k) => (k.lastUsedAt ? <Timestamp value={k.lastUsedAt} /> : never('never used')),
              },
              {
                accessor: 'actions',
                title: 'Actions',
                render: (k) =>
                  can('revoke', 'ApiKey') && !k.revokedAt ? (
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      aria-label={`Revoke the key ${k.name}`}
                      onClick={() => {
                        setRevokeError(undefined);
                        setRevoking(k);
                      }}
                    >
                      Revoke
                    </Button>
                  ) : k.revokedAt ? (
                    <Text size="xs" c="dimmed">
                      revoked <Timestamp value={k.revokedAt} size="xs" span />
                    </Text>
                  ) : null,
              },
            ]}
          />
        )}
      </QueryState>
      <IssueApiKeyModal opened={issuing} principalId={principalId} onClose={() => setIssuing(false)} onIssued={reload} />
      <ConfirmModal
        title="Revoke an API key"
        confirmLabel="Revoke key"
        opened={revoking !== null}
        busy={revokeResult.fetching}
        error={revokeError}
        onConfirm={() => void confirmRevoke()}
        onClose={() => setRevoking(null)}
      >
        {revoking &&
          `The key "${revoking.name}" (att_${revoking.prefix}_…) stops working at once: every request with it is refused. This cannot be undone; the revocation is audited.`}
      </ConfirmModal>
    </Stack>
  );
}
