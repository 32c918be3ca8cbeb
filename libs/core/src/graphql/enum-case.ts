/**
 * GraphQL enum values are the stored values in SCREAMING_SNAKE_CASE (`pending_review` ↔
 * `PENDING_REVIEW`); the TypeScript enums map them in the server. These convert for clients of the
 * API that print or compare stored values (the CLI), so their output stays lower case.
 */
export const toGraphqlEnum = (stored: string): string => stored.replace(/\./g, '_').toUpperCase();

/** The stored value of a GraphQL enum value (not for WebhookEvent, whose stored values hold a dot). */
export const fromGraphqlEnum = <T extends string = string>(graphql: string): T => graphql.toLowerCase() as T;
