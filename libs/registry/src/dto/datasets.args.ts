import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { PageArgs } from '@attest/core';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { PII_CLASSES } from '../registry.enums';
import { RegistryEntryFilter } from './registry-entry.input';

@InputType({ description: 'Narrows the datasets listed; the given fields must all match' })
export class DatasetFilter extends RegistryEntryFilter {
  @Field({ nullable: true, description: `Datasets with a version declaring this class (${PII_CLASSES.join(', ')})` })
  @IsOptional()
  @IsIn(PII_CLASSES)
  piiClass?: string;
}

@ArgsType()
export class DatasetsArgs extends PageArgs {
  @Field(() => DatasetFilter, { nullable: true, description: 'Narrows the list; every dataset when omitted' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DatasetFilter)
  filter?: DatasetFilter;
}
