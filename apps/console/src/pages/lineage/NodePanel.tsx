import { Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react';
import { AnchorLink } from '../../components/AnchorLink';
import { CopyableValue } from '../../components/CopyableValue';
import { Timestamp } from '../../components/Timestamp';
import { enumWords, nodeCaption, nodeKey, type GraphEdge, type GraphNode, type ShownGraph } from './lineage-graph';
import { NodePageLink } from './NodePageLink';
import type { Direction } from './search';

interface Props {
  node: GraphNode;
  graph: ShownGraph;
  start: boolean;
  direction: Direction;
  depth: number;
  /** `<node key>:<direction>` of the expansion under way, if any. */
  expanding: string | null;
  onExpand: (towards: 'UPSTREAM' | 'DOWNSTREAM') => void;
}

/** The selected node: what it is, its links with their kinds and times, and what to do from it. */
export function NodePanel({ node, graph, start, direction, depth, expanding, onExpand }: Props) {
  const key = nodeKey(node);
  const byKey = new Map(graph.nodes.map((n) => [nodeKey(n), n]));
  const links = graph.edges.flatMap((e): { edge: GraphEdge; other: GraphNode | undefined; towards: 'from' | 'to' }[] => {
    if (nodeKey(e.downstream) === key) return [{ edge: e, other: byKey.get(nodeKey(e.upstream)), towards: 'from' }];
    if (nodeKey(e.upstream) === key) return [{ edge: e, other: byKey.get(nodeKey(e.downstream)), towards: 'to' }];
    return [];
  });
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="selected-node-title" data-testid="selected-node">
      <Stack gap="xs">
        <Group gap="xs" justify="space-between">
          <Title order={2} size="h5" id="selected-node-title">
            {nodeCaption(node)}
          </Title>
          <Badge variant="outline" color="gray" size="sm" tt="none">
            {enumWords(node.type)}
          </Badge>
        </Group>
        <CopyableValue value={node.id} label={`${enumWords(node.type)} id`} maxChars={38} />
        <Text size="sm" c="dimmed">
          {start
            ? 'Where this exploration started.'
            : `${node.depth} ${node.depth === 1 ? 'hop' : 'hops'} from where this exploration started.`}
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconArrowLeft size={14} aria-hidden />}
            loading={expanding === `${key}:UPSTREAM`}
            onClick={() => onExpand('UPSTREAM')}
          >
            Expand upstream
          </Button>
          <Button
            size="xs"
            variant="default"
            rightSection={<IconArrowRight size={14} aria-hidden />}
            loading={expanding === `${key}:DOWNSTREAM`}
            onClick={() => onExpand('DOWNSTREAM')}
          >
            Expand downstream
          </Button>
        </Group>
        <Group gap="md">
          <NodePageLink type={node.type} id={node.id}>
            Open its page
          </NodePageLink>
          {!start && (
            <AnchorLink to="/lineage" search={{ type: node.type, id: node.id, direction, depth }} size="sm">
              Explore from here
            </AnchorLink>
          )}
        </Group>
        <Title order={3} size="h6" mt="xs">
          Links shown
        </Title>
        {links.length === 0 ? (
          <Text size="sm" c="dimmed">
            None yet: expand it to see its neighbours.
          </Text>
        ) : (
          <List size="sm" spacing={4} aria-label={`Links of ${nodeCaption(node)}`}>
            {links.map(({ edge, other, towards }) => (
              <List.Item key={`${edge.kind}:${nodeKey(towards === 'from' ? edge.upstream : edge.downstream)}`}>
                <Text size="sm" span>
                  {towards === 'from' ? '← from ' : '→ to '}
                  {other ? nodeCaption(other) : 'a node not shown'}:{' '}
                  <Text span fw={500}>
                    {enumWords(edge.kind)}
                  </Text>
                  ,{' '}
                </Text>
                <Timestamp value={edge.at} span size="sm" />
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
