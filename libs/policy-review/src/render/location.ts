import type { SourceLocation } from '../report/check-report';

/** `file:line` (as the loaders write it) as a location; undefined for anything else. */
export function locationOf(source: string | undefined): SourceLocation | undefined {
  const m = source ? /^(.*):(\d+)$/.exec(source) : null;
  return m ? { file: m[1].split('\\').join('/'), line: Number(m[2]) } : undefined;
}
