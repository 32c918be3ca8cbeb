import { registerEnumType } from '@nestjs/graphql';
import type { LineageNodeType } from '../graph/lineage-vocabulary';

export enum DiagramFormat {
  MERMAID = 'MERMAID',
  DOT = 'DOT',
}
registerEnumType(DiagramFormat, {
  name: 'DiagramFormat',
  description: 'Mermaid flowchart (Markdown, the console) or Graphviz DOT (reports)',
  valuesMap: {
    MERMAID: { description: 'A Mermaid flowchart, for Markdown and the console' },
    DOT: { description: 'Graphviz DOT, for reports' },
  },
});

export interface DiagramNode {
  type: LineageNodeType;
  id: string;
  label: string | null;
}

export interface DiagramEdge {
  kind: string;
  upstream: { type: LineageNodeType; id: string };
  downstream: { type: LineageNodeType; id: string };
}

/** Shapes by node type, so a reader tells data from models from decisions at a glance. */
const MERMAID_SHAPE: Record<string, [string, string]> = {
  dataset_version: ['[(', ')]'],
  external_dataset: ['[(', ')]'],
  model_version: ['[[', ']]'],
  automation_version: ['[', ']'],
  decision: ['([', '])'],
  review: ['{{', '}}'],
  job: ['[/', '/]'],
  run: ['[/', '/]'],
};
const DOT_SHAPE: Record<string, string> = {
  dataset_version: 'cylinder',
  external_dataset: 'cylinder',
  model_version: 'box3d',
  automation_version: 'box',
  decision: 'ellipse',
  review: 'hexagon',
  job: 'parallelogram',
  run: 'parallelogram',
};

/** Node ids in a diagram: short, stable, and free of anything a label could inject. */
function ids(nodes: readonly DiagramNode[]): Map<string, string> {
  return new Map(nodes.map((n, i) => [`${n.type}:${n.id}`, `n${i}`]));
}

const caption = (n: DiagramNode) => `${n.type.replace('_', ' ')}: ${n.label ?? n.id.slice(0, 8)}`;

export function renderDiagram(format: DiagramFormat, nodes: readonly DiagramNode[], edges: readonly DiagramEdge[]): string {
  return format === DiagramFormat.MERMAID ? renderMermaid(nodes, edges) : renderDot(nodes, edges);
}

/** A Mermaid flowchart, left to right (upstream on the left). Labels are quoted with Mermaid's entity escapes. */
export function renderMermaid(nodes: readonly DiagramNode[], edges: readonly DiagramEdge[]): string {
  const id = ids(nodes);
  const text = (s: string) =>
    `"${s
      .replace(/"/g, '#quot;')
      .replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'))
      .replace(/\n/g, ' ')}"`;
  const lines = ['flowchart LR'];
  for (const n of nodes) {
    const [open, close] = MERMAID_SHAPE[n.type] ?? ['[', ']'];
    lines.push(`  ${id.get(`${n.type}:${n.id}`)}${open}${text(caption(n))}${close}`);
  }
  for (const e of edges) {
    const from = id.get(`${e.upstream.type}:${e.upstream.id}`);
    const to = id.get(`${e.downstream.type}:${e.downstream.id}`);
    if (from && to) lines.push(`  ${from} -->|${e.kind}| ${to}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Graphviz DOT, left to right. Labels are DOT strings (backslash and quote escaped). */
export function renderDot(nodes: readonly DiagramNode[], edges: readonly DiagramEdge[]): string {
  const id = ids(nodes);
  const text = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
  const lines = [
    'digraph lineage {',
    '  rankdir=LR;',
    '  node [fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  for (const n of nodes) lines.push(`  ${id.get(`${n.type}:${n.id}`)} [shape=${DOT_SHAPE[n.type] ?? 'box'}, label=${text(caption(n))}];`);
  for (const e of edges) {
    const from = id.get(`${e.upstream.type}:${e.upstream.id}`);
    const to = id.get(`${e.downstream.type}:${e.downstream.id}`);
    if (from && to) lines.push(`  ${from} -> ${to} [label=${text(e.kind)}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
