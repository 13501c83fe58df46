import { BarChart } from '@mantine/charts';
import { Group, Loader, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { DEMAND_GROUPS, type DemandFigures, type DemandGroup, labourDemandQuery } from '../../api/matching';
import { useDocumentTitle } from '../../components/document-title';
import { ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { currentLanguage, LOCALE_TAGS, useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { ForbiddenPage } from '../forbidden';

const DEMAND_ROLES = ['office_coordinator', 'analyst', 'network_admin'];
const COLUMNS = ['openVacancies', 'positions', 'applications', 'hires', 'seekers'] as const;
/** The chart shows this many groups (the table has them all). */
const CHART_ROWS = 10;
/** Axis labels on one line: long CIUO titles are cut (the caption and the table give them whole). */
const shortName = (name: string) => (name.length > 26 ? `${name.slice(0, 25).trimEnd()}…` : name);

/** `/employment/demand`: where the labour demand is and which profiles the network has to offer. */
export function LabourDemandPage() {
  const session = useReadySession();
  if (!DEMAND_ROLES.includes(session.user.role)) return <ForbiddenPage />;
  return <LabourDemand />;
}

function LabourDemand() {
  const t = useT();
  useDocumentTitle(t('demand.title'));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [groupBy, setGroupBy] = useState<DemandGroup>('occupation');
  const valid = !(from && to && from > to);
  const report = useQuery({
    ...labourDemandQuery({ groupBy, ...(from ? { from } : {}), ...(to ? { to } : {}) }),
    enabled: valid,
    placeholderData: keepPreviousData,
  });
  const whole = useMemo(() => new Intl.NumberFormat(LOCALE_TAGS[currentLanguage()]), []);
  const groupLabelId = useId();
  const chartDescriptionId = useId();
  const captionId = useId();
  const rows = report.data?.rows ?? [];
  const chartRows = rows.slice(0, CHART_ROWS).map((row) => ({
    name: shortName(groupBy === 'occupation' ? `${row.code} ${row.name}` : row.name),
    positions: row.positions,
    seekers: row.seekers,
  }));
  const cells = (figures: DemandFigures) =>
    COLUMNS.map((column) => (
      <Table.Td key={column} ta="right">
        {whole.format(figures[column])}
      </Table.Td>
    ));

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1}>{t('demand.title')}</Title>
        <Text c="dimmed">{t('demand.intro')}</Text>
      </Stack>
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="form" aria-label={t('demand.filters')}>
        <Group gap="md" align="flex-end" wrap="wrap">
          <TextInput
            type="date"
            label={t('demand.from')}
            value={from}
            onChange={(event) => setFrom(event.currentTarget.value)}
            error={!valid ? t('demand.badRange') : undefined}
            w={{ base: '100%', xs: 180 }}
          />
          <TextInput
            type="date"
            label={t('demand.to')}
            value={to}
            onChange={(event) => setTo(event.currentTarget.value)}
            w={{ base: '100%', xs: 180 }}
          />
          <Stack gap={4} w={{ base: '100%', xs: 'auto' }}>
            <Text size="sm" fw={500} id={groupLabelId}>
              {t('demand.groupBy')}
            </Text>
            <SegmentedControl
              aria-labelledby={groupLabelId}
              value={groupBy}
              onChange={(value) => setGroupBy(value as DemandGroup)}
              data={DEMAND_GROUPS.map((value) => ({ value, label: t(`demand.group.${value}`) }))}
              fullWidth
            />
          </Stack>
        </Group>
      </Paper>
      {report.isPending && valid ? (
        <Group gap="sm" role="status">
          <Loader size="sm" aria-hidden />
          <Text>{t('demand.loading')}</Text>
        </Group>
      ) : report.isError ? (
        <ProblemAlert error={report.error} />
      ) : report.data ? (
        <>
          {rows.length > 0 && (
            <Section title={t('demand.chartTitle')}>
              <figure style={{ margin: 0 }}>
                <div role="img" aria-label={t('demand.chartTitle')} aria-describedby={chartDescriptionId}>
                  <BarChart
                    h={Math.max(200, chartRows.length * 52)}
                    data={chartRows}
                    dataKey="name"
                    orientation="vertical"
                    yAxisProps={{ width: 200 }}
                    series={[
                      { name: 'positions', label: t('demand.column.positions'), color: 'blue.8' },
                      { name: 'seekers', label: t('demand.column.seekers'), color: 'teal.8' },
                    ]}
                    withLegend
                    withTooltip={false}
                    gridAxis="x"
                    xAxisProps={{ allowDecimals: false }}
                  />
                </div>
                <Text component="figcaption" size="sm" c="dimmed" mt="xs" id={chartDescriptionId}>
                  {t('demand.chartDescription', {
                    list: rows
                      .slice(0, CHART_ROWS)
                      .map((row) =>
                        t('demand.chartItem', {
                          name: row.name,
                          positions: whole.format(row.positions),
                          seekers: whole.format(row.seekers),
                        }),
                      )
                      .join('; '),
                  })}
                </Text>
              </figure>
            </Section>
          )}
          <Section title={t('demand.tableTitle')}>
            {rows.length === 0 ? (
              <Text c="dimmed">{t('demand.empty')}</Text>
            ) : (
              <>
                <Text size="sm" c="dimmed" id={captionId} mb="sm">
                  {t(`demand.caption.${groupBy}`)}
                </Text>
                <Table.ScrollContainer
                  minWidth={760}
                  type="native"
                  tabIndex={0}
                  role="region"
                  aria-label={t('demand.tableTitle')}
                >
                  <Table
                    striped
                    withTableBorder
                    highlightOnHover
                    verticalSpacing="xs"
                    fz="sm"
                    aria-labelledby={captionId}
                  >
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t(`demand.group.${groupBy}`)}</Table.Th>
                        {COLUMNS.map((column) => (
                          <Table.Th key={column} scope="col" ta="right">
                            {t(`demand.column.${column}`)}
                          </Table.Th>
                        ))}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {rows.map((row) => (
                        <Table.Tr key={row.code} data-row={row.code}>
                          <Table.Th scope="row" fw={500} miw={220}>
                            {groupBy === 'occupation' ? `${row.code} ${row.name}` : row.name}
                          </Table.Th>
                          {cells(row)}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                    <Table.Tfoot>
                      <Table.Tr>
                        <Table.Th scope="row">{t('demand.total')}</Table.Th>
                        {cells(report.data.totals)}
                      </Table.Tr>
                    </Table.Tfoot>
                  </Table>
                </Table.ScrollContainer>
                {groupBy === 'occupation' && (
                  <Text size="xs" c="dimmed" mt="xs">
                    {t('demand.seekersNote')}
                  </Text>
                )}
              </>
            )}
          </Section>
        </>
      ) : null}
    </Stack>
  );
}
