import { Avatar, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../i18n';
import type { Session } from '../session/session';

function initials(name: string): string {
  const words = name
    .replace(/\(.*?\)/g, '')
    .split(/\s+/)
    .filter(Boolean);
  return ((words[0]?.[0] ?? '') + (words.length > 1 ? (words.at(-1)?.[0] ?? '') : '')).toUpperCase();
}

/** Who is signed in (name, role, organization), their account, and signing out. */
export function UserMenu({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const t = useT();
  const { user } = session;
  const role = t(`roles.${user.role}`);

  return (
    <Menu position="bottom-end" width={280} withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <UnstyledButton
          aria-label={t('userMenu.open', { name: user.displayName })}
          className="user-menu-target"
        >
          <Group gap="xs" wrap="nowrap">
            <Avatar color="ruta" radius="xl" size={36} aria-hidden>
              {initials(user.displayName)}
            </Avatar>
            <Stack gap={0} visibleFrom="md" maw={220}>
              <Text size="sm" fw={600} truncate>
                {user.displayName}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {role} · {user.organizationName}
              </Text>
            </Stack>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text component="div" size="sm" fw={600} c="var(--mantine-color-text)">
            {user.displayName}
          </Text>
          <Text component="div" size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {user.email}
          </Text>
          <Text component="div" size="xs" c="dimmed">
            {role} · {user.organizationName}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/account">
          {t('userMenu.account')}
        </Menu.Item>
        <Menu.Item onClick={onSignOut}>{t('userMenu.signOut')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
