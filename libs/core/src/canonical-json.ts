/**
 * JSON with object keys sorted (by UTF-16 code unit) at every depth and no whitespace; array order is
 * kept. `toJSON` is honoured first, as `JSON.stringify` would, so a Date hashes as its ISO string.
 * Keys holding `undefined` are dropped, as in JSON.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value)) ?? 'null';
}

function sortKeysDeep(value: unknown): unknown {
  const json = typeof (value as { toJSON?: unknown } | null)?.toJSON === 'function' ? (value as { toJSON(): unknown }).toJSON() : value;
  if (Array.isArray(json)) return json.map(sortKeysDeep);
  if (typeof json !== 'object' || json === null) return json;
  const keys = Object.keys(json).filter((key) => (json as Record<string, unknown>)[key] !== undefined).sort();
  return Object.fromEntries(keys.map((key) => [key, sortKeysDeep((json as Record<string, unknown>)[key])]));
}
