import { Anchor, AppShell, Box, Burger, Group, Loader, NavLink, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect } from 'react';
import { Link, Outlet, useLocation, useMatch, useNavigation } from 'react-router';
import { type TranslationKey, useT } from '../i18n';
import { type Abilities, useReadySession } from '../session/session';
import { useSignOut } from '../session/use-sign-out';
import { LanguageSwitch } from './language-switch';
import { ProblemAlert } from './problem-alert';
import { UserMenu } from './user-menu';

const NAVIGATION_ID = 'main-navigation';
const MAIN_ID = 'main-content';

/** The sections in the navigation, each shown to the roles that may open it. */
const NAVIGATION = [
  { to: '/', label: 'nav.home', end: true },
  {
    to: '/work',
    label: 'work.nav',
    end: true,
    roles: ['caseworker', 'office_coordinator', 'reception_officer'],
  },
  // Coordinators of a post may open /arrivals too; the entry is for the officers who work the post.
  { to: '/arrivals', label: 'arrivals.nav', end: false, roles: ['reception_officer'] },
  { to: '/people', label: 'people.nav', end: false, ability: 'workWithPersons' },
  { to: '/imports', label: 'import.nav', end: false, ability: 'importPersons' },
  {
    to: '/deduplication',
    label: 'deduplication.nav',
    end: false,
    roles: ['network_admin', 'office_coordinator'],
  },
  { to: '/cases', label: 'cases.nav', end: false, roles: ['caseworker', 'office_coordinator'] },
  { to: '/case-approvals', label: 'cases.approvals.nav', end: true, roles: ['office_coordinator'] },
  { to: '/inbox', label: 'inbox.nav', end: true, roles: ['partner_focal_point', 'network_admin'] },
  {
    to: '/employment',
    label: 'employment.nav',
    end: false,
    roles: ['network_admin', 'office_coordinator', 'caseworker', 'partner_focal_point'],
    partnerOrganizationKind: 'employer',
  },
  { to: '/enterprise', label: 'enterprise.nav', end: false, roles: ['caseworker', 'office_coordinator'] },
  {
    to: '/enterprise/financing',
    label: 'enterprise.financingInbox.nav',
    end: true,
    roles: ['partner_focal_point'],
    partnerOrganizationKind: 'financial_institution',
  },
  // Coordinators reach the summary from the Emprendimiento page; analysts have no other way in.
  { to: '/enterprise/summary', label: 'enterprise.summary.title', end: true, roles: ['analyst'] },
  { to: '/directory', label: 'directory.nav', end: false },
  { to: '/account', label: 'nav.account', end: true },
  { to: '/admin/users', label: 'nav.users', end: false, ability: 'listUsers' },
  { to: '/admin/audit', label: 'nav.audit', end: false, ability: 'readAudit' },
  { to: '/needs', label: 'needs.office.nav', end: false, roles: ['office_coordinator'] },
  {
    to: '/indicators/integration',
    label: 'assessment.nav.indicator',
    end: false,
    roles: ['office_coordinator', 'analyst', 'network_admin'],
  },
  {
    to: '/reports/referrals',
    label: 'reports.referrals.nav',
    end: true,
    roles: ['office_coordinator', 'analyst', 'network_admin', 'partner_focal_point'],
  },
  {
    to: '/employment/demand',
    label: 'demand.nav',
    end: true,
    roles: ['office_coordinator', 'analyst', 'network_admin'],
  },
  { to: '/admin/instruments', label: 'assessment.nav.instruments', end: false, roles: ['network_admin'] },
  { to: '/work/office', label: 'work.office.nav', end: true, roles: ['office_coordinator'] },
  {
    to: '/admin/protocols',
    label: 'protocols.nav',
    end: false,
    roles: ['network_admin', 'office_coordinator'],
  },
  { to: '/admin/programmes', label: 'programmes.admin.nav', end: false, roles: ['network_admin'] },
] as const satisfies readonly NavigationItem[];

interface NavigationItem {
  to: string;
  label: TranslationKey;
  /** Active only on this exact path, not on the paths below it. */
  end: boolean;
  ability?: keyof Abilities;
  /** Shown only to these roles (pages whose rules are not a session ability). */
  roles?: readonly string[];
  /** Shown to a partner focal point only when their organization is of this kind (other roles unaffected). */
  partnerOrganizationKind?: string;
}

/** The frame of every page: header with the language switch and the user's menu, navigation, content. */
export function AppLayout() {
  const t = useT();
  const session = useReadySession();
  const [navigationOpen, { toggle, close }] = useDisclosure(false);
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  const location = useLocation();
  const navigation = useNavigation();
  const signOut = useSignOut();

  // Close the phone menu on every navigation, including a click on the page already shown.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation on purpose
  useEffect(() => close(), [location.key, close]);

  const items = NAVIGATION.filter(
    (item) =>
      (!('ability' in item) || session.abilities[item.ability]) &&
      (!('roles' in item) || (item.roles as readonly string[]).includes(session.user.role)) &&
      (!('partnerOrganizationKind' in item) ||
        session.user.role !== 'partner_focal_point' ||
        session.user.organizationKind === item.partnerOrganizationKind),
  );

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
        <Group h="100%" px={{ base: 'xs', xs: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" miw={0}>
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
            <Text visibleFrom="lg" size="sm" c="dimmed" truncate>
              {t('app.tagline')}
            </Text>
            {navigation.state === 'loading' && (
              <Loader size="xs" aria-label={t('shell.loadingPage')} role="status" />
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu session={session} onSignOut={() => signOut.mutate()} />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar
        id={NAVIGATION_ID}
        aria-label={t('shell.navigation')}
        p="sm"
        // Off-screen on phones while closed: keep its links out of the tab order and the accessibility tree.
        inert={isPhone && !navigationOpen}
      >
        {items.map((item) => (
          <NavigationLink key={item.to} {...item} />
        ))}
      </AppShell.Navbar>

      <AppShell.Main id={MAIN_ID} tabIndex={-1}>
        {signOut.isError && (
          <Box mb="lg">
            <ProblemAlert error={signOut.error} />
          </Box>
        )}
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
