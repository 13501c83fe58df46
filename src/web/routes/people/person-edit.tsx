import { Alert, Box, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { isProblemOf } from '../../api/client';
import {
  type Person,
  type PersonUpdateInput,
  POPULATION_GROUPS,
  type PopulationGroup,
  peopleApi,
  personQuery,
  SEXES,
  type Sex,
} from '../../api/people';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { type TranslationKey, useT } from '../../i18n';
import { formatPhone } from './people-parts';

/** The basic fields a caseworker corrects most often; the rest are changed where they were registered. */
const TEXT_FIELDS = [
  'givenName1',
  'givenName2',
  'surname1',
  'surname2',
  'preferredName',
  'birthDate',
  'phone',
  'email',
  'addressLine',
  'neighbourhood',
] as const;
type TextField = (typeof TEXT_FIELDS)[number];

interface Draft extends Record<TextField, string> {
  sexAtBirth: Sex | '';
  populationGroup: PopulationGroup;
}

function draftOf(person: Person): Draft {
  return {
    givenName1: person.givenName1,
    givenName2: person.givenName2 ?? '',
    surname1: person.surname1,
    surname2: person.surname2 ?? '',
    preferredName: person.preferredName ?? '',
    birthDate: person.birthDate ?? '',
    phone: person.phone ? formatPhone(person.phone) : '',
    email: person.email ?? '',
    addressLine: person.addressLine ?? '',
    neighbourhood: person.neighbourhood ?? '',
    sexAtBirth: person.sexAtBirth ?? '',
    populationGroup: person.populationGroup,
  };
}

/** What the user changed, compared with the version they started from. */
function changesFrom(start: Draft, draft: Draft): Omit<PersonUpdateInput, 'version'> {
  const changes: Record<string, unknown> = {};
  for (const field of TEXT_FIELDS) {
    const value = draft[field].trim();
    if (value !== start[field].trim()) changes[field] = value === '' ? null : value;
  }
  if (draft.sexAtBirth !== start.sexAtBirth) changes.sexAtBirth = draft.sexAtBirth || null;
  if (draft.populationGroup !== start.populationGroup) changes.populationGroup = draft.populationGroup;
  return changes as Omit<PersonUpdateInput, 'version'>;
}

export function EditPerson({ person }: { person: Person }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  return (
    <Section title={t('people.edit.title')}>
      {!open ? (
        <Stack gap="sm" align="flex-start">
          {savedVersion === person.version && (
            <Alert color="green" variant="light" role="status">
              <Text size="sm">{t('people.edit.saved')}</Text>
            </Alert>
          )}
          <Text size="sm">{t('people.edit.explain')}</Text>
          <Button variant="default" onClick={() => setOpen(true)}>
            {t('people.edit.open')}
          </Button>
        </Stack>
      ) : (
        // A new version (taken from a conflict) starts the form again from it.
        <EditPersonForm
          key={person.version}
          person={person}
          onSaved={(version) => {
            setSavedVersion(version);
            setOpen(false);
          }}
          onCancel={() => setOpen(false)}
        />
      )}
    </Section>
  );
}

function EditPersonForm({
  person,
  onSaved,
  onCancel,
}: {
  person: Person;
  onSaved: (version: number) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const [start] = useState(() => draftOf(person));
  const [draft, setDraft] = useState<Draft>(start);
  const [conflict, setConflict] = useState<Person | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const changes = changesFrom(start, draft);
  const dirty = Object.keys(changes).length > 0;

  const save = useMutation({
    mutationFn: (version: number) => peopleApi.update(person.id, { version, ...changes }),
    onSuccess: (updated) => {
      setConflict(null);
      queryClient.setQueryData(personQuery(person.id).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: ['people', 'timeline', person.id] });
      void queryClient.invalidateQueries({ queryKey: ['people', 'list'] });
      onSaved(updated.version);
    },
    onError: (error) => {
      if (isProblemOf(error, 'conflict') && error.problem.current)
        setConflict(error.problem.current as Person);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const empty = (['givenName1', 'surname1'] as const).filter((field) => draft[field].trim() === '');
    setMissing(empty);
    if (empty.length) return;
    save.mutate(conflict?.version ?? person.version);
  }

  const error = isProblemOf(save.error, 'conflict') ? null : save.error;
  const set = (field: keyof Draft) => (value: string) =>
    setDraft((previous) => ({ ...previous, [field]: value }));
  const text = (
    field: TextField,
    options: { type?: string; required?: boolean; description?: string } = {},
  ) => (
    <TextInput
      label={t(`people.field.${field}` as TranslationKey)}
      description={options.description}
      type={options.type ?? 'text'}
      value={draft[field]}
      onChange={(event) => set(field)(event.currentTarget.value)}
      error={(missing.includes(field) ? t('people.edit.required') : undefined) ?? fieldError(error, field)}
      withAsterisk={options.required}
      maxLength={field === 'addressLine' ? 200 : field === 'email' ? 320 : 80}
    />
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {conflict && (
          <ConflictNotice
            current={conflict}
            pending={save.isPending}
            onApply={() => save.mutate(conflict.version)}
            onDiscard={() => {
              queryClient.setQueryData(personQuery(person.id).queryKey, conflict);
              onCancel();
            }}
          />
        )}
        <ProblemAlert error={error} fields={[...TEXT_FIELDS, 'sexAtBirth', 'populationGroup']} />
        <Box
          style={{
            display: 'grid',
            gap: 'var(--mantine-spacing-md)',
            gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))',
            // Inputs line up even when a label wraps or has a hint under it.
            alignItems: 'end',
          }}
        >
          {text('givenName1', { required: true })}
          {text('givenName2')}
          {text('surname1', { required: true })}
          {text('surname2')}
          {text('preferredName')}
          {text('birthDate', { type: 'date' })}
          <NativeSelect
            label={t('people.field.sexAtBirth')}
            value={draft.sexAtBirth}
            onChange={(event) => set('sexAtBirth')(event.currentTarget.value)}
            data={[
              { value: '', label: t('people.notRecorded') },
              ...SEXES.map((sex) => ({ value: sex, label: t(`people.sex.${sex}`) })),
            ]}
            error={fieldError(error, 'sexAtBirth')}
          />
          <NativeSelect
            label={t('people.field.populationGroup')}
            value={draft.populationGroup}
            onChange={(event) => set('populationGroup')(event.currentTarget.value)}
            data={POPULATION_GROUPS.map((group) => ({
              value: group,
              label: t(`people.populationGroup.${group}`),
            }))}
            error={fieldError(error, 'populationGroup')}
          />
          {text('phone', { type: 'tel', description: t('people.edit.phoneHint') })}
          {text('email', { type: 'email' })}
          {text('addressLine')}
          {text('neighbourhood')}
        </Box>
        {!conflict && (
          <Group gap="sm">
            <Button type="submit" loading={save.isPending} disabled={!dirty}>
              {t('people.edit.save')}
            </Button>
            <Button variant="default" onClick={onCancel} disabled={save.isPending}>
              {t('common.cancel')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** Someone else saved this person meanwhile: show their version, then apply ours on top of it or drop ours. */
function ConflictNotice({
  current,
  pending,
  onApply,
  onDiscard,
}: {
  current: Person;
  pending: boolean;
  onApply: () => void;
  onDiscard: () => void;
}) {
  const t = useT();
  return (
    <Alert color="orange" variant="light" title={t('people.conflict.title')} role="alert">
      <Stack gap="sm">
        <Text size="sm">{t('people.conflict.body')}</Text>
        <dl className="facts">
          <dt>{t('people.field.name')}</dt>
          <dd>{current.displayName}</dd>
          <dt>{t('people.field.preferredName')}</dt>
          <dd>{current.preferredName ?? '—'}</dd>
          <dt>{t('people.field.birthDate')}</dt>
          <dd>{current.birthDate ?? '—'}</dd>
          <dt>{t('people.field.populationGroup')}</dt>
          <dd>{t(`people.populationGroup.${current.populationGroup}`)}</dd>
          <dt>{t('people.field.phone')}</dt>
          <dd>{current.phone ? formatPhone(current.phone) : '—'}</dd>
          <dt>{t('people.field.email')}</dt>
          <dd>{current.email ?? '—'}</dd>
          <dt>{t('people.field.addressLine')}</dt>
          <dd>{current.addressLine ?? '—'}</dd>
        </dl>
        <Group gap="sm">
          <Button onClick={onApply} loading={pending}>
            {t('people.conflict.apply')}
          </Button>
          <Button variant="default" onClick={onDiscard} disabled={pending}>
            {t('people.conflict.discard')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
