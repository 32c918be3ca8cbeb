import { Alert, Grid, Group, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { LoadingState, QueryState } from '../../components/QueryState';
import { EdgesTable } from './EdgesTable';
import { expansionKey, expansionsParam, parseExpansions, type Expansion, type Towards } from './expansions';
import { ExportMenu } from './ExportMenu';
import { ImpactPanel } from './ImpactPanel';
import { layOut, type Layout } from './layout';
import { LineageGraphView } from './LineageGraphView';
import { expandGraph, nodeKey, shownGraphOf, type GraphNode, type NodeRef, type ShownGraph, type Subgraph } from './lineage-graph';
import { LineageWalkDocument } from './lineage.queries';
import { NodePanel } from './NodePanel';
import { useExpansionWalks, type ExpansionWalk } from './use-expansion-walks';
import { MAX_DEPTH, type Direction } from './search';
import { subgraphOf } from './walk';

/**
 * The graph after the first walk and each expansion in the order asked for. It stops at the first
 * expansion not yet answered (so the order holds) or refused (its error is shown); an expansion of a
 * node the graph no longer shows (a link from an older exploration) is passed over.
 */
function replay(start: NodeRef, firstWalk: Subgraph, expansions: Expansion[], walks: ReadonlyMap<string, ExpansionWalk>) {
  let graph = shownGraphOf(start, firstWalk);
  for (const x of expansions) {
    const answer = walks.get(expansionKey(x));
    if (!answer) return { graph, expanding: expansionKey(x), expandError: null };
    if ('error' in answer) return { graph, expanding: null, expandError: answer.error };
    const from = graph.nodes.find((n) => nodeKey(n) === nodeKey(x));
    if (from) graph = expandGraph(graph, from, answer.walk);
  }
  return { graph, expanding: null, expandError: null };
}

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
  /** The URL's `expand` (expansions.ts). */
  expand?: string;
}

/** The first walk from the start node, then each expansion asked for (kept in the URL), laid out by ELK and drawn. */
export function LineageExplorer({ start, direction, depth, expand }: Props) {
  const [result] = useQuery({ query: LineageWalkDocument, variables: { node: start, direction, depth, maxEdges: MAX_EDGES } });
  return (
    <QueryState result={result} loadingLabel="Walking the lineage…">
      {(data) => <ExplorerView start={start} direction={direction} depth={depth} expand={expand} firstWalk={subgraphOf(data.lineage)} />}
    </QueryState>
  );
}

function ExplorerView({ start, direction, depth, expand: expandParam, firstWalk }: Props & { firstWalk: Subgraph }) {
  const navigate = useNavigate();
  const startKey = nodeKey(start);
  const expansions = useMemo(() => parseExpansions(expandParam), [expandParam]);
  const walks = useExpansionWalks(expansions, MAX_EDGES);
  const [selectedKey, setSelectedKey] = useState(startKey);
  const { graph, expanding, expandError } = useMemo(
    () => replay(start, firstWalk, expansions, walks),
    [start, firstWalk, expansions, walks],
  );
  const drawn = useLaidOut(graph);

  const expand = (node: GraphNode, towards: Towards) => {
    const asked = { type: node.type, id: node.id, towards };
    if (expansions.some((x) => expansionKey(x) === expansionKey(asked))) return;
    void navigate({ to: '/lineage', search: (prev) => ({ ...prev, expand: expansionsParam([...expansions, asked]) }) });
  };

  // Another direction or depth is another first walk: the expansions asked for on the old one go.
  const setSearch = (change: { direction?: Direction; depth?: number }) =>
    void navigate({ to: '/lineage', search: (prev) => ({ ...prev, ...change, expand: undefined }) });
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
              onExpand={(towards) => expand(selected, towards)}
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
