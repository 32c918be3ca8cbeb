import { LineageNodeType } from '../graph/lineage-vocabulary';
import { renderDot, renderMermaid, type DiagramEdge, type DiagramNode } from './render';

const nodes: DiagramNode[] = [
  { type: LineageNodeType.DATASET_VERSION, id: 'd1', label: 'claims-history 2024.1' },
  { type: LineageNodeType.MODEL_VERSION, id: 'm1', label: 'claim "severity" <b>1.0</b>' },
  { type: LineageNodeType.DECISION, id: '0d99d2da-b428-4d34-ad46-bdd0097c514b', label: null },
];
const edges: DiagramEdge[] = [
  {
    kind: 'trained_on',
    upstream: { type: LineageNodeType.DATASET_VERSION, id: 'd1' },
    downstream: { type: LineageNodeType.MODEL_VERSION, id: 'm1' },
  },
  {
    kind: 'uses_model',
    upstream: { type: LineageNodeType.MODEL_VERSION, id: 'm1' },
    downstream: { type: LineageNodeType.DECISION, id: '0d99d2da-b428-4d34-ad46-bdd0097c514b' },
  },
  // An edge to a node outside the subgraph is left out rather than drawn to nowhere.
  {
    kind: 'reviewed_by',
    upstream: { type: LineageNodeType.DECISION, id: 'elsewhere' },
    downstream: { type: LineageNodeType.REVIEW, id: 'r' },
  },
];

describe('lineage diagrams', () => {
  it('renders a Mermaid flowchart with a shape per node type, escaped labels and labelled edges', () => {
    expect(renderMermaid(nodes, edges)).toBe(
      [
        'flowchart LR',
        '  n0[("dataset version: claims-history 2024.1")]',
        '  n1[["model version: claim #quot;severity#quot; #lt;b#gt;1.0#lt;/b#gt;"]]',
        '  n2(["decision: 0d99d2da"])',
        '  n0 -->|trained_on| n1',
        '  n1 -->|uses_model| n2',
        '',
      ].join('\n'),
    );
  });

  it('renders Graphviz DOT with quotes and backslashes escaped', () => {
    const dot = renderDot([{ type: LineageNodeType.MODEL_VERSION, id: 'm', label: 'a "b" \\ c' }], []);
    expect(dot).toContain('n0 [shape=box3d, label="model version: a \\"b\\" \\\\ c"];');
    expect(renderDot(nodes, edges)).toContain('n0 -> n1 [label="trained_on"];');
    expect(renderDot(nodes, edges)).not.toContain('reviewed_by');
  });
});
