import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsUUID, Length } from 'class-validator';
import { LifecycleStatus } from '../registry.enums';

@ArgsType()
export class TransitionArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => LifecycleStatus)
  @IsEnum(LifecycleStatus)
  to: LifecycleStatus;

  @Field({ description: 'Why: kept in the lifecycle history and the audit trail' })
  @Length(3, 2000)
  rationale: string;
}
