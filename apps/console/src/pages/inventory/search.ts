import type { Environment, LifecycleStatus, RiskClass, RiskTier, SortDirection } from '../../gql/graphql';
import { oneOfParam, textParam } from '../../components/search-params';
import { LIFECYCLE_STATUSES } from './lifecycle';

/** What every inventory list keeps in its URL: the search, the sort (newest first when none). */
export interface RegistryListSearch {
  q?: string;
  sort?: 'name' | 'createdAt';
  dir?: 'asc' | 'desc';
}

export interface ModelsSearch extends RegistryListSearch {
  status?: LifecycleStatus;
  riskTier?: RiskTier;
}

export interface DatasetsSearch extends RegistryListSearch {
  piiClass?: string;
}

export interface AutomationsSearch extends RegistryListSearch {
  status?: LifecycleStatus;
  riskClass?: RiskClass;
  environment?: Environment;
}

/** A detail page's selected version (its id); the newest when none. */
export interface DetailSearch {
  version?: string;
}

export const RISK_TIERS: RiskTier[] = ['HIGH', 'MEDIUM', 'LOW'];
export const RISK_CLASSES: RiskClass[] = ['UNACCEPTABLE', 'HIGH', 'LIMITED', 'MINIMAL'];
export const ENVIRONMENTS: Environment[] = ['PRODUCTION', 'STAGING', 'DEV'];

export function registryListSearch(search: Record<string, unknown>): RegistryListSearch {
  return {
    q: textParam(search.q),
    sort: oneOfParam(search.sort, ['name', 'createdAt'] as const),
    dir: oneOfParam(search.dir, ['asc', 'desc'] as const),
  };
}

export const modelsSearch = (search: Record<string, unknown>): ModelsSearch => ({
  ...registryListSearch(search),
  status: oneOfParam(search.status, LIFECYCLE_STATUSES),
  riskTier: oneOfParam(search.riskTier, RISK_TIERS),
});

export const datasetsSearch = (search: Record<string, unknown>): DatasetsSearch => ({
  ...registryListSearch(search),
  piiClass: textParam(search.piiClass, 64),
});

export const automationsSearch = (search: Record<string, unknown>): AutomationsSearch => ({
  ...registryListSearch(search),
  status: oneOfParam(search.status, LIFECYCLE_STATUSES),
  riskClass: oneOfParam(search.riskClass, RISK_CLASSES),
  environment: oneOfParam(search.environment, ENVIRONMENTS),
});

export const detailSearch = (search: Record<string, unknown>): DetailSearch => ({ version: textParam(search.version, 64) });

/** The list's sort as the API takes it (`orderBy`), or none (the API's newest first). */
export function orderByOf(search: RegistryListSearch): { field: 'NAME' | 'CREATED_AT'; direction: SortDirection } | undefined {
  if (!search.sort) return undefined;
  return { field: search.sort === 'name' ? 'NAME' : 'CREATED_AT', direction: search.dir === 'desc' ? 'DESC' : 'ASC' };
}
