import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { buildCan, type AccessPolicyDocument, type Can } from './access-rules';
import roles from '../../../../policies/access/roles.yaml';
import { graphql } from '../gql';
import type { MeQuery } from '../gql/graphql';

/** Who is signed in: fetched once by the shell; a failure with UNAUTHENTICATED leads to sign-in. */
export const MeDocument = graphql(`
  query Me {
    me {
      id
      name
      kind
      roles {
        role
        automationId
      }
    }
  }
`);

export type Principal = MeQuery['me'];

interface PrincipalContextValue {
  principal: Principal;
  can: Can;
}

const PrincipalContext = createContext<PrincipalContextValue | null>(null);

export function PrincipalProvider({ principal, children }: { principal: Principal; children: ReactNode }) {
  const value = useMemo(
    () => ({
      principal,
      can: buildCan(
        roles as AccessPolicyDocument,
        principal.roles.map((r) => r.role),
      ),
    }),
    [principal],
  );
  return <PrincipalContext.Provider value={value}>{children}</PrincipalContext.Provider>;
}

function usePrincipalContext(): PrincipalContextValue {
  const value = useContext(PrincipalContext);
  if (!value) throw new Error('usePrincipal and useCan are for pages inside the signed-in shell');
  return value;
}

/** The signed-in principal (pages inside the shell only). */
export function usePrincipal(): Principal {
  return usePrincipalContext().principal;
}

/**
 * `const can = useCan(); can('approve', 'ModelVersion')`: hides what the principal's roles certainly
 * may not do (policies/access vocabulary). The API refuses it anyway; this only spares a dead button.
 */
export function useCan(): Can {
  return usePrincipalContext().can;
}
