import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { api, isProblemOf } from '../api/client';
import { useDocumentTitle } from '../components/document-title';
import { fieldError, ProblemAlert } from '../components/problem-alert';
import { useT } from '../i18n';
import { refreshSession } from '../session/session';
import { useSignOut } from '../session/use-sign-out';

type Mode = 'app' | 'recovery';

/** The second step of signing in: the code of the authenticator app, or one of the recovery codes. */
export function SecondFactorPage() {
  const t = useT();
  useDocumentTitle(t('secondFactor.title'));
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const [mode, setMode] = useState<Mode>('app');
  const [code, setCode] = useState('');
  const [localError, setLocalError] = useState<string>();
  const inputRef = useRef<HTMLInputElement>(null);

  const verify = useMutation({
    mutationFn: (value: string) => api.post<void>('/api/v1/auth/second-factor', { code: value }),
    onSuccess: () => refreshSession(queryClient),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = code.trim();
    const problem =
      mode === 'app'
        ? /^\d{6}$/.test(value.replace(/\s/g, ''))
          ? undefined
          : t('secondFactor.appCodeInvalid')
        : value.length >= 6
          ? undefined
          : t('secondFactor.recoveryCodeInvalid');
    setLocalError(problem);
    if (problem) return inputRef.current?.focus();
    verify.mutate(mode === 'app' ? value.replace(/\s/g, '') : value);
  }

  function switchMode() {
    setMode(mode === 'app' ? 'recovery' : 'app');
    setCode('');
    setLocalError(undefined);
    verify.reset();
    inputRef.current?.focus();
  }

  const error = verify.error;
  const wrongCode = isProblemOf(error, 'invalid-second-factor') ? error.detail : undefined;

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>{t('secondFactor.heading')}</Title>
        <Text>{mode === 'app' ? t('secondFactor.appIntro') : t('secondFactor.recoveryIntro')}</Text>
      </Stack>
      {!wrongCode && <ProblemAlert error={error} fields={['code']} />}
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              ref={inputRef}
              key={mode}
              label={mode === 'app' ? t('secondFactor.appCode') : t('secondFactor.recoveryCode')}
              description={mode === 'app' ? undefined : t('secondFactor.recoveryCodeHint')}
              name="code"
              autoComplete={mode === 'app' ? 'one-time-code' : 'off'}
              inputMode={mode === 'app' ? 'numeric' : 'text'}
              autoCapitalize="none"
              spellCheck={false}
              maxLength={mode === 'app' ? 7 : 20}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              error={localError ?? wrongCode ?? fieldError(error, 'code')}
              classNames={{ input: 'code-input' }}
            />
            <Button type="submit" fullWidth loading={verify.isPending}>
              {t('secondFactor.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Group gap="sm" justify="space-between">
        <Button variant="subtle" px={0} onClick={switchMode}>
          {mode === 'app' ? t('secondFactor.useRecoveryCode') : t('secondFactor.useAppCode')}
        </Button>
        <Button
          variant="subtle"
          px={0}
          color="gray"
          onClick={() => signOut.mutate()}
          loading={signOut.isPending}
        >
          {t('secondFactor.cancel')}
        </Button>
      </Group>
      <ProblemAlert error={signOut.error} />
    </Stack>
  );
}
