import { defineLoader, LoaderRegistry } from './loader-registry';

describe('defineLoader', () => {
  it('refuses a second loader with the same name', () => {
    defineLoader<string, string, []>({ name: 'spec.duplicate', batch: async (keys) => [...keys] });
    expect(() => defineLoader<string, string, []>({ name: 'spec.duplicate', batch: async (keys) => [...keys] })).toThrow(
      'DataLoader "spec.duplicate" is defined twice',
    );
  });
});

describe('LoaderRegistry', () => {
  const doubled = defineLoader<number, number, [calls: number[][]]>({
    name: 'spec.doubled',
    batch: async (keys, calls) => {
      calls.push([...keys]);
      return keys.map((k) => k * 2);
    },
  });

  it("batches the loads of one request through the owner's batch function, given its deps once", async () => {
    const calls: number[][] = [];
    const loaders = new LoaderRegistry();
    const values = await Promise.all([loaders.get(doubled, calls).load(1), loaders.get(doubled, []).load(2)]);
    expect(values).toEqual([2, 4]);
    expect(calls).toEqual([[1, 2]]);
  });

  it('gives each request its own loaders', async () => {
    const calls: number[][] = [];
    await new LoaderRegistry().get(doubled, calls).load(1);
    await new LoaderRegistry().get(doubled, calls).load(1);
    expect(calls).toEqual([[1], [1]]);
  });
});
