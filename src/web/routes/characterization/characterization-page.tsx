import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Progress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  type CharacterizationSummary,
  characterizationApi,
  characterizationQuery,
  type Draft,
  draftQuery,
  emptyAnswers,
  SECTIONS,
} from '../../api/characterization';
import { ApiError } from '../../api/client';
import { personQuery } from '../../api/people';
import { useDocumentTitle } from '../../components/document-title';
import { ProblemAlert } from '../../components/problem-alert';
import { useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { PersonNotFound } from '../people/person-detail';
import { answeredSections, SECTION_FORMS } from './section-forms';
import {
  type DraftDocument,
  initialDraft,
  type SaveStatus,
  storageKey,
  useDraftAutosave,
} from './use-draft-autosave';

/** Fill in or update a person's characterization, one section at a time, with the draft saved as one types. */
export function CharacterizationPage() {
  const t = useT();
  const { personId = '' } = useParams();
  const person = useQuery(personQuery(personId));
  const summary = useQuery(characterizationQuery(personId));
  const draft = useQuery(draftQuery(personId));
  useDocumentTitle(
    person.data
      ? t('characterization.pageTitle', { name: person.data.displayName })
      : t('characterization.title'),
  );

  const error = person.error ?? summary.error ?? draft.error;
  if (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400))
      return <PersonNotFound />;
    return <ProblemAlert error={error} />;
  }
  if (!person.data || !summary.data || !draft.data) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" aria-hidden />
        <Text>{t('characterization.loading')}</Text>
      </Group>
    );
  }
  return (
    <CharacterizationForm
      personId={personId}
      personName={person.data.displayName}
      summary={summary.data}
      serverDraft={draft.data.draft}
    />
  );
}

function startingDocument(summary: CharacterizationSummary): DraftDocument {
  const current = summary.current;
  return current
    ? { answers: current.answers, occupations: current.occupations, sensitive: current.sensitive }
    : { answers: emptyAnswers(), occupations: [], sensitive: null };
}

/** Text colours with at least 4.5:1 contrast on white (WCAG AA), checked by axe in the browser journey. */
const STATUS_COLOR: Record<SaveStatus, string> = {
  idle: 'gray.7',
  saved: 'teal.9',
  pending: 'gray.7',
  saving: 'gray.7',
  offline: 'red.9',
  error: 'red.9',
  conflict: 'red.9',
};

function CharacterizationForm({
  personId,
  personName,
  summary,
  serverDraft,
}: {
  personId: string;
  personName: string;
  summary: CharacterizationSummary;
  serverDraft: Draft | null;
}) {
  const t = useT();
  const session = useReadySession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const readSensitive = summary.abilities.readSensitive;
  // Computed once: afterwards the form owns the document.
  const [initial] = useState(() =>
    initialDraft(storageKey(session.user.id, personId), serverDraft, startingDocument(summary)),
  );
  const { document, setDocument, status, fieldErrors, flush, forget } = useDraftAutosave({
    personId,
    userId: session.user.id,
    initial,
    sendSensitive: readSensitive,
  });
  const [index, setIndex] = useState(0);
  const [completing, setCompleting] = useState(false);
  const [completeError, setCompleteError] = useState<unknown>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const answered = answeredSections(document);
  const done = SECTIONS.filter((section) => answered[section]).length;
  const section = SECTIONS[index] ?? 'education';
  const Form = SECTION_FORMS[section];

  function go(next: number) {
    setIndex(next);
    window.scrollTo({ top: 0 });
    headingRef.current?.focus();
  }

  async function complete() {
    setCompleting(true);
    setCompleteError(null);
    try {
      const version = await flush();
      const result = await characterizationApi.complete(personId, version);
      forget();
      queryClient.removeQueries({ queryKey: draftQuery(personId).queryKey });
      queryClient.setQueryData(characterizationQuery(personId).queryKey, result);
      await navigate(`/people/${personId}`, { state: { characterizationCompleted: result.current?.number } });
    } catch (error) {
      setCompleteError(error);
      setCompleting(false);
    }
  }

  return (
    <Stack gap="lg" maw={720}>
      <Stack gap="xs">
        <Anchor component={Link} to={`/people/${personId}`} size="sm">
          {t('characterization.backToPerson')}
        </Anchor>
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {t('characterization.pageTitle', { name: personName })}
        </Title>
        <Text size="sm" c="dimmed">
          {t('characterization.optional')}
        </Text>
      </Stack>

      <Stack gap={6}>
        <Text size="sm">{t('characterization.progress', { done, total: SECTIONS.length })}</Text>
        <Progress.Root size="lg" radius="xl">
          <Progress.Section
            value={(done / SECTIONS.length) * 100}
            aria-label={t('characterization.progress', { done, total: SECTIONS.length })}
          />
        </Progress.Root>
        <NativeSelect
          label={t('characterization.goToSection')}
          value={section}
          data={SECTIONS.map((key, position) => ({
            value: key,
            label: `${position + 1}. ${t(`characterization.section.${key}`)}${answered[key] ? ' ✓' : ''}`,
          }))}
          onChange={(event) => go(SECTIONS.indexOf(event.currentTarget.value as (typeof SECTIONS)[number]))}
        />
      </Stack>

      <Paper
        component="section"
        withBorder
        p={{ base: 'md', sm: 'lg' }}
        aria-labelledby="characterization-section"
      >
        <Text size="sm" c="dimmed">
          {t('characterization.sectionOf', { current: index + 1, total: SECTIONS.length })}
        </Text>
        <Title order={2} size="h3" mb="md" id="characterization-section" ref={headingRef} tabIndex={-1}>
          {t(`characterization.section.${section}`)}
        </Title>
        <Form
          document={document}
          setDocument={setDocument}
          readSensitive={readSensitive}
          errors={fieldErrors}
        />
      </Paper>

      <Text size="sm" role="status" aria-live="polite" c={STATUS_COLOR[status]} data-save-status={status}>
        {t(`characterization.status.${status}`)}
      </Text>
      {fieldErrors && <ProblemAlert error={fieldErrors} />}

      <Group justify="space-between" gap="sm">
        <Button variant="default" disabled={index === 0} onClick={() => go(index - 1)}>
          {t('characterization.previous')}
        </Button>
        <Button variant="default" disabled={index === SECTIONS.length - 1} onClick={() => go(index + 1)}>
          {t('characterization.next')}
        </Button>
      </Group>

      <Stack gap="xs">
        {completeError instanceof ApiError && <ProblemAlert error={completeError} />}
        {completeError !== null && !(completeError instanceof ApiError) && (
          <Alert color="orange" variant="light">
            {t('characterization.status.offline')}
          </Alert>
        )}
        <Button size="md" onClick={complete} loading={completing} disabled={done === 0}>
          {t('characterization.complete')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('characterization.completeHelp')}
        </Text>
      </Stack>
    </Stack>
  );
}
