import DataLoader from 'dataloader';
import { UniqueNames } from '../seams/unique-names';

/**
 * A DataLoader as its owning context defines it, once: the name and the batch function. `deps` are
 * what the batch needs (the actor, the owner's services); they are constant within a request, so
 * the first `get` of the request supplies them.
 */
export interface LoaderToken<K, V, D extends unknown[]> {
  readonly name: string;
  readonly batch: (keys: readonly K[], ...deps: D) => Promise<readonly (V | Error)[]>;
}

const loaderNames = new UniqueNames('DataLoader');

/** Defines a loader; a second definition with the same name throws. */
export function defineLoader<K, V, D extends unknown[]>(token: LoaderToken<K, V, D>): LoaderToken<K, V, D> {
  loaderNames.claim(token.name);
  return Object.freeze({ ...token });
}

/** A service that reads rows by id as the actor may see them (the rows it may not see are left out). */
export interface LoadsById<A, V> {
  loadMany(actor: A, ids: readonly string[]): Promise<V[]>;
}

/** The common shape: rows by id, null where missing or not visible to the actor. */
export function defineByIdLoader<V extends { id: string }, A>(
  name: string,
): LoaderToken<string, V | null, [actor: A, source: LoadsById<A, V>]> {
  return defineLoader({
    name,
    batch: async (ids, actor: A, source: LoadsById<A, V>) => byKeys(ids, await source.loadMany(actor, ids), (x) => x.id),
  });
}

/** Per-request DataLoaders, created on first use, so nested fields batch into one query each. */
export class LoaderRegistry {
  private readonly loaders = new Map<LoaderToken<unknown, unknown, never>, DataLoader<unknown, unknown>>();

  get<K, V, D extends unknown[]>(token: LoaderToken<K, V, D>, ...deps: D): DataLoader<K, V> {
    let loader = this.loaders.get(token as never) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(async (keys) => [...(await token.batch(keys, ...deps))], { maxBatchSize: 500 });
      this.loaders.set(token as never, loader);
    }
    return loader;
  }
}

/** Orders batch results as DataLoader wants them: one entry per key, in key order. */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K, missing: V | null = null): (V | null)[] {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? missing);
}

/** Groups batch results per key: for one-to-many relations. */
export function groupByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) map.get(keyOf(row))?.push(row);
  return keys.map((key) => map.get(key) ?? []);
}
