import { combineEffects } from './combine-effects';
import type { Effect, Policy, Severity } from './policy.types';

const policy = (id: string, effect: Effect, severity: Severity = 'medium'): Policy => ({
  id,
  version: 1,
  description: id,
  appliesTo: 'decision',
  severity,
  frameworks: ['EU-AI-Act:Art.14'],
  conditions: { all: [{ fact: 'decision.confidence', operator: 'lessThan', value: 1 }] },
  effect,
  message: `${id} matched`,
});

describe('combineEffects', () => {
  it('allows when nothing matched', () => {
    expect(combineEffects([])).toEqual({ effect: 'allow', matched: [] });
  });

  it.each([
    [['allow', 'annotate'], 'annotate'],
    [['annotate', 'require_review', 'allow'], 'require_review'],
    [['require_review', 'deny', 'annotate'], 'deny'],
    [['allow'], 'allow'],
  ] as [Effect[], Effect][])('combines %j into %s', (effects, combined) => {
    expect(combineEffects(effects.map((e, i) => policy(`p${i}`, e))).effect).toBe(combined);
  });

  it('orders matches by effect, then severity, then id, whatever the input order', () => {
    const matched = [
      policy('b', 'annotate', 'low'),
      policy('c', 'deny', 'medium'),
      policy('a', 'deny', 'medium'),
      policy('d', 'deny', 'critical'),
    ];
    const ids = (list: Policy[]) => combineEffects(list).matched.map((m) => m.id);
    expect(ids(matched)).toEqual(['d', 'a', 'c', 'b']);
    expect(ids([...matched].reverse())).toEqual(['d', 'a', 'c', 'b']);
  });

  it('reports what each matched policy says, not its conditions', () => {
    expect(combineEffects([policy('a', 'deny', 'high')]).matched).toEqual([
      { id: 'a', version: 1, effect: 'deny', severity: 'high', message: 'a matched', frameworks: ['EU-AI-Act:Art.14'] },
    ]);
  });
});
