import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Loader,
  MultiSelect,
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
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, isProblemOf } from '../../api/client';
import {
  DOCUMENT_TYPES,
  directoryApi,
  directoryLocationsQuery,
  directoryOrganizationsQuery,
  directoryServiceQuery,
  POPULATION_GROUPS,
  SERVICE_CATEGORY_CODES,
  SERVICE_SEXES,
  SERVICE_STATUSES,
  type ServiceDetail,
  type ServiceInput,
  type ServiceStatus,
} from '../../api/directory';
import { useDocumentTitle } from '../../components/document-title';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { type TranslationKey, useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { ForbiddenPage } from '../forbidden';
import { categoryKey, statusKey } from './directory-list';
import {
  ContactsEditor,
  contactsForApi,
  editableSchedules,
  MunicipalitiesSelect,
  ScheduleEditor,
} from './parts';

const FORM_FIELDS = [
  'organizationId',
  'name',
  'description',
  'category',
  'status',
  'url',
  'email',
  'applicationProcess',
  'feesDescription',
  'eligibilityDescription',
  'minimumAge',
  'maximumAge',
  'populationGroups',
  'sexes',
  'requiredDocuments',
  'municipalityCodes',
  'capacityPerMonth',
  'acceptanceDays',
  'completionDays',
  'locations',
  'schedules',
  'contacts',
] as const;

interface Fields extends Omit<ServiceInput, 'municipalityCodes'> {
  municipalities: Array<{ code: string; name: string }>;
}

function fieldsOf(service: ServiceDetail | null, organizationId: string): Fields {
  return {
    organizationId: service?.organization.id ?? organizationId,
    name: service?.name ?? '',
    alternateName: service?.alternateName ?? null,
    description: service?.description ?? '',
    category: service?.category ?? '',
    status: service?.status ?? 'active',
    url: service?.url ?? '',
    email: service?.email ?? '',
    applicationProcess: service?.applicationProcess ?? '',
    feesDescription: service?.feesDescription ?? '',
    eligibilityDescription: service?.eligibilityDescription ?? '',
    minimumAge: service?.minimumAge ?? null,
    maximumAge: service?.maximumAge ?? null,
    populationGroups: service?.populationGroups ?? [],
    sexes: service?.sexes ?? [],
    requiredDocuments: service?.requiredDocuments ?? [],
    municipalities: service?.municipalities ?? [],
    languages: service?.languages ?? ['es'],
    capacityPerMonth: service?.capacityPerMonth ?? null,
    acceptanceDays: service?.acceptanceDays ?? 5,
    completionDays: service?.completionDays ?? null,
    locations: (service?.locations ?? []).map((l) => ({
      locationId: l.locationId,
      description: l.description,
      schedules: editableSchedules(l.schedules),
    })),
    schedules: editableSchedules(service?.schedules ?? []),
    contacts: service?.contacts ?? [],
  };
}

const blankToNull = (value: string | null) => (value?.trim() ? value.trim() : null);

function forApi(fields: Fields): ServiceInput {
  const { municipalities, ...rest } = fields;
  return {
    ...rest,
    description: blankToNull(rest.description),
    url: blankToNull(rest.url),
    email: blankToNull(rest.email),
    applicationProcess: blankToNull(rest.applicationProcess),
    feesDescription: blankToNull(rest.feesDescription),
    eligibilityDescription: blankToNull(rest.eligibilityDescription),
    municipalityCodes: municipalities.map((m) => m.code),
    contacts: contactsForApi(rest.contacts),
  };
}

/** `/directory/services/new` and `/directory/services/:serviceId/edit`. */
export function ServiceFormPage() {
  const t = useT();
  const { serviceId } = useParams();
  const service = useQuery({ ...directoryServiceQuery(serviceId ?? ''), enabled: Boolean(serviceId) });
  useDocumentTitle(serviceId ? t('directory.form.editTitle') : t('directory.form.newTitle'));
  if (serviceId && service.isPending)
    return (
      <Group gap="sm" aria-busy>
        <Loader size="sm" aria-hidden />
        <Text>{t('directory.loadingService')}</Text>
      </Group>
    );
  if (serviceId && service.isError) return <ProblemAlert error={service.error} />;
  if (service.data && !service.data.canEdit) return <ForbiddenPage />;
  return <ServiceForm key={service.data?.version ?? 'new'} service={service.data ?? null} />;
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="fieldset" style={{ minWidth: 0 }}>
      <Text component="legend" fw={600} px={4}>
        {title}
      </Text>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

function ServiceForm({ service }: { service: ServiceDetail | null }) {
  const t = useT();
  const session = useReadySession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const isFocalPoint = session.user.role === 'partner_focal_point';
  const organizations = useQuery(directoryOrganizationsQuery);
  const [fields, setFields] = useState<Fields>(() =>
    fieldsOf(service, isFocalPoint ? session.user.organizationId : (params.get('organizationId') ?? '')),
  );
  const [version, setVersion] = useState(service?.version ?? 1);
  const [stale, setStale] = useState<ServiceDetail | null>(null);
  const places = useQuery({
    ...directoryLocationsQuery(fields.organizationId),
    enabled: Boolean(fields.organizationId),
  });
  const set = (changes: Partial<Fields>) => setFields((previous) => ({ ...previous, ...changes }));

  const editable = (organizations.data?.items ?? []).filter((o) => o.canEdit);
  const save = useMutation({
    mutationFn: () =>
      service
        ? directoryApi.updateService(service.id, { ...forApi(fields), version })
        : directoryApi.createService(forApi(fields)),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['directory'] });
      navigate(`/directory/services/${saved.id}`, { state: { saved: true } });
    },
    onError: (error) => {
      const current = error instanceof ApiError ? (error.problem.current as ServiceDetail | null) : null;
      if (isProblemOf(error, 'conflict') && current) setStale(current);
    },
  });
  const error = save.error;
  const linked = new Set(fields.locations.map((l) => l.locationId));
  const placeName = (id: string) => places.data?.items.find((p) => p.id === id);
  const option = (key: (v: string) => TranslationKey) => (value: string) => ({ value, label: t(key(value)) });

  return (
    <Stack gap="lg" maw={960}>
      <Anchor component={Link} to={service ? `/directory/services/${service.id}` : '/directory'} size="sm">
        {service ? t('directory.form.backToService') : t('directory.back')}
      </Anchor>
      <Title order={1}>
        {service ? t('directory.form.editing', { name: service.name }) : t('directory.form.newTitle')}
      </Title>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setStale(null);
          save.mutate();
        }}
      >
        <Stack gap="md">
          {stale && (
            <Alert color="yellow" title={t('directory.form.stale.title')} role="alert">
              <Stack gap="xs">
                <Text size="sm">{t('directory.form.stale.body')}</Text>
                <Group gap="xs">
                  <Button
                    size="compact-sm"
                    onClick={() => {
                      setFields(fieldsOf(stale, stale.organization.id));
                      setVersion(stale.version);
                      setStale(null);
                      save.reset();
                    }}
                  >
                    {t('directory.form.stale.useSaved')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => {
                      setVersion(stale.version);
                      setStale(null);
                      save.reset();
                    }}
                  >
                    {t('directory.form.stale.keepMine')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          <Block title={t('directory.form.service')}>
            <Select
              required
              label={t('directory.fields.organization')}
              data={editable.map((o) => ({ value: o.id, label: o.name }))}
              value={fields.organizationId || null}
              disabled={isFocalPoint}
              searchable
              error={fieldError(error, 'organizationId')}
              onChange={(value) => set({ organizationId: value ?? '', locations: [] })}
            />
            <TextInput
              required
              label={t('directory.fields.name')}
              value={fields.name}
              maxLength={200}
              error={fieldError(error, 'name')}
              onChange={(e) => set({ name: e.currentTarget.value })}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                required
                label={t('directory.fields.category')}
                data={SERVICE_CATEGORY_CODES.map((c) => ({ value: c, label: t(categoryKey(c)) }))}
                value={fields.category || null}
                searchable
                error={fieldError(error, 'category')}
                onChange={(value) => set({ category: value ?? '' })}
              />
              <Select
                label={t('directory.fields.status')}
                data={SERVICE_STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))}
                value={fields.status}
                allowDeselect={false}
                error={fieldError(error, 'status')}
                onChange={(value) => set({ status: (value ?? 'active') as ServiceStatus })}
              />
            </SimpleGrid>
            <Textarea
              label={t('directory.fields.description')}
              value={fields.description ?? ''}
              autosize
              minRows={3}
              maxLength={4000}
              error={fieldError(error, 'description')}
              onChange={(e) => set({ description: e.currentTarget.value })}
            />
          </Block>

          <Block title={t('directory.sections.conditions')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NumberInput
                label={t('directory.fields.capacity')}
                description={t('directory.form.capacityHelp')}
                min={1}
                allowDecimal={false}
                value={fields.capacityPerMonth ?? ''}
                error={fieldError(error, 'capacityPerMonth')}
                onChange={(value) => set({ capacityPerMonth: value === '' ? null : Number(value) })}
              />
              <NumberInput
                required
                label={t('directory.fields.acceptanceDays')}
                description={t('directory.form.acceptanceHelp')}
                min={1}
                allowDecimal={false}
                value={fields.acceptanceDays}
                error={fieldError(error, 'acceptanceDays')}
                onChange={(value) => set({ acceptanceDays: Number(value) || 0 })}
              />
              <NumberInput
                label={t('directory.fields.completionDays')}
                description={t('directory.form.completionHelp')}
                min={1}
                allowDecimal={false}
                value={fields.completionDays ?? ''}
                error={fieldError(error, 'completionDays')}
                onChange={(value) => set({ completionDays: value === '' ? null : Number(value) })}
              />
            </SimpleGrid>
            <MunicipalitiesSelect
              label={t('directory.fields.coverage')}
              description={t('directory.form.coverageHelp')}
              value={fields.municipalities}
              error={fieldError(error, 'municipalityCodes')}
              onChange={(municipalities) => set({ municipalities })}
            />
          </Block>

          <Block title={t('directory.sections.eligibility')}>
            <SimpleGrid cols={{ base: 2 }} spacing="sm">
              <NumberInput
                label={t('directory.fields.minimumAge')}
                min={0}
                max={120}
                allowDecimal={false}
                value={fields.minimumAge ?? ''}
                error={fieldError(error, 'minimumAge')}
                onChange={(value) => set({ minimumAge: value === '' ? null : Number(value) })}
              />
              <NumberInput
                label={t('directory.fields.maximumAge')}
                min={0}
                max={120}
                allowDecimal={false}
                value={fields.maximumAge ?? ''}
                error={fieldError(error, 'maximumAge')}
                onChange={(value) => set({ maximumAge: value === '' ? null : Number(value) })}
              />
            </SimpleGrid>
            <Checkbox.Group
              label={t('directory.fields.sexes')}
              description={t('directory.form.sexesHelp')}
              value={fields.sexes}
              error={fieldError(error, 'sexes')}
              onChange={(sexes) => set({ sexes })}
            >
              <Group gap="md" mt="xs">
                {SERVICE_SEXES.map((s) => (
                  <Checkbox key={s} value={s} label={t(`directory.sex.${s}` as TranslationKey)} />
                ))}
              </Group>
            </Checkbox.Group>
            <Checkbox.Group
              label={t('directory.fields.populationGroups')}
              description={t('directory.form.groupsHelp')}
              value={fields.populationGroups}
              error={fieldError(error, 'populationGroups')}
              onChange={(populationGroups) => set({ populationGroups })}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
                {POPULATION_GROUPS.map((g) => (
                  <Checkbox key={g} value={g} label={t(`people.populationGroup.${g}` as TranslationKey)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <MultiSelect
              label={t('directory.fields.documents')}
              description={t('directory.form.documentsHelp')}
              data={DOCUMENT_TYPES.map(option((d) => `people.documentType.${d}` as TranslationKey))}
              value={fields.requiredDocuments}
              error={fieldError(error, 'requiredDocuments')}
              onChange={(requiredDocuments) => set({ requiredDocuments })}
            />
            <Textarea
              label={t('directory.fields.eligibilityDescription')}
              value={fields.eligibilityDescription ?? ''}
              autosize
              minRows={2}
              maxLength={2000}
              error={fieldError(error, 'eligibilityDescription')}
              onChange={(e) => set({ eligibilityDescription: e.currentTarget.value })}
            />
          </Block>

          <Block title={t('directory.sections.howToApply')}>
            <Textarea
              label={t('directory.fields.applicationProcess')}
              value={fields.applicationProcess ?? ''}
              autosize
              minRows={2}
              maxLength={2000}
              error={fieldError(error, 'applicationProcess')}
              onChange={(e) => set({ applicationProcess: e.currentTarget.value })}
            />
            <TextInput
              label={t('directory.fields.fees')}
              value={fields.feesDescription ?? ''}
              maxLength={1000}
              error={fieldError(error, 'feesDescription')}
              onChange={(e) => set({ feesDescription: e.currentTarget.value })}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                type="url"
                label={t('directory.fields.url')}
                placeholder="https://"
                value={fields.url ?? ''}
                error={fieldError(error, 'url')}
                onChange={(e) => set({ url: e.currentTarget.value })}
              />
              <TextInput
                type="email"
                label={t('directory.fields.email')}
                value={fields.email ?? ''}
                error={fieldError(error, 'email')}
                onChange={(e) => set({ email: e.currentTarget.value })}
              />
            </SimpleGrid>
          </Block>

          <Block title={t('directory.sections.where')}>
            <ScheduleEditor
              label={t('directory.fields.serviceHours')}
              value={fields.schedules}
              error={error}
              path="schedules"
              onChange={(schedules) => set({ schedules })}
            />
            {fields.locations.map((link, index) => {
              const place = placeName(link.locationId);
              return (
                <Paper key={link.locationId} withBorder p="sm" bg="gray.0">
                  <Stack gap="xs">
                    <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                      <Stack gap={0} miw={0}>
                        <Text fw={600} size="sm">
                          {place?.name ??
                            service?.locations.find((l) => l.locationId === link.locationId)?.name}
                        </Text>
                        {place && (
                          <Text size="xs" c="dimmed">
                            {[place.address1, place.municipalityName].filter(Boolean).join(' · ')}
                          </Text>
                        )}
                      </Stack>
                      <Button
                        variant="subtle"
                        color="red"
                        size="compact-sm"
                        style={{ flexShrink: 0 }}
                        onClick={() => set({ locations: fields.locations.filter((_, i) => i !== index) })}
                      >
                        {t('directory.form.unlinkPlace')}
                      </Button>
                    </Group>
                    <ScheduleEditor
                      label={t('directory.form.hoursAtPlace')}
                      value={link.schedules}
                      error={error}
                      path={`locations.${index}.schedules`}
                      onChange={(schedules) =>
                        set({
                          locations: fields.locations.map((l, i) => (i === index ? { ...l, schedules } : l)),
                        })
                      }
                    />
                  </Stack>
                </Paper>
              );
            })}
            <Group align="flex-end" gap="sm">
              <Select
                label={t('directory.form.addPlace')}
                placeholder={t('directory.form.choosePlace')}
                data={(places.data?.items ?? [])
                  .filter((p) => !linked.has(p.id))
                  .map((p) => ({
                    value: p.id,
                    label: [p.name, p.municipalityName].filter(Boolean).join(' · '),
                  }))}
                value={null}
                disabled={!fields.organizationId}
                onChange={(value) =>
                  value &&
                  set({
                    locations: [...fields.locations, { locationId: value, description: null, schedules: [] }],
                  })
                }
                style={{ flex: 1, minWidth: 200 }}
              />
              {fields.organizationId && (
                <Anchor
                  component={Link}
                  to={`/directory/locations/new?organizationId=${fields.organizationId}`}
                  size="sm"
                >
                  {t('directory.form.newPlace')}
                </Anchor>
              )}
            </Group>
          </Block>

          <Block title={t('directory.contacts.title')}>
            <ContactsEditor
              value={fields.contacts}
              onChange={(contacts) => set({ contacts })}
              error={error}
              legend={false}
            />
          </Block>

          {save.isError && !stale && <ProblemAlert error={save.error} fields={FORM_FIELDS} />}
          <Group>
            <Button type="submit" loading={save.isPending} disabled={Boolean(stale)}>
              {service ? t('directory.form.save') : t('directory.form.create')}
            </Button>
            <Button
              variant="subtle"
              component={Link}
              to={service ? `/directory/services/${service.id}` : '/directory'}
            >
              {t('directory.form.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
