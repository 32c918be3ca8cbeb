/**
 * The OpenLineage RunEvent (spec 2-0-2, https://openlineage.io/spec/2-0-2/OpenLineage.json), as
 * the HTTP transport of the OpenLineage clients (Airflow, Spark, dbt) POSTs it: checked field by
 * field against the spec's schema, the first failure named by its JSON pointer.
 */
import { freeFormJsonProblem, reasonOf, segmentsOf, type PathSegment } from '@attest/core';

export const EVENT_TYPES = ['START', 'RUNNING', 'COMPLETE', 'ABORT', 'FAIL', 'OTHER'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type Facets = Record<string, Record<string, unknown>>;

export interface DatasetRef {
  namespace: string;
  name: string;
  facets: Facets;
  /** inputFacets or outputFacets. */
  ioFacets: Facets;
}

export interface RunEvent {
  eventType: EventType | null;
  eventTime: Date;
  producer: string;
  schemaURL: string;
  run: { runId: string; facets: Facets };
  job: { namespace: string; name: string; facets: Facets };
  inputs: DatasetRef[];
  outputs: DatasetRef[];
}

export type ParsedRunEvent = { ok: true; event: RunEvent } | { ok: false; path: string; message: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** RFC 3339 date-time, as the schema's "format": "date-time". */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const MAX_TEXT = 2000;
const MAX_DATASETS = 1000;
/** Levels of the event around a facet (`/inputs/0/facets/<name>`): the event as a whole may nest that much more. */
const FACET_ENVELOPE_DEPTH = 4;

class Invalid extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function object(value: unknown, path: string): Json {
  if (!isObject(value)) throw new Invalid(path, 'must be an object');
  return value;
}

function text(value: unknown, path: string, options: { required?: boolean; uri?: boolean } = {}): string {
  if (typeof value !== 'string' || (options.required !== false && value.length === 0))
    throw new Invalid(path, 'must be a non-empty string');
  if (value.length > MAX_TEXT) throw new Invalid(path, `must be at most ${MAX_TEXT} characters`);
  if (options.uri && !isUri(value)) throw new Invalid(path, 'must be a URI');
  return value;
}

function isUri(value: string): boolean {
  try {
    return new URL(value).protocol.length > 1;
  } catch {
    return false;
  }
}

/**
 * The first value PostgreSQL could not store or a walk could not follow (a NUL character, nesting
 * deeper than `maxDepth`, a `__proto__` key), named by its JSON pointer under `path`.
 */
function storable(value: unknown, path: string, maxDepth: number): void {
  const problem = freeFormJsonProblem(value, [], maxDepth);
  if (problem) throw new Invalid(`${path}${pointerOf(segmentsOf(problem.path))}`, reasonOf(problem));
}

/** A facets map: each facet an object carrying `_producer` and `_schemaURL` (the spec's BaseFacet), storable, nesting at most `maxDepth`. */
function facets(value: unknown, path: string, maxDepth: number): Facets {
  if (value === undefined) return {};
  const map = object(value, path);
  for (const [name, facet] of Object.entries(map)) {
    const f = object(facet, `${path}/${pointer(name)}`);
    text(f._producer, `${path}/${pointer(name)}/_producer`, { uri: true });
    text(f._schemaURL, `${path}/${pointer(name)}/_schemaURL`, { uri: true });
    storable(f, `${path}/${pointer(name)}`, maxDepth);
  }
  return map as Facets;
}

function datasets(value: unknown, path: string, io: 'inputFacets' | 'outputFacets', maxDepth: number): DatasetRef[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Invalid(path, 'must be an array');
  if (value.length > MAX_DATASETS) throw new Invalid(path, `must hold at most ${MAX_DATASETS} datasets`);
  return value.map((item, i) => {
    const d = object(item, `${path}/${i}`);
    return {
      namespace: text(d.namespace, `${path}/${i}/namespace`),
      name: text(d.name, `${path}/${i}/name`),
      facets: facets(d.facets, `${path}/${i}/facets`, maxDepth),
      ioFacets: facets(d[io], `${path}/${i}/${io}`, maxDepth),
    };
  });
}

const pointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
const pointerOf = (segments: readonly PathSegment[]) => segments.map((s) => `/${pointer(String(s))}`).join('');

/**
 * Checks an event as received. It is stored as received too (facets, names and any field the spec
 * leaves open), so the whole of it must be storable: facets nesting at most `maxJsonDepth` levels.
 */
export function parseRunEvent(body: unknown, limits: { maxJsonDepth: number }): ParsedRunEvent {
  const maxDepth = limits.maxJsonDepth;
  try {
    const e = object(body, '');
    if (e.eventType !== undefined && !EVENT_TYPES.includes(e.eventType as EventType)) {
      throw new Invalid('/eventType', `must be one of ${EVENT_TYPES.join(', ')}`);
    }
    const time = text(e.eventTime, '/eventTime');
    if (!DATE_TIME.test(time) || Number.isNaN(Date.parse(time)))
      throw new Invalid('/eventTime', 'must be an RFC 3339 date-time, e.g. 2026-12-01T10:00:00.000Z');
    const run = object(e.run, '/run');
    const runId = text(run.runId, '/run/runId');
    if (!UUID.test(runId)) throw new Invalid('/run/runId', 'must be a UUID');
    const job = object(e.job, '/job');
    const event: RunEvent = {
      eventType: (e.eventType as EventType | undefined) ?? null,
      eventTime: new Date(time),
      producer: text(e.producer, '/producer', { uri: true }),
      schemaURL: text(e.schemaURL, '/schemaURL', { uri: true }),
      run: { runId: runId.toLowerCase(), facets: facets(run.facets, '/run/facets', maxDepth) },
      job: {
        namespace: text(job.namespace, '/job/namespace'),
        name: text(job.name, '/job/name'),
        facets: facets(job.facets, '/job/facets', maxDepth),
      },
      inputs: datasets(e.inputs, '/inputs', 'inputFacets', maxDepth),
      outputs: datasets(e.outputs, '/outputs', 'outputFacets', maxDepth),
    };
    // The rest of the event (names, namespaces, fields the spec leaves open), one top-level field at a time for a precise pointer.
    for (const [key, value] of Object.entries(e)) storable(value, `/${pointer(key)}`, maxDepth + FACET_ENVELOPE_DEPTH);
    storable(e, '', maxDepth + FACET_ENVELOPE_DEPTH + 1); // and its own keys
    return { ok: true, event };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, path: error.path || '/', message: error.message };
    throw error;
  }
}
