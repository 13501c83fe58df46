import { Anchor, Group, Loader, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { officeOverviewQuery } from '../../api/arrivals';
import { networkQuery } from '../../api/identity';
import { useDocumentTitle } from '../../components/document-title';
import { useFormatters } from '../../components/formatters';
import { ProblemAlert } from '../../components/problem-alert';
import { useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { TaskCheck } from '../arrivals/checklist';
import { ForbiddenPage } from '../forbidden';

/** `/work/office`: the coordinator's view of an office — tasks per person, the overdue ones, stale cases. */
export function OfficeWorkPage() {
  const session = useReadySession();
  if (session.user.role !== 'office_coordinator') return <ForbiddenPage />;
  return <OfficeWork />;
}

function OfficeWork() {
  const t = useT();
  const format = useFormatters();
  useDocumentTitle(t('work.office.title'));
  const session = useReadySession();
  const network = useQuery(networkQuery);
  const [params, setParams] = useSearchParams();
  const officeIds = session.user.officeIds;
  const officeId = officeIds.includes(params.get('office') ?? '')
    ? (params.get('office') as string)
    : officeIds[0];
  const overview = useQuery({ ...officeOverviewQuery(officeId as string), enabled: Boolean(officeId) });
  const officeName = (id: string) => network.data?.offices.find((o) => o.id === id)?.name ?? '';

  return (
    <Stack gap="lg" maw={960}>
      <Stack gap={4}>
        <Title order={1}>{t('work.office.title')}</Title>
        <Text c="dimmed">{officeId ? officeName(officeId) : ''}</Text>
      </Stack>
      {officeIds.length > 1 && (
        <NativeSelect
          label={t('work.taskOffice')}
          value={officeId}
          data={officeIds.map((id) => ({ value: id, label: officeName(id) || id }))}
          onChange={(e) => setParams({ office: e.currentTarget.value }, { replace: true })}
          maw={420}
        />
      )}
      {overview.isPending ? (
        <Group gap="sm" role="status">
          <Loader size="sm" aria-hidden />
          <Text>{t('work.loading')}</Text>
        </Group>
      ) : overview.isError ? (
        <ProblemAlert error={overview.error} />
      ) : (
        <>
          <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="staff-heading">
            <Title order={2} size="h3" id="staff-heading" mb="sm">
              {t('work.office.staff')}
            </Title>
            <Table.ScrollContainer minWidth={280}>
              <Table striped horizontalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('work.office.person')}</Table.Th>
                    <Table.Th ta="right">{t('work.office.tasks')}</Table.Th>
                    {overview.data.unassigned.openCases !== null && (
                      <Table.Th ta="right">{t('work.office.openCases')}</Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {overview.data.staff.map((member) => (
                    <Table.Tr key={member.id}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {member.displayName}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <TaskCounts open={member.openTasks} overdue={member.overdueTasks} />
                      </Table.Td>
                      {member.openCases !== null && <Table.Td ta="right">{member.openCases}</Table.Td>}
                    </Table.Tr>
                  ))}
                  <Table.Tr>
                    <Table.Td>
                      <Text size="sm" fs="italic">
                        {t('work.officeQueue')}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <TaskCounts
                        open={overview.data.unassigned.openTasks}
                        overdue={overview.data.unassigned.overdueTasks}
                      />
                    </Table.Td>
                    {overview.data.unassigned.openCases !== null && <Table.Td ta="right">—</Table.Td>}
                  </Table.Tr>
                  {overview.data.unassigned.openCases !== null && overview.data.unassigned.openCases > 0 && (
                    <Table.Tr>
                      <Table.Td>
                        <Text size="sm" fs="italic">
                          {t('work.office.waitingAssignment')}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">—</Table.Td>
                      <Table.Td ta="right">{overview.data.unassigned.openCases}</Table.Td>
                    </Table.Tr>
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <Stack gap="sm" component="section" aria-labelledby="overdue-heading">
            <Title order={2} size="h3" id="overdue-heading">
              {t('work.office.overdue')}
            </Title>
            {overview.data.overdue.length === 0 ? (
              <Text>{t('work.office.noOverdue')}</Text>
            ) : (
              <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {overview.data.overdue.map((task) => (
                  <Stack component="li" key={task.id} gap={2}>
                    <TaskCheck task={task} showTimeliness={false} />
                    <Text size="sm" c="dimmed" pl="sm">
                      {task.assignee?.displayName ?? t('work.officeQueue')}
                    </Text>
                  </Stack>
                ))}
              </Stack>
            )}
          </Stack>
          {overview.data.inactiveCases && (
            <Stack gap="sm" component="section" aria-labelledby="inactive-heading">
              <Title order={2} size="h3" id="inactive-heading">
                {t('work.office.inactiveCases')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('work.office.inactiveHelp')}
              </Text>
              {overview.data.inactiveCases.length === 0 ? (
                <Text>{t('work.office.noInactive')}</Text>
              ) : (
                <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                  {overview.data.inactiveCases.map((c) => (
                    <Paper component="li" key={c.id} withBorder p="sm">
                      <Anchor component={Link} to={`/cases/${c.id}`} fw={500}>
                        {c.subject}
                      </Anchor>
                      <Text size="sm">{[c.programme, c.caseworker].filter(Boolean).join(' · ')}</Text>
                      <Text size="sm" c="red.9">
                        {t('work.office.lastActivity', { date: format.date(c.lastActivityAt) })}
                      </Text>
                    </Paper>
                  ))}
                </Stack>
              )}
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}

/** Open tasks, and how many of them are overdue in red. */
function TaskCounts({ open, overdue }: { open: number; overdue: number }) {
  const t = useT();
  return (
    <Group gap={6} justify="flex-end" wrap="wrap">
      <Text size="sm">{open}</Text>
      {overdue > 0 && (
        <Text size="sm" c="red.9" fw={600}>
          {t('work.office.overdueCount', { count: overdue })}
        </Text>
      )}
    </Group>
  );
}
