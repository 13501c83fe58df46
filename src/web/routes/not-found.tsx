import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useDocumentTitle } from '../components/document-title';
import { useT } from '../i18n';

export function NotFoundPage() {
  const t = useT();
  useDocumentTitle(t('notFound.title'));

  return (
    <Stack gap="md" maw={560} align="flex-start">
      <Title order={1}>{t('notFound.heading')}</Title>
      <Text>{t('notFound.body')}</Text>
      <Button component={Link} to="/">
        {t('notFound.backHome')}
      </Button>
    </Stack>
  );
}
