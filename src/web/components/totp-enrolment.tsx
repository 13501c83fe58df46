import { Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { isProblemOf } from '../api/client';
import { accountApi } from '../api/identity';
import { useT } from '../i18n';
import { CopyButton } from './copy-button';
import { fieldError, ProblemAlert } from './problem-alert';
import { RecoveryCodes } from './recovery-codes';

/** The secret in groups of four, as authenticator apps show it, so it is easier to type by hand. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Setting up two-step verification: scan the QR code (or type the key), confirm with a first code, then keep the
 * recovery codes. Used at an administrator's first sign-in and from the account page.
 */
export function TotpEnrolment({
  email,
  onFinished,
  finishing = false,
  headingLevel = 2,
}: {
  email: string;
  onFinished: () => void;
  finishing?: boolean;
  headingLevel?: 2 | 3;
}) {
  const t = useT();
  const [code, setCode] = useState('');
  const [localError, setLocalError] = useState<string>();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const scanId = useId();
  const confirmId = useId();

  // Each call makes a new secret, so it is fetched once per visit to this step and never retried on its own.
  const setup = useQuery({
    queryKey: ['totp-setup'],
    queryFn: () => accountApi.startTotp(),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });

  const confirm = useMutation({
    mutationFn: (value: string) => accountApi.confirmTotp(value),
    onSuccess: (answer) => setRecoveryCodes(answer.recoveryCodes),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = code.replace(/\s/g, '');
    const problem = /^\d{6}$/.test(value) ? undefined : t('secondFactor.appCodeInvalid');
    setLocalError(problem);
    if (problem) return inputRef.current?.focus();
    confirm.mutate(value);
  }

  if (recoveryCodes) {
    return (
      <RecoveryCodes codes={recoveryCodes} email={email} onContinue={onFinished} continuing={finishing} />
    );
  }

  if (setup.isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" aria-hidden />
        <Text>{t('totp.preparing')}</Text>
      </Group>
    );
  }

  if (setup.isError) {
    return (
      <Stack gap="sm" align="flex-start">
        <ProblemAlert error={setup.error} />
        <Button variant="default" onClick={() => void setup.refetch()}>
          {t('common.retry')}
        </Button>
      </Stack>
    );
  }

  const wrongCode = isProblemOf(confirm.error, 'invalid-second-factor') ? confirm.error.detail : undefined;
  const qrSource = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.data.qrSvg)}`;

  return (
    <Stack gap="xl">
      <Stack gap="sm" component="section" aria-labelledby={scanId}>
        <Title order={headingLevel} size="h4" id={scanId}>
          {t('totp.step1')}
        </Title>
        <Text size="sm">{t('totp.step1Body')}</Text>
        <img className="totp-qr" src={qrSource} alt={t('totp.qrAlt')} width={192} height={192} />
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t('totp.secretLabel')}
            description={t('totp.manualIntro')}
            value={groupSecret(setup.data.secret)}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
            classNames={{ input: 'code-input' }}
            style={{ flex: '1 1 16rem' }}
          />
          <CopyButton value={setup.data.secret} label={t('totp.copySecret')} />
        </Group>
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby={confirmId}>
        <Title order={headingLevel} size="h4" id={confirmId}>
          {t('totp.step2')}
        </Title>
        <ProblemAlert error={wrongCode ? null : confirm.error} fields={['code']} />
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              ref={inputRef}
              label={t('secondFactor.appCode')}
              name="code"
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={7}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              error={localError ?? wrongCode ?? fieldError(confirm.error, 'code')}
              classNames={{ input: 'code-input' }}
              maw={240}
            />
            <Group>
              <Button type="submit" loading={confirm.isPending}>
                {t('totp.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Stack>
  );
}
