import { fieldChanges, showValue } from './diff';
import { auditCsvHref, auditSearch } from './search';
import { subjectHref } from './subject-link';

describe('audit trail diffs', () => {
  it('reads the changes the API computed, field by field', () => {
    const event = {
      changes: { status: { from: 'draft', to: 'in_review' }, submittedBy: { from: null, to: 'p-1' } },
      before: { status: 'draft', submittedBy: null },
      after: { status: 'in_review', submittedBy: 'p-1' },
    };
    expect(fieldChanges(event)).toEqual([
      { field: 'status', from: 'draft', to: 'in_review' },
      { field: 'submittedBy', from: null, to: 'p-1' },
    ]);
  });

  it('compares the snapshots when an event has no changes, leaving out equal fields', () => {
    expect(fieldChanges({ changes: {}, before: { a: 1, b: [1] }, after: { a: 1, b: [1, 2], c: 'x' } })).toEqual([
      { field: 'b', from: [1], to: [1, 2] },
      { field: 'c', from: undefined, to: 'x' },
    ]);
    expect(fieldChanges({ changes: {}, before: null, after: null })).toEqual([]);
  });

  it('shows values for a reader', () => {
    expect(showValue(null)).toBe('(none)');
    expect(showValue(undefined)).toBe('(none)');
    expect(showValue('in_review')).toBe('in_review');
    expect(showValue({ a: [1] })).toBe('{"a":[1]}');
  });
});

describe('audit trail links', () => {
  it('exports the same filter as the page shows, as the CSV route names its parameters', () => {
    const filter = auditSearch({ actorId: 'p-1', action: 'model_version.', from: '2026-12-01T00:00:00Z', bogus: 'x', to: 'not a time' });
    expect(filter).toEqual({ actorId: 'p-1', action: 'model_version.', from: '2026-12-01T00:00:00.000Z' });
    expect(auditCsvHref(filter)).toBe('/api/v1/audit-events.csv?actorId=p-1&action=model_version.&from=2026-12-01T00%3A00%3A00.000Z');
    expect(auditCsvHref({})).toBe('/api/v1/audit-events.csv');
  });

  it('links a subject to its page where the console has one', () => {
    expect(subjectHref('Model', 'm-1')).toBe('/inventory/models/m-1');
    expect(subjectHref('AutomationVersion', 'v-1')).toBe('/inventory/automations/versions/v-1');
    expect(subjectHref('Decision', 'd-1')).toBe('/decisions/d-1');
    expect(subjectHref('ApiKey', 'k-1')).toBeNull();
  });
});
