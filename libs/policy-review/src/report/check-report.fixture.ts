import type { CheckReport } from './check-report';

/** A report for renderer tests: an empty `attest policy test` run unless told otherwise. */
export function checkReport(parts: Partial<CheckReport> = {}): CheckReport {
  return { tool: 'attest policy test', version: '0.1.0', rules: [], cases: [], findings: [], ...parts };
}
