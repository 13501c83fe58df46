import {
  Anchor,
  Button,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { characterizationApi } from '../../api/characterization';
import {
  APPLICATION_STATUSES,
  type Application,
  type ApplicationCommand,
  CONTRACT_TYPES,
  EDUCATION_LEVELS,
  employersQuery,
  employmentApi,
  VACANCY_STATUSES,
  type Vacancy,
  type VacancyFields,
  type VacancyStatus,
  vacanciesQuery,
  vacancyApplicationsQuery,
  vacancyQuery,
} from '../../api/employment';
import { useDocumentTitle } from '../../components/document-title';
import { useFormatters } from '../../components/formatters';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { MunicipalitySelect } from '../directory/parts';
import { SuggestedCandidatesPanel } from './matching-candidates';
import {
  ApplicationBadge,
  colombianToday,
  EmploymentTabs,
  formatPesos,
  label,
  StandingBadge,
  useDay,
  VacancyBadge,
} from './parts';

const STAFF = ['network_admin', 'office_coordinator', 'caseworker'];

/** /employment/vacancies: the vacancies, open first by default. */
export function VacanciesPage() {
  const t = useT();
  const day = useDay();
  const session = useReadySession();
  const [status, setStatus] = useState<string>('open');
  useDocumentTitle(t('employment.vacancies.title'));
  const vacancies = useQuery(vacanciesQuery({ status }));
  const employers = useQuery(employersQuery);
  const mayPost = employers.data?.items.some((e) => e.abilities.includes('postVacancy'));
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('employment.vacancies.title')}</Title>
        {mayPost && (
          <Button component={Link} to="/employment/vacancies/new">
            {t('employment.vacancy.new')}
          </Button>
        )}
      </Group>
      <EmploymentTabs staff={STAFF.includes(session.user.role)} />
      <NativeSelect
        label={t('employment.vacancies.statusFilter')}
        value={status}
        onChange={(event) => setStatus(event.currentTarget.value)}
        data={[
          { value: '', label: t('employment.vacancies.allStatuses') },
          ...VACANCY_STATUSES.map((value) => ({ value, label: label(t, 'vacancyStatusTitle', value) })),
        ]}
        maw={320}
      />
      {vacancies.isPending && <Loader aria-label={t('employment.loading')} />}
      {vacancies.isError && <ProblemAlert error={vacancies.error} />}
      {vacancies.data?.items.length === 0 && <Text>{t('employment.vacancies.none')}</Text>}
      <Stack component="ul" gap="sm" className="plain-list">
        {vacancies.data?.items.map((v) => (
          <Paper component="li" key={v.id} withBorder p="md">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Anchor component={Link} to={`/employment/vacancies/${v.id}`} fw={600}>
                {v.title}
              </Anchor>
              <VacancyBadge status={v.status} />
            </Group>
            <Text size="sm">
              {v.organizationName} · {v.municipalityName} · {formatPesos(v.monthlyWage)}
            </Text>
            <Text size="sm" c="dimmed">
              {v.ciuoCode} {v.occupationTitle} ·{' '}
              {t('employment.vacancy.positionsCount', { count: v.positions })} ·{' '}
              {t('employment.vacancy.openedOn', { day: day(v.opensOn) })}
            </Text>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

/** /employment/vacancies/:vacancyId: the vacancy and its selection process. */
export function VacancyPage() {
  const t = useT();
  const day = useDay();
  const { vacancyId = '' } = useParams();
  const session = useReadySession();
  const vacancy = useQuery(vacancyQuery(vacancyId));
  const seeApplications = vacancy.data?.abilities.includes('seeApplications') ?? false;
  const applications = useQuery({ ...vacancyApplicationsQuery(vacancyId), enabled: seeApplications });
  useDocumentTitle(vacancy.data?.title ?? t('employment.vacancies.title'));
  if (vacancy.isPending) return <Loader aria-label={t('employment.loading')} />;
  if (vacancy.isError) return <ProblemAlert error={vacancy.error} />;
  const v = vacancy.data;
  const isEmployer = session.user.role === 'partner_focal_point';
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/employment/vacancies">
        {t('employment.vacancies.back')}
      </Anchor>
      <Group gap="sm" wrap="wrap">
        <Title order={1}>{v.title}</Title>
        <VacancyBadge status={v.status} />
      </Group>
      <EmploymentTabs staff={STAFF.includes(session.user.role)} />
      <Section title={t('employment.vacancy.detailsTitle')}>
        <Stack gap={6}>
          <Group gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/employment/employers/${v.organizationId}`}>
              {v.organizationName}
            </Anchor>
            <StandingBadge standing={v.employerStanding} />
          </Group>
          <Text size="sm">
            {t('employment.vacancy.occupation')}: {v.ciuoCode} · {v.occupationTitle}
          </Text>
          <Text size="sm">
            {t('employment.vacancy.where')}: {v.municipalityName} · {label(t, 'contractType', v.contractType)}{' '}
            · {formatPesos(v.monthlyWage)} {t('employment.vacancy.perMonth')}
          </Text>
          <Text size="sm">
            {t('employment.vacancy.positionsCount', { count: v.positions })} ·{' '}
            {v.closesOn
              ? t('employment.vacancy.dates', { from: day(v.opensOn), to: day(v.closesOn) })
              : t('employment.vacancy.datesFrom', { from: day(v.opensOn) })}
          </Text>
          <Text size="sm">
            {t('employment.vacancy.requirements')}:{' '}
            {[
              v.educationLevel ? label(t, 'education', v.educationLevel) : null,
              t('employment.vacancy.experienceMonths', { count: v.experienceMonths }),
              ...v.requiredSkills,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {v.description && <Text size="sm">{v.description}</Text>}
          {v.abilities.includes('edit') && (
            <Group>
              <Button variant="light" component={Link} to={`/employment/vacancies/${v.id}/edit`}>
                {t('employment.vacancy.edit')}
              </Button>
            </Group>
          )}
        </Stack>
      </Section>
      {seeApplications && (
        <Section title={t('employment.pipeline.title')}>
          <Stack gap="md">
            {isEmployer && (
              <Text size="sm" c="dimmed">
                {t('employment.pipeline.employerNote')}
              </Text>
            )}
            {!isEmployer && (
              <Text size="sm" c="dimmed">
                {t('employment.pipeline.staffNote')}
              </Text>
            )}
            {applications.isError && <ProblemAlert error={applications.error} />}
            {applications.data?.items.length === 0 && <Text>{t('employment.pipeline.none')}</Text>}
            {APPLICATION_STATUSES.map((status) => {
              const items = applications.data?.items.filter((a) => a.status === status) ?? [];
              if (!items.length) return null;
              return (
                <Stack key={status} gap="xs">
                  <Title order={3} size="h5">
                    {label(t, 'applicationStatusTitle', status)} ({items.length})
                  </Title>
                  <Stack component="ul" gap="xs" className="plain-list">
                    {items.map((a) => (
                      <ApplicationCard key={a.id} application={a} vacancyId={v.id} />
                    ))}
                  </Stack>
                </Stack>
              );
            })}
          </Stack>
        </Section>
      )}
      {(!isEmployer || v.employerStanding === 'verified') && <SuggestedCandidatesPanel vacancyId={v.id} />}
    </Stack>
  );
}

function ApplicationCard({ application: a, vacancyId }: { application: Application; vacancyId: string }) {
  const t = useT();
  const day = useDay();
  const { dateTime } = useFormatters();
  const [acting, setActing] = useState<ApplicationCommand | null>(null);
  const c = a.candidate;
  return (
    <Paper component="li" withBorder p="sm" aria-label={c.name}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          {a.personId ? (
            <Anchor component={Link} to={`/people/${a.personId}`} fw={600}>
              {c.name}
            </Anchor>
          ) : (
            <Text fw={600}>{c.name}</Text>
          )}
          <ApplicationBadge status={a.status} />
        </Group>
        <Text size="sm">
          {[c.age !== null ? t('employment.candidate.age', { count: c.age }) : null, c.phone, c.email]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Text size="sm" c="dimmed">
          {[
            c.educationLevel ? label(t, 'education', c.educationLevel) : null,
            c.experienceMonths !== null
              ? t('employment.vacancy.experienceMonths', { count: c.experienceMonths })
              : null,
            c.occupations.join(', ') || null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {a.officeName && (
          <Text size="xs" c="dimmed">
            {t('employment.candidate.proposedBy', {
              name: a.appliedByName,
              office: a.officeName,
              at: dateTime(a.appliedAt),
            })}
          </Text>
        )}
        {a.interviewAt && (
          <Text size="sm">{t('employment.candidate.interviewAt', { at: dateTime(a.interviewAt) })}</Text>
        )}
        {a.hiredOn && <Text size="sm">{t('employment.candidate.hiredOn', { day: day(a.hiredOn) })}</Text>}
        {a.decisionReason && (
          <Text size="sm">
            {t('employment.candidate.reason')}: {a.decisionReason}
          </Text>
        )}
        {a.followUps.length > 0 && (
          <Text size="sm">
            {t('employment.followUps.title')}:{' '}
            {a.followUps
              .map((f) => `${label(t, 'milestone', f.milestone)} ${day(f.dueOn)}${f.doneAt ? ` ✓` : ''}`)
              .join(' · ')}
          </Text>
        )}
        {acting ? (
          <StepForm application={a} command={acting} vacancyId={vacancyId} onDone={() => setActing(null)} />
        ) : (
          a.abilities.length > 0 && (
            <Group gap="xs" mt={4}>
              {a.abilities.map((command) => (
                <Button
                  key={command}
                  size="xs"
                  variant={command === 'hire' ? 'filled' : 'light'}
                  color={command === 'withdraw' || command === 'notHired' ? 'gray' : undefined}
                  onClick={() => setActing(command)}
                >
                  {label(t, 'action', command)}
                </Button>
              ))}
            </Group>
          )
        )}
      </Stack>
    </Paper>
  );
}

function StepForm({
  application,
  command,
  vacancyId,
  onDone,
}: {
  application: Application;
  command: ApplicationCommand;
  vacancyId: string;
  onDone: () => void;
}) {
  const t = useT();
  const client = useQueryClient();
  const [value, setValue] = useState(command === 'hire' ? colombianToday() : '');
  const save = useMutation({
    mutationFn: () =>
      employmentApi.step(application.id, command, {
        version: application.version,
        ...(command === 'interview'
          ? { interviewAt: new Date(value).toISOString() }
          : command === 'hire'
            ? { hiredOn: value }
            : { reason: value }),
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['employment', 'vacancy', vacancyId] });
      onDone();
    },
  });
  const field = command === 'interview' ? 'interviewAt' : command === 'hire' ? 'hiredOn' : 'reason';
  return (
    <Stack
      component="form"
      gap="xs"
      mt={4}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <ProblemAlert error={save.error} fields={[field]} />
      {command === 'interview' ? (
        <TextInput
          type="datetime-local"
          label={t('employment.step.interviewAt')}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          error={fieldError(save.error, field)}
          required
        />
      ) : command === 'hire' ? (
        <TextInput
          type="date"
          label={t('employment.step.hiredOn')}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          error={fieldError(save.error, field)}
          required
        />
      ) : (
        <Textarea
          label={t('employment.step.reason')}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          error={fieldError(save.error, field)}
          autosize
          required
        />
      )}
      <Group gap="xs">
        <Button type="submit" size="xs" loading={save.isPending}>
          {t('employment.step.confirm', { action: label(t, 'action', command) })}
        </Button>
        <Button size="xs" variant="subtle" onClick={onDone}>
          {t('employment.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

const FIELDS = [
  'organizationId',
  'title',
  'ciuoCode',
  'description',
  'requiredSkills',
  'educationLevel',
  'experienceMonths',
  'municipalityCode',
  'contractType',
  'monthlyWage',
  'positions',
  'opensOn',
  'closesOn',
  'status',
];

/** /employment/vacancies/new and /employment/vacancies/:vacancyId/edit. */
export function VacancyFormPage() {
  const t = useT();
  const { vacancyId } = useParams();
  const existing = useQuery({ ...vacancyQuery(vacancyId ?? ''), enabled: Boolean(vacancyId) });
  useDocumentTitle(t(vacancyId ? 'employment.vacancy.edit' : 'employment.vacancy.new'));
  if (vacancyId && existing.isPending) return <Loader aria-label={t('employment.loading')} />;
  if (existing.isError) return <ProblemAlert error={existing.error} />;
  return <VacancyForm vacancy={existing.data ?? null} />;
}

/** One CIUO-08 occupation (unit group), found by typing words of its title or its code; the value kept is the code. */
function OccupationSelect({
  value,
  onChange,
  error,
}: {
  value: { code: string; title: string } | null;
  onChange: (value: { code: string; title: string } | null) => void;
  error?: string;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const typed = value !== null && search === `${value.title} (${value.code})`;
  const found = useQuery({
    queryKey: ['occupations', debounced],
    queryFn: ({ signal }) => characterizationApi.searchOccupations(debounced, signal),
    enabled: debounced.length >= 2 && !typed,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const options = new Map<string, string>();
  if (value) options.set(value.code, `${value.title} (${value.code})`);
  if (!typed && debounced.length >= 2)
    for (const item of found.data?.items ?? []) options.set(item.code, `${item.title} (${item.code})`);
  return (
    <Select
      label={t('employment.vacancy.ciuoCode')}
      description={t('employment.vacancy.ciuoHint')}
      data={[...options].map(([code, text]) => ({ value: code, label: text }))}
      searchable
      clearable
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      value={value?.code ?? null}
      nothingFoundMessage={
        debounced.length >= 2 && !found.isFetching ? t('employment.vacancy.noOccupation') : undefined
      }
      onChange={(code, option) =>
        onChange(code ? { code, title: option.label.replace(/ \(\d+\)$/, '') } : null)
      }
      error={error}
      required
    />
  );
}

function VacancyForm({ vacancy }: { vacancy: Vacancy | null }) {
  const t = useT();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const employers = useQuery(employersQuery);
  const postable = employers.data?.items.filter((e) => e.abilities.includes('postVacancy')) ?? [];
  const [organizationId, setOrganizationId] = useState(
    vacancy?.organizationId ?? params.get('employer') ?? '',
  );
  const [fields, setFields] = useState<VacancyFields>(
    vacancy ?? {
      title: '',
      ciuoCode: '',
      description: null,
      requiredSkills: [],
      educationLevel: null,
      experienceMonths: 0,
      municipalityCode: '',
      contractType: 'fixed_term',
      monthlyWage: 0,
      positions: 1,
      opensOn: colombianToday(),
      closesOn: null,
    },
  );
  const [occupation, setOccupation] = useState<{ code: string; title: string } | null>(
    vacancy ? { code: vacancy.ciuoCode, title: vacancy.occupationTitle } : null,
  );
  const [municipality, setMunicipality] = useState<{ code: string; name: string } | null>(
    vacancy ? { code: vacancy.municipalityCode, name: vacancy.municipalityName } : null,
  );
  const [skills, setSkills] = useState((vacancy?.requiredSkills ?? []).join(', '));
  const [status, setStatus] = useState<VacancyStatus>(vacancy?.status ?? 'open');
  const set = <K extends keyof VacancyFields>(key: K, value: VacancyFields[K]) =>
    setFields((current) => ({ ...current, [key]: value }));
  const save = useMutation({
    mutationFn: () => {
      const body = {
        title: fields.title,
        ciuoCode: occupation?.code ?? '',
        description: fields.description || null,
        requiredSkills: skills
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        educationLevel: fields.educationLevel || null,
        experienceMonths: fields.experienceMonths,
        municipalityCode: municipality?.code ?? '',
        contractType: fields.contractType,
        monthlyWage: fields.monthlyWage,
        positions: fields.positions,
        opensOn: fields.opensOn,
        closesOn: fields.closesOn || null,
      };
      return vacancy
        ? employmentApi.updateVacancy(vacancy.id, { ...body, version: vacancy.version, status })
        : employmentApi.createVacancy({
            ...body,
            organizationId,
            status: status === 'draft' ? 'draft' : 'open',
          });
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['employment'] });
      navigate(`/employment/vacancies/${saved.id}`);
    },
  });
  const error = (field: string) => fieldError(save.error, field);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={vacancy ? `/employment/vacancies/${vacancy.id}` : '/employment/vacancies'}>
        {t('employment.vacancies.back')}
      </Anchor>
      <Title order={1}>{t(vacancy ? 'employment.vacancy.edit' : 'employment.vacancy.new')}</Title>
      <Paper
        component="form"
        withBorder
        p={{ base: 'md', sm: 'lg' }}
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <ProblemAlert error={save.error} fields={FIELDS} />
          {vacancy ? (
            <Text>
              {t('employment.vacancy.employer')}: {vacancy.organizationName}
            </Text>
          ) : (
            <NativeSelect
              label={t('employment.vacancy.employer')}
              value={organizationId}
              onChange={(event) => setOrganizationId(event.currentTarget.value)}
              data={[
                { value: '', label: t('employment.choose') },
                ...postable.map((e) => ({ value: e.id, label: e.name })),
              ]}
              error={error('organizationId')}
              required
            />
          )}
          <TextInput
            label={t('employment.vacancy.titleField')}
            value={fields.title}
            onChange={(event) => set('title', event.currentTarget.value)}
            error={error('title')}
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <OccupationSelect value={occupation} onChange={setOccupation} error={error('ciuoCode')} />
            <MunicipalitySelect
              label={t('employment.vacancy.municipalityCode')}
              description={t('employment.vacancy.municipalityHint')}
              value={municipality}
              onChange={setMunicipality}
              error={error('municipalityCode')}
            />
            <NativeSelect
              label={t('employment.vacancy.contractType')}
              value={fields.contractType}
              onChange={(event) =>
                set('contractType', event.currentTarget.value as VacancyFields['contractType'])
              }
              data={CONTRACT_TYPES.map((value) => ({ value, label: label(t, 'contractType', value) }))}
              error={error('contractType')}
            />
            <NumberInput
              label={t('employment.vacancy.monthlyWage')}
              description={t('employment.vacancy.wageHint')}
              value={fields.monthlyWage || ''}
              onChange={(value) => set('monthlyWage', Number(value) || 0)}
              thousandSeparator="."
              decimalSeparator=","
              prefix="$ "
              allowNegative={false}
              allowDecimal={false}
              error={error('monthlyWage')}
              required
            />
            <NativeSelect
              label={t('employment.vacancy.education')}
              value={fields.educationLevel ?? ''}
              onChange={(event) =>
                set('educationLevel', (event.currentTarget.value || null) as VacancyFields['educationLevel'])
              }
              data={[
                { value: '', label: t('employment.vacancy.anyEducation') },
                ...EDUCATION_LEVELS.map((value) => ({ value, label: label(t, 'education', value) })),
              ]}
              error={error('educationLevel')}
            />
            <NumberInput
              label={t('employment.vacancy.experience')}
              value={fields.experienceMonths}
              onChange={(value) => set('experienceMonths', Number(value) || 0)}
              min={0}
              allowDecimal={false}
              error={error('experienceMonths')}
            />
            <NumberInput
              label={t('employment.vacancy.positions')}
              value={fields.positions}
              onChange={(value) => set('positions', Number(value) || 1)}
              min={1}
              allowDecimal={false}
              error={error('positions')}
            />
            <NativeSelect
              label={t('employment.vacancy.status')}
              value={status}
              onChange={(event) => setStatus(event.currentTarget.value as VacancyStatus)}
              data={(vacancy ? VACANCY_STATUSES : (['open', 'draft'] as const)).map((value) => ({
                value,
                label: label(t, 'vacancyStatus', value),
              }))}
              error={error('status')}
            />
            <TextInput
              type="date"
              label={t('employment.vacancy.opensOn')}
              value={fields.opensOn}
              onChange={(event) => set('opensOn', event.currentTarget.value)}
              error={error('opensOn')}
              required
            />
            <TextInput
              type="date"
              label={t('employment.vacancy.closesOn')}
              value={fields.closesOn ?? ''}
              onChange={(event) => set('closesOn', event.currentTarget.value || null)}
              error={error('closesOn')}
            />
          </SimpleGrid>
          <TextInput
            label={t('employment.vacancy.skills')}
            description={t('employment.vacancy.skillsHint')}
            value={skills}
            onChange={(event) => setSkills(event.currentTarget.value)}
            error={error('requiredSkills')}
          />
          <Textarea
            label={t('employment.vacancy.description')}
            value={fields.description ?? ''}
            onChange={(event) => set('description', event.currentTarget.value)}
            error={error('description')}
            autosize
            minRows={3}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('employment.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
