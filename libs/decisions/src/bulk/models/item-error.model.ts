import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AttestError } from '@attest/core';

@ObjectType('ItemError', { description: 'Why one item of a batch was not recorded (the others are not affected)' })
export class ItemErrorModel {
  @Field({ description: 'A stable error code: VALIDATION_FAILED, NOT_FOUND, FORBIDDEN, CONFLICT, …' }) code: string;
  @Field({ description: "What was wrong, in words (never the item's values)" }) message: string;
  @Field(() => String, { nullable: true, description: 'The input field at fault, when one is' }) field: string | null;
  @Field(() => ID, { nullable: true, description: 'CONFLICT: the decision already recorded under this idempotency key' }) decisionId:
    string | null;
}

/** An item's refusal as the API reports it. */
export function itemErrorOf(error: AttestError): ItemErrorModel {
  const { field, decisionId } = error.details ?? {};
  return {
    code: error.code,
    message: error.message,
    field: typeof field === 'string' ? field : null,
    decisionId: typeof decisionId === 'string' ? decisionId : null,
  };
}
