/**
 * The small JSONPath subset the path rules use: `$` (the root), `.key`, `['key']` or `["key"]` (any key,
 * with `\'`, `\"` and `\\` escapes), `[n]` (an array index) and `[*]` (every element of an array or every
 * value of an object). No recursive descent, slices or filters: a rule names places, it does not search.
 */
export type PathSegment = { kind: 'key'; key: string } | { kind: 'index'; index: number } | { kind: 'wildcard' };
/** A concrete place in a value: object keys and array indices. */
export type ConcretePath = readonly (string | number)[];

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const DOT_KEY = /^\.([A-Za-z_$][A-Za-z0-9_$-]*)/;
const QUOTED_KEY = /^\[(['"])((?:\\.|(?!\1)[^\\])*)\1\]/;
const INDEX = /^\[(0|[1-9]\d*)\]/;

/** Parses a path; throws an Error naming the position that does not parse. */
export function parsePath(path: string): PathSegment[] {
  if (!path.startsWith('$')) throw new Error(`path "${path}" must start with $`);
  const segments: PathSegment[] = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    let m: RegExpMatchArray | null;
    if ((m = rest.match(DOT_KEY))) segments.push({ kind: 'key', key: m[1] });
    else if ((m = rest.match(QUOTED_KEY))) segments.push({ kind: 'key', key: m[2].replace(/\\(.)/g, '$1') });
    else if ((m = rest.match(INDEX))) segments.push({ kind: 'index', index: Number(m[1]) });
    else if ((m = rest.match(/^\[\*\]/))) segments.push({ kind: 'wildcard' });
    else throw new Error(`path "${path}" does not parse at offset ${path.length - rest.length}`);
    rest = rest.slice(m[0].length);
  }
  return segments;
}

/** Whether a rule's segments name exactly this concrete place (keys match objects only, indices arrays only). */
export function pathMatches(segments: readonly PathSegment[], path: ConcretePath): boolean {
  if (segments.length !== path.length) return false;
  return segments.every((segment, i) => {
    const step = path[i];
    if (segment.kind === 'wildcard') return true;
    if (segment.kind === 'index') return step === segment.index;
    return step === segment.key;
  });
}

/** The canonical text of a concrete place, as findings report it: `$.applicant.emails[0]`, `$['first name']`. */
export function formatPath(path: ConcretePath): string {
  return path.reduce<string>((text, step) => {
    if (typeof step === 'number') return `${text}[${step}]`;
    return IDENTIFIER.test(step) ? `${text}.${step}` : `${text}['${step.replace(/[\\']/g, '\\$&')}']`;
  }, '$');
}
