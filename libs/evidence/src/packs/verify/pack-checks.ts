/** One line of the verifier's report: what was checked, and how it came out. */
export interface PackCheck {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  detail: string;
}

/** The report: every check in order. The pack verifies when none failed (skipped ones say why they could not run). */
export interface PackVerification {
  checks: PackCheck[];
  ok: boolean;
}

export const passed = (name: string, detail: string): PackCheck => ({ name, status: 'passed', detail });
export const failed = (name: string, detail: string): PackCheck => ({ name, status: 'failed', detail });
export const skipped = (name: string, detail: string): PackCheck => ({ name, status: 'skipped', detail });

/** The first failure of a list of problems, or a pass with `ok` as its detail. */
export function checkOf(name: string, problems: readonly string[], ok: string): PackCheck {
  return problems.length === 0
    ? passed(name, ok)
    : failed(name, problems[0] + (problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''));
}
