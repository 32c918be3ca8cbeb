import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsWithinCalendar, JsonField } from '@attest/core';
import { AUTOMATION_KEY_PATTERN } from '@attest/registry';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsDefined,
  IsNumber,
  IsObject,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ExplanationStepInput } from './explanation-step.input';
import { ExternalDatasetInput } from './external-dataset.input';

/** Printable ASCII without spaces: keys and ids callers generate. */
const TOKEN = /^[\x21-\x7e]+$/;

@InputType({ description: 'One automated outcome. Name the automation by id or by key (exactly one).' })
export class RecordDecisionInput {
  @Field(() => ID, { nullable: true, description: 'The automation that decided, by id; give this or automationKey, not both' })
  @IsOptional()
  @IsUUID()
  automationId?: string;

  @Field({ nullable: true, description: "The automation's stable key, e.g. claims-triage" })
  @IsOptional()
  @Matches(AUTOMATION_KEY_PATTERN, { message: 'automationKey must be 2-63 lower-case letters, digits or dashes' })
  automationKey?: string;

  @Field(() => ID, { description: 'The model version that produced the outcome; a version of the automation must use it' })
  @IsUUID()
  modelVersionId: string;

  @Field({ description: 'Unique per tenant: a retry with the same key and payload returns the original decision' })
  @Length(1, 200)
  @Matches(TOKEN, { message: 'idempotencyKey must be printable ASCII without spaces' })
  idempotencyKey: string;

  @Field({ nullable: true, description: "The caller's id for the business transaction" })
  @IsOptional()
  @Length(1, 200)
  @Matches(TOKEN, { message: 'correlationId must be printable ASCII without spaces' })
  correlationId?: string;

  @Field({ nullable: true, description: 'W3C trace id of the call that decided, to find it in your tracing' })
  @IsOptional()
  @Matches(/^[0-9a-f]{32}$/, { message: 'traceId must be 32 lower-case hex digits (W3C trace-context)' })
  traceId?: string;

  @JsonField({ description: 'What the automation decided on; stored redacted, with a keyed hash of the original' })
  @IsDefined()
  input: unknown;

  @JsonField({ description: 'What it decided; stored redacted' })
  @IsDefined()
  output: unknown;

  @Field(() => Float, { nullable: true, description: '0..1' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  confidence?: number;

  @Field({ nullable: true, description: 'When it was decided; defaults to now, at most 5 minutes ahead of the server clock' })
  @IsOptional()
  @Type(() => Date)
  @IsWithinCalendar()
  occurredAt?: Date;

  @JsonField({ nullable: true, description: 'Facts for the policies, read as context.<key>; stored redacted' })
  @IsOptional()
  @IsObject()
  context?: Record<string, unknown>;

  @Field({ nullable: true, description: 'Your identifier of the person affected; stored only as a keyed hash (decisionsForSubject)' })
  @IsOptional()
  @Length(1, 500)
  subjectRef?: string;

  @Field(() => [ExplanationStepInput], { nullable: true, description: 'The ordered explanation trace (at most 200 steps)' })
  @IsOptional()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ExplanationStepInput)
  explanation?: ExplanationStepInput[];

  @Field(() => [ID], {
    nullable: true,
    description:
      'Registered dataset versions the automation read to decide (at most 50): the lineage graph links them to the decision (consumed)',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  sourceDatasetVersionIds?: string[];

  @Field(() => [ExternalDatasetInput], {
    nullable: true,
    description:
      'Datasets outside the registry the automation read (at most 50), by OpenLineage namespace and name: linked as consumed, ' +
      'to the registered dataset version at that location when there is one, else to the external dataset (the node OpenLineage events name)',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ExternalDatasetInput)
  sourceDatasets?: ExternalDatasetInput[];
}
