import { type Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, Max, Min } from 'class-validator';

/** Relay's PageInfo (relay.dev/graphql/connections.htm): paging here is forward only, with `first` and `after`. */
@ObjectType({ description: 'Where a page sits in its list (Relay cursor connections)' })
export class PageInfo {
  @Field({ description: 'More rows follow: ask again with after: endCursor' }) hasNextPage: boolean;
  @Field({ description: 'Always false: lists are paged forward only, which the Relay specification allows' }) hasPreviousPage: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first edge; null on an empty page' }) startCursor: string | null;
  @Field(() => String, { nullable: true, description: 'Cursor of the last edge, for the next page; null on an empty page' }) endCursor:
    string | null;
}

/** The PageInfo of a forward page. */
export function pageInfoOf(edges: readonly { cursor: string }[], hasNextPage: boolean): PageInfo {
  return { hasNextPage, hasPreviousPage: false, startCursor: edges.at(0)?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null };
}

/** Forward pagination, newest first: `first` (1–100, default 20) rows after the `after` cursor. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Items per page, 1 to 100' })
  @Min(1)
  @Max(100)
  first: number = 20;

  @Field(() => String, { nullable: true, description: "An endCursor from the previous page's pageInfo; the first page when omitted" })
  @IsOptional()
  @IsString()
  after?: string;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** A Relay connection type for `node` (e.g. `ModelConnection` with `ModelEdge`). */
export function ConnectionType<T>(node: Type<T>): Type<Connection<T>> {
  const name = node.name.replace(/Model$/, '');
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with the cursor that points at it` })
  class EdgeType {
    @Field({ description: 'Opaque: pass it as after to continue from this item' }) cursor: string;
    @Field(() => node, { description: `The ${name}` }) node: T;
  }

  @ObjectType({ isAbstract: true })
  class ConnectionClass {
    @Field(() => [EdgeType], { description: 'The items of this page, in the order of the list' }) edges: Edge<T>[];
    @Field(() => PageInfo, { description: 'Whether there is a next page, and the cursor to ask for it' }) pageInfo: PageInfo;
  }
  return ConnectionClass;
}

/** Query-cost estimator for connection fields: a page weighs `first` times its nodes. */
export const pageCost = ({ args, childComplexity }: { args: Record<string, unknown>; childComplexity: number }): number =>
  (typeof args.first === 'number' ? args.first : 20) * childComplexity;
