import { BarChart } from '@mantine/charts';
import { Group, Loader, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import {
  REPORT_GROUPS,
  type ReportFigures,
  type ReportGroup,
  referralReportQuery,
} from '../../api/referrals';
import { useDocumentTitle } from '../../components/document-title';
import { ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { currentLanguage, LOCALE_TAGS, type Translate, useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { ForbiddenPage } from '../forbidden';
import { useRefetchReferralsOnLanguageChange } from './referral-parts';

const REPORT_ROLES = ['office_coordinator', 'analyst', 'network_admin', 'partner_focal_point'];

/** The stages of the funnel, in the order a referral goes through them, then the ways it ends without service. */
const STAGES = [
  'sent',
  'accepted',
  'inProgress',
  'completed',
  'notAttended',
  'declined',
  'withdrawn',
] as const;
type Stage = (typeof STAGES)[number];

/** A day as `YYYY-MM-DD` in the device's time zone. */
function isoDay(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** `/reports/referrals`: referrals sent in a period by service, partner or office, with their times. */
export function ReferralReportPage() {
  const session = useReadySession();
  if (!REPORT_ROLES.includes(session.user.role)) return <ForbiddenPage />;
  return <ReferralReport />;
}

function useNumbers() {
  const locale = LOCALE_TAGS[currentLanguage()];
  return useMemo(() => {
    const whole = new Intl.NumberFormat(locale);
    const one = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    return { whole: (n: number) => whole.format(n), one: (n: number) => one.format(n) };
  }, [locale]);
}

function ReferralReport() {
  const t = useT();
  useDocumentTitle(t('reports.referrals.title'));
  useRefetchReferralsOnLanguageChange();
  const today = new Date();
  const [from, setFrom] = useState(() => isoDay(new Date(today.getTime() - 89 * 86_400_000)));
  const [to, setTo] = useState(() => isoDay(today));
  const [groupBy, setGroupBy] = useState<ReportGroup>('service');
  const valid = Boolean(from && to && from <= to);
  const report = useQuery({
    ...referralReportQuery({ from, to, groupBy }),
    enabled: valid,
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1}>{t('reports.referrals.title')}</Title>
        <Text c="dimmed">{t('reports.referrals.intro')}</Text>
      </Stack>
      <Paper
        withBorder
        p={{ base: 'sm', sm: 'md' }}
        component="form"
        aria-label={t('reports.referrals.filters')}
      >
        <Group gap="md" align="flex-end" wrap="wrap">
          <TextInput
            type="date"
            label={t('reports.referrals.from')}
            value={from}
            max={to || undefined}
            onChange={(event) => setFrom(event.currentTarget.value)}
            error={!valid && from > to ? t('reports.referrals.badRange') : undefined}
            w={{ base: '100%', xs: 180 }}
          />
          <TextInput
            type="date"
            label={t('reports.referrals.to')}
            value={to}
            min={from || undefined}
            onChange={(event) => setTo(event.currentTarget.value)}
            w={{ base: '100%', xs: 180 }}
          />
          <Stack gap={4} w={{ base: '100%', xs: 'auto' }}>
            <Text size="sm" fw={500} id="report-group-label">
              {t('reports.referrals.groupBy')}
            </Text>
            <SegmentedControl
              aria-labelledby="report-group-label"
              value={groupBy}
              onChange={(value) => setGroupBy(value as ReportGroup)}
              data={REPORT_GROUPS.map((value) => ({ value, label: t(`reports.referrals.group.${value}`) }))}
              fullWidth
            />
          </Stack>
        </Group>
      </Paper>
      {report.isPending && valid ? (
        <Group gap="sm" role="status">
          <Loader size="sm" aria-hidden />
          <Text>{t('reports.referrals.loading')}</Text>
        </Group>
      ) : report.isError ? (
        <ProblemAlert error={report.error} />
      ) : report.data ? (
        <>
          <Funnel totals={report.data.totals} />
          <Section title={t('reports.referrals.tableTitle')}>
            {report.data.rows.length === 0 ? (
              <Text c="dimmed">{t('reports.referrals.empty')}</Text>
            ) : (
              <ReportTable rows={report.data.rows} totals={report.data.totals} groupBy={groupBy} />
            )}
          </Section>
        </>
      ) : null}
    </Stack>
  );
}

function stageLabel(t: Translate, stage: Stage): string {
  return t(`reports.referrals.stage.${stage}`);
}

/** The period's referrals by stage as bars; the chart says the same in words for screen readers. */
function Funnel({ totals }: { totals: ReportFigures }) {
  const t = useT();
  const numbers = useNumbers();
  const descriptionId = useId();
  const data = STAGES.map((stage) => ({
    stage: stageLabel(t, stage),
    count: totals[stage],
  }));
  const description = t('reports.referrals.chartDescription', {
    list: STAGES.map((stage) => `${stageLabel(t, stage)}: ${numbers.whole(totals[stage])}`).join('; '),
  });
  return (
    <Section title={t('reports.referrals.funnelTitle')}>
      <figure style={{ margin: 0 }}>
        <div role="img" aria-describedby={descriptionId} aria-label={t('reports.referrals.funnelTitle')}>
          <BarChart
            h={260}
            data={data}
            dataKey="stage"
            orientation="vertical"
            yAxisProps={{ width: 110 }}
            series={[{ name: 'count', label: t('reports.referrals.count'), color: 'blue.8' }]}
            withTooltip={false}
            withBarValueLabel
            gridAxis="x"
            xAxisProps={{ allowDecimals: false }}
          />
        </div>
        <Text component="figcaption" size="sm" c="dimmed" mt="xs" id={descriptionId}>
          {description}
          {totals.overdue > 0 ? ` ${t('reports.referrals.overdueNow', { count: totals.overdue })}` : ''}
        </Text>
      </figure>
    </Section>
  );
}

const COUNT_COLUMNS = [
  'sent',
  'accepted',
  'inProgress',
  'completed',
  'notAttended',
  'declined',
  'withdrawn',
  'overdue',
] as const;

function ReportTable({
  rows,
  totals,
  groupBy,
}: {
  rows: Array<ReportFigures & { key: string; label: string }>;
  totals: ReportFigures;
  groupBy: ReportGroup;
}) {
  const t = useT();
  const numbers = useNumbers();
  const captionId = useId();
  const hours = (value: number | null) =>
    value === null ? '—' : t('reports.referrals.hours', { value: numbers.one(value) });
  const days = (value: number | null) =>
    value === null ? '—' : t('reports.referrals.days', { value: numbers.one(value), count: value });
  const cells = (figures: ReportFigures) => (
    <>
      {COUNT_COLUMNS.map((column) => (
        <Table.Td key={column} ta="right" data-column={column}>
          {numbers.whole(figures[column])}
        </Table.Td>
      ))}
      <Table.Td ta="right">{hours(figures.medianHoursToAcceptance)}</Table.Td>
      <Table.Td ta="right">{hours(figures.p90HoursToAcceptance)}</Table.Td>
      <Table.Td ta="right">{days(figures.medianDaysToCompletion)}</Table.Td>
      <Table.Td ta="right">{days(figures.p90DaysToCompletion)}</Table.Td>
    </>
  );
  return (
    <>
      <Text size="sm" c="dimmed" id={captionId} mb="sm">
        {t('reports.referrals.caption', { group: t(`reports.referrals.groupLower.${groupBy}`) })}
      </Text>
      {/* Focusable, so keyboard users can scroll the wide table sideways on a phone. */}
      <Table.ScrollContainer
        minWidth={1240}
        type="native"
        tabIndex={0}
        role="region"
        aria-label={t('reports.referrals.tableTitle')}
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
              <Table.Th scope="col">{t(`reports.referrals.group.${groupBy}`)}</Table.Th>
              {COUNT_COLUMNS.map((column) => (
                <Table.Th key={column} scope="col" ta="right">
                  {column === 'overdue' ? t('reports.referrals.overdue') : stageLabel(t, column)}
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="right">
                {t('reports.referrals.medianAcceptance')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('reports.referrals.p90Acceptance')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('reports.referrals.medianCompletion')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('reports.referrals.p90Completion')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key} data-row={row.key}>
                <Table.Th scope="row" fw={500} miw={220}>
                  {row.label}
                </Table.Th>
                {cells(row)}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t('reports.referrals.total')}</Table.Th>
              {cells(totals)}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
