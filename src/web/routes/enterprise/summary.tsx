import { BarChart } from '@mantine/charts';
import { Anchor, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { enterpriseSummaryQuery } from '../../api/enterprise';
import { useDocumentTitle } from '../../components/document-title';
import { ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { ForbiddenPage } from '../forbidden';
import { formatCop, label } from './parts';

export const SUMMARY_ROLES = ['office_coordinator', 'analyst', 'network_admin'];

/** `/enterprise/summary`: aggregates of productive units and financing (no person is named). */
export function EnterpriseSummaryPage() {
  const session = useReadySession();
  if (!SUMMARY_ROLES.includes(session.user.role)) return <ForbiddenPage />;
  return <Summary />;
}

function Summary() {
  const t = useT();
  useDocumentTitle(t('enterprise.summary.title'));
  const summary = useQuery(enterpriseSummaryQuery);
  const session = useReadySession();
  if (summary.isError) return <ProblemAlert error={summary.error} />;
  if (!summary.data) return <Loader aria-label={t('enterprise.loading')} />;
  const s = summary.data;
  const stages = s.unitsByStage.map((row) => ({ stage: label(t, 'stage', row.stage), units: row.units }));
  return (
    <Stack gap="lg">
      {session.user.role === 'office_coordinator' && (
        <Anchor component={Link} to="/enterprise">
          ← {t('enterprise.units.title')}
        </Anchor>
      )}
      <Title order={1}>{t('enterprise.summary.title')}</Title>
      <Text c="dimmed">{t('enterprise.summary.intro', { count: s.operatingUnits })}</Text>
      <Section title={t('enterprise.summary.byStage')}>
        <Stack gap="sm">
          {stages.length > 0 && (
            <div role="img" aria-label={t('enterprise.summary.byStage')}>
              <BarChart
                h={220}
                data={stages}
                dataKey="stage"
                orientation="vertical"
                yAxisProps={{ width: 120 }}
                series={[{ name: 'units', label: t('enterprise.summary.units'), color: 'teal.8' }]}
                withTooltip={false}
                withBarValueLabel
                gridAxis="x"
                xAxisProps={{ allowDecimals: false }}
              />
            </div>
          )}
          <Table.ScrollContainer minWidth={280}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('enterprise.field.stage')}</Table.Th>
                  <Table.Th ta="right">{t('enterprise.summary.units')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.unitsByStage.map((row) => (
                  <Table.Tr key={row.stage}>
                    <Table.Td>{label(t, 'stage', row.stage)}</Table.Td>
                    <Table.Td ta="right">{row.units}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      </Section>
      <Section title={t('enterprise.summary.bySector')}>
        <Table.ScrollContainer minWidth={280}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('enterprise.field.sector')}</Table.Th>
                <Table.Th ta="right">{t('enterprise.summary.units')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.unitsBySector.map((row) => (
                <Table.Tr key={row.sector}>
                  <Table.Td>
                    {row.sector} · {label(t, 'sector', row.sector)}
                  </Table.Td>
                  <Table.Td ta="right">{row.units}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Section>
      <Section title={t('enterprise.summary.financing')}>
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('enterprise.field.line')}</Table.Th>
                <Table.Th ta="right">{t('enterprise.summary.applications')}</Table.Th>
                <Table.Th ta="right">{t('enterprise.summary.requested')}</Table.Th>
                <Table.Th ta="right">{t('enterprise.summary.approved')}</Table.Th>
                <Table.Th ta="right">{t('enterprise.summary.disbursed')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.financingByLine.map((row) => (
                <Table.Tr key={row.line}>
                  <Table.Td>{label(t, 'line', row.line)}</Table.Td>
                  <Table.Td ta="right">{row.applications}</Table.Td>
                  <Table.Td ta="right">{formatCop(row.requested)}</Table.Td>
                  <Table.Td ta="right">{formatCop(row.approved)}</Table.Td>
                  <Table.Td ta="right">{formatCop(row.disbursed)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Section>
    </Stack>
  );
}
