import { IconHierarchy3 } from '@tabler/icons-react';
import { useCan } from '../auth/principal';
import type { LineageNodeType } from '../gql/graphql';
import { AnchorLink } from './AnchorLink';

/** "Explore lineage": the lineage explorer opened at this record, for the roles that may read lineage. */
export function ExploreLineageLink({ type, id }: { type: LineageNodeType; id: string }) {
  const can = useCan();
  if (!can('read', 'Lineage')) return null;
  return (
    <AnchorLink to="/lineage" search={{ type, id }} size="sm" data-testid="explore-lineage">
      <IconHierarchy3 size={14} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
      Explore lineage
    </AnchorLink>
  );
}
