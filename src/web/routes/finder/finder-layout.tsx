import './finder.css';
import { Anchor, Box, Group, Text } from '@mantine/core';
import { Link, Outlet } from 'react-router';
import { LanguageSwitch } from '../../components/language-switch';
import { useT } from '../../i18n';

const MAIN_ID = 'main-content';

/**
 * The public finder's frame, outside the signed-in shell: Ruta's name, the language switch, the page, and a
 * discreet way in for staff. It loads with the finder's own chunk, so a visitor never downloads the app's pages.
 */
export function FinderLayout() {
  const t = useT();
  return (
    <div className="finder-shell">
      <a className="skip-link" href={`#${MAIN_ID}`}>
        {t('shell.skipToContent')}
      </a>
      <Box component="header" className="finder-header">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm" maw={1040} mx="auto">
          <Group gap="xs" wrap="nowrap" miw={0}>
            <Anchor
              component={Link}
              to="/servicios"
              aria-label={t('finder.layout.homeLink')}
              underline="never"
              c="ruta.8"
              fw={700}
              fz="xl"
            >
              {t('app.name')}
            </Anchor>
            <Text visibleFrom="sm" size="sm" c="dimmed" truncate>
              {t('finder.layout.tagline')}
            </Text>
          </Group>
          <LanguageSwitch />
        </Group>
      </Box>
      <Box component="main" id={MAIN_ID} tabIndex={-1} className="finder-main" px="md">
        <Box maw={1040} mx="auto">
          <Outlet />
        </Box>
      </Box>
      <Box component="footer" className="finder-footer" px="md">
        <Box maw={1040} mx="auto">
          <Text size="sm" c="dimmed">
            {t('finder.layout.footer')}
          </Text>
          <Anchor component={Link} to="/sign-in" size="sm" c="dimmed">
            {t('finder.layout.staffSignIn')}
          </Anchor>
        </Box>
      </Box>
    </div>
  );
}
