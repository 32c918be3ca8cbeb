/**
 * JSON with object keys sorted by UTF-16 code unit at every depth (integer-like keys too, unlike a
 * plain object's own order) and no whitespace; array order is kept. `toJSON` is honoured first, as
 * `JSON.stringify` would, so a Date hashes as its ISO string. Keys holding `undefined`, functions or
 * symbols are dropped, and such values in arrays become null, as in JSON; a bigint throws, as in JSON.
 * Written straight into the string (no sorted copy of the value): it runs on every recorded decision.
 */
export function canonicalJson(value: unknown): string {
  return write(value) ?? 'null';
}

function write(value: unknown): string | undefined {
  const json = typeof (value as { toJSON?: unknown } | null)?.toJSON === 'function' ? (value as { toJSON(): unknown }).toJSON() : value;
  if (typeof json !== 'object' || json === null) return JSON.stringify(json);
  if (Array.isArray(json)) {
    let out = '[';
    for (let i = 0; i < json.length; i++) out += (i === 0 ? '' : ',') + (write(json[i]) ?? 'null');
    return `${out}]`;
  }
  const record = json as Record<string, unknown>;
  let out = '{';
  for (const key of Object.keys(record).sort()) {
    const item = write(record[key]);
    if (item === undefined) continue;
    out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${item}`;
  }
  return `${out}}`;
}
