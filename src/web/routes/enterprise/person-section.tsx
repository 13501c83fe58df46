import {
  Anchor,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  CIIU_SECTIONS,
  coursesQuery,
  enterpriseApi,
  personEnterpriseQuery,
  UNIT_STAGES,
} from '../../api/enterprise';
import { FormPanel } from '../../components/form-panel';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { label, StageBadge, useDay } from './parts';
import { ENTERPRISE_STAFF } from './units-list';

/** The person page's "Formación y emprendimiento": their course enrolments and productive units. */
export function EnterpriseSection({ person }: { person: { id: string; officeIds: string[] } }) {
  const t = useT();
  const day = useDay();
  const session = useReadySession();
  const enabled = ENTERPRISE_STAFF.includes(session.user.role);
  const data = useQuery({ ...personEnterpriseQuery(person.id), enabled });
  const [adding, setAdding] = useState<'unit' | 'course' | null>(null);
  if (!enabled) return null;
  const officeId = person.officeIds.find((id) => session.user.officeIds.includes(id)) ?? '';
  return (
    <Section title={t('enterprise.person.title')}>
      <Stack gap="sm">
        {data.isError && <ProblemAlert error={data.error} />}
        {data.data && (
          <>
            <Title order={3} size="h5">
              {t('enterprise.person.courses')}
            </Title>
            {data.data.enrolments.length === 0 ? (
              <Text c="dimmed">{t('enterprise.person.noCourses')}</Text>
            ) : (
              <Stack component="ul" gap={4} className="plain-list">
                {data.data.enrolments.map((e) => (
                  <Text component="li" key={e.id}>
                    <Anchor component={Link} to={`/enterprise/courses/${e.courseId}`}>
                      {e.courseName}
                    </Anchor>{' '}
                    ({e.organizationName}) · {label(t, 'enrolmentStatus', e.status)} ·{' '}
                    {day(e.completedOn ?? e.enrolledOn)}
                  </Text>
                ))}
              </Stack>
            )}
            <Title order={3} size="h5">
              {t('enterprise.person.units')}
            </Title>
            {data.data.units.length === 0 ? (
              <Text c="dimmed">{t('enterprise.person.noUnits')}</Text>
            ) : (
              <Stack component="ul" gap={4} className="plain-list">
                {data.data.units.map((u) => (
                  <Group component="li" key={u.id} gap="xs" wrap="wrap">
                    <Anchor component={Link} to={`/enterprise/units/${u.id}`}>
                      {u.name}
                    </Anchor>
                    <StageBadge stage={u.stage} />
                    <Text size="sm" c="dimmed">
                      {label(t, 'sector', u.sector)}
                    </Text>
                  </Group>
                ))}
              </Stack>
            )}
          </>
        )}
        {adding === 'unit' ? (
          <UnitForm personId={person.id} officeId={officeId} onCancel={() => setAdding(null)} />
        ) : adding === 'course' ? (
          <EnrolForm personId={person.id} officeId={officeId} onDone={() => setAdding(null)} />
        ) : (
          <Group gap="sm">
            <Button variant="light" onClick={() => setAdding('unit')}>
              {t('enterprise.person.addUnit')}
            </Button>
            <Button variant="light" onClick={() => setAdding('course')}>
              {t('enterprise.person.enrol')}
            </Button>
          </Group>
        )}
      </Stack>
    </Section>
  );
}

function UnitForm({
  personId,
  officeId,
  onCancel,
}: {
  personId: string;
  officeId: string;
  onCancel: () => void;
}) {
  const t = useT();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [sector, setSector] = useState('');
  const [stage, setStage] = useState('idea');
  const [municipality, setMunicipality] = useState('');
  const [description, setDescription] = useState('');
  const save = useMutation({
    mutationFn: () =>
      enterpriseApi.createUnit({
        personId,
        officeId,
        name,
        sector,
        stage,
        description,
        municipalityCode: municipality || null,
      }),
    onSuccess: (unit) => {
      void client.invalidateQueries({ queryKey: ['enterprise'] });
      navigate(`/enterprise/units/${unit.id}`);
    },
  });
  return (
    <FormPanel
      title={t('enterprise.person.addUnit')}
      onSubmit={() => save.mutate()}
      error={save.error}
      fields={['name', 'sector', 'stage', 'municipalityCode', 'description']}
    >
      <TextInput
        label={t('enterprise.field.name')}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        error={fieldError(save.error, 'name')}
        required
      />
      <NativeSelect
        label={t('enterprise.field.sector')}
        description={t('enterprise.person.sectorHint')}
        value={sector}
        onChange={(event) => setSector(event.currentTarget.value)}
        data={[
          { value: '', label: t('enterprise.financing.choose') },
          ...CIIU_SECTIONS.map((value) => ({ value, label: `${value} · ${label(t, 'sector', value)}` })),
        ]}
        error={fieldError(save.error, 'sector')}
        required
      />
      <NativeSelect
        label={t('enterprise.field.stage')}
        value={stage}
        onChange={(event) => setStage(event.currentTarget.value)}
        data={UNIT_STAGES.filter((s) => s !== 'closed').map((value) => ({
          value,
          label: label(t, 'stage', value),
        }))}
        error={fieldError(save.error, 'stage')}
      />
      <TextInput
        label={t('enterprise.field.municipalityCode')}
        description={t('enterprise.units.municipalityHint')}
        inputMode="numeric"
        maxLength={5}
        value={municipality}
        onChange={(event) => setMunicipality(event.currentTarget.value.replace(/\D/g, ''))}
        error={fieldError(save.error, 'municipalityCode')}
      />
      <Textarea
        label={t('enterprise.field.description')}
        value={description}
        onChange={(event) => setDescription(event.currentTarget.value)}
        error={fieldError(save.error, 'description')}
        autosize
        minRows={2}
      />
      <Group gap="sm">
        <Button type="submit" loading={save.isPending}>
          {t('enterprise.save')}
        </Button>
        <Button variant="subtle" onClick={onCancel}>
          {t('enterprise.cancel')}
        </Button>
      </Group>
    </FormPanel>
  );
}

function EnrolForm({
  personId,
  officeId,
  onDone,
}: {
  personId: string;
  officeId: string;
  onDone: () => void;
}) {
  const t = useT();
  const client = useQueryClient();
  const courses = useQuery(coursesQuery);
  const [courseId, setCourseId] = useState('');
  const open = (courses.data?.items ?? []).filter((c) =>
    ['planned', 'open', 'in_progress'].includes(c.status),
  );
  const save = useMutation({
    mutationFn: () => enterpriseApi.enrol(courseId, { personId, officeId }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['enterprise'] });
      onDone();
    },
  });
  return (
    <Paper
      component="form"
      withBorder
      p="md"
      onSubmit={(event) => {
        event.preventDefault();
        if (courseId) save.mutate();
      }}
    >
      <Stack gap="sm">
        <ProblemAlert error={save.error} fields={['personId', 'courseId']} />
        <NativeSelect
          label={t('enterprise.field.course')}
          value={courseId}
          onChange={(event) => setCourseId(event.currentTarget.value)}
          data={[
            { value: '', label: t('enterprise.financing.choose') },
            ...open.map((c) => ({ value: c.id, label: `${c.name} (${c.organizationName})` })),
          ]}
          error={fieldError(save.error, 'personId') ?? fieldError(save.error, 'courseId')}
        />
        <Group gap="sm">
          <Button type="submit" loading={save.isPending} disabled={!courseId}>
            {t('enterprise.person.enrol')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('enterprise.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
