import { byUrgency, crossedThreshold, formatMetricValue, metricWords, monitorStatus } from './monitors';

describe('drift monitors in words', () => {
  it('says rates as percentages and distances to three decimals, and a missing value as no data', () => {
    expect(formatMetricValue('BLOCKED_RATE', 0.125)).toBe('12.5%');
    expect(formatMetricValue('CONFIDENCE_PSI', 5.73261)).toBe('5.733');
    expect(formatMetricValue('CONFIDENCE_KS', null)).toBe('no data');
    expect(metricWords('OVERRIDE_RATE')).toBe('reviewer override rate');
  });

  it('names the threshold a state crossed and gives each state a colour and words', () => {
    expect(crossedThreshold({ state: 'ALERT', warnAt: 0.1, alertAt: 0.25 })).toEqual({ name: 'alert', at: 0.25 });
    expect(crossedThreshold({ state: 'WARN', warnAt: 0.1, alertAt: 0.25 })).toEqual({ name: 'warn', at: 0.1 });
    expect(monitorStatus('WARN')).toEqual({ color: 'yellow', label: 'warning' });
  });

  it('puts alerts before warnings, the longest-standing first', () => {
    const monitors = [
      { id: 'w', state: 'WARN' as const, stateSince: '2026-01-01T00:00:00Z' },
      { id: 'a2', state: 'ALERT' as const, stateSince: '2026-01-03T00:00:00Z' },
      { id: 'a1', state: 'ALERT' as const, stateSince: '2026-01-02T00:00:00Z' },
    ];
    expect(byUrgency(monitors).map((m) => m.id)).toEqual(['a1', 'a2', 'w']);
  });
});
