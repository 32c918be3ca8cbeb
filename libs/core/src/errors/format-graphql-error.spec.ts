import { BadRequestException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { AttestError } from './attest-error';
import { ErrorCode } from './error-code';
import { formatGraphQLError } from './format-graphql-error';

const formatted = (message: string, code?: string) => ({ message, extensions: code ? { code } : {} });
const wrap = (original: unknown) => new GraphQLError('wrapped', { originalError: original as Error });

describe('formatGraphQLError', () => {
  it("keeps a domain error's code, message and details", () => {
    const out = formatGraphQLError(formatted('x'), wrap(AttestError.notFound('Model', 'm1')));
    expect(out).toMatchObject({ message: 'Model m1 was not found', extensions: { code: 'NOT_FOUND', subjectType: 'Model', id: 'm1' } });
  });

  it("lists every validation problem under VALIDATION_FAILED, the first one's property as the field", () => {
    const out = formatGraphQLError(formatted('Bad Request'), wrap(new BadRequestException(['name is too long', 'email must be an email'])));
    expect(out.extensions).toEqual({ code: 'VALIDATION_FAILED', field: 'name', problems: ['name is too long', 'email must be an email'] });
  });

  it('turns a unique violation into CONFLICT with a human message and no SQL', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      constraint: 'models_tenant_id_name_key',
    });
    const out = formatGraphQLError(formatted('x'), wrap(new QueryFailedError('INSERT INTO models ...', [], driverError)));
    expect(out).toMatchObject({ message: 'A model with this name already exists', extensions: { code: ErrorCode.CONFLICT } });
    expect(JSON.stringify(out)).not.toContain('INSERT');
  });

  it('maps GraphQL parse and validation errors to VALIDATION_FAILED', () => {
    expect(formatGraphQLError(formatted('Syntax Error', 'GRAPHQL_PARSE_FAILED'), new GraphQLError('x')).extensions?.code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('hides anything unexpected behind INTERNAL', () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const out = formatGraphQLError(formatted('connection refused at 10.0.0.1'), wrap(new Error('connection refused at 10.0.0.1')));
    expect(out).toMatchObject({ message: 'Internal error', extensions: { code: 'INTERNAL' } });
    expect(JSON.stringify(out)).not.toContain('10.0.0.1');
    spy.mockRestore();
  });
});
