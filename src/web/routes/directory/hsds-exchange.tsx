import { Alert, Anchor, Button, FileInput, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import {
  canImportHsds,
  HSDS_COUNTED_TABLES,
  HSDS_EXPORT_URL,
  type HsdsImportResult,
  type HsdsIssue,
  importHsdsPackage,
  packageErrors,
} from '../../api/hsds';
import { useDocumentTitle } from '../../components/document-title';
import { ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { type TranslationKey, useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { ForbiddenPage } from '../forbidden';

/** `/directory/hsds`: download the directory as an HSDS 3.0 package, or import one (administrators, coordinators). */
export function HsdsExchangePage() {
  const session = useReadySession();
  if (!canImportHsds(session.user.role)) return <ForbiddenPage />;
  return <HsdsExchange />;
}

function HsdsExchange() {
  const t = useT();
  useDocumentTitle(t('hsds.title'));
  return (
    <Stack gap="lg" maw={900}>
      <Stack gap={4}>
        <Anchor component={Link} to="/directory" size="sm">
          {t('hsds.back')}
        </Anchor>
        <Title order={1}>{t('hsds.title')}</Title>
        <Text c="dimmed">{t('hsds.intro')}</Text>
      </Stack>
      <Section title={t('hsds.download.title')}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t('hsds.download.help')}</Text>
          <Button component="a" href={HSDS_EXPORT_URL} download variant="default">
            {t('hsds.download.button')}
          </Button>
        </Stack>
      </Section>
      <ImportSection />
    </Stack>
  );
}

function ImportSection() {
  const t = useT();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const send = useMutation({
    mutationFn: () => importHsdsPackage(file as File),
    // The directory's lists show what was imported.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['directory'] }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return setMissing(true);
    setMissing(false);
    send.mutate();
  }

  const errors = packageErrors(send.error);
  return (
    <Section title={t('hsds.upload.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('hsds.upload.help')}</Text>
          <FileInput
            label={t('hsds.upload.file')}
            description={t('hsds.upload.fileHelp')}
            accept=".zip,application/zip"
            value={file}
            onChange={(chosen) => {
              setFile(chosen);
              send.reset();
            }}
            clearable
            clearButtonProps={{ 'aria-label': t('hsds.upload.clear') }}
            error={missing ? t('hsds.upload.fileMissing') : undefined}
          />
          <Group>
            <Button type="submit" loading={send.isPending}>
              {t('hsds.upload.submit')}
            </Button>
          </Group>
          {send.data && <ImportReport result={send.data} />}
          {send.error && errors.length === 0 && <ProblemAlert error={send.error} />}
          {errors.length > 0 && <PackageErrors error={send.error} errors={errors} />}
        </Stack>
      </form>
    </Section>
  );
}

function ImportReport({ result }: { result: HsdsImportResult }) {
  const t = useT();
  return (
    <Stack gap="sm">
      <Alert color="green" variant="light" title={t('hsds.result.title')} role="status">
        <Text size="sm">{t('hsds.result.body')}</Text>
      </Alert>
      <Table.ScrollContainer minWidth={320}>
        <Table striped withTableBorder aria-label={t('hsds.result.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('hsds.result.table')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('hsds.result.created')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('hsds.result.updated')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {HSDS_COUNTED_TABLES.map((table) => (
              <Table.Tr key={table} data-table={table}>
                <Table.Th scope="row" fw="normal">
                  {t(`hsds.tables.${table}` as TranslationKey)}
                </Table.Th>
                <Table.Td ta="right">{result.counts[table].created}</Table.Td>
                <Table.Td ta="right">{result.counts[table].updated}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {result.warningCount > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('hsds.result.notes', { count: result.warningCount })}
          </Text>
          <List size="sm" spacing={2}>
            {result.warnings.map((warning) => (
              <List.Item key={`${warning.file}:${warning.row}:${warning.field}:${warning.message}`}>
                {where(t, warning)} {warning.message}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}

function where(t: ReturnType<typeof useT>, issue: HsdsIssue): string {
  const parts = [issue.file];
  if (issue.row !== null) parts.push(t('hsds.issue.row', { row: issue.row }));
  if (issue.field) parts.push(issue.field);
  return `${parts.join(' · ')}:`;
}

function PackageErrors({ error, errors }: { error: unknown; errors: HsdsIssue[] }) {
  const t = useT();
  const problem = error as { title: string; detail?: string };
  return (
    <Stack gap="sm">
      <Alert color="red" variant="light" title={problem.title} role="alert">
        <Text size="sm">{problem.detail}</Text>
      </Alert>
      {/* On a phone the errors read as a list; from a tablet up, as a table. */}
      <List size="sm" spacing={4} hiddenFrom="sm" aria-label={t('hsds.errors.tableLabel')}>
        {errors.map((issue) => (
          <List.Item key={`${issue.file}:${issue.row}:${issue.field}:${issue.message}`}>
            {where(t, issue)} {issue.message}
          </List.Item>
        ))}
      </List>
      <Table.ScrollContainer minWidth={560} visibleFrom="sm">
        <Table withTableBorder aria-label={t('hsds.errors.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('hsds.errors.file')}</Table.Th>
              <Table.Th scope="col">{t('hsds.errors.row')}</Table.Th>
              <Table.Th scope="col">{t('hsds.errors.field')}</Table.Th>
              <Table.Th scope="col">{t('hsds.errors.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((issue) => (
              <Table.Tr key={`${issue.file}:${issue.row}:${issue.field}:${issue.message}`}>
                <Table.Td>{issue.file}</Table.Td>
                <Table.Td>{issue.row ?? '—'}</Table.Td>
                <Table.Td>{issue.field ?? '—'}</Table.Td>
                <Table.Td>{issue.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
