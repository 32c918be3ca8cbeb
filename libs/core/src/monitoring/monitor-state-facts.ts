/**
 * The seam through which the decisions context reads, with a decision's registry entries, the state
 * of the drift monitors of the automation version it belongs to: the `monitor.*` policy facts
 * (docs/policies.md). The monitoring context owns monitors and provides the SQL; decisions may not
 * import monitoring (monitoring reads decisions), so the two meet here, as decisions meets the
 * active pack through POLICY_CHECK's `activeDigestSql`.
 */
export interface MonitorStateFacts {
  /**
   * A scalar subquery over the automation version aliased `av` in the statement that embeds it,
   * giving a JSON object keyed by metric in camelCase (`confidencePsi`, …), each
   * `{ state, value }` as the monitor's last evaluation found them; `{}` without monitors.
   */
  readonly factsSql: string;
}

export const MONITOR_STATE_FACTS = Symbol('MONITOR_STATE_FACTS');
