import { Paper, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';

/** A titled box of a page (a section with its own heading). */
export function Section({ title, id, children }: { title: string; id?: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p={{ base: 'md', sm: 'lg' }} id={id}>
      <Title order={2} size="h3" id={headingId} mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
