import { mapInSlices } from './in-slices';

describe('mapInSlices', () => {
  it('maps in order, sync or async work alike', async () => {
    expect(await mapInSlices([1, 2, 3, 4, 5], (n, i) => n * 10 + i, 2)).toEqual([10, 21, 32, 43, 54]);
    expect(await mapInSlices([1, 2, 3], async (n) => n + 1, 1)).toEqual([2, 3, 4]);
    expect(await mapInSlices([], (n: number) => n)).toEqual([]);
  });

  it('lets a waiting callback run between slices, where a loop of awaits would not', async () => {
    const seen: string[] = [];
    setImmediate(() => seen.push('io'));
    await mapInSlices(
      [0, 1, 2, 3],
      (n) => {
        seen.push(`item ${n}`);
      },
      2,
    );
    expect(seen).toEqual(['item 0', 'item 1', 'io', 'item 2', 'item 3']);
  });
});
