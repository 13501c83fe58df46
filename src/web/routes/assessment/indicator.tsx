import { Badge, Group, Loader, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { indicatorQuery, localized } from '../../api/assessment';
import { useDocumentTitle } from '../../components/document-title';
import { ProblemAlert } from '../../components/problem-alert';
import { currentLanguage, useT } from '../../i18n';

const pct = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)} %`);

/** `/indicators/integration`: share of households at the top level per office and programme, against the target. */
export function IndicatorPage() {
  const t = useT();
  const language = currentLanguage();
  useDocumentTitle(t('assessment.indicator.title'));
  const indicator = useQuery(indicatorQuery('hogar_integracion'));
  const level = localized(indicator.data?.topLevel?.label, language);
  return (
    <Stack gap="lg" maw={960}>
      <Stack gap="xs">
        <Title order={1}>{t('assessment.indicator.title')}</Title>
        <Text c="dimmed">{t('assessment.indicator.intro', { level: level || '—' })}</Text>
      </Stack>
      {indicator.isPending && <Loader size="sm" aria-label={t('assessment.loading')} />}
      {indicator.isError && <ProblemAlert error={indicator.error} />}
      {indicator.data && indicator.data.rows.length === 0 && <Text>{t('assessment.indicator.empty')}</Text>}
      {indicator.data && indicator.data.rows.length > 0 && (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {indicator.data.rows.map((row) => {
            const reached = row.share !== null && row.target !== null && row.share >= row.target;
            return (
              <Paper component="li" key={`${row.officeId}/${row.programme}`} withBorder p="md">
                <Group justify="space-between" align="flex-start" gap="xs">
                  <Stack gap={0}>
                    <Text fw={700}>{row.officeName}</Text>
                    <Text size="sm" c="dimmed">
                      {t('assessment.indicator.programme')}:{' '}
                      {row.programme || t('assessment.indicator.allProgrammes')}
                    </Text>
                  </Stack>
                  <Text fz={28} fw={700} lh={1}>
                    {pct(row.share)}
                  </Text>
                </Group>
                <Progress
                  my="xs"
                  value={(row.share ?? 0) * 100}
                  aria-hidden
                  color={row.target === null ? 'teal' : reached ? 'green' : 'orange'}
                />
                <Group justify="space-between" gap="xs">
                  <Text size="sm">
                    {t('assessment.indicator.count', { at: row.atTopLevel, of: row.households, level })}
                  </Text>
                  {row.target === null ? (
                    <Text size="sm" c="dimmed">
                      {t('assessment.indicator.noTarget')}
                    </Text>
                  ) : (
                    <Badge color={reached ? 'green' : 'orange'} variant="light">
                      {t(reached ? 'assessment.indicator.reached' : 'assessment.indicator.below', {
                        target: pct(row.target),
                      })}
                    </Badge>
                  )}
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
