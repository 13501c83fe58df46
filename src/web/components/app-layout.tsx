import { Anchor, AppShell, Burger, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect } from 'react';
import { Link, Outlet, useLocation, useMatch } from 'react-router';
import { type TranslationKey, useT } from '../i18n';
import { LanguageSwitch } from './language-switch';

const NAVIGATION_ID = 'main-navigation';
const MAIN_ID = 'main-content';

/** The sections in the navigation. Each module adds its entry here when it lands. */
const NAVIGATION = [{ to: '/', label: 'nav.home', end: true }] as const satisfies readonly NavigationItem[];

interface NavigationItem {
  to: string;
  label: TranslationKey;
  /** Active only on this exact path, not on the paths below it. */
  end: boolean;
}

/** The frame of every page: header with the language switch, navigation (a burger menu on phones), content. */
export function AppLayout() {
  const t = useT();
  const [navigationOpen, { toggle, close }] = useDisclosure(false);
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  const location = useLocation();

  // Close the phone menu on every navigation, including a click on the page already shown.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation on purpose
  useEffect(() => close(), [location.key, close]);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navigationOpen } }}
      padding={{ base: 'md', sm: 'lg' }}
    >
      <a className="skip-link" href={`#${MAIN_ID}`}>
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={navigationOpen}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navigationOpen ? t('shell.closeNavigation') : t('shell.openNavigation')}
              aria-expanded={navigationOpen}
              aria-controls={NAVIGATION_ID}
            />
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
            <Text visibleFrom="md" size="sm" c="dimmed" truncate>
              {t('app.tagline')}
            </Text>
          </Group>
          <LanguageSwitch />
        </Group>
      </AppShell.Header>

      <AppShell.Navbar
        id={NAVIGATION_ID}
        aria-label={t('shell.navigation')}
        p="sm"
        // Off-screen on phones while closed: keep its links out of the tab order and the accessibility tree.
        inert={isPhone && !navigationOpen}
      >
        {NAVIGATION.map((item) => (
          <NavigationLink key={item.to} {...item} />
        ))}
      </AppShell.Navbar>

      <AppShell.Main id={MAIN_ID} tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

function NavigationLink({ to, label, end }: NavigationItem) {
  const t = useT();
  const active = useMatch({ path: to, end }) !== null;
  return (
    <NavLink
      component={Link}
      to={to}
      label={t(label)}
      active={active}
      aria-current={active ? 'page' : undefined}
      fw={active ? 600 : undefined}
    />
  );
}
