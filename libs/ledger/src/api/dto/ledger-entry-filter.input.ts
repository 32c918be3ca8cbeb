import { Field, InputType } from '@nestjs/graphql';
import { GraphQLSafeInt } from '@attest/core';
import { IsBoolean, IsIn, IsInt, IsOptional, Length, Min } from 'class-validator';
import { LEAF_KINDS } from '../leaf-kinds';

@InputType({ description: 'Narrows the ledger entries listed; the given fields must all match' })
export class LedgerEntryFilter {
  @Field({ nullable: true, description: 'Only leaves of this kind of fact (see LedgerEntry.kind)' })
  @IsOptional()
  @IsIn(LEAF_KINDS)
  kind?: string;

  @Field({ nullable: true, description: 'Only the leaf of this fact (a decision, an audit event, …)' })
  @IsOptional()
  @Length(1, 200)
  factId?: string;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Sealed leaves from this index on' })
  @IsOptional()
  @IsInt()
  @Min(0)
  fromIndex?: number;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Sealed leaves up to this index (inclusive)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  toIndex?: number;

  @Field({ nullable: true, description: 'Only sealed (true) or only not yet sealed (false) leaves' })
  @IsOptional()
  @IsBoolean()
  sealed?: boolean;
}
