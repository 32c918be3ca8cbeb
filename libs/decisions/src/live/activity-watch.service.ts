import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { TenantDb } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import { decisionReadScope } from '../queries/decision-access';
import type { ActivityEventModel } from './activity.model';
import { readActivityWatermark, type ActivityWatermark } from './activity-watermark';
import { EventChannel } from './event-channel';

/** How often the watched scopes are read: a person notices a second, the database barely does. */
export const ACTIVITY_POLL_MS = 1_000;

/** Subscribers who read the same decisions share one watermark query per poll. */
interface Scope {
  actor: AuthenticatedPrincipal;
  channels: Set<EventChannel<ActivityEventModel>>;
  last?: ActivityWatermark;
}

/**
 * The console's live updates (docs/console.md "Live updates"): for each scope with subscribers
 * (a tenant, and what its subscribers may read), one indexed query a second reads a watermark of
 * the decisions and of the open review items; when it moves, the scope's subscribers get a hint
 * to refetch. Writers pay nothing: no trigger, no NOTIFY (PostgreSQL serialises the commits of
 * notifying transactions on one lock, which would cap recordDecision's throughput).
 */
@Injectable()
export class ActivityWatch implements OnModuleDestroy {
  private readonly logger = new Logger('Activity');
  private readonly scopes = new Map<string, Scope>();
  private timer: NodeJS.Timeout | undefined;
  private polling = false;

  constructor(private readonly db: TenantDb) {}

  watch(actor: AuthenticatedPrincipal): AsyncIterableIterator<ActivityEventModel> {
    const key = decisionReadScope(actor);
    let scope = this.scopes.get(key);
    if (!scope) this.scopes.set(key, (scope = { actor, channels: new Set() }));
    const channel: EventChannel<ActivityEventModel> = new EventChannel(
      (a, b) => ({ decisions: a.decisions || b.decisions, reviews: a.reviews || b.reviews, at: b.at }),
      () => this.unwatch(key, channel),
    );
    scope.channels.add(channel);
    this.timer ??= setInterval(() => void this.poll(), ACTIVITY_POLL_MS).unref();
    return channel;
  }

  onModuleDestroy(): void {
    for (const scope of this.scopes.values()) for (const channel of scope.channels) void channel.return();
    this.stop();
  }

  private unwatch(key: string, channel: EventChannel<ActivityEventModel>): void {
    const scope = this.scopes.get(key);
    scope?.channels.delete(channel);
    if (scope?.channels.size === 0) this.scopes.delete(key);
    if (this.scopes.size === 0) this.stop();
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One round: each scope's watermark, and a hint to its subscribers where it moved. A slow round skips the next. */
  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      for (const scope of [...this.scopes.values()]) {
        const now = await this.watermark(scope.actor).catch((error: unknown) => {
          this.logger.warn(`Could not read the activity of tenant ${scope.actor.tenantId}: ${String(error)}`);
          return undefined;
        });
        if (!now) continue;
        const before = scope.last;
        scope.last = now;
        if (!before) continue;
        const event = { decisions: now.decisions !== before.decisions, reviews: now.reviews !== before.reviews, at: new Date() };
        if (event.decisions || event.reviews) for (const channel of scope.channels) channel.push(event);
      }
    } finally {
      this.polling = false;
    }
  }

  /** Bounded: a scope whose reads take longer than a poll is skipped this round (logged), and never holds the others up for long. */
  private watermark(actor: AuthenticatedPrincipal): Promise<ActivityWatermark> {
    return this.db.transaction(actor.tenantId, async (m) => {
      await m.query(`SET LOCAL statement_timeout = ${ACTIVITY_POLL_MS}`);
      return readActivityWatermark(m, actor);
    });
  }
}
