import { Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ProblemAlert } from './problem-alert';

/**
 * A form in a bordered panel, as the inline forms of a page look: its title, the server's problem (the messages of
 * `fields` appear beside their inputs instead), then the inputs and the buttons the caller gives.
 */
export function FormPanel({
  title,
  titleOrder = 3,
  onSubmit,
  error,
  fields,
  children,
}: {
  title?: ReactNode;
  /** Heading level; its size is one step smaller, as everywhere in a page's sections. */
  titleOrder?: 3 | 4;
  onSubmit: () => void;
  error: unknown;
  fields?: readonly string[];
  children: ReactNode;
}) {
  return (
    <Paper
      component="form"
      withBorder
      p="md"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <Stack gap="sm">
        {title && (
          <Title order={titleOrder} size={titleOrder === 3 ? 'h4' : 'h5'}>
            {title}
          </Title>
        )}
        <ProblemAlert error={error} fields={fields} />
        {children}
      </Stack>
    </Paper>
  );
}
