import { Anchor, Badge, Group, Paper, Text, Timeline, Title } from '@mantine/core';
import { useRouter } from '@tanstack/react-router';
import type { MouseEvent } from 'react';
import { useQuery } from 'urql';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import type { LineageNodeType } from '../../gql/graphql';
import { CopyableValue } from '../../components/CopyableValue';
import { words } from '../../components/status';
import type { DecisionDetail } from './decision-document';

const DecisionLineageDocument = graphql(`
  query DecisionLineage($decisionId: ID!) {
    decisionLineage(decisionId: $decisionId) {
      truncated
      hops {
        node {
          id
          type
          label
          depth
        }
        evidence {
          actorName
          at
          ledgerIndex
        }
      }
    }
  }
`);

/**
 * Where a hop has a page of its own (the inventory's, built beside this one): the decision's own
 * model and automation by their parent's page with the version selected; another version by the
 * inventory's version route, which finds its parent.
 */
function pageOf(type: LineageNodeType, id: string, decision: DecisionDetail): string | null {
  switch (type) {
    case 'MODEL_VERSION':
      return decision.modelVersion?.id === id && decision.modelVersion.model
        ? `/inventory/models/${decision.modelVersion.model.id}?version=${id}`
        : `/inventory/models/versions/${id}`;
    case 'AUTOMATION_VERSION':
      return decision.automationVersionId === id
        ? `/inventory/automations/${decision.automationId}?version=${id}`
        : `/inventory/automations/versions/${id}`;
    case 'DATASET_VERSION':
      return `/inventory/datasets/versions/${id}`;
    case 'DECISION':
      return `/decisions/${id}`;
    default:
      return null;
  }
}

/** The chain from the datasets to this decision, upstream first, each hop with who brought it about and its ledger seal. */
export function LineageChain({ decision }: { decision: DecisionDetail }) {
  const [result] = useQuery({ query: DecisionLineageDocument, variables: { decisionId: decision.id } });
  const router = useRouter();
  // Inventory routes are another page's: navigate inside the app without a typed route of ours.
  const follow = (href: string) => (event: MouseEvent) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    router.history.push(href);
  };
  return (
    <Paper withBorder p="sm" data-testid="lineage">
      <Title order={2} size="h4" mb="xs">
        Lineage
      </Title>
      <QueryState result={result} loadingLabel="Loading the lineage…" isEmpty={(d) => d.decisionLineage.hops.length === 0}>
        {({ decisionLineage }) => {
          // Upstream first: the sources at the top, this decision at the bottom.
          const hops = [...decisionLineage.hops].sort((a, b) => b.node.depth - a.node.depth);
          return (
            <>
              <Timeline bulletSize={14} lineWidth={2} active={hops.length}>
                {hops.map(({ node, evidence }) => {
                  const href = node.id === decision.id ? null : pageOf(node.type, node.id, decision);
                  const label = node.label ?? node.id;
                  return (
                    <Timeline.Item
                      key={`${node.type}:${node.id}`}
                      title={
                        <Group gap="xs">
                          <Badge variant="outline" color="gray" size="sm">
                            {words(node.type)}
                          </Badge>
                          {href ? (
                            <Anchor href={href} onClick={follow(href)} size="sm">
                              {label}
                            </Anchor>
                          ) : (
                            <Text size="sm" fw={500}>
                              {label}
                              {node.id === decision.id ? ' (this decision)' : ''}
                            </Text>
                          )}
                        </Group>
                      }
                    >
                      <Text size="xs" c="dimmed">
                        {evidence
                          ? `${evidence.actorName ?? 'unknown principal'}, ${new Date(evidence.at).toISOString().replace('T', ' ').slice(0, 19)} UTC; ${
                              evidence.ledgerIndex === null || evidence.ledgerIndex === undefined
                                ? 'not sealed yet'
                                : `ledger leaf ${evidence.ledgerIndex}`
                            }`
                          : 'external: named by a run or a decision, not registered'}
                      </Text>
                      <CopyableValue value={node.id} label={`${words(node.type)} id`} maxChars={14} />
                    </Timeline.Item>
                  );
                })}
              </Timeline>
              {decisionLineage.truncated && (
                <Text size="xs" c="dimmed" mt="xs">
                  The chain was cut at the server&apos;s depth or edge limit.
                </Text>
              )}
            </>
          );
        }}
      </QueryState>
    </Paper>
  );
}
