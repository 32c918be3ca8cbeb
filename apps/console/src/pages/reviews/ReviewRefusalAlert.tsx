import { Alert, Code, List, Text } from '@mantine/core';
import { IconBan } from '@tabler/icons-react';
import { PrincipalName } from '../../components/PrincipalName';
import { clockTime, type ReviewRefusal } from './review-errors';

const TITLES: Record<ReviewRefusal['kind'], string> = {
  held: 'Someone else holds this item',
  reviewed: 'Already reviewed',
  policy: 'A policy refused the corrected output',
  duties: 'Separation of duties',
  other: 'The review was refused',
};

/** Why a claim or a verdict was refused, in words: who holds it or reviewed it, the policy's message. */
export function ReviewRefusalAlert({ refusal, reviewerId }: { refusal: ReviewRefusal; reviewerId?: string | null }) {
  return (
    <Alert
      color="red"
      variant="light"
      title={TITLES[refusal.kind]}
      icon={<IconBan aria-hidden />}
      role="alert"
      data-testid="review-refusal"
    >
      <Text size="sm">
        {refusal.kind === 'held' ? (
          <HeldBy holderId={refusal.holderId} expiresAt={refusal.expiresAt} />
        ) : refusal.kind === 'reviewed' && reviewerId ? (
          <>
            <PrincipalName id={reviewerId} /> reviewed it first.
          </>
        ) : (
          refusal.message
        )}
      </Text>
      {refusal.kind === 'policy' && refusal.policies.length > 0 && (
        <List size="sm" mt={4}>
          {refusal.policies.map((p) => (
            <List.Item key={p.id}>
              <Code>{p.id}</Code>
              {p.version !== undefined && ` v${p.version}`}
            </List.Item>
          ))}
        </List>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        Code <Code>{refusal.code}</Code>
      </Text>
    </Alert>
  );
}

/** "Held by Ana Berg until 10:42 UTC", or "Assigned to Ana Berg" (an assignment does not lapse). */
export function HeldBy({ holderId, expiresAt }: { holderId: string; expiresAt: string | null }) {
  return expiresAt ? (
    <>
      Held by <PrincipalName id={holderId} /> until {clockTime(expiresAt)}, unless they renew it.
    </>
  ) : (
    <>
      Assigned to <PrincipalName id={holderId} />: held until they release it.
    </>
  );
}
