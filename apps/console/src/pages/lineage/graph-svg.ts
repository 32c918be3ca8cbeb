import { diagramCaption } from './diagram-text';
import { edgeKey, enumWords, nodeCaption, nodeKey, type GraphEdge, type GraphNode } from './lineage-graph';
import { NODE_HEIGHT, NODE_WIDTH, type Layout } from './layout';

/** Colours of the picture: the theme's, so a PNG looks like the page it came from. */
export interface SvgColours {
  background: string;
  node: string;
  border: string;
  text: string;
  dimmed: string;
  edge: string;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Cut to fit a node's width at the picture's font size, with an ellipsis: the full text is in the Mermaid and DOT exports. */
const fit = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * The laid-out graph as a self-contained SVG (no fonts, images or styles from outside), so the
 * browser can draw it on a canvas for a PNG without tainting it and within the console's CSP.
 */
export function graphSvg(nodes: readonly GraphNode[], edges: readonly GraphEdge[], layout: Layout, colours: SvgColours): string {
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="Helvetica, Arial, sans-serif">`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="${colours.edge}"/></marker></defs>`,
    `<rect width="100%" height="100%" fill="${colours.background}"/>`,
  ];
  for (const e of edges) {
    const route = layout.routes.get(edgeKey(e));
    if (!route || route.length < 2) continue;
    const points = route.map((p) => `${p.x},${p.y}`).join(' ');
    // The label sits on the middle segment of the route.
    const i = Math.floor((route.length - 1) / 2);
    const [middle, next] = [route[i], route[i + 1]];
    parts.push(
      `<polyline points="${points}" fill="none" stroke="${colours.edge}" stroke-width="1.2" marker-end="url(#arrow)"/>`,
      `<text x="${(middle.x + next.x) / 2}" y="${(middle.y + next.y) / 2 - 4}" font-size="10" text-anchor="middle" fill="${colours.dimmed}">${xml(enumWords(e.kind))}</text>`,
    );
  }
  for (const n of nodes) {
    const at = layout.positions.get(nodeKey(n));
    if (!at) continue;
    parts.push(
      `<g transform="translate(${at.x},${at.y})"><title>${xml(diagramCaption(n))}</title>`,
      `<rect width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="6" fill="${colours.node}" stroke="${colours.border}"/>`,
      `<text x="10" y="20" font-size="10" fill="${colours.dimmed}">${xml(enumWords(n.type))}</text>`,
      `<text x="10" y="40" font-size="13" fill="${colours.text}">${xml(fit(nodeCaption(n), 28))}</text></g>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
