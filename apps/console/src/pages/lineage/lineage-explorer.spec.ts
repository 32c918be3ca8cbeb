import { toDot, toMermaid } from './diagram-text';
import { graphSvg } from './graph-svg';
import { elkInputOf, layoutOf, NODE_HEIGHT, NODE_WIDTH } from './layout';
import { expandGraph, shownGraphOf, type GraphEdge, type GraphNode, type Subgraph } from './lineage-graph';
import { lineageSearch } from './search';

const DECISION: GraphNode = { type: 'DECISION', id: 'd0000000-0000-4000-8000-000000000001', label: 'claim-2026-118230', depth: 0 };
const MODEL: GraphNode = { type: 'MODEL_VERSION', id: 'm0000000-0000-4000-8000-000000000001', label: 'claim-severity 1.0.0', depth: 1 };
const AUTOMATION: GraphNode = {
  type: 'AUTOMATION_VERSION',
  id: 'a0000000-0000-4000-8000-000000000001',
  label: 'claims-triage 1',
  depth: 1,
};
const DATASET: GraphNode = {
  type: 'DATASET_VERSION',
  id: 'b0000000-0000-4000-8000-000000000001',
  label: 'claims-history 2024.1',
  depth: 1,
};

const edge = (kind: GraphEdge['kind'], upstream: GraphNode, downstream: GraphNode, at = '2026-12-01T10:00:00.000Z'): GraphEdge => ({
  kind,
  upstream: { type: upstream.type, id: upstream.id },
  downstream: { type: downstream.type, id: downstream.id },
  at,
});

/** The decision's first walk (depth 1): its automation and model versions. */
const firstWalk: Subgraph = {
  nodes: [DECISION, AUTOMATION, MODEL],
  edges: [edge('PRODUCED_BY', AUTOMATION, DECISION), edge('USES_MODEL', MODEL, DECISION)],
  truncated: false,
};
/** The model version's own walk (depth 1, both ways): its dataset, its automation, the decision again. */
const modelWalk: Subgraph = {
  nodes: [{ ...MODEL, depth: 0 }, DATASET, AUTOMATION, DECISION],
  edges: [edge('TRAINED_ON', DATASET, MODEL), edge('USES_MODEL', MODEL, AUTOMATION), edge('USES_MODEL', MODEL, DECISION)],
  truncated: false,
};

describe('the lineage explorer graph', () => {
  it('adds an expansion once: new nodes by their distance through the expanded node, known nodes and edges kept', () => {
    const shown = expandGraph(shownGraphOf(DECISION, firstWalk), MODEL, modelWalk);
    expect(shown.nodes.map((n) => [n.label, n.depth])).toEqual([
      ['claim-2026-118230', 0],
      ['claims-triage 1', 1],
      ['claim-severity 1.0.0', 1],
      ['claims-history 2024.1', 2],
    ]);
    expect(shown.edges.map((e) => e.kind)).toEqual(['PRODUCED_BY', 'USES_MODEL', 'TRAINED_ON', 'USES_MODEL']);
    expect(shown.expanded).toEqual([`DECISION:${DECISION.id}`, `MODEL_VERSION:${MODEL.id}`]);
    expect(expandGraph(shown, MODEL, modelWalk)).toEqual(shown);
  });

  it('keeps the shortest distance when an expansion reaches a node by a shorter path, and remembers a cut walk', () => {
    const far: GraphNode = { ...DATASET, depth: 3 };
    const shown = shownGraphOf(DECISION, { nodes: [DECISION, far], edges: [], truncated: false });
    const nearer = expandGraph(shown, { ...MODEL, depth: 1 }, { nodes: [{ ...DATASET, depth: 1 }], edges: [], truncated: true });
    expect(nearer.nodes.find((n) => n.type === 'DATASET_VERSION')?.depth).toBe(2);
    expect(nearer.truncated).toBe(true);
  });
});

describe('the lineage explorer exports', () => {
  const shown = expandGraph(shownGraphOf(DECISION, firstWalk), MODEL, modelWalk);

  it('draws the graph on screen as a Mermaid flowchart, a shape per node type, edges by kind', () => {
    expect(toMermaid(shown.nodes, shown.edges)).toBe(
      [
        'flowchart LR',
        '  n0(["decision: claim-2026-118230"])',
        '  n1["automation version: claims-triage 1"]',
        '  n2[["model version: claim-severity 1.0.0"]]',
        '  n3[("dataset version: claims-history 2024.1")]',
        '  n1 -->|produced_by| n0',
        '  n2 -->|uses_model| n0',
        '  n3 -->|trained_on| n2',
        '  n2 -->|uses_model| n1',
        '',
      ].join('\n'),
    );
  });

  it('draws the same graph as Graphviz DOT', () => {
    expect(toDot(shown.nodes, shown.edges)).toBe(
      [
        'digraph lineage {',
        '  rankdir=LR;',
        '  node [fontname="Helvetica", fontsize=10];',
        '  edge [fontname="Helvetica", fontsize=9];',
        '  n0 [shape=ellipse, label="decision: claim-2026-118230"];',
        '  n1 [shape=box, label="automation version: claims-triage 1"];',
        '  n2 [shape=box3d, label="model version: claim-severity 1.0.0"];',
        '  n3 [shape=cylinder, label="dataset version: claims-history 2024.1"];',
        '  n1 -> n0 [label="produced_by"];',
        '  n2 -> n0 [label="uses_model"];',
        '  n3 -> n2 [label="trained_on"];',
        '  n2 -> n1 [label="uses_model"];',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('keeps a label inside its quotes in both formats, whatever it holds, and names an unlabelled node by its id', () => {
    const hostile: GraphNode = {
      type: 'EXTERNAL_DATASET',
      id: 'e0000000-0000-4000-8000-000000000001',
      label: 'a"]-->x\\"<b>\nend',
      depth: 1,
    };
    const bare: GraphNode = { type: 'RUN', id: 'f1234567-0000-4000-8000-000000000001', label: null, depth: 2 };
    const mermaid = toMermaid([hostile, bare], [edge('INPUT_OF', hostile, bare)]);
    expect(mermaid).toContain('n0[("external dataset: a#quot;]--#gt;x\\#quot;#lt;b#gt; end")]');
    expect(mermaid).toContain('n1[/"run: f1234567"/]');
    expect(mermaid.split('\n')).toHaveLength(5);
    const dot = toDot([hostile], []);
    expect(dot).toContain('label="external dataset: a\\"]-->x\\\\\\"<b>\\nend"');
  });

  it('leaves out an edge whose ends are not both shown', () => {
    expect(toMermaid([DECISION], [edge('USES_MODEL', MODEL, DECISION)])).toBe('flowchart LR\n  n0(["decision: claim-2026-118230"])\n');
  });
});

describe('the lineage explorer layout', () => {
  it('asks ELK for a left-to-right layered layout of the shown nodes and the edges between them', () => {
    const input = elkInputOf([DECISION, MODEL], [edge('USES_MODEL', MODEL, DECISION), edge('TRAINED_ON', DATASET, MODEL)]);
    expect(input.layoutOptions).toMatchObject({ 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT' });
    expect(input.children).toEqual([
      { id: `DECISION:${DECISION.id}`, width: NODE_WIDTH, height: NODE_HEIGHT },
      { id: `MODEL_VERSION:${MODEL.id}`, width: NODE_WIDTH, height: NODE_HEIGHT },
    ]);
    expect(input.edges).toEqual([
      {
        id: `MODEL_VERSION:${MODEL.id}>USES_MODEL>DECISION:${DECISION.id}`,
        sources: [`MODEL_VERSION:${MODEL.id}`],
        targets: [`DECISION:${DECISION.id}`],
      },
    ]);
  });

  it('reads positions and edge routes from the laid-out graph, and draws them as a self-contained SVG', () => {
    const key = `MODEL_VERSION:${MODEL.id}>USES_MODEL>DECISION:${DECISION.id}`;
    const layout = layoutOf({
      id: 'lineage',
      width: 600,
      height: 90,
      children: [
        { id: `MODEL_VERSION:${MODEL.id}`, x: 16, y: 16 },
        { id: `DECISION:${DECISION.id}`, x: 366, y: 16 },
      ],
      edges: [
        {
          id: key,
          sources: [],
          targets: [],
          sections: [{ id: 's', startPoint: { x: 256, y: 44 }, bendPoints: [{ x: 300, y: 44 }], endPoint: { x: 366, y: 44 } }],
        },
      ],
    });
    expect(layout.positions.get(`DECISION:${DECISION.id}`)).toEqual({ x: 366, y: 16 });
    expect(layout.routes.get(key)).toEqual([
      { x: 256, y: 44 },
      { x: 300, y: 44 },
      { x: 366, y: 44 },
    ]);
    const colours = { background: '#fff', node: '#f8f9fa', border: '#ced4da', text: '#000', dimmed: '#495057', edge: '#868e96' };
    const svg = graphSvg([MODEL, { ...DECISION, label: 'a<b & "c"' }], [edge('USES_MODEL', MODEL, DECISION)], layout, colours);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="600" height="90"/);
    expect(svg).toContain('<polyline points="256,44 300,44 366,44"');
    expect(svg).toContain('>uses model</text>');
    expect(svg).toContain('<g transform="translate(366,16)"><title>decision: a&lt;b &amp; &quot;c&quot;</title>');
    expect(svg).not.toMatch(/href|url\((?!#arrow)|<image|<foreignObject/);
  });
});

describe('the lineage explorer link', () => {
  it('keeps a node type, a uuid, a direction and a depth of 1 to 10 from the URL and drops the rest', () => {
    expect(lineageSearch({ type: 'DECISION', id: DECISION.id.toUpperCase(), direction: 'UPSTREAM', depth: '3' })).toEqual({
      type: 'DECISION',
      id: DECISION.id,
      direction: 'UPSTREAM',
      depth: 3,
    });
    expect(lineageSearch({ type: 'decision', id: 'not-a-uuid', direction: 'SIDEWAYS', depth: 11 })).toEqual({
      type: undefined,
      id: undefined,
      direction: undefined,
      depth: undefined,
    });
  });
});
