import { Alert, Badge, Button, FileButton, List, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { assessmentApi, instrumentsQuery, localized } from '../../api/assessment';
import { ApiError } from '../../api/client';
import { useDocumentTitle } from '../../components/document-title';
import { useFormatters } from '../../components/formatters';
import { ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { currentLanguage, useT } from '../../i18n';

/** `/admin/instruments`: the integration-index instruments and their versions; import one from a JSON file. */
export function InstrumentsPage() {
  const t = useT();
  const format = useFormatters();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  useDocumentTitle(t('assessment.instruments.title'));
  const instruments = useQuery(instrumentsQuery);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  const importFile = useMutation({
    mutationFn: async (file: File) => {
      let definition: unknown;
      try {
        definition = JSON.parse(await file.text());
      } catch {
        throw new Error('json');
      }
      return assessmentApi.importInstrument(definition);
    },
    onMutate: () => {
      setFileProblem(null);
      setImported(null);
    },
    onSuccess: (_, file) => {
      setImported(file.name);
      void queryClient.invalidateQueries({ queryKey: ['assessment', 'instruments'] });
    },
    onError: (error) => {
      if (error instanceof Error && error.message === 'json')
        setFileProblem(t('assessment.instruments.notJson'));
    },
  });
  const supersede = useMutation({
    mutationFn: (versionId: string) => assessmentApi.supersede(versionId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['assessment', 'instruments'] }),
  });

  return (
    <Stack gap="xl" maw={960}>
      <Stack gap="xs">
        <Title order={1}>{t('assessment.instruments.title')}</Title>
        <Text c="dimmed">{t('assessment.instruments.intro')}</Text>
      </Stack>
      {instruments.data?.abilities.manage && (
        <Section title={t('assessment.instruments.importTitle')}>
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('assessment.instruments.importHint')}</Text>
            <FileButton onChange={(file) => file && importFile.mutate(file)} accept="application/json,.json">
              {(props) => (
                <Button {...props} loading={importFile.isPending}>
                  {t('assessment.instruments.importButton')}
                </Button>
              )}
            </FileButton>
            {fileProblem && (
              <Alert color="red" role="alert">
                {fileProblem}
              </Alert>
            )}
            {importFile.error && !fileProblem ? <ImportProblem error={importFile.error} /> : null}
            {imported && (
              <Alert color="green" role="status">
                {t('assessment.instruments.imported', { file: imported })}
              </Alert>
            )}
          </Stack>
        </Section>
      )}
      {instruments.isPending && <Loader size="sm" aria-label={t('assessment.loading')} />}
      {instruments.isError && <ProblemAlert error={instruments.error} />}
      {supersede.error ? <ProblemAlert error={supersede.error} /> : null}
      {instruments.data?.items.map((instrument) => (
        <Section key={instrument.key} title={localized(instrument.name, language)}>
          <Text size="sm" c="dimmed" mb="sm">
            {instrument.key} · {t(`assessment.instruments.subject.${instrument.subject}`)}
          </Text>
          <Table.ScrollContainer minWidth={520}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('assessment.instruments.version')}</Table.Th>
                  <Table.Th>{t('assessment.instruments.status')}</Table.Th>
                  <Table.Th>{t('assessment.instruments.content')}</Table.Th>
                  <Table.Th>{t('assessment.instruments.applications')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {instrument.versions.map((version) => (
                  <Table.Tr key={version.id}>
                    <Table.Td>
                      v{version.versionNumber}
                      <Text size="xs" c="dimmed">
                        {format.date(version.createdAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={version.status === 'active' ? 'green' : 'gray'} variant="light">
                        {t(`assessment.instruments.statuses.${version.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {t('assessment.instruments.counts', {
                        dimensions: version.dimensions,
                        questions: version.questions,
                      })}
                    </Table.Td>
                    <Table.Td>{version.applications}</Table.Td>
                    <Table.Td>
                      {instruments.data.abilities.manage && version.status !== 'superseded' && (
                        <Button
                          size="xs"
                          variant="default"
                          loading={supersede.isPending && supersede.variables === version.id}
                          onClick={() => supersede.mutate(version.id)}
                        >
                          {t('assessment.instruments.supersede')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Section>
      ))}
    </Stack>
  );
}

/** A refused definition: each error with the JSON path it is about, so the file can be fixed. */
function ImportProblem({ error }: { error: unknown }) {
  if (!(error instanceof ApiError) || error.errors.length === 0) return <ProblemAlert error={error} />;
  return (
    <Alert color="red" variant="light" title={error.title} role="alert">
      <List size="sm">
        {error.errors.map((item) => (
          <List.Item key={`${item.path}:${item.message}`}>
            <Text span ff="monospace" fw={600}>
              {item.path || '/'}
            </Text>{' '}
            {item.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
