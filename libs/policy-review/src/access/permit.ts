/**
 * One way access is given (or, for a "cannot", taken back): on objects matching `conditions`
 * (canonical JSON; null: every object) and on `fields` (sorted; null: every field).
 */
export interface Permit {
  conditions: string | null;
  fields: string[] | null;
  /** `file:line` of the rules behind it, sorted. */
  sources: string[];
}

/** Whether `outer` allows (or denies) everything `inner` does. */
export function permitCovers(outer: Permit, inner: Permit): boolean {
  const conditions = outer.conditions === null || outer.conditions === inner.conditions;
  return conditions && (outer.fields === null || (inner.fields !== null && inner.fields.every((f) => outer.fields!.includes(f))));
}

/** Whether the two can apply to a common field (conditions aside). */
export function fieldsOverlap(a: Permit, b: Permit): boolean {
  return a.fields === null || b.fields === null || a.fields.some((f) => b.fields!.includes(f));
}

/**
 * One permit per set of conditions: their fields are united. An all-fields permit makes the
 * field-restricted ones redundant, so only its rules remain as sources.
 */
export function mergeByConditions(permits: readonly Permit[]): Permit[] {
  const groups = new Map<string | null, Permit[]>();
  for (const permit of permits) groups.set(permit.conditions, [...(groups.get(permit.conditions) ?? []), permit]);
  return [...groups.values()].map((group) => {
    const whole = group.filter((p) => p.fields === null);
    if (whole.length > 0) return { conditions: group[0].conditions, fields: null, sources: sortSources(whole.flatMap((p) => p.sources)) };
    return {
      conditions: group[0].conditions,
      fields: sortedUnique(group.flatMap((p) => p.fields!)),
      sources: sortSources(group.flatMap((p) => p.sources)),
    };
  });
}

/**
 * A conditional permit need not repeat fields its unconditional sibling already has; one left
 * with no fields is dropped. Expects permits merged by conditions.
 */
export function dropImpliedFields(permits: readonly Permit[]): Permit[] {
  const always = permits.find((p) => p.conditions === null);
  if (!always) return [...permits];
  return permits.flatMap((p) => {
    if (p === always) return [p];
    if (always.fields === null) return [];
    if (p.fields === null) return [p];
    const fields = p.fields.filter((f) => !always.fields!.includes(f));
    return fields.length > 0 ? [{ ...p, fields }] : [];
  });
}

/** Unconditional first, then by conditions and fields, so that equal sets render equally. */
export function sortPermits(permits: readonly Permit[]): Permit[] {
  const key = (p: Permit) => `${p.conditions === null ? 0 : 1}${p.conditions ?? ''}\u0000${p.fields?.join(',') ?? ''}`;
  return [...permits].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

/** `file:line` sorted by file, then by line as a number. */
export function sortSources(sources: readonly string[]): string[] {
  const split = (s: string) => {
    const at = s.lastIndexOf(':');
    return [s.slice(0, at), Number(s.slice(at + 1))] as const;
  };
  return [...new Set(sources)].sort((a, b) => {
    const [[fileA, lineA], [fileB, lineB]] = [split(a), split(b)];
    return fileA !== fileB ? (fileA < fileB ? -1 : 1) : lineA - lineB;
  });
}
