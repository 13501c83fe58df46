import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isProblemOf } from '../../api/client';
import type { Role } from '../../api/identity';
import { type MaternityInput, type Person, peopleApi, personQuery } from '../../api/people';
import { useFormatters } from '../../components/formatters';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { useT } from '../../i18n';

// Pregnancy and lactation (health data): recorded on the woman's own record, so the household composition counts
// it without anyone typing it twice. Offered only when the sex at birth is female.

export interface MaternityDraft {
  status: '' | 'pregnant' | 'lactating';
  since: string;
  until: string;
  untilEstimated: boolean;
}

export const emptyMaternity = (): MaternityDraft => ({
  status: '',
  since: '',
  until: '',
  untilEstimated: false,
});

/** The API's value: null when neither applies. */
export function toMaternityInput(draft: MaternityDraft): MaternityInput | null {
  if (!draft.status) return null;
  return {
    status: draft.status,
    since: draft.since || null,
    until: draft.until || null,
    untilEstimated: draft.status === 'pregnant' && Boolean(draft.until) && draft.untilEstimated,
  };
}

function draftOf(maternity: NonNullable<Person['sensitive']>['maternity']): MaternityDraft {
  if (!maternity) return emptyMaternity();
  return {
    status: maternity.status,
    since: maternity.since ?? '',
    until: maternity.until ?? '',
    untilEstimated: maternity.untilEstimated,
  };
}

/** The roles that read and record health data (as the server's registryPolicy.readSensitive). */
export const recordsHealthData = (role: Role) => role === 'office_coordinator' || role === 'caseworker';

const today = () => new Date().toISOString().slice(0, 10);

/** The status and its dates, as the registration form and the person page ask them. */
export function MaternityFields({
  value,
  onChange,
  message,
}: {
  value: MaternityDraft;
  onChange: (next: MaternityDraft) => void;
  /** The message beside a field of the API (`maternity.until`…), if any. */
  message: (path: string) => string | undefined;
}) {
  const t = useT();
  const set = <K extends keyof MaternityDraft>(key: K, next: MaternityDraft[K]) =>
    onChange({ ...value, [key]: next });
  return (
    <Fieldset legend={t('registration.maternity.legend')} variant="unstyled">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('registration.maternity.help')}
        </Text>
        <NativeSelect
          label={t('registration.maternity.status')}
          data={[
            { value: '', label: t('registration.maternity.none') },
            { value: 'pregnant', label: t('registration.maternity.pregnant') },
            { value: 'lactating', label: t('registration.maternity.lactating') },
          ]}
          value={value.status}
          onChange={(event) =>
            // Dates of one status mean something else for the other: start again.
            onChange({ ...emptyMaternity(), status: event.currentTarget.value as MaternityDraft['status'] })
          }
          error={message('maternity.status')}
        />
        {value.status === 'pregnant' && (
          <Stack gap={6}>
            <TextInput
              type="date"
              label={t('registration.maternity.dueDate')}
              required
              min={today()}
              value={value.until}
              onChange={(event) => set('until', event.currentTarget.value)}
              error={message('maternity.until')}
            />
            <Checkbox
              label={t('registration.maternity.dueDateEstimated')}
              checked={value.untilEstimated}
              onChange={(event) => set('untilEstimated', event.currentTarget.checked)}
            />
          </Stack>
        )}
        {value.status === 'lactating' && (
          <>
            <TextInput
              type="date"
              label={t('registration.maternity.childBirthDate')}
              max={today()}
              value={value.since}
              onChange={(event) => set('since', event.currentTarget.value)}
              error={message('maternity.since')}
            />
            <TextInput
              type="date"
              label={t('registration.maternity.lactationUntil')}
              description={t('registration.maternity.lactationUntilHelp')}
              min={today()}
              value={value.until}
              onChange={(event) => set('until', event.currentTarget.value)}
              error={message('maternity.until')}
            />
          </>
        )}
      </Stack>
    </Fieldset>
  );
}

/** "Gestante · fecha probable de parto: 10 mar 2027 (aproximada)", or that it no longer applies. */
export function MaternityText({ maternity }: { maternity: NonNullable<Person['sensitive']>['maternity'] }) {
  const t = useT();
  const format = useFormatters();
  if (!maternity) return null;
  const date = (day: string) => format.date(`${day}T12:00:00`);
  const parts: string[] = [t(`people.maternity.${maternity.status}`)];
  if (maternity.status === 'pregnant' && maternity.until) {
    parts.push(
      `${t('people.maternity.dueDate', { date: date(maternity.until) })}${maternity.untilEstimated ? ` (${t('people.estimated')})` : ''}`,
    );
  }
  if (maternity.status === 'lactating') {
    if (maternity.since) parts.push(t('people.maternity.childBorn', { date: date(maternity.since) }));
    if (maternity.until) parts.push(t('people.maternity.until', { date: date(maternity.until) }));
  }
  if (!maternity.current) parts.push(t('people.maternity.notCurrent'));
  return <>{parts.join(' · ')}</>;
}

/** On the person page: records, changes or clears the status at the version read (409 shows the current one). */
export function MaternityEditor({ person }: { person: Person }) {
  const t = useT();
  const queryClient = useQueryClient();
  const current = person.sensitive?.maternity ?? null;
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<MaternityDraft>(() => draftOf(current));
  const [conflicted, setConflicted] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      peopleApi.update(person.id, { version: person.version, maternity: toMaternityInput(draft) }),
    onSuccess: (updated) => {
      queryClient.setQueryData(personQuery(person.id).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: ['people', 'timeline', person.id] });
      void queryClient.invalidateQueries({ queryKey: ['households'] });
      setConflicted(false);
      setOpen(false);
    },
    onError: (error) => {
      if (isProblemOf(error, 'conflict') && error.problem.current) {
        const latest = error.problem.current as Person;
        queryClient.setQueryData(personQuery(person.id).queryKey, latest);
        setDraft(draftOf(latest.sensitive?.maternity ?? null));
        setConflicted(true);
      }
    },
  });
  const error = isProblemOf(save.error, 'conflict') ? null : save.error;

  if (!open) {
    return (
      <Group mt="sm">
        <Button
          variant="default"
          size="xs"
          onClick={() => {
            setDraft(draftOf(current));
            setOpen(true);
          }}
        >
          {current ? t('people.maternity.change') : t('people.maternity.record')}
        </Button>
      </Group>
    );
  }
  return (
    <Stack gap="sm" mt="sm">
      {conflicted && (
        <Alert color="orange" variant="light" role="alert">
          <Text size="sm">{t('people.maternity.conflict')}</Text>
        </Alert>
      )}
      <MaternityFields value={draft} onChange={setDraft} message={(path) => fieldError(error, path)} />
      <ProblemAlert
        error={error}
        fields={['maternity', 'maternity.status', 'maternity.since', 'maternity.until']}
      />
      <Group gap="sm">
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {t('people.maternity.save')}
        </Button>
        <Button variant="default" onClick={() => setOpen(false)} disabled={save.isPending}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
