import { Alert, List, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ApiError, isProblemOf } from '../api/client';
import { useT } from '../i18n';

/** The message of an invalid field from an API problem, to show beside its input. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.errors.find((item) => item.path === field || item.path.startsWith(`${field}.`))?.message;
}

/**
 * The alert above a form or section when a request failed. For invalid fields, whose messages are shown beside
 * them, it only says so (and lists any message that belongs to no field of the form); for anything else it shows
 * the problem's title and detail, already in the user's language.
 */
export function ProblemAlert({
  error,
  fields = [],
  children,
}: {
  error: unknown;
  /** The fields the form shows; their messages appear beside them, not here. */
  fields?: readonly string[];
  /** More help under the message (e.g. what to do while an account is locked). */
  children?: ReactNode;
}) {
  const t = useT();
  if (!error) return null;

  let title: string;
  let body: ReactNode;
  if (!(error instanceof ApiError)) {
    title = t('errors.unexpected.title');
    body = t('errors.page.body');
  } else if (isProblemOf(error, 'validation') && error.errors.length > 0) {
    const elsewhere = error.errors.filter(
      (item) => !fields.some((field) => item.path === field || item.path.startsWith(`${field}.`)),
    );
    title = error.title;
    body =
      elsewhere.length === 0 ? (
        t('form.checkFields')
      ) : (
        <List size="sm">
          {elsewhere.map((item) => (
            <List.Item key={`${item.path}:${item.message}`}>{item.message}</List.Item>
          ))}
        </List>
      );
  } else {
    title = error.title;
    body = error.detail ?? null;
  }

  return (
    <Alert color="red" variant="light" title={title} role="alert">
      {typeof body === 'string' ? <Text size="sm">{body}</Text> : body}
      {children}
    </Alert>
  );
}
