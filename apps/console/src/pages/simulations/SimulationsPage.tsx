import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { useCan } from '../../auth/principal';
import { AnchorLink } from '../../components/AnchorLink';
import { CursorPager } from '../../components/CursorPager';
import { PageHeader } from '../../components/PageHeader';
import { PrincipalName } from '../../components/PrincipalName';
import { QueryState } from '../../components/QueryState';
import { StatusBadge, words } from '../../components/status';
import { Timestamp } from '../../components/Timestamp';
import { useCursorPages } from '../../components/useCursorPages';
import { graphql } from '../../gql';
import { simulationColor } from './simulation-status';
import { StartSimulation } from './StartSimulation';

const SimulationsDocument = graphql(`
  query PolicySimulations($first: Int!, $after: String) {
    policySimulations(first: $first, after: $after) {
      edges {
        node {
          id
          status
          label
          requestedBy
          createdAt
          progress {
            processed
            total
          }
          summary {
            changed
            replayed
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const PAGE_SIZE = 20;

/** Start a simulation of a candidate pack; every past one, newest first. */
export function SimulationsPage() {
  const can = useCan();
  const pages = useCursorPages('simulations');
  const [result] = useQuery({
    query: SimulationsDocument,
    variables: { first: PAGE_SIZE, after: pages.after },
    requestPolicy: 'cache-and-network',
  });
  return (
    <>
      <PageHeader
        title="Simulations"
        description="What a candidate policy pack would have decided differently, replayed over the recorded decisions."
      />
      <Stack gap="lg">
        {can('create', 'PolicySimulation') && <StartSimulation />}
        <Paper withBorder p="md" component="section" aria-labelledby="past-simulations-title">
          <Title order={2} size="h4" id="past-simulations-title" mb="sm">
            Past simulations
          </Title>
          <QueryState result={result} isEmpty={(d) => d.policySimulations.edges.length === 0} empty={{ title: 'No simulations yet' }}>
            {({ policySimulations: { edges, pageInfo } }) => (
              <>
                <Table verticalSpacing="xs" striped data-testid="simulations-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Requested</Table.Th>
                      <Table.Th>Candidate</Table.Th>
                      <Table.Th>Status</Table.Th>
                      <Table.Th ta="right">Replayed</Table.Th>
                      <Table.Th ta="right">Changed</Table.Th>
                      <Table.Th>By</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {edges.map(({ node: s }) => (
                      <Table.Tr key={s.id}>
                        <Table.Td>
                          <Timestamp value={s.createdAt} />
                        </Table.Td>
                        <Table.Td>
                          <AnchorLink to="/simulations/$id" params={{ id: s.id }} size="sm">
                            {s.label ?? 'Unlabelled candidate'}
                          </AnchorLink>
                        </Table.Td>
                        <Table.Td>
                          <StatusBadge color={simulationColor(s.status)} label={words(s.status)} />
                        </Table.Td>
                        <Table.Td ta="right">
                          <Text size="sm">
                            {s.summary?.replayed ??
                              `${s.progress.processed}${s.progress.total !== null && s.progress.total !== undefined ? ` / ${s.progress.total}` : ''}`}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          <Text size="sm">{s.summary?.changed ?? '—'}</Text>
                        </Table.Td>
                        <Table.Td>
                          <PrincipalName id={s.requestedBy} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                <CursorPager label="Simulations" pages={pages} pageInfo={pageInfo} />
              </>
            )}
          </QueryState>
        </Paper>
      </Stack>
    </>
  );
}
