import { Code, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { useCan } from '../../auth/principal';
import { CopyableValue } from '../../components/CopyableValue';
import { PageHeader } from '../../components/PageHeader';
import { PrincipalName } from '../../components/PrincipalName';
import { QueryState } from '../../components/QueryState';
import { Timestamp } from '../../components/Timestamp';
import { graphql } from '../../gql';
import { ActivatePack } from './ActivatePack';
import { ActivationHistory } from './ActivationHistory';
import { PackTestsTable } from './PackTestsTable';
import { PoliciesTable } from './PoliciesTable';

const ActivePackDocument = graphql(`
  query ActivePolicyPack {
    activePolicyPack {
      id
      name
      digest
      activatedBy
      activatedAt
      rationale
      policies {
        id
        version
        description
        appliesTo
        severity
        effect
        frameworks
        message
        conditionsText
      }
      packTests {
        name
        source
        appliesTo
        expectedEffect
        expectedMatched
        passed
        actualEffect
        actualMatched
        error
      }
    }
  }
`);

/** The active pack as people read it, its tests run now, who activated what when; admins switch packs after seeing the diff. */
export function PoliciesPage() {
  const can = useCan();
  const [result, refetch] = useQuery({ query: ActivePackDocument });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <>
      <PageHeader
        title="Policies"
        description="The risk-policy pack that judges every decision and lifecycle move, and how it came to be active."
      />
      <Stack gap="lg">
        <QueryState
          result={result}
          isEmpty={(data) => !data.activePolicyPack}
          empty={{ title: 'No active policy pack', hint: 'Until an admin activates a pack, every decision is allowed without policy.' }}
        >
          {({ activePolicyPack: pack }) =>
            pack && (
              <>
                <Paper withBorder p="md" component="section" aria-labelledby="active-pack-title">
                  <Stack gap={6}>
                    <Group gap="xs">
                      <Title order={2} size="h4" id="active-pack-title">
                        Active pack <Code fz="inherit">{pack.name}</Code>
                      </Title>
                    </Group>
                    <Group gap="lg">
                      <CopyableValue value={pack.digest} label="Digest" />
                      <Text size="sm">
                        Activated <Timestamp value={pack.activatedAt} span /> by <PrincipalName id={pack.activatedBy} />
                      </Text>
                    </Group>
                    <Text size="sm" data-testid="active-rationale">
                      {pack.rationale}
                    </Text>
                  </Stack>
                </Paper>
                <Tabs defaultValue="policies" keepMounted={false}>
                  <Tabs.List>
                    <Tabs.Tab value="policies">Policies ({pack.policies.length})</Tabs.Tab>
                    <Tabs.Tab value="tests">
                      Tests ({pack.packTests.filter((t) => t.passed).length} of {pack.packTests.length} pass)
                    </Tabs.Tab>
                  </Tabs.List>
                  <Tabs.Panel value="policies" pt="sm">
                    <PoliciesTable policies={pack.policies} />
                  </Tabs.Panel>
                  <Tabs.Panel value="tests" pt="sm">
                    <PackTestsTable tests={pack.packTests} />
                  </Tabs.Panel>
                </Tabs>
              </>
            )
          }
        </QueryState>
        {can('activate', 'PolicyPack') && <ActivatePack onActivated={reload} />}
        <ActivationHistory />
      </Stack>
    </>
  );
}
