import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { type Arrival, arrivalBoardQuery } from '../../api/arrivals';
import { networkQuery } from '../../api/identity';
import { useDocumentTitle } from '../../components/document-title';
import { ProblemAlert } from '../../components/problem-alert';
import { currentLanguage, LOCALE_TAGS, useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { ForbiddenPage } from '../forbidden';
import { ArrivalStatusBadge } from './arrival-parts';

const ARRIVAL_ROLES = ['reception_officer', 'office_coordinator'];

/** `/arrivals`: the pending-arrivals board of the officer's post for a day (today), by expected time. */
export function ArrivalBoardPage() {
  const session = useReadySession();
  if (!ARRIVAL_ROLES.includes(session.user.role)) return <ForbiddenPage />;
  return <ArrivalBoard />;
}

function timeOf(iso: string, language: string) {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );
}

function ArrivalBoard() {
  const t = useT();
  useDocumentTitle(t('arrivals.board.title'));
  const session = useReadySession();
  const network = useQuery(networkQuery);
  const [params, setParams] = useSearchParams();
  const officeIds = session.user.officeIds;
  const officeId = officeIds.includes(params.get('post') ?? '')
    ? (params.get('post') as string)
    : officeIds[0];
  const date = params.get('date') ?? undefined;
  const board = useQuery(arrivalBoardQuery(officeId, date));
  const officeName = (id: string) => network.data?.offices.find((o) => o.id === id)?.name ?? '';
  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="lg" maw={960}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Title order={1}>{t('arrivals.board.title')}</Title>
          <Text c="dimmed">{officeId ? officeName(officeId) : ''}</Text>
        </Stack>
        <Button component={Link} to="/arrivals/new" size="lg">
          {t('arrivals.board.record')}
        </Button>
      </Group>
      <Group gap="md" align="flex-end" wrap="wrap">
        {officeIds.length > 1 && (
          <NativeSelect
            label={t('arrivals.field.post')}
            value={officeId}
            data={officeIds.map((id) => ({ value: id, label: officeName(id) || id }))}
            onChange={(e) => setParam('post', e.currentTarget.value)}
          />
        )}
        <TextInput
          type="date"
          label={t('arrivals.board.date')}
          value={board.data?.date ?? date ?? ''}
          onChange={(e) => setParam('date', e.currentTarget.value)}
        />
        {board.data && (
          <Group gap="xs" aria-live="polite">
            <Badge size="lg" variant="light" color="ruta">
              {t('arrivals.board.countAnnounced', { count: board.data.counts.announced })}
            </Badge>
            <Badge size="lg" variant="light" color="green">
              {t('arrivals.board.countReceived', { count: board.data.counts.received })}
            </Badge>
            {board.data.counts.noShow > 0 && (
              <Badge size="lg" variant="light" color="gray">
                {t('arrivals.board.countNoShow', { count: board.data.counts.noShow })}
              </Badge>
            )}
          </Group>
        )}
      </Group>
      <div aria-busy={board.isPending}>
        {board.isPending ? (
          <Group gap="sm" role="status">
            <Loader size="sm" aria-hidden />
            <Text>{t('arrivals.board.loading')}</Text>
          </Group>
        ) : board.isError ? (
          <ProblemAlert error={board.error} />
        ) : board.data.items.length === 0 ? (
          <Text>{t('arrivals.board.empty')}</Text>
        ) : (
          <Stack
            component="ul"
            gap="sm"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('arrivals.board.listLabel')}
          >
            {board.data.items.map((arrival) => (
              <BoardRow key={arrival.id} arrival={arrival} />
            ))}
          </Stack>
        )}
      </div>
    </Stack>
  );
}

function BoardRow({ arrival }: { arrival: Arrival }) {
  const t = useT();
  const locale = LOCALE_TAGS[currentLanguage()];
  const when = arrival.expectedAt ?? arrival.receivedAt ?? arrival.createdAt;
  return (
    <Paper component="li" withBorder p="md">
      <Group gap="md" wrap="nowrap" align="flex-start">
        <Stack gap={6} align="flex-start" style={{ flexShrink: 0 }}>
          <Text fw={700} fz="xl" lh={1.1}>
            {timeOf(when, locale)}
          </Text>
          <ArrivalStatusBadge status={arrival.status} />
        </Stack>
        <Stack gap={4} miw={0}>
          <Anchor component={Link} to={`/arrivals/${arrival.id}`} fw={600} fz="lg">
            {arrival.travellerName ?? t('arrivals.page.title')}
          </Anchor>
          <Text size="sm" c="dimmed">
            {[
              arrival.flightOrCrossing,
              arrival.kind === 'announced' && arrival.announcedBy
                ? t(`arrivals.announcer.${arrival.announcedBy}`)
                : t('arrivals.board.found'),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {arrival.categories.length > 0 && (
            <Text size="sm" c="grape.8" fw={500}>
              {arrival.categories.map((c) => t(`arrivals.category.${c}`)).join(' · ')}
            </Text>
          )}
          {arrival.openTasks > 0 && (
            <Text size="sm" c="var(--mantine-color-orange-light-color)">
              {t('arrivals.board.openTasks', { count: arrival.openTasks })}
            </Text>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
