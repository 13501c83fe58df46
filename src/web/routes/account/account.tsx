import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { accountApi, networkQuery, requiresSecondFactor } from '../../api/identity';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useDocumentTitle } from '../../components/document-title';
import { PasswordChangeForm } from '../../components/password-change-form';
import { Section } from '../../components/section';
import { TotpEnrolment } from '../../components/totp-enrolment';
import { useT } from '../../i18n';
import { refreshSession, useReadySession } from '../../session/session';
import { ApiTokens } from './api-tokens';

/** The signed-in user's own details and security: password, two-step verification, personal API tokens. */
export function AccountPage() {
  const t = useT();
  useDocumentTitle(t('account.title'));

  return (
    <Stack gap="xl" maw={760}>
      <Title order={1}>{t('account.heading')}</Title>
      <Profile />
      <PasswordSection />
      <TwoStepSection />
      <ApiTokens />
    </Stack>
  );
}

function Profile() {
  const t = useT();
  const { user } = useReadySession();
  const network = useQuery(networkQuery);
  const offices = user.officeIds.map(
    (id) => network.data?.offices.find((office) => office.id === id)?.name ?? (network.isPending ? '…' : id),
  );

  return (
    <Section title={t('account.profile')}>
      <dl className="facts">
        <dt>{t('account.name')}</dt>
        <dd>{user.displayName}</dd>
        <dt>{t('account.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('account.role')}</dt>
        <dd>{t(`roles.${user.role}`)}</dd>
        <dt>{t('account.organization')}</dt>
        <dd>{user.organizationName}</dd>
        {offices.length > 0 && (
          <>
            <dt>{t('account.offices')}</dt>
            <dd>{offices.join(' · ')}</dd>
          </>
        )}
      </dl>
      <Text size="sm" c="dimmed" mt="md">
        {t('account.profileHelp')}
      </Text>
    </Section>
  );
}

function PasswordSection() {
  const t = useT();
  const [changed, setChanged] = useState(false);
  return (
    <Section title={t('account.password')}>
      <Stack gap="md">
        {changed && (
          <Alert color="green" variant="light" role="status" title={t('account.passwordChanged')}>
            <Text size="sm">{t('account.passwordChangedBody')}</Text>
          </Alert>
        )}
        <PasswordChangeForm
          currentLabel={t('password.current')}
          submitLabel={t('account.changePassword')}
          onChanged={() => setChanged(true)}
        />
      </Stack>
    </Section>
  );
}

function TwoStepSection() {
  const t = useT();
  const { user } = useReadySession();
  const queryClient = useQueryClient();
  const [enrolling, setEnrolling] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const [confirmOff, setConfirmOff] = useState(false);
  const mandatory = requiresSecondFactor(user.role);

  const disable = useMutation({
    mutationFn: () => accountApi.disableTotp(),
    onSuccess: async () => {
      await refreshSession(queryClient);
      setConfirmOff(false);
    },
  });

  // The home page links here (#two-step): bring the section into view once the page has drawn.
  useEffect(() => {
    if (window.location.hash === '#two-step') document.getElementById('two-step')?.scrollIntoView();
  }, []);

  async function finish() {
    setFinishing(true);
    await refreshSession(queryClient);
    setFinishing(false);
    setEnrolling(false);
  }

  return (
    <Section title={t('account.twoStep')} id="two-step">
      <Stack gap="md">
        <Group gap="sm">
          <Text fw={600}>{t('account.twoStepStatus')}</Text>
          <Badge color={user.secondFactorEnabled ? 'teal.9' : 'gray.7'} variant="filled">
            {user.secondFactorEnabled ? t('account.twoStepOn') : t('account.twoStepOff')}
          </Badge>
        </Group>
        {user.secondFactorEnabled ? (
          mandatory ? (
            <Text size="sm">{t('account.twoStepMandatory')}</Text>
          ) : (
            <Stack gap="sm" align="flex-start">
              <Text size="sm">{t('account.twoStepOnBody')}</Text>
              <Button variant="default" color="red" onClick={() => setConfirmOff(true)}>
                {t('account.turnOff')}
              </Button>
            </Stack>
          )
        ) : enrolling ? (
          <Stack gap="md">
            <TotpEnrolment
              email={user.email}
              headingLevel={3}
              onFinished={() => void finish()}
              finishing={finishing}
            />
            {!finishing && (
              <Button
                variant="subtle"
                px={0}
                style={{ alignSelf: 'flex-start' }}
                onClick={() => setEnrolling(false)}
              >
                {t('common.cancel')}
              </Button>
            )}
          </Stack>
        ) : (
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('account.twoStepOffBody')}</Text>
            <Button onClick={() => setEnrolling(true)}>{t('account.turnOn')}</Button>
          </Stack>
        )}
      </Stack>
      <ConfirmDialog
        opened={confirmOff}
        title={t('account.turnOffTitle')}
        confirmLabel={t('account.turnOffConfirm')}
        danger
        pending={disable.isPending}
        error={disable.error}
        onConfirm={() => disable.mutate()}
        onClose={() => {
          setConfirmOff(false);
          disable.reset();
        }}
      >
        {t('account.turnOffBody')}
      </ConfirmDialog>
    </Section>
  );
}
