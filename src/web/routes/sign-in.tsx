import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useDocumentTitle } from '../components/document-title';
import { useT } from '../i18n';

/** Placeholder until the identity module lands: the form is shown, but it cannot be submitted yet. */
export function SignInPage() {
  const t = useT();
  const [passwordVisible, setPasswordVisible] = useState(false);
  useDocumentTitle(t('signIn.title'));

  return (
    <Stack maw={440} gap="lg">
      <Title order={1}>{t('signIn.heading')}</Title>
      <Alert variant="light" color="ruta" title={t('signIn.comingSoonTitle')}>
        <Text size="sm">{t('signIn.comingSoon')}</Text>
      </Alert>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <form onSubmit={(event) => event.preventDefault()} noValidate>
          <Stack gap="md">
            <TextInput
              label={t('signIn.email')}
              type="email"
              name="email"
              autoComplete="username"
              inputMode="email"
            />
            <PasswordInput
              label={t('signIn.password')}
              name="password"
              autoComplete="current-password"
              visible={passwordVisible}
              onVisibilityChange={setPasswordVisible}
              visibilityToggleButtonProps={{
                'aria-label': passwordVisible ? t('signIn.hidePassword') : t('signIn.showPassword'),
              }}
            />
            <Button type="submit" disabled fullWidth>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Anchor component={Link} to="/" fw={600}>
        {t('signIn.backHome')}
      </Anchor>
    </Stack>
  );
}
