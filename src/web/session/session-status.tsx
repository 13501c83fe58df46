import { Button, Center, Container, Loader, Stack, Text, Title } from '@mantine/core';
import { ApiError } from '../api/client';
import { useDocumentTitle } from '../components/document-title';
import { useT } from '../i18n';

/** While Ruta asks the server who is signed in (a moment, on the first page of a visit). */
export function SessionLoading() {
  const t = useT();
  return (
    <Center mih="60vh" role="status" aria-live="polite">
      <Stack align="center" gap="sm">
        <Loader aria-hidden />
        <Text>{t('session.loading')}</Text>
      </Stack>
    </Center>
  );
}

/** The server could not say who is signed in (no connection, or it failed): nothing to show but a retry. */
export function SessionErrorPage({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  useDocumentTitle(t('session.errorTitle'));
  const detail = error instanceof ApiError ? (error.detail ?? error.title) : t('errors.network.detail');
  return (
    <Container component="main" size="sm" py="xl">
      <Stack gap="md" align="flex-start">
        <Title order={1}>{t('session.errorHeading')}</Title>
        <Text>{detail}</Text>
        <Button onClick={onRetry}>{t('session.retry')}</Button>
      </Stack>
    </Container>
  );
}
