import type { CombinedError } from 'urql';

/** What the console shows of any failure: the API's message and its stable code (docs/api.md, "Errors"). */
export interface ApiProblem {
  message: string;
  code: string;
}

/** The first GraphQL error's message and extensions.code, or the network failure, in words. */
export function describeError(error: CombinedError | Error | unknown): ApiProblem {
  const combined = error as Partial<CombinedError> | undefined;
  const first = combined?.graphQLErrors?.[0];
  if (first) {
    const code = first.extensions?.code;
    return { message: first.message, code: typeof code === 'string' ? code : 'INTERNAL' };
  }
  if (combined?.networkError) {
    return { message: `The API could not be reached: ${combined.networkError.message}`, code: 'NETWORK_ERROR' };
  }
  return { message: error instanceof Error ? error.message : String(error), code: 'INTERNAL' };
}

/** Whether a GraphQL result failed because the caller has no (or no longer a) session. */
export function isUnauthenticated(error: CombinedError | undefined): boolean {
  return !!error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}

/** A policy that refused: POLICY_DENIED errors carry them in extensions.policies (docs/api.md §5). */
export interface DeniedPolicy {
  id: string;
  version?: number;
  frameworks?: string[];
}

/** The policies a POLICY_DENIED named, in its first error; none for any other error. */
export function deniedPolicies(error: CombinedError): DeniedPolicy[] {
  const policies = error.graphQLErrors[0]?.extensions?.policies;
  return Array.isArray(policies) ? policies.filter((p): p is DeniedPolicy => typeof p?.id === 'string') : [];
}
