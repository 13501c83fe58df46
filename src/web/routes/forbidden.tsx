import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useDocumentTitle } from '../components/document-title';
import { useT } from '../i18n';
import { useSession } from '../session/session';

/** A page the user's role may not open: said plainly, and distinct from a page that does not exist. */
export function ForbiddenPage() {
  const t = useT();
  useDocumentTitle(t('forbidden.title'));
  const session = useSession();
  const role = session.data ? t(`roles.${session.data.user.role}`) : '';

  return (
    <Stack gap="md" maw={560} align="flex-start">
      <Title order={1}>{t('forbidden.heading')}</Title>
      <Text>{t('forbidden.body', { role })}</Text>
      <Text>{t('forbidden.help')}</Text>
      <Button component={Link} to="/">
        {t('forbidden.backHome')}
      </Button>
    </Stack>
  );
}
