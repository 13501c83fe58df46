import { Alert, Badge, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import type { Network, Office, User } from '../../api/identity';
import { CopyButton } from '../../components/copy-button';
import { useT } from '../../i18n';

/** Active / deactivated, in words and colour. */
export function StatusBadge({ status }: { status: User['status'] }) {
  const t = useT();
  return (
    <Badge color={status === 'active' ? 'teal.9' : 'gray.7'} variant="filled">
      {t(`users.status.${status}`)}
    </Badge>
  );
}

/** "SENA (Servicio Nacional de Aprendizaje)", or the name alone when it is already short. */
export function organizationLabel(organization: Network['organizations'][number]): string {
  return organization.shortName && organization.shortName !== organization.name
    ? `${organization.shortName} (${organization.name})`
    : organization.name;
}

export function officeNames(network: Network | undefined, officeIds: readonly string[]): string[] {
  return officeIds.map((id) => network?.offices.find((office) => office.id === id)?.name ?? id);
}

/**
 * The offices a user may be assigned to: those of their organization, plus any they already have elsewhere (so
 * saving never drops one silently).
 */
export function OfficePicker({
  offices,
  value,
  onChange,
  required,
  error,
  organizationChosen,
}: {
  offices: Office[];
  value: string[];
  onChange: (value: string[]) => void;
  required: boolean;
  error?: string | undefined;
  organizationChosen: boolean;
}) {
  const t = useT();
  return (
    <Checkbox.Group
      label={t('users.field.offices')}
      description={required ? t('users.officesRequiredHint') : t('users.officesOptionalHint')}
      value={value}
      onChange={onChange}
      error={error}
      withAsterisk={required}
    >
      <Stack gap="xs" mt="xs">
        {!organizationChosen ? (
          <Text size="sm" c="dimmed">
            {t('users.chooseOrganizationFirst')}
          </Text>
        ) : offices.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('users.noOffices')}
          </Text>
        ) : (
          offices.map((office) => (
            <Checkbox
              key={office.id}
              value={office.id}
              label={office.name}
              description={`${office.municipalityName}, ${office.departmentName}`}
            />
          ))
        )}
      </Stack>
    </Checkbox.Group>
  );
}

/** A temporary password, shown once with a copy button and what to do with it. */
export function TemporaryPassword({ name, password }: { name: string; password: string }) {
  const t = useT();
  return (
    <Alert color="yellow" variant="light" title={t('users.temporaryPassword.title', { name })}>
      <Stack gap="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t('users.temporaryPassword.label')}
            value={password}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
            classNames={{ input: 'code-input' }}
            style={{ flex: '1 1 14rem' }}
          />
          <CopyButton value={password} label={t('users.temporaryPassword.copy')} />
        </Group>
        <Text size="sm">{t('users.temporaryPassword.once')}</Text>
      </Stack>
    </Alert>
  );
}
