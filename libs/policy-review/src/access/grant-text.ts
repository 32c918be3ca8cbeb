import type { Grant } from './grant';
import type { Permit } from './permit';

/**
 * A grant on one line, without its sources; equal grants read the same, so this is also how
 * grants are compared: `none`, `always`, `when {"ownerId":"${principal.id}"}`,
 * `always except fields [context, input, output]`, `when {…} fields [id, kind, name] or …`.
 */
export function grantText(grant: Grant): string {
  if (grant.kind !== 'limited') return grant.kind;
  const allow = grant.allow.map(permitText).join(' or ');
  return grant.except.length === 0 ? allow : `${allow} except ${grant.except.map(permitText).join(' or ')}`;
}

function permitText(permit: Permit): string {
  const parts = [
    permit.conditions === null ? undefined : `when ${permit.conditions}`,
    permit.fields === null ? undefined : `fields [${permit.fields.join(', ')}]`,
  ].filter((part) => part !== undefined);
  return parts.length > 0 ? parts.join(' ') : 'always';
}
