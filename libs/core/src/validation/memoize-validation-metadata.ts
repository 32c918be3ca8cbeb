import { getMetadataStorage } from 'class-validator';

type Lookup = (target: unknown, schema: string, always: boolean, strictGroups: boolean, groups?: string[]) => unknown[];

let installed = false;

/**
 * class-validator rescans every registered class on each `validate` call to find a target's
 * metadata (typestack/class-validator#2686); the bulk path validates up to 10,000 inputs a call, and
 * that scan dominated its profile. A target's metadata, own and inherited, is complete once its class
 * has loaded and never changes, so the lookup is memoised per target and argument tuple (as Twenty
 * does, twentyhq/twenty#24085). Idempotent; each process that validates installs it at start.
 */
export function memoizeValidationMetadata(): void {
  if (installed) return;
  installed = true;
  const storage = getMetadataStorage() as unknown as { getTargetValidationMetadatas: Lookup };
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const cache = new WeakMap<object, Map<string, unknown[]>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (typeof target !== 'function') return lookup(target, schema, always, strictGroups, groups);
    let byArgs = cache.get(target);
    if (!byArgs) cache.set(target, (byArgs = new Map()));
    const key = JSON.stringify([schema, always, strictGroups, groups ?? null]);
    let found = byArgs.get(key);
    if (!found) byArgs.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
}
