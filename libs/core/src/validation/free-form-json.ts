import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
// The registry of `@Type` decorators: class-transformer ships it untyped at this path (its types live apart).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: MetadataStorage };
import { AttestError } from '../errors/attest-error';
import { jsonFieldsOf } from '../graphql/json-field.decorator';
import { freeFormJsonProblem, nulTextProblem, type InputProblem, type PathSegment } from './json-input-limits';

/** An input split in two: its typed fields (for class-transformer and class-validator) and its free-form JSON values, untouched. */
export interface FreeFormInput {
  /** The input with each JSON value replaced by an empty stand-in of the same kind (`{}`, `[]`, or the scalar itself). */
  shell: unknown;
  json: { path: PathSegment[]; value: unknown }[];
}

/**
 * Takes the `@JsonField` values out of a plain input of `type`, at any depth of its nested input
 * types (found through their `@Type`, which nested validation needs anyway). The plain input is
 * not changed: what leads to a JSON value is copied, the rest is shared.
 */
export function detachFreeFormJson(plain: unknown, type: unknown): FreeFormInput {
  const json: FreeFormInput['json'] = [];
  const visit = (node: unknown, nodeType: unknown, path: PathSegment[]): unknown => {
    if (node === null || typeof node !== 'object' || typeof nodeType !== 'function') return node;
    // A scalar's value (a Date from the DateTime scalar) is kept whole: spread, it was an empty object.
    if (!Array.isArray(node) && !isPlainObject(node)) return node;
    if (Array.isArray(node)) return node.map((item, i) => visit(item, nodeType, [...path, i]));
    const fields = jsonFieldsOf(nodeType);
    const copy: Record<string, unknown> = { ...(node as Record<string, unknown>) };
    for (const key of Object.keys(copy)) {
      if (fields.has(key)) {
        json.push({ path: [...path, key], value: copy[key] });
        copy[key] = standIn(copy[key]);
      } else {
        copy[key] = visit(copy[key], nestedTypeOf(nodeType, key), [...path, key]);
      }
    }
    return copy;
  };
  return { shell: visit(plain, type, []), json };
}

/** Puts the JSON values back, as they were sent, into the instance built from the shell. */
export function attachFreeFormJson<T>(instance: T, json: FreeFormInput['json']): T {
  for (const { path, value } of json) {
    let holder = instance as Record<PathSegment, unknown> | undefined;
    for (const segment of path.slice(0, -1)) holder = holder?.[segment] as Record<PathSegment, unknown> | undefined;
    if (holder && typeof holder === 'object') holder[path[path.length - 1]] = value;
  }
  return instance;
}

/** Why an input cannot be stored as sent: a NUL character in any of its strings, or a JSON value too deep or with a `__proto__` key. */
export function freeFormInputProblems(input: FreeFormInput, maxJsonDepth: number): InputProblem[] {
  const problems = [
    nulTextProblem(input.shell, []),
    ...input.json.map(({ path, value }) => freeFormJsonProblem(value, path, maxJsonDepth)),
  ];
  return problems.filter((p): p is InputProblem => p !== undefined);
}

/** The problems as one VALIDATION_FAILED, naming the first one's path as the field at fault. */
export function refusalOf(problems: readonly InputProblem[]): AttestError {
  const messages = problems.map((p) => p.message);
  return AttestError.validation(messages.join('; '), { field: problems[0].path, problems: messages });
}

function standIn(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return Array.isArray(value) ? [] : {};
}

/** An object as JSON or GraphQL builds one (graphql-js gives input objects a null prototype). */
function isPlainObject(node: object): boolean {
  const prototype = Object.getPrototypeOf(node);
  return prototype === Object.prototype || prototype === null;
}

function nestedTypeOf(type: unknown, property: string): unknown {
  if (typeof type !== 'function') return undefined;
  return defaultMetadataStorage.findTypeMetadata(type, property)?.typeFunction();
}
