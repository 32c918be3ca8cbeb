/** One field of an audit event's change: what it was and what it became (undefined: absent on that side). */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The fields an event changed: its `changes` (`{ field: { from, to } }`) when it has them, else the
 * fields of `before` and `after` that differ (an event written with only a snapshot).
 */
export function fieldChanges(event: { changes: unknown; before?: unknown; after?: unknown }): FieldChange[] {
  if (isRecord(event.changes) && Object.keys(event.changes).length > 0) {
    return Object.entries(event.changes).map(([field, change]) =>
      isRecord(change) && ('from' in change || 'to' in change)
        ? { field, from: change.from, to: change.to }
        : { field, from: undefined, to: change },
    );
  }
  const before = isRecord(event.before) ? event.before : {};
  const after = isRecord(event.after) ? event.after : {};
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({ field, from: before[field], to: after[field] }));
}

/** A value as a reader sees it: text as is, nothing as "(none)", anything else as compact JSON. */
export function showValue(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
