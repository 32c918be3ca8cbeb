import { Field, ID, ObjectType } from '@nestjs/graphql';
import { LifecycleStatus } from '../registry.enums';

@ObjectType('LifecycleTransition')
export class LifecycleTransitionModel {
  @Field(() => ID) id: string;
  @Field(() => LifecycleStatus) from: LifecycleStatus;
  @Field(() => LifecycleStatus) to: LifecycleStatus;
  @Field(() => ID) actorId: string;
  @Field() rationale: string;
  @Field() at: Date;
}
