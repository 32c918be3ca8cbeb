import { Inject, Injectable, Optional } from '@nestjs/common';
import { AttestError, POLICY_CHECK, TenantDb, type PolicyCheck, type PolicyVerdict } from '@attest/core';
import { subjectOf, type AuthenticatedPrincipal } from '@attest/identity';
import { DecisionTargetsService } from '@attest/registry';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RecordDecisionInput } from '../dto/record-decision.input';
import { DecisionEntity, type DecisionStatus } from '../entities/decision.entity';
import { RedactionRulesService } from '../redaction-rules/redaction-rules.service';
import { decisionFacts, storedDecisionFacts } from './decision-facts';
import { insertDecision, type NewDecision } from './decision-writer';
import { stepRecords } from './explanation-steps';
import { HashKeys } from './hash-keys';
import { redactDecision } from './redact-decision';
import { WebhookDispatcher } from '../webhooks/webhook-dispatcher.service';
import { EVENT_OF_STATUS } from '../webhooks/webhook-events';
import { decisionEventPayload } from '../webhooks/webhook-payload';

export interface RecordedDecision {
  decision: DecisionEntity;
  /** True when the idempotency key was already recorded with the same payload: nothing new was written. */
  replayed: boolean;
  /** Webhook deliveries written with it, to dispatch once the transaction has committed. */
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

/**
 * Records one automated outcome: resolve the registry entries it names, check the caller may
 * record for that automation, redact, judge with the active pack, and write decision + trace +
 * audit event in one statement. A blocked decision is stored too: an audit must show it.
 */
@Injectable()
export class DecisionRecorder {
  constructor(
    private readonly db: TenantDb,
    private readonly targets: DecisionTargetsService,
    private readonly redactionRules: RedactionRulesService,
    private readonly hashKeys: HashKeys,
    private readonly webhooks: WebhookDispatcher,
    @Optional() @Inject(POLICY_CHECK) private readonly policy?: PolicyCheck,
  ) {}

  async record(actor: AuthenticatedPrincipal, input: RecordDecisionInput): Promise<RecordedDecision> {
    this.assertValid(input);
    const recorded = await this.db.transaction(actor.tenantId, (m) => this.recordIn(m, actor, input));
    await this.webhooks.dispatch(actor.tenantId, recorded.deliveryIds);
    return recorded;
  }

  /** The same within the caller's transaction (the bulk path records many in one); the caller dispatches the webhooks after commit. */
  async recordIn(m: EntityManager, actor: AuthenticatedPrincipal, input: RecordDecisionInput): Promise<RecordedDecision> {
    const tenantId = actor.tenantId;
    const target = await this.targets.resolve(m, input);
    if (!actor.ability.can('create', subjectOf('Decision', { tenantId, automationId: target.automation.id }))) {
      throw AttestError.forbidden(`You may not record decisions for automation ${target.automation.key}`);
    }
    const steps = stepRecords(input.explanation);
    const rules = await this.redactionRules.compiledFor(m, target.automation.id);
    const redacted = redactDecision(
      { input: input.input, output: input.output, context: input.context ?? {}, explanation: steps.map((s) => s.detail) },
      rules,
    );
    const id = randomUUID();
    const confidence = input.confidence ?? null;
    const policyFacts = storedDecisionFacts(target, actor, { id, confidence, outputPiiFindings: redacted.outputPiiFindings });
    const { output, context, explanation } = redacted.document;
    const verdict = await this.policy?.evaluate(m, actor, 'decision', decisionFacts(policyFacts, output, context));

    const decision: NewDecision = {
      id,
      tenantId,
      automationId: target.automation.id,
      automationVersionId: target.automationVersion.id,
      modelVersionId: target.modelVersion.id,
      idempotencyKey: input.idempotencyKey,
      requestHash: this.hashKeys.hash(tenantId, 'request', input),
      correlationId: input.correlationId ?? null,
      traceId: input.traceId ?? null,
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
    const recordedSteps = steps.map((s, i) => ({ kind: s.kind, detail: explanation[i] }));
    const inserted = await insertDecision(m, actor, decision, recordedSteps, {
      action: `decision.${decision.status}`,
      subjectType: 'Decision',
      subjectId: id,
      after: {
        automationId: decision.automationId, automationVersionId: decision.automationVersionId, modelVersionId: decision.modelVersionId,
        idempotencyKey: decision.idempotencyKey, status: decision.status, inputHash: decision.inputHash,
        ...(verdict ? { policy: { packDigest: verdict.packDigest, effect: verdict.effect, matched: verdict.matched.map(({ id, version, effect }) => ({ id, version, effect })) } } : {}),
      },
    }, { event: EVENT_OF_STATUS[decision.status], payload: decisionEventPayload(decision) });
    if (inserted) return { decision: { ...decision, recordedAt: inserted.recordedAt }, replayed: false, deliveryIds: inserted.deliveryIds };
    return this.replay(m, decision);
  }

  /** The key is taken: the same request gets the original decision back; another one is a conflict. */
  private async replay(m: EntityManager, attempt: NewDecision): Promise<RecordedDecision> {
    const original = await m.findOneByOrFail(DecisionEntity, { idempotencyKey: attempt.idempotencyKey });
    if (original.requestHash !== attempt.requestHash) {
      throw AttestError.conflict(`idempotencyKey ${attempt.idempotencyKey} was already used for a different decision`, {
        idempotencyKey: attempt.idempotencyKey,
        decisionId: original.id,
      });
    }
    return { decision: original, replayed: true, deliveryIds: [] };
  }

  private assertValid(input: RecordDecisionInput): void {
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
}
