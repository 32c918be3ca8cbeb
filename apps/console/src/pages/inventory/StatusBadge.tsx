import { lifecycleColor, StatusBadge as Badge, words } from '../../components/status';
import type { LifecycleStatus } from '../../gql/graphql';

/** A version's lifecycle status, as the console shows statuses everywhere (a dot and the words). */
export function StatusBadge({ status }: { status: LifecycleStatus }) {
  return <Badge color={lifecycleColor(status)} label={words(status)} testId="lifecycle-status" />;
}
