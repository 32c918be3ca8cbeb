import { Anchor, type AnchorProps } from '@mantine/core';
import { useRouter } from '@tanstack/react-router';
import type { MouseEvent, ReactNode } from 'react';
import type { LineageNodeType } from '../../gql/graphql';
import { nodePageHref } from './node-pages';

/** A link to a node's own page, inside the app (a new tab with a modifier key); nothing when it has none. */
export function NodePageLink({ type, id, children, ...props }: { type: LineageNodeType; id: string; children: ReactNode } & AnchorProps) {
  const router = useRouter();
  const href = nodePageHref(type, id);
  if (!href) return null;
  // Other pages' routes: navigate inside the app without importing their typed routes.
  const follow = (event: MouseEvent) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    router.history.push(href);
  };
  return (
    <Anchor href={href} onClick={follow} size="sm" {...props}>
      {children}
    </Anchor>
  );
}
