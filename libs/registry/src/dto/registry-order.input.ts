import { ArgsType, Field, InputType, registerEnumType } from '@nestjs/graphql';
import { PageArgs, type SortKey } from '@attest/core';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, ValidateNested } from 'class-validator';

export enum RegistrySortField {
  NAME = 'name',
  CREATED_AT = 'created_at',
}
registerEnumType(RegistrySortField, {
  name: 'RegistrySortField',
  description: 'What a registry list (models, datasets, automations) is sorted by',
  valuesMap: {
    NAME: { description: 'The name, case-insensitive' },
    CREATED_AT: { description: 'When it was registered' },
  },
});

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Ascending (A to Z, oldest first) or descending (Z to A, newest first)',
  valuesMap: { ASC: { description: 'Ascending: A to Z, oldest first' }, DESC: { description: 'Descending: Z to A, newest first' } },
});

/**
 * Risk class and lifecycle status belong to versions (one automation may have a deployed version
 * and a draft), so entries are sorted by their own fields; filter by status or risk instead.
 */
@InputType({ description: 'How a registry list is sorted; ties are broken by id, so paging is stable' })
export class RegistryOrder {
  @Field(() => RegistrySortField, { description: 'The field to sort by' })
  @IsEnum(RegistrySortField)
  field: RegistrySortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'The direction; ascending when omitted' })
  @IsEnum(SortDirection)
  direction: SortDirection = SortDirection.ASC;
}

/** The paging of every registry list, with its optional sort (newest first when omitted). */
@ArgsType()
export abstract class RegistryPageArgs extends PageArgs {
  @Field(() => RegistryOrder, { nullable: true, description: 'The sort; newest first when omitted' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RegistryOrder)
  orderBy?: RegistryOrder;
}

interface Sortable {
  id: string;
  name: string;
  createdAt: Date;
}

/** The keyset sort of an order (created_at is stored to the millisecond, so a cursor carries it exactly). */
export function sortKeyOf<E extends Sortable>(order: RegistryOrder): SortKey<E> {
  const { field, direction } = order;
  switch (field) {
    case RegistrySortField.NAME:
      return { name: field, direction, sql: (a) => `lower(${a}.name)` };
    case RegistrySortField.CREATED_AT:
      return { name: field, direction, sql: (a) => `${a}.created_at` };
  }
}
