import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useDocumentTitle } from '../components/document-title';
import { PasswordChangeForm } from '../components/password-change-form';
import { ProblemAlert } from '../components/problem-alert';
import { useT } from '../i18n';
import { refreshSession, useSession } from '../session/session';
import { useSignOut } from '../session/use-sign-out';

/** A temporary password (new user, or after a reset) is replaced before anything else. */
export function ChangePasswordPage() {
  const t = useT();
  useDocumentTitle(t('forcedPassword.title'));
  const queryClient = useQueryClient();
  const session = useSession();
  const signOut = useSignOut();

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>{t('forcedPassword.heading')}</Title>
        <Text>{t('forcedPassword.intro', { name: session.data?.user.displayName ?? '' })}</Text>
      </Stack>
      <Alert variant="light" color="ruta" role="note">
        <Text size="sm">{t('forcedPassword.why')}</Text>
      </Alert>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <PasswordChangeForm
          currentLabel={t('forcedPassword.current')}
          submitLabel={t('forcedPassword.submit')}
          onChanged={() => refreshSession(queryClient)}
        />
      </Paper>
      <Button
        variant="subtle"
        color="gray"
        px={0}
        style={{ alignSelf: 'flex-start' }}
        onClick={() => signOut.mutate()}
        loading={signOut.isPending}
      >
        {t('userMenu.signOut')}
      </Button>
      <ProblemAlert error={signOut.error} />
    </Stack>
  );
}
