import type { SourceLocation } from '../report/check-report';

/** `file:line` optionally followed by `: rest`; the file part is matched lazily, so it may hold no `:N:`. */
const FILE_LINE = /^(.+?):(\d+)(?:: ([\s\S]*))?$/;

/**
 * Splits the `file:line[: message]` strings libs/policy writes (policy sources, pack problems) into
 * a location and the rest. A string without a line (`dir: the pack has no policy files`) has no location.
 */
export function parseFileLine(text: string): { location?: SourceLocation; rest: string } {
  const match = FILE_LINE.exec(text);
  if (!match) return { rest: text };
  return { location: { file: match[1], line: Number(match[2]) }, rest: match[3] ?? '' };
}
