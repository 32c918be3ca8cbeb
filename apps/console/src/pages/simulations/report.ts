/** The parts of a simulation's report (attest policy diff's JSON, docs/policy-review.md) this page shows. */
export interface ReplayedOutcome {
  effect: string;
  matched: string[];
}

export interface SimulationReplay {
  byAutomation: { automationKey: string; changed: number; byEffect: { from: string; to: string; count: number }[] }[];
  byPolicy: { policyId: string; gained: number; lost: number }[];
  examples: { id: string; automationKey: string; recordedAt: string; base: ReplayedOutcome; head: ReplayedOutcome }[];
  gates: {
    checked: number;
    changed: { subjectType: string; id: string; label: string; status: string; base: ReplayedOutcome; head: ReplayedOutcome }[];
  };
  failures: { id: string; message: string }[];
}

/** The replay of the one pack a simulation compares, or null before it completes. */
export function replayOf(report: unknown): SimulationReplay | null {
  const reports = (report as { replay?: { reports?: SimulationReplay[] } } | null)?.replay?.reports;
  return reports?.[0] ?? null;
}

/** `require_review (high-risk-low-confidence-review)`: an outcome in words. */
export function outcomeText(o: ReplayedOutcome): string {
  return `${o.effect.replace(/_/g, ' ')}${o.matched.length ? ` (${o.matched.join(', ')})` : ''}`;
}
