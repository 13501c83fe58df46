import { Badge, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type Task, type Timeliness, tasksApi, taskTitle } from '../../api/arrivals';
import { useFormatters } from '../../components/formatters';
import { ProblemAlert } from '../../components/problem-alert';
import { currentLanguage, useT } from '../../i18n';

const TIMELINESS_COLOR: Record<Timeliness, string> = {
  on_time: 'green',
  late: 'orange',
  pending: 'ruta',
  overdue: 'red',
  cancelled: 'gray',
};

/** One task with a large checkbox: ticking it records who did it and when; unticking reopens it. */
export function TaskCheck({ task, showTimeliness = true }: { task: Task; showTimeliness?: boolean }) {
  const t = useT();
  const format = useFormatters();
  const queryClient = useQueryClient();
  // Ticked at once (React state, so the box never flickers back); cleared once the list has caught up.
  const [optimistic, setOptimistic] = useState<boolean | null>(null);
  const toggle = useMutation({
    mutationFn: (done: boolean) =>
      tasksApi.update(task.id, { version: task.version, status: done ? 'done' : 'open' }),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: ['arrivals'] });
      await queryClient.invalidateQueries({ queryKey: ['tasks'] });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      setOptimistic(null);
    },
  });
  const title = taskTitle(task, currentLanguage());
  const timeliness = task.protocol?.timeliness;
  return (
    <Paper withBorder p="sm">
      <Stack gap={6}>
        <Checkbox
          size="lg"
          checked={optimistic ?? task.status === 'done'}
          disabled={task.status === 'cancelled'}
          onChange={(event) => {
            if (toggle.isPending) return;
            const done = event.currentTarget.checked;
            setOptimistic(done);
            toggle.mutate(done);
          }}
          label={
            <Text fw={500} td={task.status === 'done' ? 'line-through' : undefined}>
              {title}
            </Text>
          }
        />
        <Group gap="xs" pl={40}>
          {task.dueAt && (
            <Text size="sm" c={task.dueState === 'overdue' ? 'red.9' : 'dimmed'}>
              {t('tasks.dueAt', { time: format.dateTime(task.dueAt) })}
            </Text>
          )}
          {showTimeliness && timeliness && (
            <Badge size="sm" variant="light" color={TIMELINESS_COLOR[timeliness]}>
              {t(`protocols.timeliness.${timeliness}`)}
            </Badge>
          )}
          {!task.protocol && task.dueState === 'overdue' && (
            <Badge size="sm" variant="light" color="red">
              {t('tasks.dueState.overdue')}
            </Badge>
          )}
          {task.completedBy && task.completedAt && (
            <Text size="sm" c="dimmed">
              {t('tasks.doneBy', {
                name: task.completedBy.displayName,
                time: format.dateTime(task.completedAt),
              })}
            </Text>
          )}
        </Group>
        {toggle.isError && <ProblemAlert error={toggle.error} />}
      </Stack>
    </Paper>
  );
}

export function Checklist({ tasks }: { tasks: Task[] }) {
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {tasks.map((task) => (
        <li key={task.id}>
          <TaskCheck task={task} />
        </li>
      ))}
    </Stack>
  );
}
