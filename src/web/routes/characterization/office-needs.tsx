import { Anchor, Badge, Button, Group, Loader, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import {
  NEED_DIMENSIONS,
  NEED_SEVERITIES,
  type NeedDimension,
  type NeedSeverity,
  type OfficeNeedFilters,
  type OfficeNeedPage,
  type OpenNeedStatus,
  officeNeedsPath,
} from '../../api/characterization';
import { api } from '../../api/client';
import { networkQuery } from '../../api/identity';
import { useDocumentTitle } from '../../components/document-title';
import { useFormatters } from '../../components/formatters';
import { ProblemAlert } from '../../components/problem-alert';
import { useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { ForbiddenPage } from '../forbidden';
import { SEVERITY_COLOR, STATUS_COLOR } from './needs-section';

const OPEN_STATUSES: readonly OpenNeedStatus[] = ['identified', 'in_progress'];

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

/**
 * `/needs`: the open needs (identified, in progress) recorded at the coordinator's office, oldest first, by
 * dimension, severity and status; each links to the person or household it belongs to.
 */
export function OfficeNeedsPage() {
  const session = useReadySession();
  if (session.user.role !== 'office_coordinator') return <ForbiddenPage />;
  return <OfficeNeeds />;
}

function OfficeNeeds() {
  const t = useT();
  const format = useFormatters();
  useDocumentTitle(t('needs.office.title'));
  const session = useReadySession();
  const network = useQuery(networkQuery);
  const [params, setParams] = useSearchParams();
  const officeIds = session.user.officeIds;
  const officeId = officeIds.includes(params.get('office') ?? '')
    ? (params.get('office') as string)
    : officeIds[0];
  const filters: OfficeNeedFilters = {
    dimension: pick<NeedDimension>(params.get('dimension'), NEED_DIMENSIONS),
    severity: pick<NeedSeverity>(params.get('severity'), NEED_SEVERITIES),
    status: pick(params.get('status'), OPEN_STATUSES),
  };
  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const needs = useInfiniteQuery({
    queryKey: ['needs', 'office', officeId, filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<OfficeNeedPage>(officeNeedsPath(officeId as string, filters, pageParam), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled: Boolean(officeId),
  });
  const items = needs.data?.pages.flatMap((page) => page.items) ?? [];
  const officeName = (id: string) => network.data?.offices.find((office) => office.id === id)?.name ?? '';
  const anyFilter = Boolean(filters.dimension || filters.severity || filters.status);

  return (
    <Stack gap="lg" maw={960}>
      <Stack gap="xs">
        <Title order={1}>{t('needs.office.title')}</Title>
        <Text c="dimmed">{t('needs.office.intro', { office: officeId ? officeName(officeId) : '' })}</Text>
      </Stack>
      <Paper
        withBorder
        p={{ base: 'md', sm: 'lg' }}
        component="section"
        aria-label={t('needs.office.filters')}
      >
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(min(16rem, 100%), 1fr))',
            gap: 'var(--mantine-spacing-md)',
          }}
        >
          {officeIds.length > 1 && (
            <NativeSelect
              miw={0}
              label={t('needs.office.office')}
              value={officeId}
              data={officeIds.map((id) => ({ value: id, label: officeName(id) || id }))}
              onChange={(event) => setParam('office', event.currentTarget.value)}
            />
          )}
          <NativeSelect
            miw={0}
            label={t('needs.dimension')}
            value={filters.dimension ?? ''}
            data={[
              { value: '', label: t('needs.office.anyDimension') },
              ...NEED_DIMENSIONS.map((value) => ({ value, label: t(`needs.dimensions.${value}`) })),
            ]}
            onChange={(event) => setParam('dimension', event.currentTarget.value)}
          />
          <NativeSelect
            miw={0}
            label={t('needs.severityLabel')}
            value={filters.severity ?? ''}
            data={[
              { value: '', label: t('needs.office.anySeverity') },
              ...NEED_SEVERITIES.map((value) => ({ value, label: t(`needs.severity.${value}`) })),
            ]}
            onChange={(event) => setParam('severity', event.currentTarget.value)}
          />
          <NativeSelect
            miw={0}
            label={t('needs.statusLabel')}
            value={filters.status ?? ''}
            data={[
              { value: '', label: t('needs.office.anyStatus') },
              ...OPEN_STATUSES.map((value) => ({ value, label: t(`needs.status.${value}`) })),
            ]}
            onChange={(event) => setParam('status', event.currentTarget.value)}
          />
        </div>
        {anyFilter && (
          <Button
            mt="sm"
            variant="subtle"
            size="compact-sm"
            onClick={() => setParams(officeIds.length > 1 && officeId ? { office: officeId } : {})}
          >
            {t('needs.office.clear')}
          </Button>
        )}
      </Paper>
      <div aria-busy={needs.isPending}>
        {!officeId ? (
          <Text>{t('needs.office.noOffice')}</Text>
        ) : needs.isPending ? (
          <Group gap="sm" role="status">
            <Loader size="sm" aria-hidden />
            <Text>{t('needs.office.loading')}</Text>
          </Group>
        ) : needs.isError && items.length === 0 ? (
          <ProblemAlert error={needs.error} />
        ) : items.length === 0 ? (
          <Text>{anyFilter ? t('needs.office.noneFiltered') : t('needs.office.none')}</Text>
        ) : (
          <Stack gap="md">
            <Text size="sm" c="dimmed" aria-live="polite">
              {needs.hasNextPage
                ? t('needs.office.showingMore', { count: items.length })
                : t('needs.office.showing', { count: items.length })}
            </Text>
            <Stack
              component="ul"
              gap="xs"
              m={0}
              p={0}
              style={{ listStyle: 'none' }}
              aria-label={t('needs.office.list')}
            >
              {items.map((need) => (
                <Paper component="li" key={need.id} withBorder p="sm" className="need-item">
                  <Stack gap={6}>
                    <Group justify="space-between" gap="xs" align="flex-start" wrap="wrap">
                      <Anchor
                        component={Link}
                        to={
                          need.personId
                            ? `/people/${need.personId}#necesidades`
                            : `/households/${need.householdId}#necesidades`
                        }
                        fw={600}
                        style={{ overflowWrap: 'anywhere' }}
                      >
                        {need.personId
                          ? need.subjectName || t('needs.office.unnamed')
                          : t('needs.office.householdOf', { name: need.subjectName || '—' })}
                      </Anchor>
                      <Text size="sm" c="dimmed">
                        {t(`needs.dimensions.${need.dimension}`)}
                      </Text>
                    </Group>
                    <Text style={{ overflowWrap: 'anywhere' }}>{need.description}</Text>
                    <Group gap={6}>
                      <Badge color={SEVERITY_COLOR[need.severity]} variant="light">
                        {t('needs.severityLabel')}: {t(`needs.severity.${need.severity}`)}
                      </Badge>
                      <Badge color={STATUS_COLOR[need.status]} variant="outline">
                        {t(`needs.status.${need.status}`)}
                      </Badge>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t('needs.recordedBy', {
                        date: format.date(need.createdAt),
                        who: need.createdBy ?? '—',
                      })}
                    </Text>
                  </Stack>
                </Paper>
              ))}
            </Stack>
            {needs.isFetchNextPageError && <ProblemAlert error={needs.error} />}
            {needs.hasNextPage && (
              <Group>
                <Button
                  variant="default"
                  onClick={() => void needs.fetchNextPage()}
                  loading={needs.isFetchingNextPage}
                >
                  {t('needs.office.loadMore')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </div>
    </Stack>
  );
}
