import { randomUUID } from 'node:crypto';
import { QueryCounter } from '@attest/core';
import type { GraphQLResponse, TestApp } from './test-app';

/**
 * The SQL statements one GraphQL request sent, told apart from the rest of the process's work
 * (the in-process ledger sequencer seals leaves meanwhile) by the request's correlation id.
 */
export async function statementsOfRequest<T = Record<string, any>>(
  t: TestApp,
  key: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ response: GraphQLResponse<T>; statements: number }> {
  const correlationId = `count-${randomUUID()}`;
  const { result, statements } = await t.app
    .get(QueryCounter)
    .statementsOf(correlationId, () => t.gql<T>(key, query, variables, { 'x-correlation-id': correlationId }));
  return { response: result, statements };
}
