import { toGraphqlEnum, type CsvValue } from '@attest/core';
import type { FactSeal } from '@attest/ledger';
import type { DecisionFieldAccess } from '../access/decision-field-access';
import type { DecisionReviewEntity } from '../entities/decision-review.entity';
import type { DecisionEntity } from '../entities/decision.entity';
import { outcomeOf } from '../review/outcome';

/** Written in a cell the caller's role may not read: shown as withheld, never silently empty. */
export const WITHHELD = '[withheld]';

/** The columns of GET /api/v1/decisions.csv, named as the Decision type's fields (docs/api.md). */
export const DECISION_CSV_HEADER = [
  'id',
  'occurredAt',
  'recordedAt',
  'automationId',
  'automationVersionId',
  'modelVersionId',
  'status',
  'outcome',
  'confidence',
  'correlationId',
  'idempotencyKey',
  'policyEffect',
  'policies',
  'policyPackDigest',
  'inputHash',
  'input',
  'output',
  'ledgerIndex',
  'sealedAt',
] as const;

/** One decision as a CSV record: enum values as GraphQL spells them, JSON as compact text, withheld fields marked. */
export async function decisionCsvRecord(
  d: DecisionEntity,
  review: DecisionReviewEntity | null,
  seal: FactSeal | null,
  access: DecisionFieldAccess,
): Promise<CsvValue[]> {
  const json = async (field: 'input' | 'output') => ((await access.may(d, field)) ? JSON.stringify(d[field]) : WITHHELD);
  return [
    d.id,
    d.occurredAt,
    d.recordedAt,
    d.automationId,
    d.automationVersionId,
    d.modelVersionId,
    toGraphqlEnum(d.status),
    toGraphqlEnum(outcomeOf(d, review)),
    d.confidence,
    d.correlationId,
    d.idempotencyKey,
    d.policyEffect && toGraphqlEnum(d.policyEffect),
    d.policyResults.map((p) => `${p.id}:${toGraphqlEnum(p.effect)}`).join('; '),
    d.policyPackDigest,
    d.inputHash,
    await json('input'),
    await json('output'),
    seal?.index ?? null,
    seal?.sealedAt ?? null,
  ];
}
