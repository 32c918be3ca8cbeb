import { runEvent } from '../testing/openlineage-fixtures';
import { EVENT_TYPES, parseRunEvent } from './run-event';

const run = {
  runId: '3f5e83fa-3480-44ff-99c5-ff943904e5e8',
  input: { namespace: 's3://data', name: 'claims/2024.1', digest: `sha256:${'d'.repeat(64)}` },
  output: { namespace: 's3://models', name: 'claim-severity/1.0.0/model.onnx' },
};

const nested = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { d: value };
  return value;
};

describe('OpenLineage RunEvent validation', () => {
  it('accepts every event type (and none), keeping the facets', () => {
    for (const type of [...EVENT_TYPES, undefined]) {
      const parsed = parseRunEvent(runEvent(type, run), { maxJsonDepth: 64 });
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.event.eventType).toBe(type ?? null);
      expect(parsed.event.inputs[0].facets.schema.fields).toHaveLength(2);
      expect(parsed.event.inputs[0].facets.version.datasetVersion).toBe(run.input.digest);
      expect(parsed.event.inputs[0].ioFacets.dataQualityMetrics.rowCount).toBe(182_000);
      expect(parsed.event.outputs[0].facets.columnLineage).toBeDefined();
      expect(parsed.event.job.facets.ownership.owners).toEqual([{ name: 'team:claims-ml', type: 'MAINTAINER' }]);
    }
  });

  it('names the schema path of the first failure', () => {
    const cases: [string, (e: Record<string, any>) => void, string][] = [
      ['/run/runId', (e) => delete e.run.runId, 'must be a non-empty string'],
      ['/run/runId', (e) => (e.run.runId = 'run-1'), 'must be a UUID'],
      ['/eventTime', (e) => (e.eventTime = '01/12/2026 10:00'), 'RFC 3339'],
      ['/eventTime', (e) => delete e.eventTime, 'non-empty string'],
      ['/eventType', (e) => (e.eventType = 'DONE'), 'must be one of START, RUNNING, COMPLETE, ABORT, FAIL, OTHER'],
      ['/producer', (e) => (e.producer = 'not a uri'), 'must be a URI'],
      ['/job/name', (e) => delete e.job.name, 'non-empty string'],
      ['/inputs', (e) => (e.inputs = {}), 'must be an array'],
      ['/inputs/0/facets/schema/_producer', (e) => delete e.inputs[0].facets.schema._producer, 'non-empty string'],
      ['/outputs/0/namespace', (e) => (e.outputs[0].namespace = ''), 'non-empty string'],
      ['/run', (e) => (e.run = []), 'must be an object'],
      // Stored as received: what PostgreSQL cannot store, or a walk cannot follow, named by its pointer.
      [
        '/job/facets/ownership/owners/0/name',
        (e) => (e.job.facets.ownership.owners[0].name = 'a\u0000b'),
        'must not contain a NUL character',
      ],
      ['/inputs/0/facets/schema', (e) => (e.inputs[0].facets.schema['a\u0000'] = 1), 'must not have a key with a NUL character'],
      [
        '/outputs/0/facets/columnLineage/fields/a~1b~0c/__proto__',
        (e) => (e.outputs[0].facets.columnLineage.fields['a/b~c'] = JSON.parse('{"__proto__":{}}')),
        '__proto__',
      ],
      [
        '/run/facets/deep',
        (e) => (e.run.facets.deep = { _producer: 'https://x.example', _schemaURL: 'https://x.example/s', d: nested(64) }),
        'deeper than 64',
      ],
      ['/job/name', (e) => (e.job.name = 'train\u0000'), 'must not contain a NUL character'],
      ['/custom', (e) => (e.custom = nested(69)), 'deeper than 68'],
      ['/', (e) => (e['x\u0000'] = 1), 'must not have a key with a NUL character'],
    ];
    for (const [path, edit, message] of cases) {
      const event = runEvent('COMPLETE', run);
      edit(event);
      expect(parseRunEvent(event, { maxJsonDepth: 64 })).toEqual({ ok: false, path, message: expect.stringContaining(message) });
    }
    expect(parseRunEvent([], { maxJsonDepth: 64 })).toEqual({ ok: false, path: '/', message: 'must be an object' });
  });

  it('takes a facet nesting up to the limit', () => {
    const event = runEvent('COMPLETE', run) as Record<string, any>;
    event.run.facets.deep = { _producer: 'https://x.example', _schemaURL: 'https://x.example/s', d: nested(63) };
    expect(parseRunEvent(event, { maxJsonDepth: 64 }).ok).toBe(true);
  });
});
