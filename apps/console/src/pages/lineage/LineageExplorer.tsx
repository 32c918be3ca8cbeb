import { Alert, Grid, Group, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useClient, useQuery, type CombinedError } from 'urql';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { LoadingState, QueryState } from '../../components/QueryState';
import { EdgesTable } from './EdgesTable';
import { ExportMenu } from './ExportMenu';
import { ImpactPanel } from './ImpactPanel';
import { layOut, type Layout } from './layout';
import { LineageGraphView } from './LineageGraphView';
import { expandGraph, nodeKey, shownGraphOf, type GraphNode, type NodeRef, type ShownGraph, type Subgraph } from './lineage-graph';
import { LineageWalkDocument } from './lineage.queries';
import { NodePanel } from './NodePanel';
import { MAX_DEPTH, type Direction } from './search';
import { subgraphOf } from './walk';

/** Edges per walk: enough for a readable picture; a walk cut there says so (impactOf counts beyond it). */
const MAX_EDGES = 300;

const DIRECTION_OPTIONS = [
  { value: 'BOTH', label: 'Both ways' },
  { value: 'UPSTREAM', label: 'Upstream' },
  { value: 'DOWNSTREAM', label: 'Downstream' },
];
const DEPTH_OPTIONS = Array.from({ length: MAX_DEPTH }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }));

interface Props {
  start: NodeRef;
  direction: Direction;
  depth: number;
}

/** The first walk from the start node, then each expansion asked for, laid out by ELK and drawn. */
export function LineageExplorer({ start, direction, depth }: Props) {
  const [result] = useQuery({ query: LineageWalkDocument, variables: { node: start, direction, depth, maxEdges: MAX_EDGES } });
  return (
    <QueryState result={result} loadingLabel="Walking the lineage…">
      {(data) => <ExplorerView start={start} direction={direction} depth={depth} firstWalk={subgraphOf(data.lineage)} />}
    </QueryState>
  );
}

function ExplorerView({ start, direction, depth, firstWalk }: Props & { firstWalk: Subgraph }) {
  const client = useClient();
  const navigate = useNavigate();
  const startKey = nodeKey(start);
  const [expansions, setExpansions] = useState<{ from: GraphNode; walk: Subgraph }[]>([]);
  const [expanding, setExpanding] = useState<string | null>(null);
  const [expandError, setExpandError] = useState<CombinedError | null>(null);
  const [selectedKey, setSelectedKey] = useState(startKey);
  const graph = useMemo(
    () => expansions.reduce<ShownGraph>((shown, x) => expandGraph(shown, x.from, x.walk), shownGraphOf(start, firstWalk)),
    [start, firstWalk, expansions],
  );
  const drawn = useLaidOut(graph);

  const expand = useCallback(
    async (node: GraphNode, towards: 'UPSTREAM' | 'DOWNSTREAM') => {
      setExpanding(`${nodeKey(node)}:${towards}`);
      setExpandError(null);
      const answer = await client
        .query(LineageWalkDocument, { node: { type: node.type, id: node.id }, direction: towards, depth: 1, maxEdges: MAX_EDGES })
        .toPromise();
      setExpanding(null);
      if (answer.error) setExpandError(answer.error);
      else if (answer.data) {
        const walk = subgraphOf(answer.data.lineage);
        setExpansions((done) => [...done, { from: node, walk }]);
      }
    },
    [client],
  );

  const setSearch = (change: { direction?: Direction; depth?: number }) =>
    void navigate({ to: '/lineage', search: (prev) => ({ ...prev, ...change }) });
  const selected = graph.nodes.find((n) => nodeKey(n) === selectedKey) ?? graph.nodes[0];
  const fileStem = `lineage-${start.type.toLowerCase().replace(/_/g, '-')}-${start.id.slice(0, 8)}`;

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Group gap="sm" align="flex-end">
          <Stack gap={2}>
            <Text size="sm" fw={500} id="direction-label">
              Direction
            </Text>
            <SegmentedControl
              aria-labelledby="direction-label"
              size="xs"
              data={DIRECTION_OPTIONS}
              value={direction}
              onChange={(value) => setSearch({ direction: value as Direction })}
            />
          </Stack>
          <Select
            label="Depth"
            size="xs"
            w={90}
            data={DEPTH_OPTIONS}
            value={String(depth)}
            allowDeselect={false}
            onChange={(value) => value && setSearch({ depth: Number(value) })}
          />
          <Text size="xs" c="dimmed" pb={4} data-testid="graph-size">
            {graph.nodes.length} nodes, {graph.edges.length} edges shown
          </Text>
        </Group>
        <ExportMenu graph={drawn?.graph ?? graph} layout={drawn?.graph === graph ? drawn.layout : null} fileStem={fileStem} />
      </Group>
      {graph.truncated && (
        <Alert color="yellow" title="Some walks were cut short">
          A walk reached {MAX_EDGES} edges before its depth: explore from a node nearer what you look for, or lower the depth. A dataset
          version&apos;s impact below counts every decision, however many.
        </Alert>
      )}
      {expandError && <ApiErrorAlert error={expandError} title="The node could not be expanded" />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          {drawn ? (
            <LineageGraphView
              graph={drawn.graph}
              layout={drawn.layout}
              startKey={startKey}
              selectedKey={selectedKey}
              onSelect={setSelectedKey}
            />
          ) : (
            <Paper withBorder>
              <LoadingState label="Laying out the graph…" />
            </Paper>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          {selected && (
            <NodePanel
              node={selected}
              graph={graph}
              start={selectedKey === startKey}
              direction={direction}
              depth={depth}
              expanding={expanding}
              onExpand={(towards) => void expand(selected, towards)}
            />
          )}
        </Grid.Col>
      </Grid>
      {start.type === 'DATASET_VERSION' && <ImpactPanel datasetVersionId={start.id} />}
      <EdgesTable graph={graph} onSelect={setSelectedKey} />
    </Stack>
  );
}

/** ELK's layout of the graph, recomputed when it changes; the last one stays drawn until the next is ready. */
function useLaidOut(graph: ShownGraph): { graph: ShownGraph; layout: Layout } | null {
  const [drawn, setDrawn] = useState<{ graph: ShownGraph; layout: Layout } | null>(null);
  const [problem, setProblem] = useState<Error | null>(null);
  useEffect(() => {
    let current = true;
    layOut(graph.nodes, graph.edges).then(
      (layout) => current && setDrawn({ graph, layout }),
      (error: unknown) => current && setProblem(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      current = false;
    };
  }, [graph]);
  // A layout that fails is a bug of ours, not the API's: let the page's error boundary show it.
  if (problem) throw problem;
  return drawn;
}
