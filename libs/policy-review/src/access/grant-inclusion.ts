import type { Grant } from './grant';
import { fieldsOverlap, permitCovers, type Permit } from './permit';

/**
 * Whether `wider` certainly allows everything `narrower` does. Conservative: conditions are only
 * known to include one another when equal or absent, so `false` means "not shown", not "no".
 */
export function grantIncludes(wider: Grant, narrower: Grant): boolean {
  const [outer, inner] = [shapeOf(wider), shapeOf(narrower)];
  return inner.allow.every(
    (granted) =>
      outer.allow.some((permit) => permitCovers(permit, granted)) &&
      outer.except.every((denial) => !fieldsOverlap(denial, granted) || inner.except.some((own) => permitCovers(own, denial))),
  );
}

function shapeOf(grant: Grant): { allow: Permit[]; except: Permit[] } {
  if (grant.kind === 'limited') return grant;
  const allow = grant.kind === 'always' ? [{ conditions: null, fields: null, sources: [] }] : [];
  return { allow, except: [] };
}
