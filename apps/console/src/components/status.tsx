import { Badge } from '@mantine/core';

/** SCREAMING_SNAKE enum values as words: IN_REVIEW → "in review". */
export function words(value: string): string {
  return value.replace(/_/g, ' ').toLowerCase();
}

/**
 * Status is colour and text together: a `dot` badge (the text keeps the body's contrast, the dot
 * carries the colour), as colour alone tells nothing to some readers.
 */
export function lifecycleColor(status: string): string {
  return (
    { DRAFT: 'gray.6', IN_REVIEW: 'yellow', APPROVED: 'teal', DEPLOYED: 'indigo', DEPRECATED: 'orange', RETIRED: 'gray.6' }[status] ??
    'gray.6'
  );
}

export function riskClassColor(riskClass: string): string {
  return { UNACCEPTABLE: 'red', HIGH: 'orange', LIMITED: 'yellow', MINIMAL: 'teal' }[riskClass] ?? 'gray';
}

export function decisionStatusColor(status: string): string {
  return { RECORDED: 'indigo', PENDING_REVIEW: 'yellow', BLOCKED: 'red' }[status] ?? 'gray';
}

/** A ledger verification job's state in words and colour: verified, not verified, failed, or still running. */
export function verificationStatus(status: string, ok: boolean | undefined): { color: string; label: string } {
  if (status === 'SUCCEEDED') return ok ? { color: 'teal', label: 'verified' } : { color: 'red', label: 'not verified' };
  if (status === 'FAILED') return { color: 'red', label: 'failed' };
  return { color: 'gray', label: words(status) };
}

/**
 * A status as colour and text: a `dot` badge, its text in the body's colour (contrast kept), lower
 * case and never cut short. `label` is the text; pass `words(VALUE)` for an enum value.
 */
export function StatusBadge({ color, label, testId }: { color: string; label: string; testId?: string }) {
  return (
    <Badge variant="dot" color={color} tt="none" fw={500} style={{ minWidth: 'max-content' }} data-testid={testId}>
      {label}
    </Badge>
  );
}
