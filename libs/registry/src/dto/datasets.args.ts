import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { PII_CLASSES } from '../registry.enums';
import { RegistryEntryFilter } from './registry-entry.input';
import { RegistryPageArgs } from './registry-order.input';

@InputType({ description: 'Narrows the datasets listed; the given fields must all match' })
export class DatasetFilter extends RegistryEntryFilter {
  @Field({ nullable: true, description: `Datasets with a version declaring this class (${PII_CLASSES.join(', ')})` })
  @IsOptional()
  @IsIn(PII_CLASSES)
  piiClass?: string;
}

@ArgsType()
export class DatasetsArgs extends RegistryPageArgs {
  @Field(() => DatasetFilter, { nullable: true, description: 'Narrows the list; every dataset when omitted' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DatasetFilter)
  filter?: DatasetFilter;
}
