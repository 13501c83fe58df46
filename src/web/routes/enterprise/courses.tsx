import { Anchor, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { courseQuery, coursesQuery, type Enrolment, enterpriseApi } from '../../api/enterprise';
import { useDocumentTitle } from '../../components/document-title';
import { ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { type TranslationKey, useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { ForbiddenPage } from '../forbidden';
import { CourseForm } from './course-form';
import { label, useDay } from './parts';

const COURSE_ROLES = ['office_coordinator', 'caseworker', 'network_admin', 'partner_focal_point'];

/** `/enterprise/courses`: trainings and courses with their places taken and completions. */
export function CoursesPage() {
  const session = useReadySession();
  if (!COURSE_ROLES.includes(session.user.role)) return <ForbiddenPage />;
  return <Courses />;
}

function Courses() {
  const t = useT();
  const day = useDay();
  useDocumentTitle(t('enterprise.courses.title'));
  const courses = useQuery(coursesQuery);
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="lg">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Title order={1}>{t('enterprise.courses.title')}</Title>
        {!creating && <Button onClick={() => setCreating(true)}>{t('enterprise.courseForm.create')}</Button>}
      </Group>
      {creating && (
        <CourseForm
          onDone={(saved) => {
            setCreating(false);
            if (saved) void navigate(`/enterprise/courses/${saved.id}`);
          }}
        />
      )}
      {courses.isError ? (
        <ProblemAlert error={courses.error} />
      ) : !courses.data ? (
        <Loader aria-label={t('enterprise.loading')} />
      ) : courses.data.items.length === 0 ? (
        <Text>{t('enterprise.courses.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('enterprise.field.course')}</Table.Th>
                <Table.Th>{t('enterprise.field.kind')}</Table.Th>
                <Table.Th>{t('enterprise.field.dates')}</Table.Th>
                <Table.Th>{t('enterprise.field.places')}</Table.Th>
                <Table.Th>{t('enterprise.field.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {courses.data.items.map((course) => (
                <Table.Tr key={course.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/enterprise/courses/${course.id}`}>
                      {course.name}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {course.organizationName} · {label(t, 'modality', course.modality)} ·{' '}
                      {t('enterprise.courses.hours', { count: course.hours })}
                    </Text>
                  </Table.Td>
                  <Table.Td>{label(t, 'kind', course.kind)}</Table.Td>
                  <Table.Td>
                    {day(course.startsOn)} – {day(course.endsOn)}
                  </Table.Td>
                  <Table.Td>
                    {course.capacity === null
                      ? t('enterprise.courses.enrolledOnly', { count: course.enrolled })
                      : t('enterprise.courses.placesTaken', {
                          enrolled: course.enrolled,
                          capacity: course.capacity,
                        })}
                  </Table.Td>
                  <Table.Td>{label(t, 'courseStatus', course.status)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** `/enterprise/courses/:courseId`: a course and the enrolled people the user may see. */
export function CoursePage() {
  const session = useReadySession();
  if (!COURSE_ROLES.includes(session.user.role)) return <ForbiddenPage />;
  return <Course />;
}

function Course() {
  const t = useT();
  const day = useDay();
  const { courseId = '' } = useParams();
  const course = useQuery(courseQuery(courseId));
  const [editing, setEditing] = useState(false);
  useDocumentTitle(course.data?.name ?? t('enterprise.courses.title'));
  if (course.isError) return <ProblemAlert error={course.error} />;
  if (!course.data) return <Loader aria-label={t('enterprise.loading')} />;
  const c = course.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/enterprise/courses">
        ← {t('enterprise.courses.title')}
      </Anchor>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Title order={1}>{c.name}</Title>
        {c.canEdit && !editing && (
          <Button variant="light" onClick={() => setEditing(true)}>
            {t('enterprise.courseForm.edit')}
          </Button>
        )}
      </Group>
      {editing && <CourseForm course={c} onDone={() => setEditing(false)} />}
      <Group gap="xs" wrap="wrap">
        <Badge variant="outline" color="gray.7" radius="sm">
          {label(t, 'courseStatus', c.status)}
        </Badge>
        <Text size="sm">
          {c.organizationName} · {label(t, 'kind', c.kind)} · {label(t, 'modality', c.modality)} ·{' '}
          {t('enterprise.courses.hours', { count: c.hours })}
          {c.municipality ? ` · ${c.municipality.name}` : ''}
        </Text>
      </Group>
      <Text size="sm">
        {day(c.startsOn)} – {day(c.endsOn)}
        {c.capacity !== null &&
          ` · ${t('enterprise.courses.placesTaken', { enrolled: c.enrolled, capacity: c.capacity })}`}
      </Text>
      <Section title={t('enterprise.courses.enrolments')}>
        <Stack gap="sm">
          {c.enrolments.length === 0 ? (
            <Text c="dimmed">{t('enterprise.courses.noEnrolments')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={480}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('enterprise.field.person')}</Table.Th>
                    <Table.Th>{t('enterprise.field.enrolledOn')}</Table.Th>
                    <Table.Th>{t('enterprise.field.status')}</Table.Th>
                    <Table.Th>{t('enterprise.field.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.enrolments.map((enrolment) => (
                    <EnrolmentRow key={enrolment.id} enrolment={enrolment} courseId={c.id} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {c.hiddenEnrolments > 0 && (
            <Text size="sm" c="dimmed">
              {t('enterprise.courses.hidden', { count: c.hiddenEnrolments })}
            </Text>
          )}
        </Stack>
      </Section>
    </Stack>
  );
}

function EnrolmentRow({ enrolment, courseId }: { enrolment: Enrolment; courseId: string }) {
  const t = useT();
  const day = useDay();
  const client = useQueryClient();
  const move = useMutation({
    mutationFn: (status: string) =>
      enterpriseApi.updateEnrolment(enrolment.id, { version: enrolment.version, status }),
    onSettled: () => client.invalidateQueries({ queryKey: ['enterprise', 'course', courseId] }),
  });
  return (
    <Table.Tr>
      <Table.Td>
        {enrolment.officeId ? (
          <Anchor component={Link} to={`/people/${enrolment.personId}`}>
            {enrolment.personName}
          </Anchor>
        ) : (
          enrolment.personName
        )}
      </Table.Td>
      <Table.Td>{day(enrolment.enrolledOn)}</Table.Td>
      <Table.Td>
        {label(t, 'enrolmentStatus', enrolment.status)}
        {enrolment.completedOn && ` · ${day(enrolment.completedOn)}`}
      </Table.Td>
      <Table.Td>
        <Group gap="xs">
          {enrolment.nextStatuses.map((status) => (
            <Button
              key={status}
              size="compact-sm"
              variant="light"
              loading={move.isPending && move.variables === status}
              onClick={() => move.mutate(status)}
            >
              {t(`enterprise.enrolmentAction.${status}` as TranslationKey)}
            </Button>
          ))}
        </Group>
        {move.isError && <ProblemAlert error={move.error} />}
      </Table.Td>
    </Table.Tr>
  );
}
