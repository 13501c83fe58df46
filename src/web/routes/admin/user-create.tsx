import {
  Anchor,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { networkQuery, ROLES, type Role, type User, usersApi, worksInOffices } from '../../api/identity';
import { useDocumentTitle } from '../../components/document-title';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { useT } from '../../i18n';
import { OfficePicker, organizationLabel, TemporaryPassword } from './user-parts';

interface Draft {
  email: string;
  displayName: string;
  role: Role | null;
  organizationId: string | null;
  officeIds: string[];
}

const EMPTY: Draft = { email: '', displayName: '', role: null, organizationId: null, officeIds: [] };

/** A new user: who they are, their role, organization and offices. Their temporary password is shown once. */
export function UserCreatePage() {
  const t = useT();
  useDocumentTitle(t('users.createTitle'));
  const [created, setCreated] = useState<{ user: User; temporaryPassword: string } | null>(null);
  const [formKey, setFormKey] = useState(0);

  return (
    <Stack gap="lg" maw={680}>
      <Anchor component={Link} to="/admin/users" size="sm">
        {t('users.backToList')}
      </Anchor>
      <Title order={1}>{t('users.createHeading')}</Title>
      {created ? (
        <Stack gap="md">
          <Text role="status">
            {t('users.created', { name: created.user.displayName, email: created.user.email })}
          </Text>
          <TemporaryPassword name={created.user.displayName} password={created.temporaryPassword} />
          <Group gap="sm">
            <Button component={Link} to={`/admin/users/${created.user.id}`}>
              {t('users.viewUser')}
            </Button>
            <Button
              variant="default"
              onClick={() => {
                setCreated(null);
                setFormKey((key) => key + 1);
              }}
            >
              {t('users.createAnother')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <CreateUserForm key={formKey} onCreated={setCreated} />
      )}
    </Stack>
  );
}

function CreateUserForm({
  onCreated,
}: {
  onCreated: (result: { user: User; temporaryPassword: string }) => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const network = useQuery(networkQuery);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [local, setLocal] = useState<Partial<Record<keyof Draft, string>>>({});
  const refs = {
    email: useRef<HTMLInputElement>(null),
    displayName: useRef<HTMLInputElement>(null),
    role: useRef<HTMLSelectElement>(null),
    organizationId: useRef<HTMLSelectElement>(null),
  };

  const organizations = useMemo(
    () =>
      [...(network.data?.organizations ?? [])]
        .sort((a, b) => a.shortName.localeCompare(b.shortName, 'es'))
        .map((organization) => ({ value: organization.id, label: organizationLabel(organization) })),
    [network.data],
  );
  const offices = (network.data?.offices ?? []).filter(
    (office) => office.organizationId === draft.organizationId,
  );
  const officesRequired = draft.role !== null && worksInOffices(draft.role);

  const create = useMutation({
    mutationFn: () =>
      usersApi.create({
        email: draft.email.trim(),
        displayName: draft.displayName.trim(),
        role: draft.role as Role,
        organizationId: draft.organizationId as string,
        officeIds: draft.officeIds,
      }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      onCreated(result);
    },
    onError: (error) => {
      const first = (['email', 'displayName', 'role', 'organizationId'] as const).find((field) =>
        fieldError(error, field),
      );
      if (first) refs[first].current?.focus();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Partial<Record<keyof Draft, string>> = {};
    if (!draft.email.trim()) problems.email = t('users.required.email');
    if (draft.displayName.trim().length < 2) problems.displayName = t('users.required.displayName');
    if (!draft.role) problems.role = t('users.required.role');
    if (!draft.organizationId) problems.organizationId = t('users.required.organization');
    if (officesRequired && draft.officeIds.length === 0) problems.officeIds = t('users.required.offices');
    setLocal(problems);
    const first = (['email', 'displayName', 'role', 'organizationId'] as const).find(
      (field) => problems[field],
    );
    if (first) return refs[first].current?.focus();
    if (problems.officeIds) return;
    create.mutate();
  }

  function update<K extends keyof Draft>(field: K, value: Draft[K]) {
    setDraft((previous) => ({ ...previous, [field]: value }));
    setLocal((previous) => ({ ...previous, [field]: undefined }));
  }

  if (network.isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" aria-hidden />
        <Text>{t('users.loadingNetwork')}</Text>
      </Group>
    );
  }
  if (network.isError) return <ProblemAlert error={network.error} />;

  const error = create.error;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ProblemAlert
            error={error}
            fields={['email', 'displayName', 'role', 'organizationId', 'officeIds']}
          />
          <TextInput
            ref={refs.email}
            label={t('users.field.email')}
            description={t('users.emailHint')}
            type="email"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={draft.email}
            onChange={(event) => update('email', event.currentTarget.value)}
            error={local.email ?? fieldError(error, 'email')}
          />
          <TextInput
            ref={refs.displayName}
            label={t('users.field.name')}
            autoComplete="off"
            required
            value={draft.displayName}
            onChange={(event) => update('displayName', event.currentTarget.value)}
            error={local.displayName ?? fieldError(error, 'displayName')}
            maxLength={200}
          />
          <RoleSelect
            ref={refs.role}
            value={draft.role}
            onChange={(role) => update('role', role)}
            error={local.role ?? fieldError(error, 'role')}
          />
          <NativeSelect
            ref={refs.organizationId}
            label={t('users.field.organization')}
            data={[{ value: '', label: t('users.chooseOrganization') }, ...organizations]}
            required
            value={draft.organizationId ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value || null;
              update('organizationId', value);
              // Offices belong to an organization: keep only those of the new one.
              setDraft((previous) => ({
                ...previous,
                officeIds: previous.officeIds.filter(
                  (id) => network.data?.offices.find((office) => office.id === id)?.organizationId === value,
                ),
              }));
            }}
            error={local.organizationId ?? fieldError(error, 'organizationId')}
          />
          <OfficePicker
            offices={offices}
            value={draft.officeIds}
            onChange={(value) => update('officeIds', value)}
            required={officesRequired}
            organizationChosen={draft.organizationId !== null}
            error={local.officeIds ?? fieldError(error, 'officeIds')}
          />
          <Text size="sm" c="dimmed">
            {t('users.createExplains')}
          </Text>
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('users.createSubmit')}
            </Button>
            <Button component={Link} to="/admin/users" variant="subtle">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The six roles by their Spanish (or English) names, with what the chosen one may do. */
export function RoleSelect({
  ref,
  value,
  onChange,
  error,
}: {
  ref?: React.Ref<HTMLSelectElement>;
  value: Role | null;
  onChange: (role: Role) => void;
  error?: string | undefined;
}) {
  const t = useT();
  return (
    <NativeSelect
      ref={ref}
      label={t('users.field.role')}
      data={[
        ...(value ? [] : [{ value: '', label: t('users.chooseRole') }]),
        ...ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) })),
      ]}
      required
      value={value ?? ''}
      onChange={(event) => {
        const role = event.currentTarget.value;
        if (role) onChange(role as Role);
      }}
      description={value ? t(`roleHelp.${value}`) : undefined}
      error={error}
    />
  );
}
