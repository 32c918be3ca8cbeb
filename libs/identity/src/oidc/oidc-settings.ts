import { oidcRedirectUrlOf, type AttestConfig } from '@attest/core';
import type { OidcSettingsModel } from '../models/oidc-settings.model';
import { HUMAN_ROLES } from './oidc-sign-in.service';

/**
 * OIDC sign-in as configured, for administrators to check what a provider's claim grants. Built
 * field by field so that the client secret can never slip in.
 */
export function oidcSettingsOf(config: Pick<AttestConfig, 'oidc' | 'publicUrl' | 'port'>): OidcSettingsModel {
  const { issuer, clientId, label, rolesClaim, tenant } = config.oidc;
  const enabled = Boolean(issuer);
  return {
    enabled,
    issuer: issuer ?? null,
    clientId: enabled ? (clientId ?? null) : null,
    label: enabled ? label : null,
    redirectUrl: enabled ? oidcRedirectUrlOf(config) : null,
    rolesClaim,
    tenant,
    // rolesFrom matches a claim value against the role's own name, case-insensitively.
    roleMapping: HUMAN_ROLES.map((role) => ({ claimValue: role, role })),
  };
}
