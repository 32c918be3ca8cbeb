/** Who is acting, for whom, and under which correlation id: what every write records. */
export interface RequestActor {
  tenantId: string;
  principalId: string;
  correlationId: string;
}
