import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, isProblemOf } from '../../api/client';
import {
  type Network,
  networkQuery,
  type Role,
  type User,
  type UserUpdateInput,
  userQuery,
  usersApi,
  worksInOffices,
} from '../../api/identity';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useDocumentTitle } from '../../components/document-title';
import { useFormatters } from '../../components/formatters';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { NotFoundPage } from '../not-found';
import { RoleSelect } from './user-create';
import { OfficePicker, officeNames, StatusBadge, TemporaryPassword } from './user-parts';

/** One user: their details; for administrators also editing, password reset and (de)activation. */
export function UserDetailPage() {
  const t = useT();
  const { userId = '' } = useParams();
  const user = useQuery(userQuery(userId));
  const network = useQuery(networkQuery);
  useDocumentTitle(user.data?.displayName ?? t('users.title'));

  if (user.isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" aria-hidden />
        <Text>{t('users.loadingOne')}</Text>
      </Group>
    );
  }
  if (user.isError) {
    if (user.error instanceof ApiError && (user.error.status === 404 || user.error.status === 400)) {
      return <NotFoundPage />;
    }
    return <ProblemAlert error={user.error} />;
  }
  return <UserDetail user={user.data} network={network.data} />;
}

function UserDetail({ user, network }: { user: User; network: Network | undefined }) {
  const t = useT();
  const format = useFormatters();
  const session = useReadySession();
  const manage = session.abilities.manageUsers;

  return (
    <Stack gap="xl" maw={760}>
      <Stack gap="xs">
        <Anchor component={Link} to="/admin/users" size="sm">
          {t('users.backToList')}
        </Anchor>
        <Group gap="sm" align="center">
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {user.displayName}
          </Title>
          <StatusBadge status={user.status} />
        </Group>
        <Text c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {user.email}
        </Text>
      </Stack>

      <Section title={t('users.details')}>
        <dl className="facts">
          <dt>{t('users.field.role')}</dt>
          <dd>{t(`roles.${user.role}`)}</dd>
          <dt>{t('users.field.organization')}</dt>
          <dd>{user.organizationName}</dd>
          <dt>{t('users.field.offices')}</dt>
          <dd>
            {user.officeIds.length
              ? officeNames(network, user.officeIds).join(' · ')
              : t('users.noOfficesAssigned')}
          </dd>
          <dt>{t('users.field.status')}</dt>
          <dd>{t(`users.status.${user.status}`)}</dd>
          <dt>{t('users.field.twoStep')}</dt>
          <dd>{user.secondFactorEnabled ? t('account.twoStepOn') : t('account.twoStepOff')}</dd>
          <dt>{t('users.field.lastSignIn')}</dt>
          <dd>{user.lastSignInAt ? format.dateTime(user.lastSignInAt) : t('users.neverSignedIn')}</dd>
          {user.mustChangePassword && (
            <>
              <dt>{t('users.field.password')}</dt>
              <dd>{t('users.mustChangePassword')}</dd>
            </>
          )}
        </dl>
        {session.abilities.readAudit && (
          <Group gap="md" mt="md">
            <Anchor
              component={Link}
              to={`/admin/audit?${new URLSearchParams({ actorUserId: user.id })}`}
              size="sm"
            >
              {t('users.auditActor')}
            </Anchor>
            <Anchor
              component={Link}
              to={`/admin/audit?${new URLSearchParams({ recordType: 'user', recordId: user.id })}`}
              size="sm"
            >
              {t('users.auditRecord')}
            </Anchor>
          </Group>
        )}
      </Section>

      {manage ? (
        <>
          <EditUser user={user} network={network} />
          <UserActions user={user} self={user.id === session.user.id} />
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('users.readOnly')}
        </Text>
      )}
    </Stack>
  );
}

interface EditDraft {
  displayName: string;
  role: Role;
  officeIds: string[];
}

function draftOf(user: User): EditDraft {
  return { displayName: user.displayName, role: user.role, officeIds: [...user.officeIds].sort() };
}

/** What the administrator changed, compared with the version they started from. */
function changesFrom(start: EditDraft, draft: EditDraft): Omit<UserUpdateInput, 'version'> {
  const changes: Omit<UserUpdateInput, 'version'> = {};
  if (draft.displayName.trim() !== start.displayName) changes.displayName = draft.displayName.trim();
  if (draft.role !== start.role) changes.role = draft.role;
  if ([...draft.officeIds].sort().join() !== start.officeIds.join()) changes.officeIds = draft.officeIds;
  return changes;
}

function EditUser({ user, network }: { user: User; network: Network | undefined }) {
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  // A new version (saved here, or taken from a conflict) starts the form again from it.
  return (
    <EditUserForm
      key={user.version}
      user={user}
      network={network}
      justSaved={savedVersion === user.version}
      onSaved={setSavedVersion}
    />
  );
}

function EditUserForm({
  user,
  network,
  justSaved,
  onSaved,
}: {
  user: User;
  network: Network | undefined;
  justSaved: boolean;
  onSaved: (version: number) => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const [start] = useState(() => draftOf(user));
  const [draft, setDraft] = useState<EditDraft>(start);
  const [conflict, setConflict] = useState<User | null>(null);
  const [localName, setLocalName] = useState<string>();

  const offices = (network?.offices ?? []).filter(
    (office) => office.organizationId === user.organizationId || draft.officeIds.includes(office.id),
  );
  const changes = changesFrom(start, draft);
  const dirty = Object.keys(changes).length > 0;

  const save = useMutation({
    mutationFn: (version: number) => usersApi.update(user.id, { version, ...changes }),
    onSuccess: (updated) => {
      setConflict(null);
      onSaved(updated.version);
      queryClient.setQueryData(userQuery(user.id).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
    },
    onError: (error) => {
      if (isProblemOf(error, 'conflict') && error.problem.current) setConflict(error.problem.current as User);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (draft.displayName.trim().length < 2) return setLocalName(t('users.required.displayName'));
    setLocalName(undefined);
    save.mutate(conflict?.version ?? user.version);
  }

  const error = isProblemOf(save.error, 'conflict') ? null : save.error;
  const roleChanged = draft.role !== start.role;

  return (
    <Section title={t('users.edit')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {justSaved && !dirty && (
            <Alert color="green" variant="light" role="status">
              <Text size="sm">{t('users.saved')}</Text>
            </Alert>
          )}
          {conflict && (
            <ConflictNotice
              current={conflict}
              network={network}
              pending={save.isPending}
              onApply={() => save.mutate(conflict.version)}
              onDiscard={() => queryClient.setQueryData(userQuery(user.id).queryKey, conflict)}
            />
          )}
          <ProblemAlert error={error} fields={['displayName', 'role', 'officeIds']} />
          <TextInput
            label={t('users.field.name')}
            value={draft.displayName}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setDraft((previous) => ({ ...previous, displayName: value }));
            }}
            error={localName ?? fieldError(error, 'displayName')}
            maxLength={200}
          />
          <RoleSelect
            value={draft.role}
            onChange={(role) => setDraft((previous) => ({ ...previous, role }))}
            error={fieldError(error, 'role')}
          />
          {roleChanged && (
            <Text size="sm" fw={600}>
              {t('users.roleChangeEndsSessions')}
            </Text>
          )}
          <OfficePicker
            offices={offices}
            value={draft.officeIds}
            onChange={(officeIds) => setDraft((previous) => ({ ...previous, officeIds }))}
            required={worksInOffices(draft.role)}
            organizationChosen
            error={fieldError(error, 'officeIds')}
          />
          {!conflict && (
            <Group>
              <Button type="submit" loading={save.isPending} disabled={!dirty}>
                {t('users.saveChanges')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Section>
  );
}

/** Someone else saved this user meanwhile: show their version, then apply ours on top of it or drop ours. */
function ConflictNotice({
  current,
  network,
  pending,
  onApply,
  onDiscard,
}: {
  current: User;
  network: Network | undefined;
  pending: boolean;
  onApply: () => void;
  onDiscard: () => void;
}) {
  const t = useT();
  return (
    <Alert color="orange" variant="light" title={t('users.conflict.title')} role="alert">
      <Stack gap="sm">
        <Text size="sm">{t('users.conflict.body')}</Text>
        <dl className="facts">
          <dt>{t('users.field.name')}</dt>
          <dd>{current.displayName}</dd>
          <dt>{t('users.field.role')}</dt>
          <dd>{t(`roles.${current.role}`)}</dd>
          <dt>{t('users.field.offices')}</dt>
          <dd>
            {current.officeIds.length
              ? officeNames(network, current.officeIds).join(' · ')
              : t('users.noOfficesAssigned')}
          </dd>
          <dt>{t('users.field.status')}</dt>
          <dd>{t(`users.status.${current.status}`)}</dd>
        </dl>
        <Group gap="sm">
          <Button onClick={onApply} loading={pending}>
            {t('users.conflict.apply')}
          </Button>
          <Button variant="default" onClick={onDiscard} disabled={pending}>
            {t('users.conflict.discard')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

type Action = 'deactivate' | 'reactivate' | 'reset';

function UserActions({ user, self }: { user: User; self: boolean }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<Action | null>(null);
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null);

  const act = useMutation({
    mutationFn: async (action: Action) => {
      if (action === 'reset') return usersApi.resetPassword(user.id);
      return action === 'deactivate' ? usersApi.deactivate(user.id) : usersApi.reactivate(user.id);
    },
    onSuccess: async (result, action) => {
      if (action === 'reset')
        setTemporaryPassword((result as { temporaryPassword: string }).temporaryPassword);
      else setTemporaryPassword(null);
      setConfirming(null);
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });

  const active = user.status === 'active';
  const dialog = confirming
    ? {
        deactivate: {
          title: t('users.deactivate.title', { name: user.displayName }),
          body: t('users.deactivate.body'),
          confirm: t('users.deactivate.confirm'),
        },
        reactivate: {
          title: t('users.reactivate.title', { name: user.displayName }),
          body: t('users.reactivate.body'),
          confirm: t('users.reactivate.confirm'),
        },
        reset: {
          title: t('users.reset.title', { name: user.displayName }),
          body: t('users.reset.body'),
          confirm: t('users.reset.confirm'),
        },
      }[confirming]
    : null;

  return (
    <Section title={t('users.access')}>
      <Stack gap="md">
        {temporaryPassword && <TemporaryPassword name={user.displayName} password={temporaryPassword} />}
        <Paper withBorder p="md">
          <Stack gap="xs" align="flex-start">
            <Text fw={600}>{t('users.reset.heading')}</Text>
            <Text size="sm">{t('users.reset.explain')}</Text>
            <Button variant="default" onClick={() => setConfirming('reset')} disabled={!active}>
              {t('users.reset.action')}
            </Button>
          </Stack>
        </Paper>
        {!self && (
          <Paper withBorder p="md">
            <Stack gap="xs" align="flex-start">
              <Text fw={600}>{active ? t('users.deactivate.heading') : t('users.reactivate.heading')}</Text>
              <Text size="sm">{active ? t('users.deactivate.explain') : t('users.reactivate.explain')}</Text>
              <Button
                variant={active ? 'outline' : 'default'}
                color={active ? 'red.8' : undefined}
                onClick={() => setConfirming(active ? 'deactivate' : 'reactivate')}
              >
                {active ? t('users.deactivate.action') : t('users.reactivate.action')}
              </Button>
            </Stack>
          </Paper>
        )}
      </Stack>
      <ConfirmDialog
        opened={dialog !== null}
        title={dialog?.title ?? ''}
        confirmLabel={dialog?.confirm ?? ''}
        danger={confirming === 'deactivate'}
        pending={act.isPending}
        error={act.error}
        onConfirm={() => confirming && act.mutate(confirming)}
        onClose={() => {
          setConfirming(null);
          act.reset();
        }}
      >
        {dialog?.body ?? ''}
      </ConfirmDialog>
    </Section>
  );
}
