import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  applyDedupThresholds,
  type DedupRun,
  dedupRunsQuery,
  dedupThresholdsQuery,
  isActive,
  startDedupRun,
} from '../../api/deduplication';
import { useDocumentTitle } from '../../components/document-title';
import { useFormatters } from '../../components/formatters';
import { ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { currentLanguage, LOCALE_TAGS, useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { ForbiddenPage } from '../forbidden';

const DEDUP_ROLES = ['network_admin', 'office_coordinator'];

export function statusColor(run: DedupRun) {
  if (run.status === 'completed') return 'teal.9';
  if (run.status === 'failed') return 'red.9';
  if (isActive(run)) return 'blue.9';
  return 'gray.8';
}

export function usePercent() {
  return new Intl.NumberFormat(LOCALE_TAGS[currentLanguage()], {
    style: 'percent',
    maximumFractionDigits: 1,
  });
}

/**
 * `/deduplication`: start a run (the registry, or a recent import against the registry), the recent runs with their
 * status, and the thresholds the review decisions suggest. Administrators and coordinators only.
 */
export function DeduplicationPage() {
  const t = useT();
  useDocumentTitle(t('deduplication.title'));
  const { user } = useReadySession();
  if (!DEDUP_ROLES.includes(user.role)) return <ForbiddenPage />;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('deduplication.heading')}</Title>
        <Text c="dimmed">{t('deduplication.intro')}</Text>
      </Stack>
      <StartRun />
      <RecentRuns />
      <Thresholds />
    </Stack>
  );
}

function StartRun() {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const runs = useQuery(dedupRunsQuery);
  const [scope, setScope] = useState<'registry' | 'import'>('registry');
  const [importJobId, setImportJobId] = useState('');
  const start = useMutation({
    mutationFn: () => startDedupRun(scope === 'import' ? { scope, importJobId } : { scope }),
    onSuccess: (run) => {
      void queryClient.invalidateQueries({ queryKey: dedupRunsQuery.queryKey });
      navigate(`/deduplication/runs/${run.id}`);
    },
  });
  const imports = runs.data?.imports ?? [];
  const busy = (runs.data?.items ?? []).some(isActive);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate();
  };
  return (
    <Section title={t('deduplication.start.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Radio.Group
            label={t('deduplication.start.scope')}
            value={scope}
            onChange={(value) => setScope(value as 'registry' | 'import')}
          >
            <Stack gap="xs" mt="xs">
              <Radio
                value="registry"
                label={
                  runs.data?.abilities.wholeRegistry
                    ? t('deduplication.start.wholeRegistry')
                    : t('deduplication.start.myOffices')
                }
              />
              <Radio value="import" label={t('deduplication.start.import')} disabled={imports.length === 0} />
            </Stack>
          </Radio.Group>
          {scope === 'import' && (
            <NativeSelect
              label={t('deduplication.start.importLabel')}
              value={importJobId}
              onChange={(event) => setImportJobId(event.currentTarget.value)}
              data={[
                { value: '', label: t('deduplication.start.importPlaceholder') },
                ...imports.map((job) => ({
                  value: job.id,
                  label: t('deduplication.start.importOption', {
                    file: job.fileName,
                    count: job.createdRows,
                  }),
                })),
              ]}
            />
          )}
          <Text size="sm" c="dimmed">
            {t('deduplication.start.help')}
          </Text>
          {busy && (
            <Text size="sm" role="status">
              {t('deduplication.start.busy')}
            </Text>
          )}
          <ProblemAlert error={start.error} />
          <Group>
            <Button
              type="submit"
              loading={start.isPending}
              disabled={busy || (scope === 'import' && !importJobId)}
            >
              {t('deduplication.start.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

export function scopeLabel(t: ReturnType<typeof useT>, run: DedupRun) {
  if (run.importJob) return t('deduplication.scope.import', { file: run.importJob.fileName });
  return run.wholeRegistry ? t('deduplication.scope.wholeRegistry') : t('deduplication.scope.offices');
}

function RecentRuns() {
  const t = useT();
  const formatters = useFormatters();
  const runs = useQuery(dedupRunsQuery);
  const items = runs.data?.items ?? [];
  return (
    <Section title={t('deduplication.recent.title')}>
      {runs.isPending ? (
        <Loader size="sm" aria-label={t('deduplication.loading')} />
      ) : runs.isError ? (
        <ProblemAlert error={runs.error} />
      ) : items.length === 0 ? (
        <Text size="sm">{t('deduplication.recent.none')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {items.map((run) => (
            <Paper key={run.id} withBorder p="sm" component="article">
              <Stack gap={4}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Anchor component={Link} to={`/deduplication/runs/${run.id}`} fw={600}>
                    {scopeLabel(t, run)}
                  </Anchor>
                  <Badge variant="outline" tt="none" color={statusColor(run)}>
                    {t(`deduplication.status.${run.status}`)}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {formatters.dateTime(run.createdAt)} · {run.startedBy.displayName}
                </Text>
                <Text size="sm">
                  {t('deduplication.recent.counts', {
                    persons: run.counts.persons,
                    same: run.counts.same,
                    review: run.counts.review,
                  })}
                </Text>
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </Section>
  );
}

function Thresholds() {
  const t = useT();
  const percent = usePercent();
  const queryClient = useQueryClient();
  const thresholds = useQuery(dedupThresholdsQuery);
  const [same, setSame] = useState<number | string>('');
  const [review, setReview] = useState<number | string>('');
  const apply = useMutation({
    mutationFn: (input: { same: number; review: number }) => applyDedupThresholds(input),
    onSuccess: (data) => queryClient.setQueryData(dedupThresholdsQuery.queryKey, data),
  });
  if (thresholds.isPending) return <Loader size="sm" aria-label={t('deduplication.loading')} />;
  if (thresholds.isError) return <ProblemAlert error={thresholds.error} />;
  const { active, suggestion, abilities } = thresholds.data;
  const asPercent = (value: number) => Math.round(value * 10000) / 100;
  const sameValue = same === '' ? asPercent(suggestion.same ?? active.same) : Number(same);
  const reviewValue = review === '' ? asPercent(suggestion.review ?? active.review) : Number(review);
  return (
    <Section title={t('deduplication.thresholds.title')}>
      <Stack gap="sm">
        <Text size="sm">
          {t('deduplication.thresholds.active', {
            same: percent.format(active.same),
            review: percent.format(active.review),
          })}
        </Text>
        {suggestion.same === null && suggestion.review === null ? (
          <Text size="sm" c="dimmed">
            {t('deduplication.thresholds.notEnough', { count: suggestion.decided })}
          </Text>
        ) : (
          <Alert variant="light" color="blue" title={t('deduplication.thresholds.suggestionTitle')}>
            <Stack gap={4}>
              <Text size="sm">
                {suggestion.same !== null
                  ? t('deduplication.thresholds.suggestSame', {
                      same: percent.format(suggestion.same),
                      total: suggestion.atOrAboveSame.total,
                      sameCount: suggestion.atOrAboveSame.same,
                    })
                  : t('deduplication.thresholds.noSame')}
              </Text>
              {suggestion.review !== null && (
                <Text size="sm">
                  {t('deduplication.thresholds.suggestReview', {
                    review: percent.format(suggestion.review),
                    below: suggestion.belowReview,
                  })}
                </Text>
              )}
              <Text size="sm" c="dimmed">
                {t('deduplication.thresholds.basis', {
                  decided: suggestion.decided,
                  same: suggestion.decidedSame,
                  different: suggestion.decidedDifferent,
                })}
              </Text>
            </Stack>
          </Alert>
        )}
        {!abilities.apply && (
          <Text size="sm" c="dimmed">
            {t('deduplication.thresholds.appliedByAdministrator')}
          </Text>
        )}
        {abilities.apply && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              apply.mutate({ same: sameValue / 100, review: reviewValue / 100 });
            }}
            noValidate
          >
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <NumberInput
                  label={t('deduplication.thresholds.sameLabel')}
                  value={sameValue}
                  onChange={setSame}
                  min={1}
                  max={100}
                  decimalScale={2}
                  suffix=" %"
                />
                <NumberInput
                  label={t('deduplication.thresholds.reviewLabel')}
                  value={reviewValue}
                  onChange={setReview}
                  min={1}
                  max={100}
                  decimalScale={2}
                  suffix=" %"
                />
              </SimpleGrid>
              <ProblemAlert error={apply.error} fields={['same', 'review']} />
              {apply.isSuccess && (
                <Text size="sm" role="status">
                  {t('deduplication.thresholds.applied')}
                </Text>
              )}
              <Group>
                <Button type="submit" variant="default" loading={apply.isPending}>
                  {t('deduplication.thresholds.apply')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Section>
  );
}
