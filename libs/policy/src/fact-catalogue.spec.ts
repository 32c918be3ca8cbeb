import { FACT_CATALOGUE, resolveFacts, sampleBucket } from './fact-catalogue';
import { PolicyFactsError } from './policy.errors';

describe('resolveFacts', () => {
  it('flattens nested facts to dotted names and fills every absent fact with null', () => {
    const facts = resolveFacts({ automation: { riskClass: 'high' }, context: { region: 'eu' } });
    expect(facts['automation.riskClass']).toBe('high');
    expect(facts['automation.environment']).toBeNull();
    expect(facts['context.region']).toBe('eu');
    for (const def of FACT_CATALOGUE) expect(def.name in facts).toBe(true);
  });

  it('derives sample bucket, metric names and dataset summaries', () => {
    const facts = resolveFacts({
      decision: { id: 'dec-2' },
      modelVersion: { metrics: { f1: 0.8, accuracy: 0.9 } },
      datasetVersions: [{ piiClasses: ['special_category', 'health'] }, { piiClasses: ['special_category'], provenance: 'consent' }],
      upstream: { datasetVersions: [{ piiClasses: ['contact'], provenance: '' }] },
    });
    expect(facts['decision.sampleBucket']).toBe(2);
    expect(facts['modelVersion.metricNames']).toEqual(['accuracy', 'f1']);
    expect(facts['modelVersion.metricCount']).toBe(2);
    expect(facts['datasetVersions.piiClasses']).toEqual(['health', 'special_category']);
    expect(facts['datasetVersions.specialCategoryWithoutProvenance']).toBe(1);
    expect(facts['upstream.datasetVersions.specialCategoryWithoutProvenance']).toBe(0);
    expect(resolveFacts({})['decision.sampleBucket']).toBeNull();
  });

  it('derives the monitors in alert from their states, and refuses a state that is not one', () => {
    const facts = resolveFacts({
      monitor: { labelPsi: { state: 'alert', value: 0.4 }, confidencePsi: { state: 'alert', value: 0.3 }, blockedRate: { state: 'warn' } },
    });
    expect(facts['monitor.confidencePsi.state']).toBe('alert');
    expect(facts['monitor.confidencePsi.value']).toBe(0.3);
    expect(facts['monitor.confidenceKs.state']).toBeNull();
    expect(facts['monitor.alerting']).toEqual(['confidencePsi', 'labelPsi']);
    expect(resolveFacts({})['monitor.alerting']).toEqual([]);
    expect(() => resolveFacts({ monitor: { overrideRate: { state: 'red' } } })).toThrow(
      'monitor.overrideRate.state: unknown value "red" (known: no_data, ok, warn, alert)',
    );
    expect(() => resolveFacts({ monitor: { alerting: ['labelPsi'] } })).toThrow('monitor.alerting: is derived from other facts');
  });

  it('rejects unknown, derived and ill-typed facts, listing them all', () => {
    const input = {
      automation: { riskClass: 'hihg', environmnt: 'dev' },
      decision: { confidence: '0.5', sampleBucket: 3 },
      datasetVersions: [{ piiClasses: ['dna'] }],
      principal: { roles: 'admin' },
      owner: 'me',
    };
    const error = (() => {
      try {
        resolveFacts(input);
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(PolicyFactsError);
    expect((error as PolicyFactsError).problems).toEqual([
      'automation.riskClass: unknown value "hihg" (known: unacceptable, high, limited, minimal)',
      'automation.environmnt: not in the fact catalogue',
      'decision.confidence: expected number',
      'decision.sampleBucket: is derived from other facts and cannot be supplied',
      'datasetVersions: expected a list of { piiClasses: [..], provenance }',
      'principal.roles: expected string[]',
      'owner: not in the fact catalogue',
    ]);
  });
});

describe('sampleBucket', () => {
  it('is deterministic, within 0..99 and spread evenly', () => {
    const buckets = Array.from({ length: 10000 }, (_, i) => sampleBucket(`decision-${i}`));
    expect(sampleBucket('decision-1')).toBe(sampleBucket('decision-1'));
    expect(Math.min(...buckets)).toBe(0);
    expect(Math.max(...buckets)).toBe(99);
    const underFive = buckets.filter((b) => b < 5).length;
    expect(underFive).toBeGreaterThan(400);
    expect(underFive).toBeLessThan(600);
  });
});
