import { Field, InputType } from '@nestjs/graphql';
import { RecordDecisionInput } from '../../dto/record-decision.input';
import { MAX_INGEST_BATCH } from '../decision-batch';

@InputType({ description: 'A large batch for ingestDecisions: staged at once, recorded by the workers in chunks' })
export class IngestDecisionsInput {
  @Field(() => [RecordDecisionInput], { description: `1 to ${MAX_INGEST_BATCH} decisions, each as for recordDecision` })
  decisions: unknown[];
}
