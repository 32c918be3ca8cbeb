import type { LineageNodeType } from '../../gql/graphql';
import { nodeCaption, nodeKey, type GraphEdge, type GraphNode } from './lineage-graph';

/**
 * The graph on screen as text, drawn the way the API's `lineageDiagram` draws a walk (docs/lineage.md,
 * "Drawing it"): left to right, a shape per node type, edges labelled with their kind. The console
 * draws what is shown (the first walk and every expansion), which no single API walk returns.
 */
export type DiagramFormat = 'mermaid' | 'dot';

interface Shape {
  mermaid: [open: string, close: string];
  dot: string;
}

const SHAPES: Record<LineageNodeType, Shape> = {
  DATASET_VERSION: { mermaid: ['[(', ')]'], dot: 'cylinder' },
  EXTERNAL_DATASET: { mermaid: ['[(', ')]'], dot: 'cylinder' },
  MODEL_VERSION: { mermaid: ['[[', ']]'], dot: 'box3d' },
  AUTOMATION_VERSION: { mermaid: ['[', ']'], dot: 'box' },
  DECISION: { mermaid: ['([', '])'], dot: 'ellipse' },
  REVIEW: { mermaid: ['{{', '}}'], dot: 'hexagon' },
  JOB: { mermaid: ['[/', '/]'], dot: 'parallelogram' },
  RUN: { mermaid: ['[/', '/]'], dot: 'parallelogram' },
};

/** "dataset version: claims-history 2024.1": the node's type in words, then its name. */
export const diagramCaption = (n: GraphNode): string => `${n.type.replace(/_/g, ' ').toLowerCase()}: ${nodeCaption(n)}`;

/** Edge kinds as OpenLineage and the stored edges spell them (trained_on). */
const kindText = (e: GraphEdge) => e.kind.toLowerCase();

/**
 * Drawing ids n0, n1, … by position: short, stable for the same graph, and free of anything a label
 * could inject; edges whose ends are not both drawn are left out.
 */
function drawable(nodes: readonly GraphNode[], edges: readonly GraphEdge[]) {
  const ids = new Map(nodes.map((n, i) => [nodeKey(n), `n${i}`]));
  const links = edges.flatMap((e) => {
    const from = ids.get(nodeKey(e.upstream));
    const to = ids.get(nodeKey(e.downstream));
    return from && to ? [{ from, to, kind: kindText(e) }] : [];
  });
  return { id: (n: GraphNode) => ids.get(nodeKey(n)) as string, links };
}

/** Mermaid's entity escapes inside a quoted label, on one line. */
const mermaidText = (s: string) =>
  `"${s
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/[\r\n]+/g, ' ')}"`;

export function toMermaid(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): string {
  const { id, links } = drawable(nodes, edges);
  const lines = ['flowchart LR'];
  for (const n of nodes) {
    const [open, close] = SHAPES[n.type].mermaid;
    lines.push(`  ${id(n)}${open}${mermaidText(diagramCaption(n))}${close}`);
  }
  for (const l of links) lines.push(`  ${l.from} -->|${l.kind}| ${l.to}`);
  return `${lines.join('\n')}\n`;
}

/** A DOT string: backslashes and quotes escaped, line breaks as \n. */
const dotText = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;

export function toDot(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): string {
  const { id, links } = drawable(nodes, edges);
  const lines = [
    'digraph lineage {',
    '  rankdir=LR;',
    '  node [fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  for (const n of nodes) lines.push(`  ${id(n)} [shape=${SHAPES[n.type].dot}, label=${dotText(diagramCaption(n))}];`);
  for (const l of links) lines.push(`  ${l.from} -> ${l.to} [label=${dotText(l.kind)}];`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

export function diagramText(format: DiagramFormat, nodes: readonly GraphNode[], edges: readonly GraphEdge[]): string {
  return format === 'mermaid' ? toMermaid(nodes, edges) : toDot(nodes, edges);
}
