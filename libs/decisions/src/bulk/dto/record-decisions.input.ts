import { Field, InputType } from '@nestjs/graphql';
import { RecordDecisionInput } from '../../dto/record-decision.input';
import { MAX_SYNC_BATCH } from '../decision-batch';

// A batch is typed by GraphQL, but the resolvers receive it as `DecisionBatch` (an interface): the
// global ValidationPipe then leaves it alone rather than copying and walking up to 10,000 items,
// and each item is validated on its own (decision-item.validator.ts), so that one bad item is
// refused alone and the rest are recorded. The batch's size is checked by `assertBatchSize`.

@InputType({ description: 'A batch for recordDecisions: recorded in one transaction and answered at once; a bad item is refused alone' })
export class RecordDecisionsInput {
  @Field(() => [RecordDecisionInput], { description: `1 to ${MAX_SYNC_BATCH} decisions, each as for recordDecision` })
  decisions: unknown[];
}
