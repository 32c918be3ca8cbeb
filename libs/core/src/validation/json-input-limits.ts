/** Where a problem is in an input, as `input.claim.items[2]`, and what it is (never the value). */
export interface InputProblem {
  path: string;
  message: string;
}

export type PathSegment = string | number;

/** `input.a[0]`, with keys that are not plain names quoted: `input["a b"]`. */
export function pathOf(segments: readonly PathSegment[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) path += path ? `.${segment}` : segment;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

/**
 * The segments `pathOf` wrote, for a caller that names places another way (the OpenLineage endpoint:
 * JSON pointers). Unambiguous: a key that is not a plain name, `"0"` included, is quoted.
 */
export function segmentsOf(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  const token = /^(?:\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\])/;
  for (let rest = path; rest.length > 0;) {
    const m = token.exec(rest);
    if (!m) throw new Error(`Not a path written by pathOf: ${path}`);
    segments.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]) as string)));
    rest = rest.slice(m[0].length);
  }
  return segments;
}

/** What is wrong, without the path it starts with (every message here starts with its problem's path). */
export const reasonOf = (problem: InputProblem): string => problem.message.slice(problem.path.length).replace(/^:?\s*/, '');

// PostgreSQL refuses U+0000 in text and jsonb alike: refused up front, it is the caller's error, not INTERNAL.
const hasNul = (text: string) => text.includes('\u0000');

/**
 * The first reason a free-form JSON value cannot be stored as sent: nested deeper than `maxDepth`
 * objects and arrays (a recursive walk or PostgreSQL would fail on it later), a NUL character in a
 * string or a key, or a `__proto__` key (kept, it would be a prototype to any code that copies
 * the value by assignment). Iterative, so any depth is measured without growing the stack.
 */
export function freeFormJsonProblem(value: unknown, at: readonly PathSegment[], maxDepth: number): InputProblem | undefined {
  const pending: [unknown, PathSegment[], number][] = [[value, [...at], 0]];
  while (pending.length > 0) {
    const [node, path, depth] = pending.pop()!;
    if (typeof node === 'string') {
      if (hasNul(node)) return { path: pathOf(path), message: `${pathOf(path)} must not contain a NUL character (\\u0000)` };
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    if (depth >= maxDepth) return { path: pathOf(at), message: `${pathOf(at)} nests deeper than ${maxDepth} levels of objects and arrays` };
    if (Array.isArray(node)) {
      node.forEach((item, i) => pending.push([item, [...path, i], depth + 1]));
      continue;
    }
    for (const key of Object.keys(node)) {
      if (hasNul(key)) return { path: pathOf(path), message: `${pathOf(path)} must not have a key with a NUL character (\\u0000)` };
      if (key === '__proto__')
        return { path: pathOf([...path, key]), message: `${pathOf([...path, key])}: a key named __proto__ is not accepted` };
      pending.push([(node as Record<string, unknown>)[key], [...path, key], depth + 1]);
    }
  }
  return undefined;
}

/** The first string with a NUL character among an input's typed fields (their nesting is the schema's: a plain walk). */
export function nulTextProblem(value: unknown, at: readonly PathSegment[]): InputProblem | undefined {
  return freeFormJsonProblem(value, at, Number.POSITIVE_INFINITY);
}
