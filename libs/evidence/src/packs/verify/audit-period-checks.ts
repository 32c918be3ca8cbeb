import { PACK_FILES, type PeriodRecord } from '../pack-layout';
import { checkOf, skipped, type PackCheck } from './pack-checks';
import { readAuditCsv } from './pack-records';
import type { ReadPack } from './read-pack';

/**
 * An audit period pack's own checks, after each CSV row was checked against its sealed fact: the CSV
 * is whole (one row per proved event, each at the leaf index it claims, all inside the period), and
 * the figures, which the server counted, are said to be unproved.
 */
export function auditPeriodChecks(pack: ReadPack): PackCheck[] {
  const period = pack.json(PACK_FILES.period) as PeriodRecord;
  const { rows, problem } = readAuditCsv(pack);
  const problems: string[] = problem ? [problem] : [];
  const range = pack.manifest.period;
  if (!range || range.from !== period.from || range.to !== period.to)
    problems.push(`period.json covers ${period.from} to ${period.to}, the manifest another period`);
  const [from, to] = [Date.parse(period.from), Date.parse(period.to)];
  const indexOf = new Map(pack.facts.filter((f) => f.kind === 'audit_event').map((f) => [f.factId, f.index]));
  const seen = new Set<string>();
  for (const row of rows) {
    const id = String(row.record.id);
    if (seen.has(id)) problems.push(`line ${row.line}: event ${id} is listed twice`);
    seen.add(id);
    if (indexOf.has(id) && indexOf.get(id) !== row.ledgerIndex)
      problems.push(`line ${row.line}: ledgerIndex is ${String(row.ledgerIndex)}, the event's leaf is at ${indexOf.get(id)}`);
    const at = Date.parse(String(row.record.occurredAt));
    if (!(at >= from && at < to))
      problems.push(`line ${row.line}: event ${id} occurred at ${String(row.record.occurredAt)}, outside the period`);
  }
  for (const id of indexOf.keys()) if (!seen.has(id)) problems.push(`the proved event ${id} is missing from ${PACK_FILES.auditEventsCsv}`);
  if (period.auditEvents !== rows.length) problems.push(`period.json counts ${period.auditEvents} events, the CSV has ${rows.length}`);
  const d = period.decisions;
  return [
    checkOf(
      'audit events of the period',
      problems,
      `${rows.length} rows of ${PACK_FILES.auditEventsCsv}, one per proved event, each at its leaf and inside ${period.from} to ${period.to}`,
    ),
    skipped(
      'period figures',
      `${d.total} decisions (${Object.entries(d.byStatus)
        .map(([s, n]) => `${s} ${n}`)
        .join(
          ', ',
        )}), ${d.reviewed} reviewed, ${d.overridden} overridden, ${period.policiesFired.length} policies fired: counted by the server, not proved one by one`,
    ),
  ];
}
