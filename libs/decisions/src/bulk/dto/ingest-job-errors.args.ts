import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

@ArgsType()
export class IngestJobErrorsArgs {
  @Field(() => Int, { defaultValue: 100, description: '1 to 1000' }) @IsInt() @Min(1) @Max(1000) first: number = 100;
  @Field(() => Int, { nullable: true, description: 'Errors of items after this index (the last index of the previous page)' })
  @IsOptional()
  @IsInt()
  @Min(-1)
  afterIndex?: number;
}
