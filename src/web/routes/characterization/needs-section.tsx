import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  characterizationApi,
  NEED_DIMENSIONS,
  NEED_SEVERITIES,
  NEED_STATUSES,
  type Need,
  type NeedDimension,
  type NeedSeverity,
  type NeedStatus,
  personNeedsQuery,
} from '../../api/characterization';
import { isProblemOf } from '../../api/client';
import { useFormatters } from '../../components/formatters';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { useT } from '../../i18n';

export const SEVERITY_COLOR: Record<NeedSeverity, string> = {
  low: 'gray',
  medium: 'yellow',
  high: 'orange',
  critical: 'red',
};
export const STATUS_COLOR: Record<NeedStatus, string> = {
  identified: 'blue',
  in_progress: 'violet',
  met: 'teal',
  not_met: 'gray',
  cancelled: 'gray',
};

export function NeedItem({
  need,
  canUpdate,
  onChanged,
  subject,
}: {
  need: Need;
  canUpdate: boolean;
  onChanged: () => void;
  /** Whose need it is, on pages that list several people's needs. */
  subject?: string;
}) {
  const t = useT();
  const format = useFormatters();
  const [conflict, setConflict] = useState(false);
  const update = useMutation({
    mutationFn: (status: NeedStatus) =>
      characterizationApi.updateNeed(need.id, { version: need.version, status }),
    onSuccess: () => {
      setConflict(false);
      onChanged();
    },
    onError: (error) => {
      if (isProblemOf(error, 'conflict')) {
        setConflict(true);
        onChanged();
      }
    },
  });
  return (
    <Paper withBorder p="sm" component="li" className="need-item" data-need-status={need.status}>
      <Stack gap={6}>
        {subject && (
          <Text size="sm" c="dimmed" className="need-subject">
            {subject}
          </Text>
        )}
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {need.description}
        </Text>
        <Group gap={6}>
          <Badge color={SEVERITY_COLOR[need.severity]} variant="light">
            {t('needs.severityLabel')}: {t(`needs.severity.${need.severity}`)}
          </Badge>
          <Badge color={STATUS_COLOR[need.status]} variant="outline">
            {t(`needs.status.${need.status}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {t('needs.recordedBy', { date: format.date(need.createdAt), who: need.createdBy ?? '—' })}
        </Text>
        {canUpdate && (
          <NativeSelect
            label={t('needs.statusLabel')}
            aria-label={t('needs.changeStatus', { description: need.description })}
            size="sm"
            value={need.status}
            disabled={update.isPending}
            data={NEED_STATUSES.map((status) => ({ value: status, label: t(`needs.status.${status}`) }))}
            onChange={(event) => update.mutate(event.currentTarget.value as NeedStatus)}
          />
        )}
        {conflict && (
          <Alert color="orange" variant="light">
            {t('needs.conflict')}
          </Alert>
        )}
        {update.isError && !conflict && <ProblemAlert error={update.error} />}
      </Stack>
    </Paper>
  );
}

/** Who a new need is for: a person or a household, with the label the subject select shows. */
export type NeedSubject = { label: string } & ({ personId: string } | { householdId: string });

export function AddNeed({ subjects, onDone }: { subjects: NeedSubject[]; onDone: () => void }) {
  const t = useT();
  const [subjectIndex, setSubjectIndex] = useState(0);
  const [dimension, setDimension] = useState<NeedDimension>('productive');
  const [severity, setSeverity] = useState<NeedSeverity>('medium');
  const [description, setDescription] = useState('');
  const create = useMutation({
    mutationFn: () => {
      const { label: _label, ...subject } = subjects[subjectIndex] ?? (subjects[0] as NeedSubject);
      return characterizationApi.createNeed({
        ...subject,
        dimension,
        severity,
        description: description.trim(),
      });
    },
    onSuccess: onDone,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="new-need-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="new-need-title">
          {t('needs.addTitle')}
        </Title>
        {create.isError && <ProblemAlert error={create.error} />}
        {subjects.length > 1 && (
          <NativeSelect
            label={t('needs.household.subject')}
            value={String(subjectIndex)}
            data={subjects.map((subject, index) => ({ value: String(index), label: subject.label }))}
            onChange={(event) => setSubjectIndex(Number(event.currentTarget.value))}
            error={fieldError(create.error, 'personId') ?? fieldError(create.error, 'householdId')}
          />
        )}
        <NativeSelect
          label={t('needs.dimension')}
          value={dimension}
          data={NEED_DIMENSIONS.map((value) => ({ value, label: t(`needs.dimensions.${value}`) }))}
          onChange={(event) => setDimension(event.currentTarget.value as NeedDimension)}
          error={fieldError(create.error, 'dimension')}
        />
        <Textarea
          label={t('needs.description')}
          description={t('needs.descriptionHelp')}
          required
          autosize
          minRows={2}
          maxLength={2000}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={fieldError(create.error, 'description')}
        />
        <NativeSelect
          label={t('needs.severityLabel')}
          value={severity}
          data={NEED_SEVERITIES.map((value) => ({ value, label: t(`needs.severity.${value}`) }))}
          onChange={(event) => setSeverity(event.currentTarget.value as NeedSeverity)}
        />
        <Group gap="sm">
          <Button type="submit" loading={create.isPending}>
            {t('needs.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('needs.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A person's needs by dimension, with severity and status; the action plan will answer them. */
export function NeedsSection({ personId }: { personId: string }) {
  const t = useT();
  const queryClient = useQueryClient();
  const needs = useQuery(personNeedsQuery(personId));
  const [adding, setAdding] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: personNeedsQuery(personId).queryKey });
  const items = needs.data?.items ?? [];
  const dimensions = NEED_DIMENSIONS.filter((dimension) =>
    items.some((need) => need.dimension === dimension),
  );

  return (
    <Section title={t('needs.title')} id="necesidades">
      {needs.isError && <ProblemAlert error={needs.error} />}
      {needs.data && (
        <Stack gap="md">
          {items.length === 0 && <Text>{t('needs.none')}</Text>}
          {dimensions.map((dimension) => {
            const ofDimension = items.filter((need) => need.dimension === dimension);
            const open = ofDimension.filter(
              (need) => need.status === 'identified' || need.status === 'in_progress',
            );
            return (
              <Stack
                key={dimension}
                gap="xs"
                component="section"
                aria-label={t(`needs.dimensions.${dimension}`)}
              >
                <Group gap="xs">
                  <Title order={3} size="h5">
                    {t(`needs.dimensions.${dimension}`)}
                  </Title>
                  {open.length > 0 && (
                    <Text size="sm" c="dimmed">
                      ({t('needs.openCount', { count: open.length })})
                    </Text>
                  )}
                </Group>
                <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                  {ofDimension.map((need) => (
                    <NeedItem
                      key={need.id}
                      need={need}
                      canUpdate={needs.data.abilities.create}
                      onChanged={refresh}
                    />
                  ))}
                </Stack>
              </Stack>
            );
          })}
          {needs.data.abilities.create &&
            (adding ? (
              <AddNeed
                subjects={[{ personId, label: '' }]}
                onDone={() => {
                  setAdding(false);
                  void refresh();
                }}
              />
            ) : (
              <Button variant="light" style={{ alignSelf: 'flex-start' }} onClick={() => setAdding(true)}>
                {t('needs.add')}
              </Button>
            ))}
        </Stack>
      )}
    </Section>
  );
}
