import { errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';

const MATRIX = '{ accessMatrix { roles operations { operation needs allowedRoles } } }';
const OIDC = '{ oidcSettings { enabled issuer clientId label redirectUrl rolesClaim tenant roleMapping { claimValue role } } }';

type Row = { operation: string; needs: string; allowedRoles: string[] };

// Administration reads how access is configured (docs/api.md §2, `accessMatrix` and `oidcSettings`): the
// role × operation matrix of the loaded policies and the OIDC role mapping, never a secret.
describe('access settings: the access matrix and the OIDC role mapping', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  it('serves the role × operation matrix of the loaded access policies to admins, compliance officers and auditors', async () => {
    const matrix = ok(await t.gql(t.adminKey, MATRIX)).accessMatrix;
    expect(matrix.roles).toEqual([
      'ADMIN',
      'MODEL_OWNER',
      'AUTOMATION_OWNER',
      'COMPLIANCE_OFFICER',
      'AUDITOR',
      'SERVICE',
      'LINEAGE_PRODUCER',
    ]);
    const row = (operation: string) => matrix.operations.find((r: Row) => r.operation === operation);
    expect(row('mutation issueApiKey')).toEqual({ operation: 'mutation issueApiKey', needs: 'create ApiKey', allowedRoles: ['ADMIN'] });
    expect(row('query apiKeys').allowedRoles).toEqual(['ADMIN']);
    expect(row('mutation recordDecision').allowedRoles).toEqual(['ADMIN', 'SERVICE']);
    expect(row('query accessMatrix').allowedRoles).toEqual(['ADMIN', 'COMPLIANCE_OFFICER', 'AUDITOR']);
    // Sorted by name, and every served operation is in it.
    const names = matrix.operations.map((r: Row) => r.operation);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
    expect(names).toEqual(
      expect.arrayContaining(['query oidcSettings', 'mutation bindRole', 'mutation unbindRole', 'field Principal.roles']),
    );

    for (const role of ['compliance_officer', 'auditor']) {
      const reader = await principalWithRole(t, role);
      expect(ok(await t.gql(reader.key, MATRIX)).accessMatrix).toEqual(matrix);
    }
  });

  it('refuses the matrix and the OIDC settings to roles that may not read role bindings', async () => {
    for (const role of ['model_owner', 'automation_owner', 'lineage_producer']) {
      const other = await principalWithRole(t, role);
      expect(errorCode(await t.gql(other.key, MATRIX))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(other.key, OIDC))).toBe('FORBIDDEN');
    }
    expect(errorCode(await t.gql(undefined, MATRIX))).toBe('UNAUTHENTICATED');
  });

  it('says OIDC sign-in is off when no issuer is configured, and still names the claim and its mapping', async () => {
    const settings = ok(await t.gql(t.adminKey, OIDC)).oidcSettings;
    expect(settings).toMatchObject({ enabled: false, issuer: null, clientId: null, label: null, redirectUrl: null });
    expect(settings.rolesClaim).toBe('attest_roles');
    expect(settings.tenant).toBe('default');
  });

  it('shows the configured issuer, client, claim and role mapping, and never the client secret', async () => {
    const secret = 'client-secret-that-must-never-be-served';
    const configured = await startTestApp({
      ATTEST_OIDC_ISSUER: 'http://127.0.0.1:9/realms/attest',
      ATTEST_OIDC_CLIENT_ID: 'attest-console',
      ATTEST_OIDC_CLIENT_SECRET: secret,
      ATTEST_OIDC_ROLES_CLAIM: 'groups',
      ATTEST_PUBLIC_URL: 'https://attest.example',
    });
    try {
      const officer = await principalWithRole(configured, 'compliance_officer');
      const response = await configured.gql(officer.key, OIDC);
      expect(ok(response).oidcSettings).toEqual({
        enabled: true,
        issuer: 'http://127.0.0.1:9/realms/attest',
        clientId: 'attest-console',
        label: '127.0.0.1:9',
        redirectUrl: 'https://attest.example/auth/oidc/callback',
        rolesClaim: 'groups',
        tenant: 'default',
        roleMapping: [
          { claimValue: 'admin', role: 'ADMIN' },
          { claimValue: 'model_owner', role: 'MODEL_OWNER' },
          { claimValue: 'automation_owner', role: 'AUTOMATION_OWNER' },
          { claimValue: 'compliance_officer', role: 'COMPLIANCE_OFFICER' },
          { claimValue: 'auditor', role: 'AUDITOR' },
        ],
      });
      expect(JSON.stringify(response)).not.toContain(secret);
    } finally {
      await configured.close();
    }
  });

  it('names who issued each API key, and keeps the keys from compliance officers', async () => {
    const holder = await principalWithRole(t, 'auditor');
    const admin = ok(await t.gql(t.adminKey, '{ me { id } }')).me.id;
    const issued = ok(
      await t.gql(t.adminKey, 'mutation($i: IssueApiKeyInput!) { issueApiKey(input: $i) { apiKey { id createdBy } } }', {
        i: { principalId: holder.id, name: 'reporting' },
      }),
    ).issueApiKey.apiKey;
    expect(issued.createdBy).toBe(admin);
    const listed = ok(await t.gql(t.adminKey, '{ apiKeys { id createdBy } }')).apiKeys;
    expect(listed).toContainEqual({ id: issued.id, createdBy: admin });
    const officer = await principalWithRole(t, 'compliance_officer');
    expect(errorCode(await t.gql(officer.key, '{ apiKeys { id } }'))).toBe('FORBIDDEN');
    expect(
      errorCode(
        await t.gql(officer.key, 'mutation($i: IssueApiKeyInput!) { issueApiKey(input: $i) { secret } }', {
          i: { principalId: holder.id, name: 'mine now' },
        }),
      ),
    ).toBe('FORBIDDEN');
  });
});
