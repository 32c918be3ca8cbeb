import { derivedAppPassword } from './app-role';

describe("attest_app's derived password", () => {
  it("is the same for every database of one cluster and owner (the role is the cluster's), and differs with the owner or the server", () => {
    const a = derivedAppPassword('postgres://owner:secret@db.internal:5432/attest_prod');
    expect(derivedAppPassword('postgres://owner:secret@db.internal:5432/attest_staging')).toBe(a);
    expect(derivedAppPassword('postgres://owner:secret@db.internal/attest_prod?sslmode=require')).toBe(a);
    expect(derivedAppPassword('postgres://owner:other@db.internal:5432/attest_prod')).not.toBe(a);
    expect(derivedAppPassword('postgres://admin:secret@db.internal:5432/attest_prod')).not.toBe(a);
    expect(derivedAppPassword('postgres://owner:secret@db2.internal:5432/attest_prod')).not.toBe(a);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
