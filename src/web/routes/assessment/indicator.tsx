import { Badge, Loader, Progress, Stack, Table, Text, Title } from '@mantine/core';
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
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assessment.indicator.office')}</Table.Th>
                <Table.Th>{t('assessment.indicator.programme')}</Table.Th>
                <Table.Th>{t('assessment.indicator.households')}</Table.Th>
                <Table.Th>{t('assessment.indicator.share', { level })}</Table.Th>
                <Table.Th>{t('assessment.indicator.target')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {indicator.data.rows.map((row) => {
                const reached = row.share !== null && row.target !== null && row.share >= row.target;
                return (
                  <Table.Tr key={`${row.officeId}/${row.programme}`}>
                    <Table.Td>{row.officeName}</Table.Td>
                    <Table.Td>{row.programme || t('assessment.indicator.allProgrammes')}</Table.Td>
                    <Table.Td>
                      {t('assessment.indicator.count', { at: row.atTopLevel, of: row.households })}
                    </Table.Td>
                    <Table.Td miw={140}>
                      <Text fw={700}>{pct(row.share)}</Text>
                      <Progress
                        value={(row.share ?? 0) * 100}
                        aria-hidden
                        color={reached ? 'green' : 'orange'}
                      />
                    </Table.Td>
                    <Table.Td>
                      {row.target === null ? (
                        t('assessment.indicator.noTarget')
                      ) : (
                        <Badge color={reached ? 'green' : 'orange'} variant="light">
                          {t(reached ? 'assessment.indicator.reached' : 'assessment.indicator.below', {
                            target: pct(row.target),
                          })}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
