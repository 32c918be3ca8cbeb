import { parseCsv } from '@attest/core';

export { parseCsv };

/** The rows of a CSV as objects keyed by its header row. */
export function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}
