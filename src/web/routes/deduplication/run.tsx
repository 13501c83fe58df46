import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  cancelDedupRun,
  DEDUP_STAGES,
  type DedupRun,
  dedupPairsQuery,
  dedupRunQuery,
  dedupRunsQuery,
  isActive,
  type PairStatus,
  resumeDedupRun,
} from '../../api/deduplication';
import { useDocumentTitle } from '../../components/document-title';
import { useFormatters } from '../../components/formatters';
import { ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { ForbiddenPage } from '../forbidden';
import { scopeLabel, statusColor, usePercent } from './deduplication';

/**
 * `/deduplication/runs/:runId`: the run's progress while it works (only the run is polled), then its review queue,
 * loaded once the run is no longer active (each read of the queue is audited, so it is not polled).
 */
export function DedupRunPage() {
  const t = useT();
  useDocumentTitle(t('deduplication.run.title'));
  const { runId = '' } = useParams();
  const { user } = useReadySession();
  const run = useQuery(dedupRunQuery(runId));
  if (user.role !== 'network_admin' && user.role !== 'office_coordinator') return <ForbiddenPage />;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to="/deduplication" size="sm">
          {t('deduplication.run.back')}
        </Anchor>
        <Title order={1}>{run.data ? scopeLabel(t, run.data) : t('deduplication.run.title')}</Title>
      </Stack>
      {run.isPending && <Loader size="sm" aria-label={t('deduplication.loading')} />}
      {run.isError && <ProblemAlert error={run.error} />}
      {run.data && <RunProgress run={run.data} />}
      {run.data?.abilities.review &&
        (isActive(run.data) ? (
          <Text size="sm" c="dimmed">
            {t('deduplication.run.queueAfterRun')}
          </Text>
        ) : (
          <Queue run={run.data} />
        ))}
      {run.data && !run.data.abilities.review && (
        <Text size="sm" c="dimmed">
          {t('deduplication.run.reviewByCoordinators')}
        </Text>
      )}
    </Stack>
  );
}

function RunProgress({ run }: { run: DedupRun }) {
  const t = useT();
  const formatters = useFormatters();
  const queryClient = useQueryClient();
  const labelId = useId();
  const active = isActive(run);
  const update = (data: DedupRun) => {
    queryClient.setQueryData(dedupRunQuery(run.id).queryKey, data);
    void queryClient.invalidateQueries({ queryKey: dedupRunsQuery.queryKey });
  };
  const cancel = useMutation({ mutationFn: () => cancelDedupRun(run.id), onSuccess: update });
  const resume = useMutation({ mutationFn: () => resumeDedupRun(run.id), onSuccess: update });
  // Stages before writing count as equal steps; writing advances with the pairs written.
  const stageIndex = Math.max(0, DEDUP_STAGES.indexOf(run.stage));
  const writing = run.progress.total ? run.progress.done / run.progress.total : 0;
  const steps = DEDUP_STAGES.length - 1;
  const percent =
    run.status === 'completed'
      ? 100
      : Math.round(((run.stage === 'writing' ? stageIndex - 1 + writing : stageIndex) / steps) * 100);
  useEffect(() => {
    if (!active) void queryClient.invalidateQueries({ queryKey: ['deduplication', 'runs', run.id, 'pairs'] });
  }, [active, queryClient, run.id]);
  return (
    <Section title={t('deduplication.run.progressTitle')}>
      <Stack gap="sm">
        <Group gap="sm">
          <Badge variant="outline" tt="none" color={statusColor(run)}>
            {t(`deduplication.status.${run.status}`)}
          </Badge>
          <Text size="sm" id={labelId} aria-live="polite">
            {t(`deduplication.stage.${run.stage}`)}
            {run.stage === 'writing' &&
              ` — ${t('deduplication.run.written', { done: run.progress.done, total: run.progress.total })}`}
          </Text>
        </Group>
        <progress
          aria-labelledby={labelId}
          max={100}
          value={percent}
          style={{ width: '100%', height: '1rem' }}
        />
        <Text size="sm">
          {t('deduplication.run.counts', {
            persons: run.counts.persons,
            candidates: run.counts.candidates,
            same: run.counts.same,
            review: run.counts.review,
          })}
        </Text>
        {run.counts.refused > 0 && (
          <Text size="sm" c="dimmed">
            {t('deduplication.run.refused', { count: run.counts.refused })}
          </Text>
        )}
        {run.status === 'failed' && (
          <Alert color="red" variant="light" role="alert" title={t('deduplication.run.failed')}>
            {t('deduplication.run.failedHelp')}
          </Alert>
        )}
        <Text size="xs" c="dimmed">
          {t('deduplication.run.startedBy', {
            name: run.startedBy.displayName,
            when: formatters.dateTime(run.createdAt),
          })}
        </Text>
        <ProblemAlert error={cancel.error ?? resume.error} />
        <Group>
          {run.abilities.cancel && (
            <Button variant="default" onClick={() => cancel.mutate()} loading={cancel.isPending}>
              {t('deduplication.run.cancel')}
            </Button>
          )}
          {run.abilities.resume && (
            <Button onClick={() => resume.mutate()} loading={resume.isPending}>
              {t('deduplication.run.resume')}
            </Button>
          )}
        </Group>
      </Stack>
    </Section>
  );
}

const FILTERS: Array<PairStatus | 'all'> = ['pending', 'same', 'different', 'unsure', 'all'];

function Queue({ run }: { run: DedupRun }) {
  const t = useT();
  const percent = usePercent();
  const [status, setStatus] = useState<PairStatus | 'all'>('pending');
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const pairs = useQuery(dedupPairsQuery(run.id, status, cursor));
  const counts = pairs.data?.counts;
  return (
    <Section title={t('deduplication.queue.title')}>
      <Stack gap="md">
        {counts && (
          <Text size="sm">
            {t('deduplication.queue.counts', {
              probablySame: counts.probablySame,
              toReview: counts.toReview,
              pending: counts.pending,
            })}
          </Text>
        )}
        <SegmentedControl
          aria-label={t('deduplication.queue.filter')}
          value={status}
          onChange={(value) => {
            setStatus(value as PairStatus | 'all');
            setCursors([null]);
          }}
          data={FILTERS.map((value) => ({
            value,
            label:
              value === 'all'
                ? t('deduplication.queue.all')
                : `${t(`deduplication.pairStatus.${value}`)}${counts ? ` (${counts[value]})` : ''}`,
          }))}
          fullWidth
          orientation="horizontal"
          style={{ overflowX: 'auto' }}
        />
        {pairs.isPending ? (
          <Loader size="sm" aria-label={t('deduplication.loading')} />
        ) : pairs.isError ? (
          <ProblemAlert error={pairs.error} />
        ) : pairs.data.items.length === 0 ? (
          <Text size="sm">{t('deduplication.queue.none')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            {pairs.data.items.map((pair) => (
              <Paper key={pair.id} withBorder p="sm" component="article">
                <Stack gap={6}>
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    {/* The class's label wraps on a phone instead of ending in "…". */}
                    <Badge
                      variant="filled"
                      tt="none"
                      color={pair.decisionClass === 'same' ? 'indigo.9' : 'blue.9'}
                      h="auto"
                      py={2}
                      radius="sm"
                      styles={{ label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' } }}
                    >
                      {t(`deduplication.class.${pair.decisionClass}`)}
                    </Badge>
                    <Text size="sm" fw={600}>
                      {percent.format(pair.probability)}
                    </Text>
                  </Group>
                  {/* Names from other lists can hold long unbroken words; they wrap rather than widen the page. */}
                  <Anchor
                    component={Link}
                    to={`/deduplication/pairs/${pair.id}`}
                    fw={600}
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {t('deduplication.queue.pairLink', {
                      a: pair.persons[0]?.displayName ?? '',
                      b: pair.persons[1]?.displayName ?? '',
                    })}
                  </Anchor>
                  <Group gap="xs">
                    <Badge variant="outline" tt="none" color="gray.8">
                      {t(`deduplication.pairStatus.${pair.status}`)}
                    </Badge>
                    {pair.veto && (
                      <Badge variant="filled" tt="none" color="red.9">
                        {t('deduplication.queue.veto')}
                      </Badge>
                    )}
                  </Group>
                </Stack>
              </Paper>
            ))}
          </SimpleGrid>
        )}
        <Group>
          {cursors.length > 1 && (
            <Button variant="default" onClick={() => setCursors((list) => list.slice(0, -1))}>
              {t('deduplication.queue.previous')}
            </Button>
          )}
          {pairs.data?.nextCursor && (
            <Button
              variant="default"
              onClick={() => setCursors((list) => [...list, pairs.data?.nextCursor ?? null])}
            >
              {t('deduplication.queue.next')}
            </Button>
          )}
        </Group>
      </Stack>
    </Section>
  );
}
