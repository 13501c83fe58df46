import {
  Badge,
  Button,
  Group,
  Loader,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  arrivalsApi,
  type Protocol,
  type ProtocolStep,
  protocolReportQuery,
  protocolsQuery,
} from '../../api/arrivals';
import { ApiError } from '../../api/client';
import { useDocumentTitle } from '../../components/document-title';
import { useFormatters } from '../../components/formatters';
import { ProblemAlert } from '../../components/problem-alert';
import { currentLanguage, useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { offsetLabel } from '../arrivals/arrival-parts';
import { ForbiddenPage } from '../forbidden';

const PROTOCOL_ROLES = ['network_admin', 'office_coordinator'];

/** `/admin/protocols`: the protocols ("hojas de ruta") per category, their editing, and how steps are kept. */
export function ProtocolsPage() {
  const session = useReadySession();
  if (!PROTOCOL_ROLES.includes(session.user.role)) return <ForbiddenPage />;
  return <Protocols />;
}

function Protocols() {
  const t = useT();
  useDocumentTitle(t('protocols.title'));
  const protocols = useQuery(protocolsQuery);
  return (
    <Stack gap="lg" maw={960}>
      <Stack gap={4}>
        <Title order={1}>{t('protocols.title')}</Title>
        <Text c="dimmed">{t('protocols.intro')}</Text>
      </Stack>
      {protocols.isPending ? (
        <Group gap="sm" role="status">
          <Loader size="sm" aria-hidden />
          <Text>{t('protocols.loading')}</Text>
        </Group>
      ) : protocols.isError ? (
        <ProblemAlert error={protocols.error} />
      ) : (
        protocols.data.items.map((protocol) => (
          <ProtocolCard key={protocol.id} protocol={protocol} canManage={protocols.data.abilities.manage} />
        ))
      )}
      <Report />
    </Stack>
  );
}

function slug(text: string, taken: Set<string>) {
  const base =
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 30) || 'paso';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  return id;
}

function ProtocolCard({ protocol, canManage }: { protocol: Protocol; canManage: boolean }) {
  const t = useT();
  const format = useFormatters();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<{ name: Protocol['name']; steps: ProtocolStep[] } | null>(null);
  const save = useMutation({
    mutationFn: () =>
      arrivalsApi.updateProtocol(protocol.id, {
        version: protocol.version,
        name: draft?.name ?? protocol.name,
        steps: (draft?.steps ?? protocol.steps).map((step, _index, all) => ({
          ...step,
          id: step.id || slug(step.title.es, new Set(all.map((s) => s.id).filter(Boolean))),
        })),
      }),
    onSuccess: async () => {
      setDraft(null);
      await queryClient.invalidateQueries({ queryKey: ['protocols'] });
    },
  });
  const headingId = `protocol-${protocol.category}`;
  const error = save.error instanceof ApiError ? save.error : null;

  if (!draft) {
    return (
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={headingId}>
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={2}>
              <Title order={2} size="h3" id={headingId}>
                {protocol.name[language]}
              </Title>
              <Text size="sm" c="dimmed">
                {t('protocols.versionLine', {
                  version: protocol.version,
                  date: format.date(protocol.updatedAt),
                })}
              </Text>
            </Stack>
            {canManage && (
              <Button
                variant="default"
                onClick={() => setDraft({ name: protocol.name, steps: protocol.steps })}
                aria-label={t('protocols.editNamed', { name: protocol.name[language] })}
              >
                {t('protocols.edit')}
              </Button>
            )}
          </Group>
          <Stack component="ol" gap={4} pl="lg" m={0}>
            {protocol.steps.map((step) => (
              <Text component="li" key={step.id}>
                {step.title[language]}{' '}
                <Text span size="sm" c="dimmed">
                  {offsetLabel(t, step.dueOffsetMinutes)}
                </Text>
              </Text>
            ))}
          </Stack>
        </Stack>
      </Paper>
    );
  }

  const setStep = (index: number, changes: Partial<ProtocolStep>) =>
    setDraft({ ...draft, steps: draft.steps.map((s, i) => (i === index ? { ...s, ...changes } : s)) });
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={headingId}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="md">
          <Title order={2} size="h3" id={headingId}>
            {t('protocols.editing', { name: protocol.name[language] })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('protocols.editHelp')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              required
              label={t('protocols.nameEs')}
              value={draft.name.es}
              onChange={(e) => setDraft({ ...draft, name: { ...draft.name, es: e.currentTarget.value } })}
            />
            <TextInput
              required
              label={t('protocols.nameEn')}
              value={draft.name.en}
              onChange={(e) => setDraft({ ...draft, name: { ...draft.name, en: e.currentTarget.value } })}
            />
          </SimpleGrid>
          <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {draft.steps.map((step, index) => (
              <Paper component="li" withBorder p="sm" key={step.id || `new-${index}`}>
                <Stack gap="xs">
                  <Text size="sm" fw={600}>
                    {t('protocols.stepNumber', { number: index + 1 })}
                  </Text>
                  <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                    <TextInput
                      required
                      label={t('protocols.stepTitleEs')}
                      value={step.title.es}
                      error={error?.fieldError(`steps.${index}.title.es`)}
                      onChange={(e) =>
                        setStep(index, { title: { ...step.title, es: e.currentTarget.value } })
                      }
                    />
                    <TextInput
                      required
                      label={t('protocols.stepTitleEn')}
                      value={step.title.en}
                      error={error?.fieldError(`steps.${index}.title.en`)}
                      onChange={(e) =>
                        setStep(index, { title: { ...step.title, en: e.currentTarget.value } })
                      }
                    />
                    <NumberInput
                      required
                      min={0}
                      max={43200}
                      label={t('protocols.stepOffset')}
                      value={step.dueOffsetMinutes}
                      error={error?.fieldError(`steps.${index}.dueOffsetMinutes`)}
                      onChange={(value) => setStep(index, { dueOffsetMinutes: Number(value) || 0 })}
                    />
                  </SimpleGrid>
                  <Group>
                    <Button
                      variant="subtle"
                      color="red"
                      size="compact-sm"
                      disabled={draft.steps.length <= 1}
                      onClick={() => setDraft({ ...draft, steps: draft.steps.filter((_, i) => i !== index) })}
                    >
                      {t('protocols.removeStep')}
                    </Button>
                  </Group>
                </Stack>
              </Paper>
            ))}
          </Stack>
          <Group>
            <Button
              variant="default"
              onClick={() =>
                setDraft({
                  ...draft,
                  steps: [...draft.steps, { id: '', title: { es: '', en: '' }, dueOffsetMinutes: 60 }],
                })
              }
            >
              {t('protocols.addStep')}
            </Button>
          </Group>
          {save.isError && <ProblemAlert error={save.error} />}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('protocols.save')}
            </Button>
            <Button variant="subtle" onClick={() => setDraft(null)}>
              {t('protocols.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function Report() {
  const t = useT();
  const language = currentLanguage();
  const report = useQuery(protocolReportQuery());
  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby="protocol-report-heading"
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="protocol-report-heading">
          {t('protocols.report.title')}
        </Title>
        {report.isPending ? (
          <Loader size="sm" aria-label={t('protocols.loading')} />
        ) : report.isError ? (
          <ProblemAlert error={report.error} />
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('protocols.report.period', { from: report.data.from, to: report.data.to })}
            </Text>
            <Table.ScrollContainer minWidth={520}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('protocols.report.protocol')}</Table.Th>
                    <Table.Th ta="right">{t('protocols.timeliness.on_time')}</Table.Th>
                    <Table.Th ta="right">{t('protocols.timeliness.late')}</Table.Th>
                    <Table.Th ta="right">{t('protocols.timeliness.pending')}</Table.Th>
                    <Table.Th ta="right">{t('protocols.timeliness.overdue')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.data.items.map((item) => (
                    <Table.Tr key={item.category}>
                      <Table.Td>{item.name[language]}</Table.Td>
                      <Table.Td ta="right">{item.onTime}</Table.Td>
                      <Table.Td ta="right">{item.late}</Table.Td>
                      <Table.Td ta="right">{item.pending}</Table.Td>
                      <Table.Td ta="right">
                        {item.overdue > 0 ? (
                          <Badge color="red" variant="light">
                            {item.overdue}
                          </Badge>
                        ) : (
                          0
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Stack>
    </Paper>
  );
}
