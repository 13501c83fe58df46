import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Group,
  List,
  Loader,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, isProblemOf } from '../../api/client';
import {
  EMPLOYER_CHECKS,
  type EmployerCheck,
  type EmployerDetail,
  employerQuery,
  employersQuery,
  employmentApi,
} from '../../api/employment';
import { useDocumentTitle } from '../../components/document-title';
import { FormPanel } from '../../components/form-panel';
import { useFormatters } from '../../components/formatters';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { MunicipalitySelect } from '../directory/parts';
import { colombianToday, EmploymentTabs, label, StandingBadge, useDay } from './parts';

const STAFF = ['network_admin', 'office_coordinator', 'caseworker'];

/** /employment: the allied employers with their standing. */
export function EmployersPage() {
  const t = useT();
  const day = useDay();
  const session = useReadySession();
  useDocumentTitle(t('employment.employers.title'));
  const employers = useQuery(employersQuery);
  return (
    <Stack gap="md">
      <Title order={1}>{t('employment.employers.title')}</Title>
      <EmploymentTabs staff={STAFF.includes(session.user.role)} />
      <Text c="dimmed">{t('employment.employers.intro')}</Text>
      {employers.isPending && <Loader aria-label={t('employment.loading')} />}
      {employers.isError && <ProblemAlert error={employers.error} />}
      {employers.data?.items.length === 0 && <Text>{t('employment.employers.none')}</Text>}
      <Stack component="ul" gap="sm" className="plain-list">
        {employers.data?.items.map((e) => (
          <Paper component="li" key={e.id} withBorder p="md">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Anchor component={Link} to={`/employment/employers/${e.id}`} fw={600}>
                {e.name}
              </Anchor>
              <StandingBadge standing={e.standing} />
            </Group>
            <Text size="sm" c="dimmed">
              {e.validUntil
                ? t(
                    e.standing === 'expired'
                      ? 'employment.employers.expiredOn'
                      : 'employment.employers.validUntil',
                    {
                      day: day(e.validUntil),
                    },
                  )
                : t('employment.employers.noVerification')}
              {' · '}
              {t('employment.employers.openVacancies', { count: e.openVacancies })}
            </Text>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

/** /employment/employers/:id: standing, profile, the verification form and the history. */
export function EmployerPage() {
  const t = useT();
  const day = useDay();
  const { dateTime } = useFormatters();
  const { employerId = '' } = useParams();
  const session = useReadySession();
  const employer = useQuery(employerQuery(employerId));
  const [verifying, setVerifying] = useState(false);
  const [editingProfile, setEditingProfile] = useState(false);
  useDocumentTitle(employer.data?.name ?? t('employment.employers.title'));
  if (employer.isPending) return <Loader aria-label={t('employment.loading')} />;
  if (employer.isError) return <ProblemAlert error={employer.error} />;
  const e = employer.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/employment">
        {t('employment.employers.back')}
      </Anchor>
      <Group gap="sm" wrap="wrap">
        <Title order={1}>{e.name}</Title>
        <StandingBadge standing={e.standing} />
      </Group>
      <EmploymentTabs staff={STAFF.includes(session.user.role)} />
      <Section title={t('employment.employer.standingTitle')}>
        <Stack gap="xs">
          <Text>{label(t, 'standingExplained', e.standing)}</Text>
          {e.validUntil && (
            <Text size="sm">
              {t(
                e.standing === 'expired'
                  ? 'employment.employers.expiredOn'
                  : 'employment.employers.validUntil',
                {
                  day: day(e.validUntil),
                },
              )}
            </Text>
          )}
          {e.failedChecks.length > 0 && (
            <Text size="sm" c="red.8">
              {t('employment.employer.unmet')}: {e.failedChecks.map((c) => label(t, 'check', c)).join('; ')}
            </Text>
          )}
          <Group gap="sm">
            {e.abilities.includes('verify') && !verifying && (
              <Button onClick={() => setVerifying(true)}>{t('employment.verification.start')}</Button>
            )}
            {e.abilities.includes('postVacancy') && (
              <Button variant="light" component={Link} to={`/employment/vacancies/new?employer=${e.id}`}>
                {t('employment.vacancy.new')}
              </Button>
            )}
          </Group>
          {verifying && <VerificationForm employerId={e.id} onDone={() => setVerifying(false)} />}
        </Stack>
      </Section>
      <Section title={t('employment.employer.profileTitle')}>
        <Stack gap={4}>
          <Text size="sm">
            {t('employment.profile.taxId')}: {e.profile.taxId ?? '—'}
          </Text>
          <Text size="sm">
            {t('employment.profile.economicActivity')}: {e.profile.economicActivity ?? '—'}
          </Text>
          <Text size="sm">
            {t('employment.profile.place')}:{' '}
            {[e.profile.address, e.profile.municipalityName].filter(Boolean).join(', ') || '—'}
          </Text>
          {e.abilities.includes('editProfile') && !editingProfile && (
            <Group mt="xs">
              <Button variant="light" onClick={() => setEditingProfile(true)}>
                {t('employment.profile.edit')}
              </Button>
            </Group>
          )}
          {editingProfile && <ProfileForm employer={e} onDone={() => setEditingProfile(false)} />}
        </Stack>
      </Section>
      <Section title={t('employment.verification.history')}>
        {e.verifications.length === 0 ? (
          <Text c="dimmed">{t('employment.employers.noVerification')}</Text>
        ) : (
          <Stack component="ul" gap="sm" className="plain-list">
            {e.verifications.map((v) => (
              <Text component="li" key={v.id} size="sm">
                <strong>{dateTime(v.verifiedAt)}</strong> · {v.verifiedByName} ·{' '}
                {t('employment.employers.validUntil', { day: day(v.validUntil) })}
                <br />
                {v.failedChecks.length === 0
                  ? t('employment.verification.allMet')
                  : `${t('employment.employer.unmet')}: ${v.failedChecks.map((c) => label(t, 'check', c)).join('; ')}`}
                {v.notes && (
                  <>
                    <br />
                    {v.notes}
                  </>
                )}
              </Text>
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}

function oneYearAhead(today: string) {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + 1, m, 0)).getUTCDate();
  return `${y + 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

type ProfileFields = Omit<EmployerDetail['profile'], 'version' | 'municipalityName'> & {
  municipality: { code: string; name: string } | null;
};

function profileFieldsOf(employer: EmployerDetail): ProfileFields {
  const p = employer.profile;
  return {
    taxId: p.taxId,
    economicActivity: p.economicActivity,
    address: p.address,
    municipalityCode: p.municipalityCode,
    municipality:
      p.municipalityCode && p.municipalityName
        ? { code: p.municipalityCode, name: p.municipalityName }
        : null,
  };
}

/** The employer's profile at the version read; a stale save shows what is saved and lets the user choose. */
function ProfileForm({ employer, onDone }: { employer: EmployerDetail; onDone: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const [fields, setFields] = useState<ProfileFields>(() => profileFieldsOf(employer));
  const [version, setVersion] = useState(employer.profile.version);
  const [stale, setStale] = useState<EmployerDetail | null>(null);
  const set = (changes: Partial<ProfileFields>) => setFields((current) => ({ ...current, ...changes }));
  const save = useMutation({
    mutationFn: () =>
      employmentApi.saveProfile(employer.id, {
        version,
        taxId: fields.taxId?.trim() || null,
        economicActivity: fields.economicActivity?.trim() || null,
        municipalityCode: fields.municipality?.code ?? null,
        address: fields.address?.trim() || null,
      }),
    onSuccess: (saved) => {
      client.setQueryData(employerQuery(employer.id).queryKey, saved);
      void client.invalidateQueries({ queryKey: ['employment'] });
      onDone();
    },
    onError: (error) => {
      const current = error instanceof ApiError ? (error.problem.current as EmployerDetail | null) : null;
      if (isProblemOf(error, 'conflict') && current) setStale(current);
    },
  });
  const fieldNames = ['taxId', 'economicActivity', 'municipalityCode', 'address'];
  return (
    <Paper
      component="form"
      withBorder
      p="md"
      mt="xs"
      aria-label={t('employment.profile.edit')}
      onSubmit={(event) => {
        event.preventDefault();
        setStale(null);
        save.mutate();
      }}
    >
      <Stack gap="sm">
        {stale ? (
          <Alert color="yellow" title={t('employment.profile.staleTitle')} role="alert">
            <Stack gap="xs">
              <Text size="sm">{t('employment.profile.staleBody')}</Text>
              <List size="sm" spacing={2}>
                <List.Item>
                  {t('employment.profile.taxId')}: {stale.profile.taxId ?? '—'}
                </List.Item>
                <List.Item>
                  {t('employment.profile.economicActivity')}: {stale.profile.economicActivity ?? '—'}
                </List.Item>
                <List.Item>
                  {t('employment.profile.place')}:{' '}
                  {[stale.profile.address, stale.profile.municipalityName].filter(Boolean).join(', ') || '—'}
                </List.Item>
              </List>
              <Group gap="sm">
                <Button
                  size="xs"
                  onClick={() => {
                    setFields(profileFieldsOf(stale));
                    setVersion(stale.profile.version);
                    setStale(null);
                    save.reset();
                  }}
                >
                  {t('employment.profile.useSaved')}
                </Button>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => {
                    setVersion(stale.profile.version);
                    setStale(null);
                    save.reset();
                  }}
                >
                  {t('employment.profile.keepMine')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <ProblemAlert error={save.error} fields={fieldNames} />
        )}
        <TextInput
          label={t('employment.profile.taxId')}
          description={t('employment.profile.taxIdHint')}
          value={fields.taxId ?? ''}
          onChange={(event) => set({ taxId: event.currentTarget.value })}
          error={fieldError(save.error, 'taxId')}
          maxLength={40}
        />
        <TextInput
          label={t('employment.profile.economicActivity')}
          value={fields.economicActivity ?? ''}
          onChange={(event) => set({ economicActivity: event.currentTarget.value })}
          error={fieldError(save.error, 'economicActivity')}
          maxLength={200}
        />
        <MunicipalitySelect
          label={t('employment.profile.municipality')}
          value={fields.municipality}
          onChange={(municipality) => set({ municipality })}
          error={fieldError(save.error, 'municipalityCode')}
        />
        <TextInput
          label={t('employment.profile.address')}
          value={fields.address ?? ''}
          onChange={(event) => set({ address: event.currentTarget.value })}
          error={fieldError(save.error, 'address')}
          maxLength={300}
        />
        <Group gap="sm">
          <Button type="submit" loading={save.isPending} disabled={Boolean(stale)}>
            {t('employment.profile.save')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('employment.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function VerificationForm({ employerId, onDone }: { employerId: string; onDone: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const today = colombianToday();
  const [checks, setChecks] = useState<Record<EmployerCheck, boolean>>(
    Object.fromEntries(EMPLOYER_CHECKS.map((c) => [c, false])) as Record<EmployerCheck, boolean>,
  );
  const [validUntil, setValidUntil] = useState(oneYearAhead(today));
  const [notes, setNotes] = useState('');
  const save = useMutation({
    mutationFn: () => employmentApi.verify(employerId, { ...checks, validUntil, notes: notes || null }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['employment'] });
      onDone();
    },
  });
  const unmet = EMPLOYER_CHECKS.filter((c) => !checks[c]);
  return (
    <FormPanel
      title={t('employment.verification.title')}
      onSubmit={() => save.mutate()}
      error={save.error}
      fields={['validUntil', 'notes']}
    >
      <Fieldset legend={t('employment.verification.checksLabel')} variant="unstyled">
        <Text size="sm" c="dimmed">
          {t('employment.verification.checksHint')}
        </Text>
        <Stack gap="xs" mt="xs">
          {EMPLOYER_CHECKS.map((c) => (
            <Checkbox
              key={c}
              label={label(t, 'check', c)}
              checked={checks[c]}
              onChange={(event) => {
                const checked = event.currentTarget.checked;
                setChecks((current) => ({ ...current, [c]: checked }));
              }}
            />
          ))}
        </Stack>
      </Fieldset>
      <TextInput
        type="date"
        label={t('employment.verification.validUntil')}
        description={t('employment.verification.validUntilHint')}
        min={today}
        max={oneYearAhead(today)}
        value={validUntil}
        onChange={(event) => setValidUntil(event.currentTarget.value)}
        error={fieldError(save.error, 'validUntil')}
        required
      />
      <Textarea
        label={t('employment.verification.notes')}
        value={notes}
        onChange={(event) => setNotes(event.currentTarget.value)}
        autosize
        minRows={2}
      />
      {unmet.length > 0 && (
        <Alert color="orange" variant="light">
          {t('employment.verification.willFail', { count: unmet.length })}
        </Alert>
      )}
      <Group gap="sm">
        <Button type="submit" loading={save.isPending}>
          {t('employment.verification.save')}
        </Button>
        <Button variant="subtle" onClick={onDone}>
          {t('employment.cancel')}
        </Button>
      </Group>
    </FormPanel>
  );
}
