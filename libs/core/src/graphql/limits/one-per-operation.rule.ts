import type { ASTVisitor, ValidationContext, ValidationRule } from 'graphql';
import { queryTooComplex } from './query-too-complex';

/**
 * The field extension of an operation so costly that a request may ask for it once: put it on the
 * resolver with `@Extensions(ONE_PER_OPERATION)`. Aliases would run it again, in parallel.
 */
export const ONE_PER_OPERATION = { onePerOperation: true } as const;

/**
 * Refuses a document that names such a field more than once, fragments included (a fragment
 * spread twice under one response key runs once, so counting the field's nodes never undercounts).
 */
export const onePerOperationRule: ValidationRule = (context: ValidationContext): ASTVisitor => {
  const seen = new Map<string, number>();
  return {
    Field() {
      const field = context.getFieldDef();
      const parent = context.getParentType();
      if (!field || !parent || field.extensions?.onePerOperation !== true) return;
      const name = `${parent.name}.${field.name}`;
      const count = (seen.get(name) ?? 0) + 1;
      seen.set(name, count);
      if (count === 2) {
        context.reportError(
          queryTooComplex(`${field.name} may be asked for once per request, without aliases: it is a long computation`, {
            maxPerOperation: 1,
          }),
        );
      }
    },
  };
};
