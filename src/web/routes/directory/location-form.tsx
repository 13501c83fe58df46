import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
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
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isProblemOf } from '../../api/client';
import {
  directoryApi,
  directoryLocationQuery,
  directoryOrganizationsQuery,
  type LocationDetail,
  type LocationInput,
} from '../../api/directory';
import { useDocumentTitle } from '../../components/document-title';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { ForbiddenPage } from '../forbidden';
import { editableSchedules, MunicipalitySelect, ScheduleEditor } from './parts';

const FORM_FIELDS = [
  'organizationId',
  'name',
  'description',
  'transportation',
  'address1',
  'address2',
  'city',
  'municipalityCode',
  'latitude',
  'longitude',
  'schedules',
] as const;

type Fields = Omit<LocationInput, 'municipalityCode'> & {
  municipality: { code: string; name: string } | null;
};

function fieldsOf(location: LocationDetail | null, organizationId: string): Fields {
  return {
    organizationId: location?.organization.id ?? organizationId,
    name: location?.name ?? '',
    description: location?.description ?? '',
    transportation: location?.transportation ?? '',
    address1: location?.address1 ?? '',
    address2: location?.address2 ?? '',
    city: location?.city ?? '',
    municipality: location?.municipalityCode
      ? { code: location.municipalityCode, name: location.municipalityName ?? '' }
      : null,
    latitude: location?.latitude ?? null,
    longitude: location?.longitude ?? null,
    schedules: editableSchedules(location?.schedules ?? []),
  };
}

const blankToNull = (value: string | null) => (value?.trim() ? value.trim() : null);

/** `/directory/locations/new` and `/directory/locations/:locationId/edit`: a place, its address and hours. */
export function LocationFormPage() {
  const t = useT();
  const { locationId } = useParams();
  const location = useQuery({ ...directoryLocationQuery(locationId ?? ''), enabled: Boolean(locationId) });
  useDocumentTitle(locationId ? t('directory.location.editTitle') : t('directory.location.newTitle'));
  if (locationId && location.isPending)
    return (
      <Group gap="sm" aria-busy>
        <Loader size="sm" aria-hidden />
        <Text>{t('directory.loading')}</Text>
      </Group>
    );
  if (locationId && location.isError) return <ProblemAlert error={location.error} />;
  if (location.data && !location.data.canEdit) return <ForbiddenPage />;
  return <LocationForm key={location.data?.version ?? 'new'} location={location.data ?? null} />;
}

function LocationForm({ location }: { location: LocationDetail | null }) {
  const t = useT();
  const session = useReadySession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const isFocalPoint = session.user.role === 'partner_focal_point';
  const organizations = useQuery(directoryOrganizationsQuery);
  const [fields, setFields] = useState<Fields>(() =>
    fieldsOf(location, isFocalPoint ? session.user.organizationId : (params.get('organizationId') ?? '')),
  );
  const set = (changes: Partial<Fields>) => setFields((previous) => ({ ...previous, ...changes }));
  const back = `/directory/organizations/${location?.organization.id ?? fields.organizationId}`;

  const save = useMutation({
    mutationFn: () => {
      const { municipality, ...rest } = fields;
      const input: LocationInput = {
        ...rest,
        name: rest.name.trim(),
        description: blankToNull(rest.description),
        transportation: blankToNull(rest.transportation),
        address1: blankToNull(rest.address1),
        address2: blankToNull(rest.address2),
        city: blankToNull(rest.city) ?? municipality?.name ?? null,
        municipalityCode: municipality?.code ?? null,
      };
      return location
        ? directoryApi.updateLocation(location.id, { ...input, version: location.version })
        : directoryApi.createLocation(input);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['directory'] });
      navigate(`/directory/organizations/${saved.organization.id}`);
    },
  });
  const error = save.error;

  return (
    <Stack gap="lg" maw={800}>
      <Anchor component={Link} to={fields.organizationId ? back : '/directory'} size="sm">
        {t('directory.location.back')}
      </Anchor>
      <Title order={1}>
        {location
          ? t('directory.location.editing', { name: location.name })
          : t('directory.location.newTitle')}
      </Title>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Stack gap="md">
            {isProblemOf(error, 'conflict') && (
              <Alert color="yellow" title={t('directory.form.stale.title')} role="alert">
                <Text size="sm">{t('directory.location.stale')}</Text>
              </Alert>
            )}
            <Select
              required
              label={t('directory.fields.organization')}
              data={(organizations.data?.items ?? [])
                .filter((o) => o.canEdit)
                .map((o) => ({ value: o.id, label: o.name }))}
              value={fields.organizationId || null}
              disabled={isFocalPoint}
              searchable
              error={fieldError(error, 'organizationId')}
              onChange={(value) => set({ organizationId: value ?? '' })}
            />
            <TextInput
              required
              label={t('directory.location.name')}
              description={t('directory.location.nameHelp')}
              value={fields.name}
              maxLength={200}
              error={fieldError(error, 'name')}
              onChange={(e) => set({ name: e.currentTarget.value })}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('directory.location.address1')}
                placeholder={t('directory.location.addressPlaceholder')}
                value={fields.address1 ?? ''}
                maxLength={300}
                error={fieldError(error, 'address1')}
                onChange={(e) => set({ address1: e.currentTarget.value })}
              />
              <TextInput
                label={t('directory.location.address2')}
                value={fields.address2 ?? ''}
                maxLength={300}
                error={fieldError(error, 'address2')}
                onChange={(e) => set({ address2: e.currentTarget.value })}
              />
              <MunicipalitySelect
                label={t('directory.location.municipality')}
                value={fields.municipality}
                error={fieldError(error, 'municipalityCode')}
                onChange={(municipality) => set({ municipality })}
              />
              <TextInput
                label={t('directory.location.city')}
                value={fields.city ?? ''}
                maxLength={200}
                error={fieldError(error, 'city')}
                onChange={(e) => set({ city: e.currentTarget.value })}
              />
              <NumberInput
                label={t('directory.location.latitude')}
                decimalScale={6}
                min={-90}
                max={90}
                value={fields.latitude ?? ''}
                error={fieldError(error, 'latitude')}
                onChange={(value) => set({ latitude: value === '' ? null : Number(value) })}
              />
              <NumberInput
                label={t('directory.location.longitude')}
                decimalScale={6}
                min={-180}
                max={180}
                value={fields.longitude ?? ''}
                error={fieldError(error, 'longitude')}
                onChange={(value) => set({ longitude: value === '' ? null : Number(value) })}
              />
            </SimpleGrid>
            <Textarea
              label={t('directory.location.transportation')}
              value={fields.transportation ?? ''}
              autosize
              minRows={2}
              maxLength={1000}
              onChange={(e) => set({ transportation: e.currentTarget.value })}
            />
            <Textarea
              label={t('directory.location.description')}
              value={fields.description ?? ''}
              autosize
              minRows={2}
              maxLength={2000}
              onChange={(e) => set({ description: e.currentTarget.value })}
            />
            <ScheduleEditor
              label={t('directory.location.hours')}
              value={fields.schedules}
              error={error}
              path="schedules"
              onChange={(schedules) => set({ schedules })}
            />
            {save.isError && !isProblemOf(error, 'conflict') && (
              <ProblemAlert error={error} fields={FORM_FIELDS} />
            )}
            <Group>
              <Button type="submit" loading={save.isPending}>
                {location ? t('directory.form.save') : t('directory.location.create')}
              </Button>
              <Button variant="subtle" component={Link} to={fields.organizationId ? back : '/directory'}>
                {t('directory.form.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
