import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { myWorkQuery, type Task, tasksApi } from '../../api/arrivals';
import { ApiError } from '../../api/client';
import { networkQuery } from '../../api/identity';
import { useDocumentTitle } from '../../components/document-title';
import { ProblemAlert } from '../../components/problem-alert';
import { useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { TaskCheck } from '../arrivals/checklist';
import { ForbiddenPage } from '../forbidden';

const WORK_ROLES = ['caseworker', 'office_coordinator', 'reception_officer'];

/** `/work`: "Mi trabajo de hoy" — the signed-in user's open tasks, overdue first, then today, then upcoming. */
export function MyWorkPage() {
  const session = useReadySession();
  if (!WORK_ROLES.includes(session.user.role)) return <ForbiddenPage />;
  return <MyWork />;
}

function MyWork() {
  const t = useT();
  useDocumentTitle(t('work.title'));
  const work = useQuery(myWorkQuery);
  return (
    <Stack gap="lg" maw={880}>
      <Stack gap={4}>
        <Title order={1}>{t('work.title')}</Title>
        <Text c="dimmed">{t('work.intro')}</Text>
      </Stack>
      <div aria-busy={work.isPending}>
        {work.isPending ? (
          <Group gap="sm" role="status">
            <Loader size="sm" aria-hidden />
            <Text>{t('work.loading')}</Text>
          </Group>
        ) : work.isError ? (
          <ProblemAlert error={work.error} />
        ) : work.data.overdue.length + work.data.today.length + work.data.upcoming.length === 0 ? (
          <Text>{t('work.empty')}</Text>
        ) : (
          <Stack gap="xl">
            <Section id="overdue" title={t('work.overdue')} color="red" tasks={work.data.overdue} />
            <Section id="today" title={t('work.today')} color="ruta" tasks={work.data.today} />
            <Section id="upcoming" title={t('work.upcoming')} color="gray" tasks={work.data.upcoming} />
          </Stack>
        )}
      </div>
      <NewTask />
    </Stack>
  );
}

function Section({ id, title, color, tasks }: { id: string; title: string; color: string; tasks: Task[] }) {
  const t = useT();
  if (tasks.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby={`work-${id}`}>
      <Group gap="sm">
        <Title order={2} size="h3" id={`work-${id}`}>
          {title}
        </Title>
        <Badge color={color} variant="light" size="lg">
          {tasks.length}
        </Badge>
      </Group>
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {tasks.map((task) => (
          <Stack key={task.id} gap={2} component="li">
            <TaskCheck task={task} showTimeliness={false} />
            <Group gap="sm" pl="sm">
              {task.arrivalId && (
                <Anchor component={Link} to={`/arrivals/${task.arrivalId}`} size="sm">
                  {t('work.openArrival')}
                </Anchor>
              )}
              {task.personId && (
                <Anchor component={Link} to={`/people/${task.personId}`} size="sm">
                  {t('work.openPerson')}
                </Anchor>
              )}
              {task.caseId && (
                <Anchor component={Link} to={`/cases/${task.caseId}`} size="sm">
                  {t('work.openCase')}
                </Anchor>
              )}
              {!task.assignee && (
                <Text size="sm" c="dimmed">
                  {t('work.officeQueue')}
                </Text>
              )}
            </Group>
          </Stack>
        ))}
      </Stack>
    </Stack>
  );
}

function NewTask() {
  const t = useT();
  const session = useReadySession();
  const network = useQuery(networkQuery);
  const queryClient = useQueryClient();
  const officeIds = session.user.officeIds;
  const [officeId, setOfficeId] = useState(officeIds[0] ?? '');
  const [title, setTitle] = useState('');
  const [dueAt, setDueAt] = useState('');
  const create = useMutation({
    mutationFn: () =>
      tasksApi.create({
        officeId,
        title,
        assigneeId: session.user.id,
        dueAt: dueAt ? new Date(dueAt).toISOString() : null,
      }),
    onSuccess: async () => {
      setTitle('');
      setDueAt('');
      await queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-task-heading">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id="new-task-heading">
            {t('work.newTask')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: officeIds.length > 1 ? 3 : 2 }} spacing="sm">
            <TextInput
              required
              label={t('work.taskTitle')}
              value={title}
              error={create.error instanceof ApiError ? create.error.fieldError('title') : undefined}
              onChange={(e) => setTitle(e.currentTarget.value)}
            />
            <TextInput
              type="datetime-local"
              label={t('work.taskDue')}
              value={dueAt}
              onChange={(e) => setDueAt(e.currentTarget.value)}
            />
            {officeIds.length > 1 && (
              <NativeSelect
                label={t('work.taskOffice')}
                value={officeId}
                data={officeIds.map((id) => ({
                  value: id,
                  label: network.data?.offices.find((o) => o.id === id)?.name ?? id,
                }))}
                onChange={(e) => setOfficeId(e.currentTarget.value)}
              />
            )}
          </SimpleGrid>
          {create.isError && <ProblemAlert error={create.error} />}
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('work.addTask')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
