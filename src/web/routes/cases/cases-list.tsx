import {
  Anchor,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import {
  CASE_STATUSES,
  type CaseFilters,
  type CaseStatus,
  type CaseSummary,
  casesPath,
  pendingApprovalsQuery,
  programmesQuery,
} from '../../api/cases';
import { api } from '../../api/client';
import { useDocumentTitle } from '../../components/document-title';
import { useFormatters } from '../../components/formatters';
import { ProblemAlert } from '../../components/problem-alert';
import { useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { ForbiddenPage } from '../forbidden';
import { CaseStatusBadge, PlanStatusBadge, ProgressBar, useRefetchOnLanguageChange } from './case-parts';

const CASE_ROLES = ['caseworker', 'office_coordinator'];
const STATUS_FILTERS = ['working', ...CASE_STATUSES] as const;

/** `/cases`: the caller's cases or their office's, by state and programme, newest first. */
export function CasesPage() {
  const session = useReadySession();
  if (!CASE_ROLES.includes(session.user.role)) return <ForbiddenPage />;
  return <CasesList />;
}

function CasesList() {
  const t = useT();
  useDocumentTitle(t('cases.list.title'));
  useRefetchOnLanguageChange();
  const session = useReadySession();
  const isCoordinator = session.user.role === 'office_coordinator';
  const programmes = useQuery(programmesQuery);
  const pending = useQuery({ ...pendingApprovalsQuery, enabled: isCoordinator });
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const filters: CaseFilters = {
    scope: params.get('scope') === 'office' || (!params.get('scope') && isCoordinator) ? 'office' : 'mine',
    status: (STATUS_FILTERS as readonly string[]).includes(status ?? '')
      ? (status as CaseStatus | 'working')
      : status === 'all'
        ? undefined
        : 'working',
    programme: params.get('programme') || undefined,
  };
  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(name, value);
    setParams(next, { replace: true });
  };
  const cases = useInfiniteQuery({
    queryKey: ['cases', 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: CaseSummary[]; nextCursor: string | null }>(casesPath(filters, pageParam), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const items = cases.data?.pages.flatMap((page) => page.items) ?? [];
  const waiting = (pending.data?.approvals.length ?? 0) + (pending.data?.transfers.length ?? 0);

  return (
    <Stack gap="lg" maw={960}>
      <Stack gap="xs">
        <Title order={1}>{t('cases.list.title')}</Title>
        <Text c="dimmed">{t('cases.list.intro')}</Text>
        {isCoordinator && (
          <Anchor component={Link} to="/case-approvals" fw={600}>
            {t('cases.list.pending', { count: waiting })}
          </Anchor>
        )}
      </Stack>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-label={t('cases.list.filters')}>
        <Stack gap="sm">
          <SegmentedControl
            value={filters.scope}
            onChange={(value) => setParam('scope', value)}
            data={[
              { value: 'mine', label: t('cases.list.mine') },
              { value: 'office', label: t('cases.list.office') },
            ]}
            aria-label={t('cases.list.scope')}
          />
          <div className="filter-grid">
            <NativeSelect
              label={t('cases.list.status')}
              value={filters.status ?? 'all'}
              data={[
                { value: 'working', label: t('cases.list.working') },
                { value: 'all', label: t('cases.list.allStatuses') },
                ...CASE_STATUSES.map((value) => ({ value, label: t(`cases.status.${value}`) })),
              ]}
              onChange={(event) => setParam('status', event.currentTarget.value)}
            />
            <NativeSelect
              label={t('cases.list.programme')}
              value={filters.programme ?? ''}
              data={[
                { value: '', label: t('cases.list.allProgrammes') },
                ...(programmes.data?.items ?? []).map((p) => ({ value: p.key, label: p.name })),
              ]}
              onChange={(event) => setParam('programme', event.currentTarget.value)}
            />
          </div>
        </Stack>
      </Paper>
      <div aria-busy={cases.isPending}>
        {cases.isPending ? (
          <Group gap="sm" role="status">
            <Loader size="sm" aria-hidden />
            <Text>{t('cases.list.loading')}</Text>
          </Group>
        ) : cases.isError && items.length === 0 ? (
          <ProblemAlert error={cases.error} />
        ) : items.length === 0 ? (
          <Text>{t('cases.list.none')}</Text>
        ) : (
          <Stack gap="md">
            <Stack component="ul" gap="sm" className="plain-list" aria-label={t('cases.list.title')}>
              {items.map((item) => (
                <CaseCard key={item.id} item={item} showCaseworker={filters.scope === 'office'} />
              ))}
            </Stack>
            {cases.hasNextPage && (
              <Group>
                <Button
                  variant="default"
                  onClick={() => cases.fetchNextPage()}
                  loading={cases.isFetchingNextPage}
                >
                  {t('cases.list.more')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </div>
    </Stack>
  );
}

/** One case in a list: who, which programme, its state and progress, linking to the case page. */
export function CaseCard({ item, showCaseworker = true }: { item: CaseSummary; showCaseworker?: boolean }) {
  const t = useT();
  const format = useFormatters();
  return (
    <Paper component="li" withBorder p="sm" data-case={item.id}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" align="flex-start">
          <Anchor component={Link} to={`/cases/${item.id}`} fw={600}>
            {item.subject.type === 'household'
              ? t('cases.householdOf', { name: item.subject.name })
              : item.subject.name || t('cases.unnamed')}
          </Anchor>
          <Group gap={4}>
            <CaseStatusBadge status={item.status} />
            <PlanStatusBadge status={item.planStatus} />
          </Group>
        </Group>
        <Text size="sm">{item.programme.name}</Text>
        <Text size="sm" c="dimmed">
          {[
            showCaseworker ? item.caseworker.name : null,
            t('cases.list.lastActivity', { date: format.date(item.lastActivityAt) }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <ProgressBar progress={item.progress} />
      </Stack>
    </Paper>
  );
}
