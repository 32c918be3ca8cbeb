import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  AttestError,
  mapInSlices,
  MONITOR_STATE_FACTS,
  type MonitorStateFacts,
  POLICY_CHECK,
  type PolicyCheck,
  type PolicyJudge,
  type PolicyVerdict,
  TenantDb,
} from '@attest/core';
import { subjectOf, type AuthenticatedPrincipal } from '@attest/identity';
import { DecisionTargetsService, type DecisionTarget, type DecisionTargetExtras } from '@attest/registry';
import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import type { RecordDecisionInput } from '../dto/record-decision.input';
import { DecisionMetrics } from '../metrics/decision-metrics';
import { DecisionEntity, type DecisionStatus } from '../entities/decision.entity';
import type { CompiledRedactionRules, RedactionRules } from '../redaction/redact';
import { RedactionRulesService } from '../redaction-rules/redaction-rules.service';
import { WebhookDispatcher } from '../webhooks/webhook-dispatcher.service';
import { EVENT_OF_STATUS } from '../webhooks/webhook-events';
import { decisionEventPayload } from '../webhooks/webhook-payload';
import { decisionFacts, storedDecisionFacts } from './decision-facts';
import { activeTraceId, describeActiveSpan } from './active-trace';
import { lookUpSources, sourcesOf, type SourceLookups } from './decision-sources';
import { insertDecisions, type DecisionWrite, type NewDecision } from './decision-writer';
import { stepRecords } from './explanation-steps';
import { HashKeys } from './hash-keys';
import { policySummaryOf } from './policy-summary';
import { redactDecision } from './redact-decision';

export interface RecordedDecision {
  decision: DecisionEntity;
  /** True when the idempotency key was already recorded with the same payload: nothing new was written. */
  replayed: boolean;
}

/** One item of a batch: recorded (or replayed), or refused with the reason; the others are not affected. */
export type BatchOutcome = ({ ok: true } & RecordedDecision) | { ok: false; error: AttestError };

export interface RecordedBatch {
  outcomes: BatchOutcome[];
  /** Webhook deliveries written with the batch, to dispatch once the transaction has committed. */
  deliveryIds: string[];
}

/** A decision's clock may run ahead of ours by this much, no more. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/** Input, output, context and trace together, as JSON text. */
const MAX_PAYLOAD_BYTES = 1_000_000;

const STATUS_OF_EFFECT: Record<PolicyVerdict['effect'], DecisionStatus> = {
  allow: 'recorded',
  annotate: 'recorded',
  require_review: 'pending_review',
  deny: 'blocked',
};

/** Everything a decision reads before it is written, in one statement: its registry entries, its redaction rules and the active pack. */
/** An item of a batch: its input, or the error it was refused with upstream. */
export type BatchItem = RecordDecisionInput | AttestError;

/** How a batch is recorded in its transaction, given the plain way to record any part of it. */
export type BatchRecording = (
  m: EntityManager,
  items: readonly BatchItem[],
  record: (part: readonly BatchItem[]) => Promise<RecordedBatch>,
) => Promise<RecordedBatch>;

interface DecisionReads {
  target: DecisionTarget;
  rules: CompiledRedactionRules;
  judge: PolicyJudge | undefined;
  /** The `monitor.*` facts: its automation version's monitors by metric, `{ state, value }`. */
  monitors: Record<string, unknown>;
}

/** What a batch looks up once, however many of its items share it. */
interface BatchLookups {
  reads: Map<string, Promise<DecisionReads | AttestError>>;
  judges: Map<string, Promise<PolicyJudge | undefined>>;
  /** What the batch's sources resolve to (one query for the batch, none without sources). */
  sources: SourceLookups;
}

/**
 * Records automated outcomes: resolve the registry entries each names, check the caller may
 * record for that automation, redact, judge with the active pack, and write decisions + traces +
 * audit events + webhook outbox in one statement. A blocked decision is stored too: an audit must
 * show it. One decision and a batch of a thousand take the same path; a batch only shares lookups.
 */
@Injectable()
export class DecisionRecorder {
  /** Read with a decision's registry entries, in the same statement (decision-targets.service.ts). */
  private readonly extras: DecisionTargetExtras;

  constructor(
    private readonly db: TenantDb,
    private readonly targets: DecisionTargetsService,
    private readonly redactionRules: RedactionRulesService,
    private readonly hashKeys: HashKeys,
    private readonly webhooks: WebhookDispatcher,
    private readonly metrics: DecisionMetrics,
    @Optional() @Inject(POLICY_CHECK) private readonly policy?: PolicyCheck,
    @Optional() @Inject(MONITOR_STATE_FACTS) monitorStates?: MonitorStateFacts,
  ) {
    this.extras = {
      name: `decision${this.policy ? '' : '_without_policy'}${monitorStates ? '' : '_without_monitors'}`,
      columns: {
        redaction_rules: this.redactionRules.rulesOfAutomationSql,
        active_pack_digest: this.policy?.activeDigestSql ?? 'SELECT NULL::text',
        monitor_states: monitorStates?.factsSql ?? `SELECT '{}'::json`,
      },
    };
    this.targets.prepareFor(this.extras);
  }

  /** One decision: a refusal is thrown, and nothing is written. */
  async record(actor: AuthenticatedPrincipal, input: RecordDecisionInput): Promise<RecordedDecision> {
    const [outcome] = await this.recordBatch(actor, [input]);
    if (!outcome.ok) throw outcome.error;
    describeActiveSpan({ 'attest.automation_id': outcome.decision.automationId, 'attest.decision.status': outcome.decision.status });
    return outcome;
  }

  /**
   * Many decisions in one transaction; each item's outcome in input order. `within` may run the
   * recording its own way in that transaction (recordDecisions narrows a database error to its item).
   */
  async recordBatch(
    actor: AuthenticatedPrincipal,
    inputs: readonly BatchItem[],
    within: BatchRecording = (_m, items, record) => record(items),
  ): Promise<BatchOutcome[]> {
    describeActiveSpan({ 'attest.tenant_id': actor.tenantId });
    const batch = await this.db.transaction(actor.tenantId, (m) => within(m, inputs, (part) => this.recordBatchIn(m, actor, part)));
    await this.webhooks.dispatch(actor.tenantId, batch.deliveryIds);
    return batch.outcomes;
  }

  /**
   * The same within the caller's transaction (the ingest job records a chunk with its progress);
   * the caller dispatches the webhooks after commit. An item given as an error (it failed
   * validation upstream) keeps that error as its outcome.
   */
  async recordBatchIn(m: EntityManager, actor: AuthenticatedPrincipal, inputs: readonly BatchItem[]): Promise<RecordedBatch> {
    // Before the items: one transaction is one connection, which runs one query at a time.
    const lookups: BatchLookups = { reads: new Map(), judges: new Map(), sources: await lookUpSources(m, inputs) };
    // In slices: preparing hundreds of decisions is CPU work that must not hold the process's other work up.
    const prepared = await mapInSlices(inputs, (input): Promise<DecisionWrite | AttestError> | AttestError =>
      input instanceof AttestError ? input : this.prepare(m, actor, input, lookups).catch(refusalOrThrow),
    );
    const writes = prepared.filter((p): p is DecisionWrite => !(p instanceof AttestError));
    const inserted = await insertDecisions(m, actor, writes);
    const taken = writes.filter((w) => !inserted.recordedAt.has(w.decision.id));
    const originals = taken.length === 0 ? new Map<string, DecisionEntity>() : await this.originals(m, taken);
    const outcomes = prepared.map((p): BatchOutcome => {
      if (p instanceof AttestError) return { ok: false, error: p };
      const recordedAt = inserted.recordedAt.get(p.decision.id);
      if (recordedAt) {
        this.metrics.recorded(p.decision, p.decision.policyResults);
        return { ok: true, decision: { ...p.decision, recordedAt }, replayed: false };
      }
      return replayOf(p.decision, originals.get(p.decision.idempotencyKey)!);
    });
    return { outcomes, deliveryIds: inserted.deliveryIds };
  }

  /** Everything about one decision that is decided before it is written; throws an AttestError to refuse it. */
  private async prepare(
    m: EntityManager,
    actor: AuthenticatedPrincipal,
    input: RecordDecisionInput,
    lookups: BatchLookups,
  ): Promise<DecisionWrite> {
    assertValid(input);
    const tenantId = actor.tenantId;
    const { target, rules, judge, monitors } = await this.readsOf(m, input, lookups);
    if (!actor.ability.can('create', subjectOf('Decision', { tenantId, automationId: target.automation.id }))) {
      // An automation the caller may not even see is not named to it (as automationByKey would not).
      const { id, ownerId } = target.automation;
      if (!actor.ability.can('read', subjectOf('Automation', { tenantId, id, ownerId })))
        throw AttestError.notFound('Automation', input.automationId ?? input.automationKey!);
      throw AttestError.forbidden(`You may not record decisions for automation ${target.automation.key}`);
    }
    const sources = sourcesOf(input, lookups.sources);
    const steps = stepRecords(input.explanation);
    const redacted = redactDecision(
      { input: input.input, output: input.output, context: input.context ?? {}, explanation: steps.map((s) => s.detail) },
      rules,
    );
    const id = randomUUID();
    const confidence = input.confidence ?? null;
    const policyFacts = storedDecisionFacts(target, actor, { id, confidence, outputPiiFindings: redacted.outputPiiFindings }, monitors);
    const { output, context, explanation } = redacted.document;
    const verdict = judge?.(decisionFacts(policyFacts, output, context));

    const decision: NewDecision = {
      id,
      tenantId,
      automationId: target.automation.id,
      automationVersionId: target.automationVersion.id,
      modelVersionId: target.modelVersion.id,
      idempotencyKey: input.idempotencyKey,
      requestHash: this.hashKeys.hash(tenantId, 'request', input),
      correlationId: input.correlationId ?? null,
      // After requestHash: a retry under another trace is still the same request.
      traceId: input.traceId ?? activeTraceId(),
      inputHash: this.hashKeys.hash(tenantId, 'input', input.input),
      input: redacted.document.input,
      output,
      context,
      confidence,
      status: verdict ? STATUS_OF_EFFECT[verdict.effect] : 'recorded',
      policyPackDigest: verdict?.packDigest ?? null,
      policyEffect: verdict?.effect ?? null,
      policyResults: verdict?.matched ?? [],
      policyFacts: verdict ? policyFacts : null,
      redactions: redacted.findings,
      subjectHash: input.subjectRef === undefined ? null : this.hashKeys.hash(tenantId, 'subject', input.subjectRef),
      occurredAt: input.occurredAt ?? new Date(),
      recordedBy: actor.principalId,
    };
    return {
      decision,
      steps: steps.map((s, i) => ({ kind: s.kind, detail: explanation[i] })),
      sources,
      audit: {
        action: `decision.${decision.status}`,
        after: {
          automationId: decision.automationId,
          automationVersionId: decision.automationVersionId,
          modelVersionId: decision.modelVersionId,
          idempotencyKey: decision.idempotencyKey,
          status: decision.status,
          inputHash: decision.inputHash,
          ...(verdict ? { policy: policySummaryOf(verdict) } : {}),
        },
      },
      webhook: { event: EVENT_OF_STATUS[decision.status], payload: decisionEventPayload(decision) },
    };
  }

  /** What a reference needs read, once per batch (a refusal is remembered too). */
  private async readsOf(m: EntityManager, input: RecordDecisionInput, lookups: BatchLookups): Promise<DecisionReads> {
    const ref = `${input.automationId ?? `key:${input.automationKey}`}|${input.modelVersionId}`;
    const reads = await memo(lookups.reads, ref, async () => {
      const resolved = await this.targets.resolve(m, input, this.extras).catch(refusalOrThrow);
      if (resolved instanceof AttestError) return resolved;
      const digest = (resolved.extras.active_pack_digest as string | null) ?? null;
      const judge = await memo(
        lookups.judges,
        digest ?? '',
        () => this.policy?.judgeDigest(m, 'decision', digest) ?? Promise.resolve(undefined),
      );
      return {
        target: resolved,
        rules: this.redactionRules.compile(resolved.extras.redaction_rules as RedactionRules | null),
        judge,
        monitors: resolved.extras.monitor_states as Record<string, unknown>,
      };
    });
    if (reads instanceof AttestError) throw reads;
    return reads;
  }

  /** The stored decisions behind the idempotency keys that were taken (earlier, or by an item before in the same batch). */
  private async originals(m: EntityManager, taken: DecisionWrite[]): Promise<Map<string, DecisionEntity>> {
    const keys = [...new Set(taken.map((w) => w.decision.idempotencyKey))];
    const found = await m.findBy(DecisionEntity, { idempotencyKey: In(keys) });
    return new Map(found.map((d) => [d.idempotencyKey, d]));
  }
}

/** The key is taken: the same request gets the original decision back; another one is a conflict. */
function replayOf(attempt: NewDecision, original: DecisionEntity): BatchOutcome {
  if (original.requestHash !== attempt.requestHash) {
    return {
      ok: false,
      error: AttestError.conflict(`idempotencyKey ${attempt.idempotencyKey} was already used for a different decision`, {
        idempotencyKey: attempt.idempotencyKey,
        decisionId: original.id,
      }),
    };
  }
  return { ok: true, decision: original, replayed: true };
}

function assertValid(input: RecordDecisionInput): void {
  if ((input.automationId === undefined) === (input.automationKey === undefined)) {
    throw AttestError.validation('Name the automation by automationId or by automationKey (exactly one)', { field: 'automationId' });
  }
  if (input.occurredAt && input.occurredAt.getTime() > Date.now() + MAX_CLOCK_SKEW_MS) {
    throw AttestError.validation('occurredAt is more than 5 minutes in the future', { field: 'occurredAt' });
  }
  const size = Buffer.byteLength(JSON.stringify([input.input, input.output, input.context ?? null, input.explanation ?? null]));
  if (size > MAX_PAYLOAD_BYTES) {
    throw AttestError.validation(`The decision is ${size} bytes of JSON; at most ${MAX_PAYLOAD_BYTES} are accepted`, { field: 'input' });
  }
}

/** A refusal becomes the item's outcome; anything else (a bug, the database) fails the whole batch. */
function refusalOrThrow(error: unknown): AttestError {
  if (error instanceof AttestError) return error;
  throw error;
}

function memo<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let value = cache.get(key);
  if (!value) {
    value = load();
    cache.set(key, value);
  }
  return value;
}
