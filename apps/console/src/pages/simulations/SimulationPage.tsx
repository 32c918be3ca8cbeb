import { Alert, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useQuery } from 'urql';
import { CopyableValue } from '../../components/CopyableValue';
import { PageHeader } from '../../components/PageHeader';
import { PrincipalName } from '../../components/PrincipalName';
import { QueryState } from '../../components/QueryState';
import { StatusBadge, words } from '../../components/status';
import { Timestamp } from '../../components/Timestamp';
import { graphql } from '../../gql';
import { replayOf } from './report';
import { simulationRoute } from './route';
import { isUnfinished, simulationColor } from './simulation-status';
import { SimulationReport } from './SimulationReport';

const SimulationDocument = graphql(`
  query PolicySimulation($id: ID!) {
    policySimulation(id: $id) {
      id
      status
      label
      headDigest
      baseDigest
      requestedBy
      createdAt
      finishedAt
      error
      progress {
        processed
        total
      }
      summary {
        decisions
        replayed
        withoutFacts
        failed
        changed
        gatesChecked
        gatesChanged
        gatesNowFailing
        byEffect {
          from
          to
          count
        }
      }
      report
    }
  }
`);

/** How often a queued or running simulation is asked for its progress. */
const POLL_MS = 1000;

/** One simulation: its progress while it runs (polled), then its report. */
export function SimulationPage() {
  const { id } = simulationRoute.useParams();
  const [result, refetch] = useQuery({ query: SimulationDocument, variables: { id } });
  const status = result.data?.policySimulation.status;
  useEffect(() => {
    if (!status || !isUnfinished(status)) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), POLL_MS);
    return () => clearInterval(timer);
  }, [status, refetch]);

  return (
    <QueryState result={result}>
      {({ policySimulation: s }) => {
        const { processed, total } = s.progress;
        const percent = total ? Math.round((processed / total) * 100) : 0;
        return (
          <>
            <PageHeader
              title={`Simulation: ${s.label ?? 'unlabelled candidate'}`}
              description={
                <>
                  Requested <Timestamp value={s.createdAt} span /> by <PrincipalName id={s.requestedBy} />
                </>
              }
              actions={<StatusBadge color={simulationColor(s.status)} label={words(s.status)} testId="simulation-status" />}
            />
            <Stack gap="md">
              <Group gap="lg">
                <Group gap={4}>
                  <Text size="sm">Candidate</Text>
                  <CopyableValue value={s.headDigest} label="Candidate digest" />
                </Group>
                <Group gap={4}>
                  <Text size="sm">compared with the active pack</Text>
                  {s.baseDigest ? <CopyableValue value={s.baseDigest} label="Active pack digest" /> : <Text size="sm">(none)</Text>}
                </Group>
              </Group>
              {isUnfinished(s.status) && (
                <Paper withBorder p="md">
                  <Text size="sm" mb={4}>
                    {total === null || total === undefined
                      ? 'Counting the decisions…'
                      : `${processed.toLocaleString()} of ${total.toLocaleString()} decisions replayed`}
                  </Text>
                  <Progress value={percent} animated aria-label="Simulation progress" />
                </Paper>
              )}
              {s.status === 'FAILED' && (
                <Alert color="red" variant="light" title="The simulation failed" role="alert">
                  {s.error}
                </Alert>
              )}
              {s.summary && <SimulationReport summary={s.summary} replay={replayOf(s.report)} />}
            </Stack>
          </>
        );
      }}
    </QueryState>
  );
}
