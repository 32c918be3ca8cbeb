import { Paper, Title, type PaperProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled card of the overview; `span` takes more than one grid column on wide screens. */
export function OverviewCard({ title, children, span, ...props }: { title: string; children: ReactNode; span?: number } & PaperProps) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title} style={span ? { gridColumn: `span ${span}` } : undefined} {...props}>
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
