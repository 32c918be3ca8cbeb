import { LineageEdgeKind, LineageNodeType, type NodeRef } from './lineage-vocabulary';
import { walk, type Edge, type EdgeReader } from './walk';

const n = (id: string, type = LineageNodeType.DATASET_VERSION): NodeRef => ({ type, id });
const e = (up: string, down: string): Edge => ({
  kind: LineageEdgeKind.DERIVED_FROM,
  upstream: n(up),
  downstream: n(down),
  at: new Date(0),
  runId: null,
});

/** An in-memory graph, read one hop at a time as the store does. */
function reader(edges: Edge[], calls: number[] = []): EdgeReader {
  return async (frontier, step, limit) => {
    calls.push(frontier.length);
    const ids = new Set(frontier.map((f) => f.id));
    return edges.filter((x) => ids.has(step === 'up' ? x.downstream.id : x.upstream.id)).slice(0, limit);
  };
}

describe('lineage walk', () => {
  const graph = [e('a', 'b'), e('b', 'c'), e('a', 'c'), e('c', 'd'), e('d', 'e')];

  it('reaches each node once at its shortest distance, downstream and upstream', async () => {
    const down = await walk(n('a'), 'down', 10, 100, reader(graph));
    expect([...down.nodes.values()].map((v) => [v.node.id, v.depth])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 1],
      ['d', 2],
      ['e', 3],
    ]);
    expect(down.edges).toHaveLength(5);
    const up = await walk(n('e'), 'up', 10, 100, reader(graph));
    expect([...up.nodes.keys()].map((k) => k.split(':')[1])).toEqual(['e', 'd', 'c', 'b', 'a']);
  });

  it('stops at the depth, and a cycle ends the walk', async () => {
    expect([...(await walk(n('a'), 'down', 1, 100, reader(graph))).nodes.keys()]).toHaveLength(3);
    const calls: number[] = [];
    const cyclic = await walk(n('x'), 'down', 50, 100, reader([e('x', 'y'), e('y', 'z'), e('z', 'x')], calls));
    expect(cyclic.nodes.size).toBe(3);
    expect(cyclic.edges).toHaveLength(3);
    expect(calls.length).toBeLessThanOrEqual(4); // x, y, z, then nothing new
  });

  it('stops at maxEdges and says so', async () => {
    const wide = Array.from({ length: 50 }, (_, i) => e('hub', `leaf-${i}`));
    const result = await walk(n('hub'), 'down', 3, 10, reader(wide));
    expect(result).toMatchObject({ truncated: true });
    expect(result.edges).toHaveLength(10);
    expect((await walk(n('hub'), 'down', 3, 50, reader(wide))).truncated).toBe(false);
  });
});
