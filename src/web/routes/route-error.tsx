import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useRouteError } from 'react-router';
import { useDocumentTitle } from '../components/document-title';
import { useT } from '../i18n';

/** Shown when a page throws while rendering or its code cannot be loaded (e.g. after a deploy). */
export function RouteErrorPage() {
  const t = useT();
  const error = useRouteError();
  useDocumentTitle(t('errors.page.title'));
  if (import.meta.env.DEV) console.error(error);

  return (
    <Container component="main" size="sm" py="xl">
      <Stack gap="md" align="flex-start">
        <Title order={1}>{t('errors.page.heading')}</Title>
        <Text>{t('errors.page.body')}</Text>
        <Button onClick={() => window.location.reload()}>{t('errors.page.reload')}</Button>
      </Stack>
    </Container>
  );
}
