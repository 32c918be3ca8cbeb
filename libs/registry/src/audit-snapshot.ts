/** What an audit event keeps of a registry row: its own fields, without tenant and timestamps. */
export function auditSnapshot(row: object): Record<string, unknown> {
  const { tenantId: _t, createdAt: _c, updatedAt: _u, ...rest } = row as Record<string, unknown>;
  return rest;
}
