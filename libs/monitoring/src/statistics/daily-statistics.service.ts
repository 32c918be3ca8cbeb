import { Injectable } from '@nestjs/common';
import { AttestError, TenantDb } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import { AutomationVersionsService } from '@attest/registry';
import { readDailyStatistics, type DailyStatistics } from './statistics-store';

/** A range of days read at once: a year, so a query stays a bounded number of rows. */
export const MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;

@Injectable()
export class DailyStatisticsService {
  constructor(
    private readonly db: TenantDb,
    private readonly versions: AutomationVersionsService,
  ) {}

  async read(actor: AuthenticatedPrincipal, automationVersionId: string, from: string, to: string): Promise<DailyStatistics[]> {
    const days = (dayOf(to, 'to') - dayOf(from, 'from')) / DAY_MS;
    if (days < 0) throw AttestError.validation('to is before from', { from, to });
    if (days >= MAX_RANGE_DAYS) throw AttestError.validation(`A range is at most ${MAX_RANGE_DAYS} days`, { from, to });
    await this.versions.get(actor, automationVersionId);
    return this.db.transaction(actor.tenantId, (m) => readDailyStatistics(m, automationVersionId, from, to));
  }
}

/** A calendar day's UTC midnight; a date that does not exist (2026-02-30) is VALIDATION_FAILED. */
export function dayOf(text: string, field: string): number {
  const time = Date.parse(`${text}T00:00:00Z`);
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== text)
    throw AttestError.validation(`${field} is not a calendar day (YYYY-MM-DD)`, { [field]: text });
  return time;
}
