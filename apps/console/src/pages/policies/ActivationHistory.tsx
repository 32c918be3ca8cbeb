import { Code, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { CopyableValue } from '../../components/CopyableValue';
import { CursorPager } from '../../components/CursorPager';
import { PrincipalName } from '../../components/PrincipalName';
import { QueryState } from '../../components/QueryState';
import { Timestamp } from '../../components/Timestamp';
import { useCursorPages } from '../../components/useCursorPages';
import { graphql } from '../../gql';

const ActivationsDocument = graphql(`
  query PolicyPackActivations($first: Int!, $after: String) {
    policyPackActivations(first: $first, after: $after) {
      edges {
        node {
          id
          name
          digest
          activatedBy
          activatedAt
          rationale
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const PAGE_SIZE = 10;

/** Every activation of the tenant, newest first: which pack, who, when and why. */
export function ActivationHistory() {
  const pages = useCursorPages('activations');
  const [result] = useQuery({ query: ActivationsDocument, variables: { first: PAGE_SIZE, after: pages.after } });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="activation-history-title">
      <Title order={2} size="h4" id="activation-history-title" mb="sm">
        Activation history
      </Title>
      <QueryState result={result} isEmpty={(data) => data.policyPackActivations.edges.length === 0} empty={{ title: 'No activations yet' }}>
        {({ policyPackActivations: { edges, pageInfo } }) => (
          <>
            <Table verticalSpacing="xs" striped data-testid="activation-history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Pack</Table.Th>
                  <Table.Th>Who</Table.Th>
                  <Table.Th>Rationale</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {edges.map(({ node: a }) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Timestamp value={a.activatedAt} />
                    </Table.Td>
                    <Table.Td>
                      <Code>{a.name}</Code>
                      <CopyableValue value={a.digest} label="Digest" maxChars={12} />
                    </Table.Td>
                    <Table.Td>
                      <PrincipalName id={a.activatedBy} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{a.rationale}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <CursorPager label="Activation history" pages={pages} pageInfo={pageInfo} />
          </>
        )}
      </QueryState>
    </Paper>
  );
}
