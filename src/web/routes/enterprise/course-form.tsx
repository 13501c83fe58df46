import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, isProblemOf } from '../../api/client';
import { directoryServicesQuery } from '../../api/directory';
import {
  COURSE_KINDS,
  COURSE_MODALITIES,
  COURSE_STATUSES,
  type Course,
  type CourseInput,
  enterpriseApi,
} from '../../api/enterprise';
import { networkQuery } from '../../api/identity';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { label } from './parts';

interface Fields {
  organizationId: string;
  name: string;
  kind: string;
  modality: string;
  hours: string;
  municipalityCode: string;
  startsOn: string;
  endsOn: string;
  capacity: string;
  status: string;
  directoryServiceId: string;
}

const fieldsOf = (course: Course | undefined, organizationId: string): Fields => ({
  organizationId: course?.organizationId ?? organizationId,
  name: course?.name ?? '',
  kind: course?.kind ?? 'vocational',
  modality: course?.modality ?? 'in_person',
  hours: course ? String(course.hours) : '',
  municipalityCode: course?.municipality?.code ?? '',
  startsOn: course?.startsOn ?? '',
  endsOn: course?.endsOn ?? '',
  capacity: course?.capacity === null || !course ? '' : String(course.capacity),
  status: course?.status ?? 'planned',
  directoryServiceId: course?.directoryServiceId ?? '',
});

const numberOf = (text: string) => (text.trim() ? Number(text.replace(/\D/g, '')) : null);

/** Create a course (without `course`) or change one; a stale save (409) offers the saved version. */
export function CourseForm({ course, onDone }: { course?: Course; onDone: (saved?: Course) => void }) {
  const t = useT();
  const session = useReadySession();
  const client = useQueryClient();
  const isPartner = session.user.role === 'partner_focal_point';
  const network = useQuery({ ...networkQuery, enabled: !isPartner && !course });
  const [fields, setFields] = useState<Fields>(() =>
    fieldsOf(course, isPartner ? session.user.organizationId : ''),
  );
  const [version, setVersion] = useState(course?.version ?? 1);
  const [stale, setStale] = useState<Course | null>(null);
  const services = useQuery({
    ...directoryServicesQuery({ organizationId: fields.organizationId }),
    enabled: Boolean(fields.organizationId),
  });
  const set = (changes: Partial<Fields>) => setFields((previous) => ({ ...previous, ...changes }));

  const save = useMutation({
    mutationFn: () => {
      const input: CourseInput = {
        name: fields.name,
        kind: fields.kind as CourseInput['kind'],
        modality: fields.modality as CourseInput['modality'],
        hours: numberOf(fields.hours) ?? 0,
        municipalityCode: fields.municipalityCode.trim() || null,
        startsOn: fields.startsOn,
        endsOn: fields.endsOn || null,
        capacity: numberOf(fields.capacity),
        status: fields.status as CourseInput['status'],
        directoryServiceId: fields.directoryServiceId || null,
      };
      return course
        ? enterpriseApi.updateCourse(course.id, { ...input, version })
        : enterpriseApi.createCourse({ ...input, organizationId: fields.organizationId });
    },
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['enterprise'] });
      onDone(saved);
    },
    onError: (error) => {
      const current = error instanceof ApiError ? (error.problem.current as Course | null) : null;
      if (isProblemOf(error, 'conflict') && current) setStale(current);
    },
  });
  const error = save.error;
  const organizations = (network.data?.organizations ?? []).map((o) => ({ value: o.id, label: o.name }));

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="course-form-heading">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setStale(null);
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="course-form-heading">
            {course
              ? t('enterprise.courseForm.editHeading', { name: course.name })
              : t('enterprise.courseForm.createHeading')}
          </Title>
          {stale ? (
            <Alert color="orange" title={t('enterprise.courseForm.staleTitle')}>
              <Stack gap="xs">
                {t('enterprise.courseForm.staleBody')}
                <Group gap="xs">
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => {
                      setFields(fieldsOf(stale, stale.organizationId));
                      setVersion(stale.version);
                      setStale(null);
                      save.reset();
                    }}
                  >
                    {t('enterprise.courseForm.useSaved')}
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
                    {t('enterprise.courseForm.keepMine')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ) : (
            <ProblemAlert
              error={error}
              fields={[
                'organizationId',
                'name',
                'kind',
                'modality',
                'hours',
                'municipalityCode',
                'startsOn',
                'endsOn',
                'capacity',
                'status',
                'directoryServiceId',
              ]}
            />
          )}
          {!course && !isPartner && (
            <NativeSelect
              required
              label={t('enterprise.courseForm.organization')}
              value={fields.organizationId}
              onChange={(event) => set({ organizationId: event.currentTarget.value, directoryServiceId: '' })}
              data={[{ value: '', label: t('enterprise.financing.choose') }, ...organizations]}
              error={fieldError(error, 'organizationId')}
            />
          )}
          <TextInput
            required
            label={t('enterprise.field.course')}
            value={fields.name}
            maxLength={200}
            onChange={(event) => set({ name: event.currentTarget.value })}
            error={fieldError(error, 'name')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NativeSelect
              label={t('enterprise.field.kind')}
              value={fields.kind}
              onChange={(event) => set({ kind: event.currentTarget.value })}
              data={COURSE_KINDS.map((value) => ({ value, label: label(t, 'kind', value) }))}
              error={fieldError(error, 'kind')}
            />
            <NativeSelect
              label={t('enterprise.courseForm.modality')}
              value={fields.modality}
              onChange={(event) => set({ modality: event.currentTarget.value })}
              data={COURSE_MODALITIES.map((value) => ({ value, label: label(t, 'modality', value) }))}
              error={fieldError(error, 'modality')}
            />
            <NativeSelect
              label={t('enterprise.field.status')}
              value={fields.status}
              onChange={(event) => set({ status: event.currentTarget.value })}
              data={COURSE_STATUSES.map((value) => ({ value, label: label(t, 'courseStatus', value) }))}
              error={fieldError(error, 'status')}
            />
            <TextInput
              required
              label={t('enterprise.courseForm.hours')}
              inputMode="numeric"
              value={fields.hours}
              onChange={(event) => set({ hours: event.currentTarget.value.replace(/\D/g, '') })}
              error={fieldError(error, 'hours')}
            />
            <TextInput
              label={t('enterprise.courseForm.capacity')}
              description={t('enterprise.courseForm.capacityHint')}
              inputMode="numeric"
              value={fields.capacity}
              onChange={(event) => set({ capacity: event.currentTarget.value.replace(/\D/g, '') })}
              error={fieldError(error, 'capacity')}
            />
            <TextInput
              label={t('enterprise.field.municipalityCode')}
              description={t('enterprise.courseForm.municipalityHint')}
              inputMode="numeric"
              maxLength={5}
              value={fields.municipalityCode}
              onChange={(event) => set({ municipalityCode: event.currentTarget.value })}
              error={fieldError(error, 'municipalityCode')}
            />
            <TextInput
              required
              type="date"
              label={t('enterprise.courseForm.startsOn')}
              value={fields.startsOn}
              onChange={(event) => set({ startsOn: event.currentTarget.value })}
              error={fieldError(error, 'startsOn')}
            />
            <TextInput
              type="date"
              label={t('enterprise.courseForm.endsOn')}
              value={fields.endsOn}
              onChange={(event) => set({ endsOn: event.currentTarget.value })}
              error={fieldError(error, 'endsOn')}
            />
          </SimpleGrid>
          <NativeSelect
            label={t('enterprise.courseForm.service')}
            description={t('enterprise.courseForm.serviceHint')}
            value={fields.directoryServiceId}
            onChange={(event) => set({ directoryServiceId: event.currentTarget.value })}
            data={[
              { value: '', label: t('enterprise.courseForm.noService') },
              ...(services.data?.items ?? []).map((service) => ({ value: service.id, label: service.name })),
            ]}
            error={fieldError(error, 'directoryServiceId')}
          />
          <Group gap="sm">
            <Button type="submit" loading={save.isPending}>
              {t('enterprise.save')}
            </Button>
            <Button variant="default" onClick={() => onDone()}>
              {t('enterprise.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
