import { Anchor, Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  employmentApi,
  personApplicationsQuery,
  REGISTRATION_STATUSES,
  type Registration,
  type RegistrationStatus,
  registrationQuery,
  vacanciesQuery,
} from '../../api/employment';
import { FormPanel } from '../../components/form-panel';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { ApplicationBadge, colombianToday, label, useDay } from './parts';

const PROPOSERS = ['office_coordinator', 'caseworker'];

/** The person page's "Empleo": registration with the public employment service and their applications. */
export function EmploymentSection({ person }: { person: { id: string } }) {
  const t = useT();
  const day = useDay();
  const session = useReadySession();
  const enabled = PROPOSERS.includes(session.user.role);
  const registration = useQuery({ ...registrationQuery(person.id), enabled });
  const applications = useQuery({ ...personApplicationsQuery(person.id), enabled });
  const [editing, setEditing] = useState(false);
  const [proposing, setProposing] = useState(false);
  if (!enabled) return null;
  const r = registration.data?.registration ?? null;
  return (
    <Section title={t('employment.person.title')}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('employment.person.registration')}
        </Title>
        {registration.isError && <ProblemAlert error={registration.error} />}
        {editing ? (
          <RegistrationForm personId={person.id} registration={r} onDone={() => setEditing(false)} />
        ) : (
          <Group gap="sm" wrap="wrap" justify="space-between">
            <Text size="sm">
              {r
                ? [
                    label(t, 'registrationStatus', r.status),
                    t('employment.person.registeredOn', { day: day(r.registeredOn) }),
                    r.registrationNumber,
                    r.provider,
                  ]
                    .filter(Boolean)
                    .join(' · ')
                : t('employment.person.notRegistered')}
            </Text>
            <Button size="xs" variant="light" onClick={() => setEditing(true)}>
              {t(r ? 'employment.person.updateRegistration' : 'employment.person.addRegistration')}
            </Button>
          </Group>
        )}
        <Title order={3} size="h5">
          {t('employment.person.applications')}
        </Title>
        {applications.isError && <ProblemAlert error={applications.error} />}
        {applications.data?.items.length === 0 && (
          <Text c="dimmed">{t('employment.person.noApplications')}</Text>
        )}
        <Stack component="ul" gap={6} className="plain-list">
          {applications.data?.items.map((a) => (
            <Stack component="li" key={a.id} gap={2}>
              <Group gap="xs" wrap="wrap">
                <Anchor component={Link} to={`/employment/vacancies/${a.vacancyId}`}>
                  {a.vacancyTitle}
                </Anchor>
                <Text size="sm">({a.organizationName})</Text>
                <ApplicationBadge status={a.status} />
              </Group>
              {a.followUps.length > 0 && (
                <Text size="sm" c="dimmed">
                  {t('employment.followUps.title')}:{' '}
                  {a.followUps
                    .map(
                      (f) =>
                        `${label(t, 'milestone', f.milestone)} ${day(f.dueOn)} (${
                          f.doneAt
                            ? t(
                                f.stillEmployed
                                  ? 'employment.followUps.stillEmployed'
                                  : 'employment.followUps.notEmployed',
                              )
                            : f.overdue
                              ? t('employment.followUps.overdueBadge')
                              : t('employment.followUps.pending')
                        })`,
                    )
                    .join(' · ')}
                </Text>
              )}
            </Stack>
          ))}
        </Stack>
        {proposing ? (
          <ProposeForm personId={person.id} onDone={() => setProposing(false)} />
        ) : (
          <Group>
            <Button variant="light" onClick={() => setProposing(true)}>
              {t('employment.person.propose')}
            </Button>
          </Group>
        )}
      </Stack>
    </Section>
  );
}

function ProposeForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const vacancies = useQuery(vacanciesQuery({ status: 'open' }));
  const [vacancyId, setVacancyId] = useState('');
  const save = useMutation({
    mutationFn: () => employmentApi.propose(vacancyId, personId),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['employment'] });
      onDone();
    },
  });
  return (
    <FormPanel
      title={t('employment.person.propose')}
      titleOrder={4}
      onSubmit={() => save.mutate()}
      error={save.error}
      fields={[]}
    >
      <NativeSelect
        label={t('employment.person.vacancy')}
        description={t('employment.person.vacancyHint')}
        value={vacancyId}
        onChange={(event) => setVacancyId(event.currentTarget.value)}
        data={[
          { value: '', label: t('employment.choose') },
          ...(vacancies.data?.items ?? []).map((v) => ({
            value: v.id,
            label: `${v.title} · ${v.organizationName} · ${v.municipalityName}`,
          })),
        ]}
        required
      />
      <Group gap="sm">
        <Button type="submit" loading={save.isPending} disabled={!vacancyId}>
          {t('employment.person.proposeConfirm')}
        </Button>
        <Button variant="subtle" onClick={onDone}>
          {t('employment.cancel')}
        </Button>
      </Group>
    </FormPanel>
  );
}

function RegistrationForm({
  personId,
  registration,
  onDone,
}: {
  personId: string;
  registration: Registration | null;
  onDone: () => void;
}) {
  const t = useT();
  const client = useQueryClient();
  const [registeredOn, setRegisteredOn] = useState(registration?.registeredOn ?? colombianToday());
  const [status, setStatus] = useState<RegistrationStatus>(registration?.status ?? 'registered');
  const [number, setNumber] = useState(registration?.registrationNumber ?? '');
  const [provider, setProvider] = useState(registration?.provider ?? '');
  const save = useMutation({
    mutationFn: () =>
      employmentApi.saveRegistration(personId, {
        version: registration?.version ?? 0,
        registeredOn,
        status,
        registrationNumber: number || null,
        provider: provider || null,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['employment', 'person', personId] });
      onDone();
    },
  });
  return (
    <FormPanel
      onSubmit={() => save.mutate()}
      error={save.error}
      fields={['registeredOn', 'status', 'registrationNumber', 'provider']}
    >
      <TextInput
        type="date"
        label={t('employment.person.registeredOnField')}
        value={registeredOn}
        max={colombianToday()}
        onChange={(event) => setRegisteredOn(event.currentTarget.value)}
        error={fieldError(save.error, 'registeredOn')}
        required
      />
      <NativeSelect
        label={t('employment.person.status')}
        value={status}
        onChange={(event) => setStatus(event.currentTarget.value as RegistrationStatus)}
        data={REGISTRATION_STATUSES.map((value) => ({
          value,
          label: label(t, 'registrationStatus', value),
        }))}
      />
      <TextInput
        label={t('employment.person.number')}
        value={number}
        onChange={(event) => setNumber(event.currentTarget.value)}
        error={fieldError(save.error, 'registrationNumber')}
      />
      <TextInput
        label={t('employment.person.provider')}
        description={t('employment.person.providerHint')}
        value={provider}
        onChange={(event) => setProvider(event.currentTarget.value)}
        error={fieldError(save.error, 'provider')}
      />
      <Group gap="sm">
        <Button type="submit" loading={save.isPending}>
          {t('employment.save')}
        </Button>
        <Button variant="subtle" onClick={onDone}>
          {t('employment.cancel')}
        </Button>
      </Group>
    </FormPanel>
  );
}
