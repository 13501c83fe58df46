import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { type Health, healthQuery } from '../api/health';
import { useDocumentTitle } from '../components/document-title';
import { useT } from '../i18n';
import { useReadySession } from '../session/session';

export function HomePage() {
  const t = useT();
  useDocumentTitle(t('home.title'));
  const { user, abilities } = useReadySession();

  return (
    <Stack gap="xl" maw={720}>
      <Stack gap="sm">
        <Title order={1}>{t('home.greeting', { name: user.displayName })}</Title>
        <Text c="dimmed">
          {t('home.signedInAs', { role: t(`roles.${user.role}`), organization: user.organizationName })}
        </Text>
        <Text fz={{ base: 'md', sm: 'lg' }}>{t('home.intro')}</Text>
      </Stack>
      {!user.secondFactorEnabled && (
        <Alert variant="light" color="ruta" title={t('home.protectTitle')} role="note">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('home.protectBody')}</Text>
            <Button component={Link} to="/account#two-step" size="xs" variant="default">
              {t('home.protectCta')}
            </Button>
          </Stack>
        </Alert>
      )}
      {(abilities.listUsers || abilities.readAudit) && (
        <Group gap="sm">
          {abilities.listUsers && (
            <Button component={Link} to="/admin/users" variant="light">
              {t('nav.users')}
            </Button>
          )}
          {abilities.readAudit && (
            <Button component={Link} to="/admin/audit" variant="light">
              {t('nav.audit')}
            </Button>
          )}
        </Group>
      )}
      <SystemStatus />
    </Stack>
  );
}

function SystemStatus() {
  const t = useT();
  const health = useQuery(healthQuery);

  return (
    <Paper
      component="section"
      aria-labelledby="system-status-heading"
      withBorder
      p={{ base: 'md', sm: 'lg' }}
    >
      <Title order={2} size="h3" id="system-status-heading" mb="sm">
        {t('health.heading')}
      </Title>
      <div aria-live="polite" aria-busy={health.isPending}>
        {health.isPending ? (
          <Group gap="sm">
            <Loader size="sm" aria-hidden />
            <Text>{t('health.loading')}</Text>
          </Group>
        ) : health.isError ? (
          <Alert color="red" variant="light" title={t('health.errorTitle')}>
            <Stack gap="sm" align="flex-start">
              <Text size="sm">
                {health.error instanceof ApiError && health.error.status !== 0
                  ? (health.error.detail ?? health.error.title)
                  : t('health.errorHint')}
              </Text>
              <Button
                size="xs"
                variant="default"
                onClick={() => void health.refetch()}
                loading={health.isFetching}
              >
                {t('health.retry')}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <HealthSummary health={health.data} />
        )}
      </div>
    </Paper>
  );
}

function HealthSummary({ health }: { health: Health }) {
  const t = useT();
  const ok = health.status === 'ok';
  const engine = t(`health.engine.${health.database.engine}`);

  return (
    <Stack gap="md">
      <Group gap="xs" wrap="nowrap">
        <span
          className="status-dot"
          aria-hidden
          style={{ background: ok ? 'var(--mantine-color-green-7)' : 'var(--mantine-color-red-7)' }}
        />
        <Text fw={600} size="lg">
          {ok ? t('health.ok') : t('health.unavailable')}
        </Text>
      </Group>
      {!ok && (
        <Text size="sm" c="red.8">
          {t('health.unavailableHint')}
        </Text>
      )}
      <dl className="facts">
        <dt>{t('health.database')}</dt>
        <dd>{health.database.reachable ? engine : t('health.databaseUnreachable', { engine })}</dd>
        <dt>{t('health.schemaVersion')}</dt>
        <dd>{health.schemaVersion ?? t('health.schemaNone')}</dd>
        <dt>{t('health.appVersion')}</dt>
        <dd>{health.version}</dd>
      </dl>
    </Stack>
  );
}
