import { AttestError, attachFreeFormJson, detachFreeFormJson, freeFormInputProblems, refusalOf } from '@attest/core';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { RecordDecisionInput } from '../dto/record-decision.input';
import { refusalStagedFor } from './staged-item';

/**
 * One item of a batch, checked by the same rules the API applies to a single recordDecision: a
 * batch input is typed by GraphQL but not validated whole, so that one bad item refuses only itself.
 * Accepts items as GraphQL gives them and as staged JSON (dates as ISO strings). Its JSON values
 * are checked (depth, NUL, `__proto__`) before anything walks them, and kept as sent.
 */
export function decisionItemOf(item: unknown, index: number, maxJsonDepth: number): RecordDecisionInput | AttestError {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    return AttestError.validation(`decisions[${index}] must be an object`, { field: `decisions[${index}]` });
  }
  const refusedAtSubmission = refusalStagedFor(item);
  if (refusedAtSubmission) return refusedAtSubmission;
  const detached = detachFreeFormJson(item, RecordDecisionInput);
  const unstorable = freeFormInputProblems(detached, maxJsonDepth);
  if (unstorable.length > 0) return refusalOf(unstorable);
  const input = plainToInstance(RecordDecisionInput, detached.shell);
  const errors = validateSync(input, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: false });
  if (errors.length === 0) return attachFreeFormJson(input, detached.json);
  const problems = errors.flatMap((error) => flatten(error, ''));
  return AttestError.validation(problems.map((p) => p.message).join('; '), {
    field: problems[0].path,
    problems: problems.map((p) => p.message),
  });
}

function flatten(error: ValidationError, parent: string): { path: string; message: string }[] {
  const path = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
  const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message: parent ? `${path}: ${message}` : message }));
  return [...own, ...(error.children ?? []).flatMap((child) => flatten(child, path))];
}
