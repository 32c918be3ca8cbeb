import type { MigrationInterface, QueryRunner } from 'typeorm';

const AUTH_FUNCTIONS = [
  'attest_find_api_key(text)',
  'attest_principal_grants(uuid, uuid)',
  'attest_touch_api_key(uuid)',
  'attest_tenant_count()',
];

/**
 * The foundation: tenants and identity, the registry, lifecycle history and audit events.
 * Every tenant table has tenant_id and a row-level-security policy on the per-transaction setting
 * `attest.tenant_id`; the application connects as `attest_app` (no superuser, no BYPASSRLS).
 */
export class Foundation1764057600000 implements MigrationInterface {
  name = 'Foundation1764057600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$ BEGIN
        CREATE ROLE attest_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    await db.query(`GRANT USAGE ON SCHEMA public TO attest_app`);
    await db.query(`
      CREATE FUNCTION attest_current_tenant() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT nullif(current_setting('attest.tenant_id', true), '')::uuid $$`);

    await db.query(`
      CREATE TABLE tenants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        slug text NOT NULL UNIQUE,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE principals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        kind text NOT NULL CHECK (kind IN ('human', 'service')),
        name text NOT NULL,
        email text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        disabled_at timestamptz,
        UNIQUE (tenant_id, name)
      )`);
    await db.query(`CREATE INDEX principals_page ON principals (tenant_id, created_at DESC, id DESC)`);

    await db.query(`
      CREATE TABLE datasets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        name text NOT NULL,
        description text,
        owner_id uuid NOT NULL REFERENCES principals(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, name)
      )`);
    await db.query(`CREATE INDEX datasets_page ON datasets (tenant_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX datasets_owner ON datasets (owner_id)`);
    await db.query(`
      CREATE TABLE dataset_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        dataset_id uuid NOT NULL REFERENCES datasets(id),
        version text NOT NULL,
        source_uri text NOT NULL,
        digest text NOT NULL,
        schema jsonb,
        pii_classes text[] NOT NULL DEFAULT '{}',
        provenance text,
        licence text,
        created_by uuid NOT NULL REFERENCES principals(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (dataset_id, version)
      )`);
    await db.query(`CREATE INDEX dataset_versions_page ON dataset_versions (dataset_id, created_at DESC, id DESC)`);

    await db.query(`
      CREATE TABLE models (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        name text NOT NULL,
        description text,
        owner_id uuid NOT NULL REFERENCES principals(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, name)
      )`);
    await db.query(`CREATE INDEX models_page ON models (tenant_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX models_owner ON models (owner_id)`);
    await db.query(`
      CREATE TABLE model_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        model_id uuid NOT NULL REFERENCES models(id),
        version text NOT NULL,
        artifact_uri text NOT NULL,
        artifact_digest text NOT NULL,
        framework text NOT NULL,
        intended_use text,
        limitations text,
        metrics jsonb NOT NULL DEFAULT '[]',
        risk_tier text NOT NULL CHECK (risk_tier IN ('low', 'medium', 'high')),
        status text NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'in_review', 'approved', 'deployed', 'deprecated', 'retired')),
        submitted_by uuid REFERENCES principals(id),
        approved_by uuid REFERENCES principals(id),
        created_by uuid NOT NULL REFERENCES principals(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (model_id, version)
      )`);
    await db.query(`CREATE INDEX model_versions_page ON model_versions (model_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX model_versions_status ON model_versions (tenant_id, status, risk_tier)`);
    await db.query(`
      CREATE TABLE model_version_datasets (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        model_version_id uuid NOT NULL REFERENCES model_versions(id),
        dataset_version_id uuid NOT NULL REFERENCES dataset_versions(id),
        purpose text NOT NULL CHECK (purpose IN ('training', 'evaluation')),
        PRIMARY KEY (model_version_id, purpose, dataset_version_id)
      )`);
    await db.query(`CREATE INDEX model_version_datasets_dataset ON model_version_datasets (dataset_version_id)`);

    await db.query(`
      CREATE TABLE automations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        key text NOT NULL,
        name text NOT NULL,
        description text,
        owner_id uuid NOT NULL REFERENCES principals(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, key)
      )`);
    await db.query(`CREATE INDEX automations_page ON automations (tenant_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX automations_owner ON automations (owner_id)`);
    await db.query(`
      CREATE TABLE automation_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        automation_id uuid NOT NULL REFERENCES automations(id),
        version text NOT NULL,
        purpose text NOT NULL,
        risk_class text NOT NULL CHECK (risk_class IN ('unacceptable', 'high', 'limited', 'minimal')),
        oversight_mode text NOT NULL CHECK (oversight_mode IN ('none', 'sample', 'required')),
        environment text NOT NULL CHECK (environment IN ('dev', 'staging', 'production')),
        status text NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'in_review', 'approved', 'deployed', 'deprecated', 'retired')),
        submitted_by uuid REFERENCES principals(id),
        approved_by uuid REFERENCES principals(id),
        created_by uuid NOT NULL REFERENCES principals(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (automation_id, version)
      )`);
    await db.query(`CREATE INDEX automation_versions_page ON automation_versions (automation_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX automation_versions_status ON automation_versions (tenant_id, status, risk_class)`);
    await db.query(`
      CREATE TABLE automation_version_models (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        automation_version_id uuid NOT NULL REFERENCES automation_versions(id),
        model_version_id uuid NOT NULL REFERENCES model_versions(id),
        PRIMARY KEY (automation_version_id, model_version_id)
      )`);
    await db.query(`CREATE INDEX automation_version_models_model ON automation_version_models (model_version_id)`);

    await db.query(`
      CREATE TABLE role_bindings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        principal_id uuid NOT NULL REFERENCES principals(id),
        role text NOT NULL
          CHECK (role IN ('admin', 'model_owner', 'automation_owner', 'compliance_officer', 'auditor', 'service')),
        automation_id uuid REFERENCES automations(id),
        created_by uuid REFERENCES principals(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((role = 'service') = (automation_id IS NOT NULL)),
        UNIQUE NULLS NOT DISTINCT (principal_id, role, automation_id)
      )`);
    await db.query(`CREATE INDEX role_bindings_principal ON role_bindings (principal_id)`);
    await db.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        principal_id uuid NOT NULL REFERENCES principals(id),
        name text NOT NULL,
        prefix text NOT NULL UNIQUE,
        secret_hash text NOT NULL,
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz,
        created_by uuid REFERENCES principals(id),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX api_keys_principal ON api_keys (principal_id, created_at DESC)`);

    await db.query(`
      CREATE TABLE lifecycle_transitions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        subject_type text NOT NULL CHECK (subject_type IN ('ModelVersion', 'AutomationVersion')),
        subject_id uuid NOT NULL,
        from_status text NOT NULL,
        to_status text NOT NULL,
        actor_id uuid NOT NULL REFERENCES principals(id),
        rationale text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX lifecycle_transitions_subject ON lifecycle_transitions (subject_id, at)`);

    await db.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        actor_id uuid,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        before jsonb,
        after jsonb,
        changes jsonb NOT NULL DEFAULT '{}',
        correlation_id text,
        occurred_at timestamptz(3) NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query(`CREATE INDEX audit_events_page ON audit_events (tenant_id, occurred_at DESC, id DESC)`);
    await db.query(`CREATE INDEX audit_events_subject ON audit_events (tenant_id, subject_id)`);
    await db.query(`CREATE INDEX audit_events_actor ON audit_events (tenant_id, actor_id)`);
    // Append-only: the grants below give no UPDATE/DELETE, and the trigger refuses it to any role.
    await db.query(`
      CREATE FUNCTION attest_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['audit_events', 'lifecycle_transitions']) {
      await db.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION attest_reject_change()`);
    }

    const tenantTables = [
      'principals',
      'datasets',
      'dataset_versions',
      'models',
      'model_versions',
      'model_version_datasets',
      'automations',
      'automation_versions',
      'automation_version_models',
      'role_bindings',
      'api_keys',
      'lifecycle_transitions',
      'audit_events',
    ];
    for (const table of [...tenantTables, 'tenants']) {
      const column = table === 'tenants' ? 'id' : 'tenant_id';
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`
        CREATE POLICY tenant_isolation ON ${table}
        USING (${column} = attest_current_tenant()) WITH CHECK (${column} = attest_current_tenant())`);
    }
    const mutable = tenantTables.filter((t) => !['audit_events', 'lifecycle_transitions'].includes(t));
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${mutable.join(', ')} TO attest_app`);
    await db.query(`GRANT SELECT, INSERT ON tenants, audit_events, lifecycle_transitions TO attest_app`);

    // Authentication must find a key and its principal's roles before it knows the tenant: these
    // functions run as the owner (bypassing RLS), expose only what authentication needs, and keep
    // authenticating a request to one round trip.
    await db.query(`
      CREATE FUNCTION attest_find_api_key(p_prefix text)
      RETURNS TABLE (id uuid, tenant_id uuid, principal_id uuid, secret_hash text,
                     expires_at timestamptz, revoked_at timestamptz, last_used_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
      $$ SELECT k.id, k.tenant_id, k.principal_id, k.secret_hash, k.expires_at, k.revoked_at, k.last_used_at
         FROM api_keys k WHERE k.prefix = p_prefix $$`);
    await db.query(`
      CREATE FUNCTION attest_principal_grants(p_tenant uuid, p_principal uuid)
      RETURNS TABLE (kind text, name text, disabled_at timestamptz, roles text[], automation_ids uuid[])
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
      $$ SELECT p.kind, p.name, p.disabled_at,
                coalesce(array_agg(DISTINCT rb.role) FILTER (WHERE rb.role IS NOT NULL), '{}'),
                coalesce(array_agg(DISTINCT rb.automation_id) FILTER (WHERE rb.automation_id IS NOT NULL), '{}')
         FROM principals p LEFT JOIN role_bindings rb ON rb.principal_id = p.id
         WHERE p.id = p_principal AND p.tenant_id = p_tenant
         GROUP BY p.id $$`);
    await db.query(`
      CREATE FUNCTION attest_touch_api_key(p_id uuid) RETURNS void
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS
      $$ UPDATE api_keys SET last_used_at = now() WHERE id = p_id $$`);
    await db.query(`
      CREATE FUNCTION attest_tenant_count() RETURNS bigint
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
      $$ SELECT count(*) FROM tenants $$`);
    for (const fn of AUTH_FUNCTIONS) {
      await db.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await db.query(`GRANT EXECUTE ON FUNCTION ${fn} TO attest_app`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION ${AUTH_FUNCTIONS.join(', ')}`);
    await db.query(`
      DROP TABLE audit_events, lifecycle_transitions, api_keys, role_bindings, automation_version_models,
        automation_versions, automations, model_version_datasets, model_versions, models,
        dataset_versions, datasets, principals, tenants`);
    await db.query(`DROP FUNCTION attest_reject_change(), attest_current_tenant()`);
    await db.query(`REVOKE USAGE ON SCHEMA public FROM attest_app`);
  }
}
