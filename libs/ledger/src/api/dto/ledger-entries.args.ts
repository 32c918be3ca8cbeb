import { ArgsType, Field } from '@nestjs/graphql';
import { PageArgs } from '@attest/core';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { LedgerEntryFilter } from './ledger-entry-filter.input';

@ArgsType()
export class LedgerEntriesArgs extends PageArgs {
  @Field(() => LedgerEntryFilter, { nullable: true, description: 'Narrows the entries; every leaf when omitted' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LedgerEntryFilter)
  filter?: LedgerEntryFilter;
}
