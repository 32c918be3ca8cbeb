import '@xyflow/react/dist/style.css';
import { Text, UnstyledButton, useComputedColorScheme, VisuallyHidden } from '@mantine/core';
import {
  Background,
  Controls,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  useReactFlow,
  type Edge,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import { memo, useEffect, useMemo } from 'react';
import { NODE_HEIGHT, NODE_WIDTH, type Layout } from './layout';
import { edgeKey, enumWords, nodeCaption, nodeKey, type GraphNode, type ShownGraph } from './lineage-graph';
import classes from './lineage.module.css';

type LineageNodeData = { node: GraphNode; start: boolean; expanded: boolean; onSelect: (key: string) => void };
type LineageFlowNode = Node<LineageNodeData, 'lineage'>;

/**
 * A node is a button (its type and name): Tab reaches it, Enter or a click selects it, and the panel
 * beside the graph acts on it. The graph itself does no selection of its own.
 */
const LineageNodeBox = memo(function LineageNodeBox({ data, selected }: NodeProps<LineageFlowNode>) {
  const { node, start, expanded, onSelect } = data;
  const name = nodeCaption(node);
  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <UnstyledButton
        className={classes.node}
        data-selected={selected || undefined}
        data-start={start || undefined}
        aria-pressed={selected}
        onClick={() => onSelect(nodeKey(node))}
        style={{ width: NODE_WIDTH, height: NODE_HEIGHT }}
      >
        <Text size="xs" c="dimmed" lh={1.3}>
          {enumWords(node.type)}
        </Text>{' '}
        <Text size="sm" fw={500} lh={1.3} truncate="end" title={node.label ?? node.id}>
          {name}
        </Text>
        {/* After the name, so the button's name starts with what the node is; drawn in the corner. */}
        {expanded && !start && (
          <Text size="xs" c="dimmed" className={classes.marker}>
            {' '}
            expanded
          </Text>
        )}
        {start && <VisuallyHidden>, where the exploration started</VisuallyHidden>}
      </UnstyledButton>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </>
  );
});

const NODE_TYPES = { lineage: LineageNodeBox };
const FIT_VIEW = { maxZoom: 1.25, padding: 0.1 };

/** Fits the view again when the layout changes (an expansion), so new nodes are never off-screen. */
function FitOnChange({ layout }: { layout: Layout }) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    // After xyflow has placed the new nodes.
    const frame = requestAnimationFrame(() => void fitView(FIT_VIEW));
    return () => cancelAnimationFrame(frame);
  }, [layout, fitView]);
  return null;
}

interface Props {
  graph: ShownGraph;
  layout: Layout;
  startKey: string;
  selectedKey: string;
  onSelect: (key: string) => void;
}

/** The shown graph, where ELK placed it: pan and zoom with the controls or the mouse; nothing is dragged or connected. */
export function LineageGraphView({ graph, layout, startKey, selectedKey, onSelect }: Props) {
  const colorMode = useComputedColorScheme('light');
  const nodes = useMemo<LineageFlowNode[]>(
    () =>
      graph.nodes.map((node) => {
        const key = nodeKey(node);
        return {
          id: key,
          type: 'lineage',
          position: layout.positions.get(key) ?? { x: 0, y: 0 },
          data: { node, start: key === startKey, expanded: graph.expanded.includes(key), onSelect },
          selected: key === selectedKey,
          width: NODE_WIDTH,
          height: NODE_HEIGHT,
        };
      }),
    [graph, layout, startKey, selectedKey, onSelect],
  );
  const edges = useMemo<Edge[]>(
    () =>
      graph.edges.map((e) => ({
        id: edgeKey(e),
        source: nodeKey(e.upstream),
        target: nodeKey(e.downstream),
        label: enumWords(e.kind),
        markerEnd: { type: MarkerType.ArrowClosed },
        className: classes.edge,
      })),
    [graph],
  );
  return (
    // As tall as the drawing needs, within bounds: a flat chain does not leave half the canvas empty.
    <div className={classes.canvas} style={{ height: Math.min(560, Math.max(280, layout.height + 80)) }} data-testid="lineage-graph">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        colorMode={colorMode}
        fitView
        fitViewOptions={FIT_VIEW}
        minZoom={0.2}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        // xyflow lets pointer events reach a node only when something listens for them.
        onNodeClick={(_, clicked) => onSelect(clicked.id)}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} />
        <FitOnChange layout={layout} />
      </ReactFlow>
    </div>
  );
}
