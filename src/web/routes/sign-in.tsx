import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, isProblemOf } from '../api/client';
import { useDocumentTitle } from '../components/document-title';
import { PasswordField } from '../components/password-field';
import { fieldError, ProblemAlert } from '../components/problem-alert';
import { useT } from '../i18n';
import { type SecondFactor, startSession, wasSignedOutByUser } from '../session/session';

interface SignInAnswer {
  secondFactor: SecondFactor;
  csrfToken: string;
}

/** Email and password. What comes next (second step, new password, the page asked for) follows from the session. */
export function SignInPage() {
  const t = useT();
  useDocumentTitle(t('signIn.title'));
  const queryClient = useQueryClient();
  const [searchParams] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  // Read once: the notice is about how the user got here, not about what happens on this page.
  const [notice] = useState<'signedOut' | 'signInToContinue' | null>(() =>
    wasSignedOutByUser() ? 'signedOut' : searchParams.has('next') ? 'signInToContinue' : null,
  );

  const signIn = useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api.post<SignInAnswer>('/api/v1/auth/sign-in', body),
    onSuccess: (answer) => startSession(queryClient, answer.csrfToken),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = {
      email: email.trim() ? undefined : t('signIn.emailRequired'),
      password: password ? undefined : t('signIn.passwordRequired'),
    };
    setMissing(problems);
    if (problems.email) return emailRef.current?.focus();
    if (problems.password) return passwordRef.current?.focus();
    signIn.mutate({ email: email.trim(), password });
  }

  const error = signIn.error;
  const locked = isProblemOf(error, 'sign-in-locked') || isProblemOf(error, 'too-many-requests');

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>{t('signIn.heading')}</Title>
        <Text>{t('signIn.intro')}</Text>
      </Stack>
      {notice && !error && (
        <Alert variant="light" color="ruta" role="status">
          <Text size="sm">{t(`signIn.notice.${notice}`)}</Text>
        </Alert>
      )}
      <ProblemAlert error={error} fields={['email', 'password']}>
        {locked && (
          <Text size="sm" mt="xs">
            {t('signIn.lockedHint')}
          </Text>
        )}
      </ProblemAlert>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              ref={emailRef}
              label={t('signIn.email')}
              type="email"
              name="email"
              autoComplete="username"
              inputMode="email"
              autoCapitalize="none"
              spellCheck={false}
              required
              withAsterisk={false}
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={missing.email ?? fieldError(error, 'email')}
            />
            <PasswordField
              ref={passwordRef}
              label={t('signIn.password')}
              name="password"
              autoComplete="current-password"
              required
              withAsterisk={false}
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={missing.password ?? fieldError(error, 'password')}
              showLabel={t('signIn.showPassword')}
              hideLabel={t('signIn.hidePassword')}
            />
            <Button type="submit" fullWidth loading={signIn.isPending}>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Text size="sm" c="dimmed">
        {t('signIn.forgotPassword')}
      </Text>
    </Stack>
  );
}
