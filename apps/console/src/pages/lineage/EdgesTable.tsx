import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { Timestamp } from '../../components/Timestamp';
import { edgeKey, enumWords, nodeCaption, nodeKey, type NodeRef, type ShownGraph } from './lineage-graph';

/** Every edge shown, as a table: the graph's kinds and times for a screen reader, and for reading closely. */
export function EdgesTable({ graph, onSelect }: { graph: ShownGraph; onSelect: (key: string) => void }) {
  const byKey = new Map(graph.nodes.map((n) => [nodeKey(n), n]));
  const name = (ref: NodeRef) => {
    const node = byKey.get(nodeKey(ref));
    return (
      <Anchor component="button" type="button" size="sm" onClick={() => onSelect(nodeKey(ref))}>
        {enumWords(ref.type)} {node ? nodeCaption(node) : ref.id.slice(0, 8)}
      </Anchor>
    );
  };
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="edges-title">
      <Title order={2} size="h4" id="edges-title" mb="xs">
        Edges shown
      </Title>
      {graph.edges.length === 0 ? (
        <Text size="sm" c="dimmed">
          No edges: nothing came before or after this node within the depth asked.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing={4} fz="sm" aria-label="Edges shown" data-testid="edges">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Upstream</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Downstream</Table.Th>
                <Table.Th>When</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {graph.edges.map((e) => (
                <Table.Tr key={edgeKey(e)}>
                  <Table.Td>{name(e.upstream)}</Table.Td>
                  <Table.Td>{enumWords(e.kind)}</Table.Td>
                  <Table.Td>{name(e.downstream)}</Table.Td>
                  <Table.Td>
                    <Timestamp value={e.at} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
