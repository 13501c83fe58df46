import { Anchor, Button, Group, Loader, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { type User, type UserPage, usersPath } from '../../api/identity';
import { useDocumentTitle } from '../../components/document-title';
import { useFormatters } from '../../components/formatters';
import { ProblemAlert } from '../../components/problem-alert';
import { useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { StatusBadge } from './user-parts';

/** The users of the network (administrators) or of the coordinator's offices, searchable, 50 at a time. */
export function UsersPage() {
  const t = useT();
  useDocumentTitle(t('users.title'));
  const { abilities } = useReadySession();
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.get('q') ?? '';
  const [draft, setDraft] = useState(search);

  const users = useInfiniteQuery({
    queryKey: ['users', 'list', search],
    queryFn: ({ pageParam, signal }) => api.get<UserPage>(usersPath(search, pageParam), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = draft.trim();
    setSearchParams(value ? { q: value } : {});
  }

  const items = users.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4}>
          <Title order={1}>{t('users.heading')}</Title>
          <Text c="dimmed">
            {abilities.manageUsers ? t('users.introAdmin') : t('users.introCoordinator')}
          </Text>
        </Stack>
        {abilities.manageUsers && (
          <Button component={Link} to="/admin/users/new">
            {t('users.create')}
          </Button>
        )}
      </Group>

      <search>
        <form onSubmit={submit}>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              label={t('users.searchLabel')}
              placeholder={t('users.searchPlaceholder')}
              type="search"
              value={draft}
              onChange={(event) => setDraft(event.currentTarget.value)}
              style={{ flex: '1 1 16rem' }}
              maxLength={200}
            />
            <Button type="submit" variant="default">
              {t('users.search')}
            </Button>
            {search && (
              <Button
                variant="subtle"
                onClick={() => {
                  setDraft('');
                  setSearchParams({});
                }}
              >
                {t('users.clearSearch')}
              </Button>
            )}
          </Group>
        </form>
      </search>

      <div aria-live="polite" aria-busy={users.isPending}>
        {users.isPending ? (
          <Group gap="sm">
            <Loader size="sm" aria-hidden />
            <Text>{t('users.loading')}</Text>
          </Group>
        ) : users.isError && items.length === 0 ? (
          <ProblemAlert error={users.error} />
        ) : items.length === 0 ? (
          <Text>{search ? t('users.noMatches', { search }) : t('users.none')}</Text>
        ) : (
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {users.hasNextPage
                ? t('users.showingMore', { count: items.length })
                : t('users.showing', { count: items.length })}
            </Text>
            <UsersTable users={items} />
            <UsersCards users={items} />
            {users.isFetchNextPageError && <ProblemAlert error={users.error} />}
            {users.hasNextPage && (
              <Group>
                <Button
                  variant="default"
                  onClick={() => void users.fetchNextPage()}
                  loading={users.isFetchingNextPage}
                >
                  {t('users.loadMore')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </div>
    </Stack>
  );
}

function LastSignIn({ user }: { user: User }) {
  const t = useT();
  const format = useFormatters();
  return <>{user.lastSignInAt ? format.dateTime(user.lastSignInAt) : t('users.neverSignedIn')}</>;
}

/** Laptops: one row per user. */
function UsersTable({ users }: { users: User[] }) {
  const t = useT();
  return (
    <Table.ScrollContainer minWidth={720} visibleFrom="md">
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('users.field.name')}</Table.Th>
            <Table.Th scope="col">{t('users.field.role')}</Table.Th>
            <Table.Th scope="col">{t('users.field.organization')}</Table.Th>
            <Table.Th scope="col">{t('users.field.status')}</Table.Th>
            <Table.Th scope="col">{t('users.field.lastSignIn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Anchor component={Link} to={`/admin/users/${user.id}`} fw={600}>
                  {user.displayName}
                </Anchor>
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {user.email}
                </Text>
              </Table.Td>
              <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
              <Table.Td>{user.organizationName}</Table.Td>
              <Table.Td>
                <StatusBadge status={user.status} />
              </Table.Td>
              <Table.Td>
                <LastSignIn user={user} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Phones: one card per user, name first. */
function UsersCards({ users }: { users: User[] }) {
  const t = useT();
  return (
    <Stack component="ul" gap="sm" className="plain-list" hiddenFrom="md" aria-label={t('users.listLabel')}>
      {users.map((user) => (
        <Paper component="li" key={user.id} withBorder p="sm">
          <Stack gap={4}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Anchor component={Link} to={`/admin/users/${user.id}`} fw={600}>
                {user.displayName}
              </Anchor>
              <StatusBadge status={user.status} />
            </Group>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {user.email}
            </Text>
            <Text size="sm">
              {t(`roles.${user.role}`)} · {user.organizationName}
            </Text>
            <Text size="xs" c="dimmed">
              {t('users.field.lastSignIn')}: <LastSignIn user={user} />
            </Text>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
