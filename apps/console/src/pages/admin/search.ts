import { textParam } from '../../components/search-params';

/** /admin/api-keys?principalId=…: one principal's keys (a link from the principals tab). */
export const apiKeysSearch = (search: Record<string, unknown>): { principalId?: string } => ({
  principalId: textParam(search.principalId, 64),
});
