import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useDocumentTitle } from '../components/document-title';
import { ProblemAlert } from '../components/problem-alert';
import { TotpEnrolment } from '../components/totp-enrolment';
import { useT } from '../i18n';
import { refreshSession, useSession } from '../session/session';
import { useSignOut } from '../session/use-sign-out';

/** An administrator's first sign-in: two-step verification must be set up before anything else. */
export function EnrolPage() {
  const t = useT();
  useDocumentTitle(t('enrol.title'));
  const queryClient = useQueryClient();
  const session = useSession();
  const signOut = useSignOut();
  const [finishing, setFinishing] = useState(false);

  async function finish() {
    setFinishing(true);
    await refreshSession(queryClient);
    setFinishing(false);
  }

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>{t('enrol.heading')}</Title>
        <Text>{t('enrol.intro')}</Text>
        <Text size="sm" c="dimmed">
          {t('enrol.apps')}
        </Text>
      </Stack>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <TotpEnrolment
          email={session.data?.user.email ?? ''}
          onFinished={() => void finish()}
          finishing={finishing}
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
        {t('secondFactor.cancel')}
      </Button>
      <ProblemAlert error={signOut.error} />
    </Stack>
  );
}
