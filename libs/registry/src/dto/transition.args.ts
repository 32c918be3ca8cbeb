import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsUUID, Length } from 'class-validator';
import { LifecycleStatus } from '../registry.enums';

@ArgsType()
export class TransitionArgs {
  @Field(() => ID, { description: 'The version to move' })
  @IsUUID()
  id: string;

  @Field(() => LifecycleStatus, { description: 'The status to move it to; the lifecycle rules and gate policies decide whether it may' })
  @IsEnum(LifecycleStatus)
  to: LifecycleStatus;

  @Field({ description: 'Why: kept in the lifecycle history and the audit trail' })
  @Length(3, 2000)
  rationale: string;
}
