import { LineChart } from '@mantine/charts';
import { Badge, Button, Group, Loader, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  assessmentApi,
  levelColor,
  levelFill,
  localized,
  programmesFor,
  programmesQuery,
  type SubjectType,
  subjectApplicationsQuery,
} from '../../api/assessment';
import { ApiError } from '../../api/client';
import { useFormatters } from '../../components/formatters';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { currentLanguage, useT } from '../../i18n';

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}`);

/**
 * "Índice de integración" on the household and person pages: the applications with their level, the evolution
 * since the baseline as a chart, and a button to start (or resume) an application.
 */
export function IntegrationIndexSection({
  subjectType,
  subjectId,
}: {
  subjectType: SubjectType;
  subjectId: string;
}) {
  const t = useT();
  const format = useFormatters();
  const language = currentLanguage();
  const navigate = useNavigate();
  const applications = useQuery(subjectApplicationsQuery(subjectType, subjectId));
  const [respondent, setRespondent] = useState<'caseworker' | 'with_household'>('caseworker');
  const [programme, setProgramme] = useState('');
  const programmes = useQuery({ ...programmesQuery(language), enabled: applications.isSuccess });
  const start = useMutation({
    mutationFn: (instrumentKey: string) =>
      assessmentApi.start({
        subjectType,
        subjectId,
        instrumentKey,
        respondent,
        ...(programme ? { programme } : {}),
      }),
    onSuccess: (application) => navigate(`/assessments/${application.id}`),
  });

  if (applications.isPending) {
    return (
      <Section title={t('assessment.section.title')}>
        <Loader size="sm" aria-label={t('assessment.loading')} />
      </Section>
    );
  }
  if (applications.isError) {
    // Reception officers see a person but not their index: no section at all.
    if (applications.error instanceof ApiError && applications.error.status === 403) return null;
    return (
      <Section title={t('assessment.section.title')}>
        <ProblemAlert error={applications.error} />
      </Section>
    );
  }
  const { items, instruments } = applications.data;
  const programmeOptions = programmesFor(
    programmes.data?.items,
    instruments.map((instrument) => instrument.key),
  );
  const completed = items.filter((item) => item.status === 'completed' && item.result);
  const draft = items.find((item) => item.status === 'draft');
  const latest = completed[completed.length - 1];
  const chartData = completed.map((item, index) => ({
    date: index === 0 ? t('assessment.kind.baseline') : t('assessment.chart.followUp', { n: index }),
    [t('assessment.chart.overall')]: Math.round((item.result?.overall ?? 0) * 100),
  }));

  return (
    <Section title={t('assessment.section.title')}>
      <Stack gap="md">
        {items.length === 0 && <Text c="dimmed">{t('assessment.section.empty')}</Text>}
        {latest?.result && (
          <Group gap="sm">
            <Text>{t('assessment.section.latest')}</Text>
            <Badge size="lg" color={levelFill(latest.levels, latest.result.levelId)} variant="filled">
              {localized(latest.levels.find((l) => l.id === latest.result?.levelId)?.label, language)}
            </Badge>
            <Text fw={700}>{t('assessment.score', { score: percent(latest.result.overall) })}</Text>
          </Group>
        )}
        {completed.length >= 2 && (
          <Stack gap={4}>
            <Text size="sm" fw={600} id={`evolution-${subjectId}`}>
              {t('assessment.chart.title')}
            </Text>
            <LineChart
              h={200}
              data={chartData}
              dataKey="date"
              yAxisProps={{ domain: [0, 100] }}
              series={[{ name: t('assessment.chart.overall'), color: 'teal.7' }]}
              curveType="linear"
              withDots
              aria-labelledby={`evolution-${subjectId}`}
            />
          </Stack>
        )}
        {items.length > 0 && (
          <Table.ScrollContainer minWidth={320}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('assessment.table.date')}</Table.Th>
                  <Table.Th>{t('assessment.table.kind')}</Table.Th>
                  <Table.Th>{t('assessment.table.level')}</Table.Th>
                  <Table.Th>{t('assessment.table.score')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>
                      <Link to={`/assessments/${item.id}`}>
                        {format.date(item.completedAt ?? item.startedAt)}
                      </Link>
                    </Table.Td>
                    <Table.Td>
                      {t(`assessment.kind.${item.kind}`)}
                      <Text size="xs" c="dimmed">
                        {localized(item.instrumentName, language)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {item.result ? (
                        <Badge color={levelColor(item.levels, item.result.levelId)} variant="light">
                          {localized(item.levels.find((l) => l.id === item.result?.levelId)?.label, language)}
                        </Badge>
                      ) : (
                        <Badge color="gray" variant="outline">
                          {t('assessment.status.draft')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{percent(item.result?.overall ?? null)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {start.error && <ProblemAlert error={start.error} fields={['programme']} />}
        {draft ? (
          <Group>
            <Button component={Link} to={`/assessments/${draft.id}`}>
              {t('assessment.section.resume')}
            </Button>
          </Group>
        ) : (
          <Group align="flex-end" gap="sm">
            <NativeSelect
              label={t('assessment.respondent.label')}
              value={respondent}
              onChange={(event) => setRespondent(event.currentTarget.value as typeof respondent)}
              data={[
                { value: 'caseworker', label: t('assessment.respondent.caseworker') },
                { value: 'with_household', label: t('assessment.respondent.with_household') },
              ]}
            />
            {programmeOptions.length > 0 && (
              <NativeSelect
                label={t('assessment.section.programme')}
                value={programme}
                onChange={(event) => setProgramme(event.currentTarget.value)}
                data={[
                  { value: '', label: t('assessment.indicator.noProgramme') },
                  ...programmeOptions.map((option) => ({ value: option.key, label: option.name })),
                ]}
                error={fieldError(start.error, 'programme')}
                style={{ flex: '1 1 14rem', minWidth: 0 }}
              />
            )}
            {instruments.map((instrument) => (
              <Button
                key={instrument.key}
                loading={start.isPending}
                onClick={() => start.mutate(instrument.key)}
                title={localized(instrument.name, language)}
              >
                {instruments.length > 1
                  ? t('assessment.section.newOf', { name: localized(instrument.name, language) })
                  : t('assessment.section.new')}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
    </Section>
  );
}
