import { Anchor, type AnchorProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { forwardRef, type AnchorHTMLAttributes } from 'react';

const RoutedAnchor = forwardRef<HTMLAnchorElement, AnchorProps & AnchorHTMLAttributes<HTMLAnchorElement>>((props, ref) => (
  <Anchor ref={ref} {...props} />
));
RoutedAnchor.displayName = 'RoutedAnchor';

/** A Mantine Anchor that is a router link, with the route's typed `to`, `params` and `search`. */
export const AnchorLink = createLink(RoutedAnchor);
