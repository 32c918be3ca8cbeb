import { rolesFrom } from './oidc-sign-in.service';
import { decodeTransaction, encodeTransaction, safeReturnTo } from './oidc-transaction';

describe('OIDC sign-in helpers', () => {
  it('returns only to a path of this origin', () => {
    expect(safeReturnTo('/decisions?status=pending#x')).toBe('/decisions?status=pending#x');
    for (const other of ['//evil.example', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '', '/a\nb', 42, undefined]) {
      expect(safeReturnTo(other)).toBe('/');
    }
  });

  it('reads back a transaction it wrote, and nothing malformed', () => {
    const transaction = { state: 's', nonce: 'n', verifier: 'v', returnTo: '/' };
    expect(decodeTransaction(encodeTransaction(transaction))).toEqual(transaction);
    expect(decodeTransaction('not base64 json')).toBeUndefined();
    expect(decodeTransaction(Buffer.from('{"state":1}').toString('base64url'))).toBeUndefined();
    expect(decodeTransaction(undefined)).toBeUndefined();
  });

  it("maps the roles claim to a person's roles: a list or a string, case-insensitive, never a service's", () => {
    expect(rolesFrom(['Compliance_Officer', 'auditor', 'superuser'])).toEqual(['compliance_officer', 'auditor']);
    expect(rolesFrom('admin model_owner')).toEqual(['admin', 'model_owner']);
    expect(rolesFrom(['service', 'lineage_producer'])).toEqual([]);
    expect(rolesFrom(undefined)).toEqual([]);
    expect(rolesFrom({ admin: true })).toEqual([]);
  });
});
