import { Button, Group, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { accountApi } from '../api/identity';
import { useT } from '../i18n';
import { PasswordField } from './password-field';
import { fieldError, ProblemAlert } from './problem-alert';

const MIN_LENGTH = 12;

type Field = 'currentPassword' | 'newPassword' | 'confirmation';

/**
 * Current password, new one twice. The length and the match are checked here; the rest of the policy (not a
 * common password, not the email…) is the server's, and its messages appear beside the fields.
 */
export function PasswordChangeForm({
  currentLabel,
  submitLabel,
  onChanged,
}: {
  currentLabel: string;
  submitLabel: string;
  onChanged: () => void | Promise<void>;
}) {
  const t = useT();
  const [values, setValues] = useState<Record<Field, string>>({
    currentPassword: '',
    newPassword: '',
    confirmation: '',
  });
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});
  const refs = {
    currentPassword: useRef<HTMLInputElement>(null),
    newPassword: useRef<HTMLInputElement>(null),
    confirmation: useRef<HTMLInputElement>(null),
  };

  const change = useMutation({
    mutationFn: () =>
      accountApi.changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword }),
    onSuccess: async () => {
      setValues({ currentPassword: '', newPassword: '', confirmation: '' });
      await onChanged();
    },
    onError: (error) => {
      const first = (['currentPassword', 'newPassword'] as const).find((field) => fieldError(error, field));
      if (first) refs[first].current?.focus();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Partial<Record<Field, string>> = {};
    if (!values.currentPassword) problems.currentPassword = t('password.currentRequired');
    if (values.newPassword.length < MIN_LENGTH)
      problems.newPassword = t('password.tooShort', { count: MIN_LENGTH });
    else if (values.confirmation !== values.newPassword) problems.confirmation = t('password.mismatch');
    setLocal(problems);
    const first = (['currentPassword', 'newPassword', 'confirmation'] as const).find(
      (field) => problems[field],
    );
    if (first) return refs[first].current?.focus();
    change.mutate();
  }

  const set = (field: Field) => (event: React.ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((previous) => ({ ...previous, [field]: value }));
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ProblemAlert error={change.error} fields={['currentPassword', 'newPassword']} />
        <PasswordField
          ref={refs.currentPassword}
          label={currentLabel}
          name="current-password"
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={set('currentPassword')}
          error={local.currentPassword ?? fieldError(change.error, 'currentPassword')}
          showLabel={t('password.showCurrent')}
          hideLabel={t('password.hideCurrent')}
        />
        <PasswordField
          ref={refs.newPassword}
          label={t('password.new')}
          description={t('password.policy', { count: MIN_LENGTH })}
          name="new-password"
          autoComplete="new-password"
          value={values.newPassword}
          onChange={set('newPassword')}
          error={local.newPassword ?? fieldError(change.error, 'newPassword')}
          showLabel={t('password.showNew')}
          hideLabel={t('password.hideNew')}
        />
        <PasswordField
          ref={refs.confirmation}
          label={t('password.confirmation')}
          name="new-password-confirmation"
          autoComplete="new-password"
          value={values.confirmation}
          onChange={set('confirmation')}
          error={local.confirmation}
          showLabel={t('password.showConfirmation')}
          hideLabel={t('password.hideConfirmation')}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
