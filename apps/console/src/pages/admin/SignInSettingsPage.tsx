import { Alert, Code, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from 'urql';
import { QueryState } from '../../components/QueryState';
import { StatusBadge } from '../../components/status';
import { graphql } from '../../gql';
import { roleWords } from './roles';

const OidcSettingsDocument = graphql(`
  query OidcSettings {
    oidcSettings {
      enabled
      issuer
      clientId
      label
      redirectUrl
      rolesClaim
      tenant
      roleMapping {
        claimValue
        role
      }
    }
  }
`);

const unset = (
  <Text size="sm" c="dimmed" span>
    not set
  </Text>
);

/** /admin/sign-in: OIDC sign-in as the server was configured (ATTEST_OIDC_*), read-only; never the client secret. */
export function SignInSettingsPage() {
  const [result] = useQuery({ query: OidcSettingsDocument });
  return (
    <QueryState result={result}>
      {({ oidcSettings: s }) => (
        <Stack gap="md" maw={900}>
          {s.enabled ? (
            <Text size="sm">
              People sign in through <strong>{s.label}</strong>. Their roles come from the provider at every sign-in; changing them here
              lasts until the next one.
            </Text>
          ) : (
            <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} title="OIDC sign-in is off">
              People sign in with one-time links from an admin. Set ATTEST_OIDC_ISSUER and ATTEST_OIDC_CLIENT_ID to sign in through a
              provider (docs/operations.md).
            </Alert>
          )}
          <Table withTableBorder variant="vertical" aria-label="OIDC settings" layout="fixed">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={200}>Status</Table.Th>
                <Table.Td>
                  <StatusBadge color={s.enabled ? 'teal' : 'gray.6'} label={s.enabled ? 'on' : 'off'} />
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Issuer</Table.Th>
                <Table.Td>{s.issuer ? <Code>{s.issuer}</Code> : unset}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Client id</Table.Th>
                <Table.Td>{s.clientId ? <Code>{s.clientId}</Code> : unset}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Redirect URL</Table.Th>
                <Table.Td>{s.redirectUrl ? <Code>{s.redirectUrl}</Code> : unset}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Roles claim</Table.Th>
                <Table.Td>
                  <Code>{s.rolesClaim}</Code>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Tenant</Table.Th>
                <Table.Td>
                  <Code>{s.tenant}</Code>
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Title order={2} size="h5">
            Role mapping
          </Title>
          <Text size="sm" c="dimmed">
            A value of the <Code>{s.rolesClaim}</Code> claim (any case; a list, or separated by spaces or commas) grants the role in the
            whole tenant. Service roles are never granted by a claim.
          </Text>
          <Table withTableBorder aria-label="OIDC role mapping">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Claim value</Table.Th>
                <Table.Th>Attest role</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.roleMapping.map((m) => (
                <Table.Tr key={m.claimValue}>
                  <Table.Td>
                    <Code>{m.claimValue}</Code>
                  </Table.Td>
                  <Table.Td>{roleWords(m.role)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </QueryState>
  );
}
