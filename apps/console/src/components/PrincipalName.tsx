import { Text } from '@mantine/core';
import { useQuery } from 'urql';
import { graphql } from '../gql';

const PrincipalNameDocument = graphql(`
  query PrincipalName($id: ID!) {
    principal(id: $id) {
      id
      name
    }
  }
`);

/**
 * A principal's name for an id the API gave (an actor, an approver). urql caches each id, so a
 * history of twenty moves by two people asks twice. Falls back to the id where the role may not read
 * principals or the principal is gone, never to nothing.
 */
export function PrincipalName({ id, size = 'sm' }: { id: string | null | undefined; size?: string }) {
  const [result] = useQuery({ query: PrincipalNameDocument, variables: { id: id ?? '' }, pause: !id });
  if (!id)
    return (
      <Text size={size} c="dimmed" span>
        —
      </Text>
    );
  const name = result.data?.principal.name;
  return (
    <Text size={size} span title={id}>
      {name ?? id}
    </Text>
  );
}
