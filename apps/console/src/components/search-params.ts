/**
 * Search parameters read from the URL (validateSearch): what is not a known value is dropped, never
 * trusted, so a hand-edited link shows the unfiltered page instead of an error.
 */

/** A non-empty string of at most `max` characters, trimmed; otherwise undefined. */
export function textParam(value: unknown, max = 200): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  return text === '' || text.length > max ? undefined : text;
}

/** One of `allowed`, or undefined. */
export function oneOfParam<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** An ISO 8601 time the browser can read, normalised to UTC; otherwise undefined. */
export function isoTimeParam(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}
