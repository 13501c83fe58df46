import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  List,
  Loader,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { networkQuery } from '../../api/identity';
import {
  errorFileUrl,
  IMPORT_FIELDS,
  type ImportField,
  type ImportJob,
  type ImportMode,
  type ImportPreview,
  type ImportUpload,
  importQuery,
  isRunning,
  POPULATION_GROUPS,
  type PopulationGroup,
  recentImportsQuery,
  uploadImport,
} from '../../api/imports';
import type { DuplicateCandidate } from '../../api/registration';
import { useDocumentTitle } from '../../components/document-title';
import { useFormatters } from '../../components/formatters';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { type Translate, useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { MatchExplanation } from '../people/match-explanation';

/**
 * Spreadsheet import, in steps on one page: choose the office and the file, say what each column holds (saved for
 * the next file with the same headers), check the preview, choose the mode, follow the progress, get the result
 * and the error file. The job's id stays in the address, so a reload comes back to its progress.
 */
export function ImportsPage() {
  const t = useT();
  useDocumentTitle(t('import.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const jobId = searchParams.get('job');
  const [upload, setUpload] = useState<ImportUpload | null>(null);
  const job = useQuery({ ...importQuery(jobId ?? ''), enabled: Boolean(jobId) });

  const open = (id: string | null) => setSearchParams(id ? { job: id } : {});
  const current = job.data;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('import.heading')}</Title>
        <Text c="dimmed">{t('import.intro')}</Text>
      </Stack>
      {!jobId && (
        <UploadStep
          onUploaded={(result) => {
            setUpload(result);
            open(result.job.id);
          }}
        />
      )}
      {jobId && job.isPending && <Loader size="sm" aria-label={t('import.loading')} />}
      {jobId && job.isError && <ProblemAlert error={job.error} />}
      {current?.status === 'draft' && (
        <DraftSteps
          key={current.id}
          job={current}
          upload={upload?.job.id === current.id ? upload : null}
          onCancel={() => open(null)}
        />
      )}
      {current && current.status !== 'draft' && <Progress job={current} onAnother={() => open(null)} />}
      <RecentImports onOpen={open} />
    </Stack>
  );
}

function UploadStep({ onUploaded }: { onUploaded: (result: ImportUpload) => void }) {
  const t = useT();
  const { user } = useReadySession();
  const network = useQuery(networkQuery);
  const offices = (network.data?.offices ?? []).filter((office) => user.officeIds.includes(office.id));
  const [officeId, setOfficeId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const chosenOffice = officeId || offices[0]?.id || '';
  const send = useMutation({
    mutationFn: () => uploadImport(chosenOffice, file as File),
    onSuccess: onUploaded,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return setMissing(true);
    setMissing(false);
    send.mutate();
  }

  return (
    <Section title={t('import.upload.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('import.upload.help')}</Text>
          {offices.length > 1 && (
            <NativeSelect
              label={t('import.upload.office')}
              data={offices.map((office) => ({ value: office.id, label: office.name }))}
              value={chosenOffice}
              onChange={(event) => setOfficeId(event.currentTarget.value)}
            />
          )}
          {offices.length === 1 && (
            <Text size="sm">{t('import.upload.officeOnly', { office: offices[0]?.name })}</Text>
          )}
          <FileInput
            label={t('import.upload.file')}
            description={t('import.upload.fileHelp')}
            placeholder={t('import.upload.filePlaceholder')}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={setFile}
            clearable
            error={missing ? t('import.upload.fileMissing') : fieldError(send.error, 'file')}
          />
          <ProblemAlert error={send.error} fields={['file']} />
          <Group>
            <Button type="submit" loading={send.isPending} disabled={!chosenOffice}>
              {t('import.upload.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function DraftSteps({
  job,
  upload,
  onCancel,
}: {
  job: ImportJob;
  upload: ImportUpload | null;
  onCancel: () => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const [mapping, setMapping] = useState<Array<ImportField | null>>(job.mapping);
  const [population, setPopulation] = useState<PopulationGroup | ''>(job.defaultPopulationGroup ?? '');
  const [mode, setMode] = useState<ImportMode>('skipInvalid');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const mappingHeading = useId();

  const save = useMutation({
    mutationFn: async () => {
      await api.put<ImportJob>(`/api/v1/imports/${job.id}/mapping`, {
        mapping,
        defaultPopulationGroup: population || null,
      });
      return api.get<ImportPreview>(`/api/v1/imports/${job.id}/preview?limit=20`);
    },
    onSuccess: setPreview,
  });
  const start = useMutation({
    mutationFn: () => api.post<ImportJob>(`/api/v1/imports/${job.id}/start`, { mode }),
    onSuccess: (started) => {
      queryClient.setQueryData(importQuery(job.id).queryKey, started);
      void queryClient.invalidateQueries({ queryKey: recentImportsQuery.queryKey });
    },
  });
  const cancel = useMutation({
    mutationFn: () => api.post<ImportJob>(`/api/v1/imports/${job.id}/cancel`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: recentImportsQuery.queryKey });
      onCancel();
    },
  });

  const setField = (column: number, value: string) => {
    setPreview(null);
    setMapping((previous) =>
      previous.map((field, i) => (i === column ? ((value || null) as ImportField | null) : field)),
    );
  };

  return (
    <>
      <Section title={t('import.mapping.title', { file: job.fileName })}>
        <Stack gap="md">
          <Text size="sm" id={mappingHeading}>
            {upload?.mappingSource === 'saved'
              ? t('import.mapping.saved')
              : t('import.mapping.help', { count: job.totalRows })}
          </Text>
          <div style={GRID}>
            {job.columns.map((column, index) => (
              <NativeSelect
                // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position in the file
                key={index}
                label={column}
                description={
                  upload?.samples[index]?.length
                    ? t('import.mapping.samples', { values: upload.samples[index].join(' · ') })
                    : undefined
                }
                data={[
                  { value: '', label: t('import.mapping.skip') },
                  ...IMPORT_FIELDS.map((field) => ({ value: field, label: t(`import.field.${field}`) })),
                ]}
                value={mapping[index] ?? ''}
                onChange={(event) => setField(index, event.currentTarget.value)}
              />
            ))}
          </div>
          {!mapping.includes('populationGroup') && (
            <NativeSelect
              label={t('import.mapping.population')}
              description={t('import.mapping.populationHelp')}
              data={[
                { value: '', label: t('import.mapping.populationNone') },
                ...POPULATION_GROUPS.map((group) => ({
                  value: group,
                  label: t(`import.population.${group}`),
                })),
              ]}
              value={population}
              onChange={(event) => {
                setPreview(null);
                setPopulation(event.currentTarget.value as PopulationGroup | '');
              }}
            />
          )}
          <ProblemAlert error={save.error} />
          <Group>
            <Button onClick={() => save.mutate()} loading={save.isPending}>
              {t('import.mapping.submit')}
            </Button>
            <Button variant="subtle" onClick={() => cancel.mutate()} loading={cancel.isPending}>
              {t('import.cancelDraft')}
            </Button>
          </Group>
        </Stack>
      </Section>
      {preview && (
        <Section title={t('import.preview.title')}>
          <Stack gap="md">
            <Text size="sm" aria-live="polite">
              {t('import.preview.summary', { count: preview.totalRows, invalid: preview.invalidRows })}
            </Text>
            <PreviewRows preview={preview} />
            <Radio.Group
              label={t('import.mode.label')}
              value={mode}
              onChange={(value) => setMode(value as ImportMode)}
            >
              <Stack gap="xs" mt="xs">
                <Radio
                  value="skipInvalid"
                  label={t('import.mode.skipInvalid')}
                  description={t('import.mode.skipInvalidHelp')}
                />
                <Radio
                  value="allOrNothing"
                  label={t('import.mode.allOrNothing')}
                  description={t('import.mode.allOrNothingHelp')}
                />
              </Stack>
            </Radio.Group>
            <ProblemAlert error={start.error} />
            <Group>
              <Button onClick={() => start.mutate()} loading={start.isPending}>
                {t('import.start', { count: preview.totalRows })}
              </Button>
            </Group>
          </Stack>
        </Section>
      )}
    </>
  );
}

function PreviewRows({ preview }: { preview: ImportPreview }) {
  const t = useT();
  return (
    <Stack component="ol" className="plain-list" gap="xs" aria-label={t('import.preview.rows')}>
      {preview.rows.map((row) => (
        <Paper component="li" withBorder p="sm" key={row.rowNumber} data-row={row.rowNumber}>
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <Text size="sm" c="dimmed" miw="3.5rem">
              {t('import.preview.rowNumber', { number: row.rowNumber })}
            </Text>
            <Stack gap={4} miw={0}>
              {row.person ? (
                <>
                  <Text size="sm" fw={600}>
                    {row.person.displayName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[...row.person.documents, row.person.birthDate].filter(Boolean).join(' · ')}
                  </Text>
                </>
              ) : (
                <Text size="sm">{row.cells.filter(Boolean).slice(0, 3).join(' · ')}</Text>
              )}
              {row.errors.length > 0 ? (
                <List size="sm" c="red.9" spacing={2}>
                  {row.errors.map((error) => (
                    <List.Item key={`${error.field}-${error.message}`}>
                      {t(`import.field.${error.field}` as 'import.field.row')}: {error.message}
                    </List.Item>
                  ))}
                </List>
              ) : row.candidates.length > 0 ? (
                <Candidates candidates={row.candidates} />
              ) : (
                <Text size="sm" c="green.9">
                  {t('import.preview.ok')}
                </Text>
              )}
            </Stack>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

function Candidates({ candidates }: { candidates: DuplicateCandidate[] }) {
  const t = useT();
  return (
    <Stack gap={4}>
      {candidates.slice(0, 3).map((candidate, index) => (
        <div key={candidate.person?.id ?? `${candidate.officeName}-${index}`}>
          <Text size="sm">
            <Badge
              variant="light"
              tt="none"
              color={candidate.decision === 'same' ? 'red.9' : 'yellow.9'}
              mr={6}
            >
              {t('import.preview.score', { score: Math.round(candidate.score * 100) })}
            </Badge>
            {candidate.person ? (
              <Anchor href={`/people/${candidate.person.id}`} size="sm">
                {candidate.person.displayName}
              </Anchor>
            ) : (
              t('import.preview.otherOffice', { office: candidate.officeName })
            )}
            {' — '}
            {candidate.reasons.map((reason) => t(`import.reason.${reason}`)).join(', ')}
          </Text>
          {candidate.explanation && <MatchExplanation explanation={candidate.explanation} />}
        </div>
      ))}
    </Stack>
  );
}

function Progress({ job, onAnother }: { job: ImportJob; onAnother: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const running = isRunning(job);
  const percent = job.totalRows ? Math.round((job.processedRows / job.totalRows) * 100) : 100;
  const progressLabel = useId();
  const cancel = useMutation({
    mutationFn: () => api.post<ImportJob>(`/api/v1/imports/${job.id}/cancel`),
    onSuccess: (cancelled) => queryClient.setQueryData(importQuery(job.id).queryKey, cancelled),
  });
  // The recent list shows the final counts as soon as the job ends.
  useEffect(() => {
    if (!running) void queryClient.invalidateQueries({ queryKey: recentImportsQuery.queryKey });
  }, [running, queryClient]);

  return (
    <Section title={t('import.progress.title', { file: job.fileName })}>
      <Stack gap="md">
        <Text size="sm" id={progressLabel} aria-live="polite">
          {t(`import.status.${job.status}`)} —{' '}
          {t('import.progress.rows', { processed: job.processedRows, total: job.totalRows })}
        </Text>
        <progress
          className="import-progress"
          aria-labelledby={progressLabel}
          max={100}
          value={percent}
          style={{ width: '100%', height: '1rem' }}
        />
        {!running && <Result job={job} />}
        <ProblemAlert error={cancel.error} />
        <Group>
          {running ? (
            <Button variant="default" onClick={() => cancel.mutate()} loading={cancel.isPending}>
              {t('import.progress.cancel')}
            </Button>
          ) : (
            <Button onClick={onAnother}>{t('import.another')}</Button>
          )}
        </Group>
      </Stack>
    </Section>
  );
}

function Result({ job }: { job: ImportJob }) {
  const t = useT();
  return (
    <Stack gap="sm">
      {job.status === 'failed' && (
        <Alert color="red" variant="light" title={t('import.result.failed')} role="alert">
          <Text size="sm">
            {t(job.errorCode === 'invalidRows' ? 'import.result.invalidRows' : 'import.result.error')}
          </Text>
        </Alert>
      )}
      <List size="sm" spacing={2} aria-label={t('import.result.label')}>
        <List.Item>{t('import.result.created', { count: job.createdRows })}</List.Item>
        <List.Item>{t('import.result.matched', { count: job.matchedRows })}</List.Item>
        <List.Item>{t('import.result.skipped', { count: job.skippedRows })}</List.Item>
        <List.Item>{t('import.result.rejected', { count: job.rejectedRows })}</List.Item>
        {job.flaggedRows > 0 && (
          <List.Item>{t('import.result.flagged', { count: job.flaggedRows })}</List.Item>
        )}
      </List>
      {job.rejectedRows > 0 && (
        <Group>
          <Button component="a" href={errorFileUrl(job.id)} download variant="default">
            {t('import.result.download')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

const GRID = { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(15rem, 1fr))', gap: '1rem' };

function statusColor(job: ImportJob) {
  if (job.status === 'succeeded') return 'green.9';
  if (job.status === 'failed') return 'red.9';
  if (isRunning(job)) return 'blue.9';
  return 'gray.8';
}

function RecentImports({ onOpen }: { onOpen: (id: string) => void }) {
  const t = useT();
  const formatters = useFormatters();
  const recent = useQuery(recentImportsQuery);
  const items = recent.data?.items ?? [];
  return (
    <Section title={t('import.recent.title')}>
      {recent.isPending ? (
        <Loader size="sm" aria-label={t('import.loading')} />
      ) : recent.isError ? (
        <ProblemAlert error={recent.error} />
      ) : items.length === 0 ? (
        <Text size="sm">{t('import.recent.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.recent.file')}</Table.Th>
                <Table.Th>{t('import.recent.when')}</Table.Th>
                <Table.Th>{t('import.recent.status')}</Table.Th>
                <Table.Th>{t('import.recent.counts')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((job) => (
                <Table.Tr key={job.id}>
                  <Table.Td>
                    <Anchor component="button" type="button" size="sm" onClick={() => onOpen(job.id)}>
                      {job.fileName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {job.createdBy.displayName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatters.dateTime(job.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" tt="none" color={statusColor(job)}>
                      {t(`import.status.${job.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{countsLine(t, job)}</Text>
                    {job.rejectedRows > 0 && (
                      <Anchor href={errorFileUrl(job.id)} download size="sm">
                        {t('import.result.download')}
                      </Anchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

function countsLine(t: Translate, job: ImportJob) {
  return t('import.recent.countsLine', {
    total: job.totalRows,
    created: job.createdRows,
    rejected: job.rejectedRows,
  });
}
