import { Anchor, AppShell, Box, Group, Text } from '@mantine/core';
import { Link, Outlet } from 'react-router';
import { useT } from '../i18n';
import { LanguageSwitch } from './language-switch';

const MAIN_ID = 'main-content';

/** The frame of the sign-in steps: Ruta's name and the language switch, then one narrow column. */
export function PublicLayout() {
  const t = useT();
  return (
    <AppShell header={{ height: 56 }} padding={{ base: 'md', sm: 'lg' }}>
      <a className="skip-link" href={`#${MAIN_ID}`}>
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="xs" wrap="nowrap" miw={0}>
            <Anchor
              component={Link}
              to="/"
              aria-label={t('shell.homeLink')}
              underline="never"
              c="ruta.8"
              fw={700}
              fz="xl"
            >
              {t('app.name')}
            </Anchor>
            <Text visibleFrom="sm" size="sm" c="dimmed" truncate>
              {t('app.tagline')}
            </Text>
          </Group>
          <LanguageSwitch />
        </Group>
      </AppShell.Header>
      <AppShell.Main id={MAIN_ID} tabIndex={-1}>
        <Box maw={480} mx="auto" pt={{ base: 0, sm: 'lg' }}>
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
