import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** How a context may name another's object (docs/context-map.yaml explains each kind). */
export type AllowanceKind = 'published' | 'read-side' | 'exception' | 'debt';

export interface Allowance {
  kind: AllowanceKind;
  reason: string;
  see?: string;
}

export interface ContextEntry {
  owns: string[];
  publishes?: string[];
  may_name?: Record<string, Allowance>;
}

export interface ContextMap {
  shared: Record<string, string>;
  contexts: Record<string, ContextEntry>;
}

export const CONTEXT_MAP_PATH = join(__dirname, '..', '..', 'docs', 'context-map.yaml');

export function loadContextMap(path = CONTEXT_MAP_PATH): ContextMap {
  return parse(readFileSync(path, 'utf8')) as ContextMap;
}

/** Every object a context owns, its published views included. */
export function ownedBy(entry: ContextEntry): string[] {
  return [...entry.owns, ...(entry.publishes ?? [])];
}

/** The owner of each object of the map. */
export function owners(map: ContextMap): Map<string, string> {
  const byObject = new Map<string, string>();
  for (const [context, entry] of Object.entries(map.contexts)) for (const name of ownedBy(entry)) byObject.set(name, context);
  return byObject;
}

/** What a context names and may not: another context's object, neither shared nor allowed. */
export function violationsOf(map: ContextMap, context: string, named: Iterable<string>): string[] {
  const owner = owners(map);
  const entry = map.contexts[context];
  if (!entry) return [`${context} is not a context of the map`];
  const violations: string[] = [];
  for (const name of named) {
    const of = owner.get(name);
    if (of === undefined || of === context || name in map.shared || name in (entry.may_name ?? {})) continue;
    violations.push(`${context} names ${name}, owned by ${of}: publish a view or add it to ${context}.may_name with a reason`);
  }
  return violations;
}
