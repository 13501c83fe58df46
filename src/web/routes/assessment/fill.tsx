import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Progress,
  Radio,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  type Application,
  type ApplicationWithInstrument,
  applicationQuery,
  assessmentApi,
  levelFill,
  localized,
} from '../../api/assessment';
import { ApiError } from '../../api/client';
import { useDocumentTitle } from '../../components/document-title';
import { ProblemAlert } from '../../components/problem-alert';
import { currentLanguage, useT } from '../../i18n';

type Answers = Record<string, string | null>;
type SaveState = 'saved' | 'saving' | 'offline' | 'idle';

/** What this device holds of a draft: the answers not yet confirmed by the server, so a dropped connection loses nothing. */
interface LocalDraft {
  pending: Answers;
  currentDimension: number;
}

const storageKey = (id: string) => `ruta.assessment.${id}`;

/** A 0–1 score as the index defines it, with two decimals in the interface's language (0,63 / 0.63). */
function unitScore(value: number | null, language: string): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(language.startsWith('en') ? 'en' : 'es-CO', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}

function readLocal(id: string): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(storageKey(id));
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}

function writeLocal(id: string, draft: LocalDraft | null) {
  try {
    if (draft && (Object.keys(draft.pending).length > 0 || draft.currentDimension > 0)) {
      window.localStorage.setItem(storageKey(id), JSON.stringify(draft));
    } else {
      window.localStorage.removeItem(storageKey(id));
    }
  } catch {
    // Private browsing without storage: the server copy is all there is.
  }
}

const SAVE_DELAY_MS = 700;
const RETRY_MS = 5000;

/** `/assessments/:id`: fill in an index on a phone, one dimension per step, answers saved as they are given. */
export function AssessmentPage() {
  const t = useT();
  const { id = '' } = useParams();
  const application = useQuery(applicationQuery(id));
  useDocumentTitle(t('assessment.fill.title'));
  if (application.isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" aria-hidden />
        <Text>{t('assessment.loading')}</Text>
      </Group>
    );
  }
  if (application.isError) {
    if (application.error instanceof ApiError && [403, 404, 400].includes(application.error.status)) {
      return (
        <Stack gap="md" maw={560}>
          <Title order={1}>{t('assessment.fill.notFound')}</Title>
          <Text>{t('assessment.fill.notFoundBody')}</Text>
        </Stack>
      );
    }
    return <ProblemAlert error={application.error} />;
  }
  return application.data.status === 'completed' ? (
    <ResultView application={application.data} />
  ) : (
    <FillIn key={application.data.id} application={application.data} />
  );
}

function subjectLink(application: Application) {
  return application.householdId
    ? `/households/${application.householdId}`
    : `/people/${application.personId}`;
}

function FillIn({ application }: { application: ApplicationWithInstrument }) {
  const t = useT();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const definition = application.definition;
  const local = readLocal(application.id);
  const [answers, setAnswers] = useState<Answers>(() => ({
    ...application.answers,
    ...(local?.pending ?? {}),
  }));
  const [step, setStep] = useState(() =>
    Math.min(local?.currentDimension ?? application.currentDimension, definition.dimensions.length - 1),
  );
  const [saveState, setSaveState] = useState<SaveState>(
    local && Object.keys(local.pending).length ? 'offline' : 'idle',
  );
  const [completeError, setCompleteError] = useState<unknown>(null);
  const [completing, setCompleting] = useState(false);
  const version = useRef(application.version);
  const pending = useRef<Answers>({ ...(local?.pending ?? {}) });
  const stepRef = useRef(step);
  const timer = useRef<number | undefined>(undefined);
  const saving = useRef(false);

  const persistLocal = useCallback(() => {
    writeLocal(application.id, { pending: pending.current, currentDimension: stepRef.current });
  }, [application.id]);

  const flush = useCallback(async (): Promise<boolean> => {
    if (saving.current) return false;
    saving.current = true;
    const sent = { ...pending.current };
    setSaveState('saving');
    try {
      const saved = await assessmentApi.save(application.id, {
        version: version.current,
        answers: sent,
        currentDimension: stepRef.current,
      });
      version.current = saved.version;
      for (const [key, value] of Object.entries(sent)) {
        if (pending.current[key] === value) delete pending.current[key];
      }
      persistLocal();
      setSaveState(Object.keys(pending.current).length ? 'saving' : 'saved');
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        // Someone saved in between (another tab, a retried request): take their version, keep our answers.
        const current = (error.problem as { current?: Application }).current;
        if (current?.status === 'draft') {
          version.current = current.version;
          saving.current = false;
          return flush();
        }
      }
      setSaveState('offline');
      return false;
    } finally {
      saving.current = false;
    }
  }, [application.id, persistLocal]);

  const schedule = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
  }, [flush]);

  // On reconnect, and every few seconds while offline, resend what this device still holds.
  useEffect(() => {
    const resend = () => {
      if (Object.keys(pending.current).length) void flush();
    };
    window.addEventListener('online', resend);
    const interval = window.setInterval(() => {
      if (Object.keys(pending.current).length && !saving.current) void flush();
    }, RETRY_MS);
    if (Object.keys(pending.current).length) resend();
    return () => {
      window.removeEventListener('online', resend);
      window.clearInterval(interval);
      window.clearTimeout(timer.current);
    };
  }, [flush]);

  const answer = (questionId: string, value: string) => {
    setAnswers((previous) => ({ ...previous, [questionId]: value }));
    pending.current[questionId] = value;
    persistLocal();
    setSaveState('saving');
    schedule();
  };

  const goTo = (next: number) => {
    setStep(next);
    stepRef.current = next;
    persistLocal();
    void flush();
    window.scrollTo({ top: 0 });
  };

  const complete = async () => {
    setCompleting(true);
    setCompleteError(null);
    window.clearTimeout(timer.current);
    const flushed = Object.keys(pending.current).length === 0 || (await flush());
    try {
      if (!flushed)
        throw new ApiError({
          type: 'urn:ruta:problem:network',
          title: t('assessment.fill.offline'),
          status: 0,
        });
      await assessmentApi.complete(application.id, { version: version.current });
      writeLocal(application.id, null);
      await queryClient.invalidateQueries({ queryKey: ['assessment'] });
    } catch (error) {
      setCompleteError(error);
    } finally {
      setCompleting(false);
    }
  };

  const dimension = definition.dimensions[step];
  if (!dimension) return null;
  const scales = new Map(definition.scales.map((scale) => [scale.id, scale]));
  const total = definition.dimensions.reduce((sum, d) => sum + d.questions.length, 0);
  const answered = definition.dimensions.reduce(
    (sum, d) => sum + d.questions.filter((q) => answers[q.id]).length,
    0,
  );
  const isLast = step === definition.dimensions.length - 1;

  return (
    <Stack gap="md" maw={640}>
      <Anchor component={Link} to={subjectLink(application)} size="sm">
        {application.householdId ? t('assessment.fill.backToHousehold') : t('assessment.fill.backToPerson')}
      </Anchor>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {localized(definition.name, language)}
        </Title>
        <Text size="sm" c="dimmed">
          {t(`assessment.kind.${application.kind}`)} · {t(`assessment.respondent.${application.respondent}`)}
        </Text>
      </Stack>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={600}>
            {t('assessment.fill.step', { step: step + 1, total: definition.dimensions.length })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('assessment.fill.answered', { answered, total })}
          </Text>
        </Group>
        <Progress
          value={(answered / total) * 100}
          aria-label={t('assessment.fill.progress', { answered, total })}
          size="lg"
        />
        <SaveStatus state={saveState} />
      </Stack>
      <Paper withBorder p="md" component="section" aria-labelledby="dimension-heading">
        <Title order={2} size="h3" id="dimension-heading" mb="md">
          {localized(dimension.name, language)}
        </Title>
        <Stack gap="lg">
          {dimension.questions.map((question, index) => (
            <Radio.Group
              key={question.id}
              name={question.id}
              label={`${index + 1}. ${localized(question.text, language)}`}
              description={question.help ? localized(question.help, language) : undefined}
              value={answers[question.id] ?? ''}
              onChange={(value) => answer(question.id, value)}
            >
              <Stack gap="xs" mt="xs">
                {(scales.get(question.scale)?.options ?? []).map((option) => (
                  <Radio key={option.value} value={option.value} label={localized(option.label, language)} />
                ))}
              </Stack>
            </Radio.Group>
          ))}
        </Stack>
      </Paper>
      {completeError ? <ProblemAlert error={completeError} /> : null}
      <Group justify="space-between">
        <Button variant="default" disabled={step === 0} onClick={() => goTo(step - 1)}>
          {t('assessment.fill.previous')}
        </Button>
        {isLast ? (
          <Button loading={completing} onClick={() => void complete()}>
            {t('assessment.fill.complete')}
          </Button>
        ) : (
          <Button onClick={() => goTo(step + 1)}>{t('assessment.fill.next')}</Button>
        )}
      </Group>
    </Stack>
  );
}

function SaveStatus({ state }: { state: SaveState }) {
  const t = useT();
  if (state === 'offline') {
    return (
      <Alert color="orange" p="xs" role="status">
        {t('assessment.fill.offline')}
      </Alert>
    );
  }
  return (
    <Text size="xs" c="dimmed" role="status" aria-live="polite">
      {state === 'saving'
        ? t('assessment.fill.saving')
        : state === 'saved'
          ? t('assessment.fill.saved')
          : ' '}
    </Text>
  );
}

/** A completed application: the overall score and level, and each dimension's score. */
function ResultView({ application }: { application: ApplicationWithInstrument }) {
  const t = useT();
  const language = currentLanguage();
  const definition = application.definition;
  const result = application.result;
  const level = definition.levels.find((l) => l.id === result?.levelId);
  return (
    <Stack gap="md" maw={640}>
      <Anchor component={Link} to={subjectLink(application)} size="sm">
        {application.householdId ? t('assessment.fill.backToHousehold') : t('assessment.fill.backToPerson')}
      </Anchor>
      <Title order={1} size="h2">
        {t('assessment.result.title')}
      </Title>
      <Text c="dimmed">
        {localized(definition.name, language)} · {t(`assessment.kind.${application.kind}`)}
      </Text>
      <Paper withBorder p="md">
        <Group gap="md" align="center">
          <Text fz={40} fw={700} lh={1}>
            {Math.round((result?.overall ?? 0) * 100)}
          </Text>
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              {t('assessment.result.overall')}
            </Text>
            <Badge size="lg" variant="filled" color={levelFill(definition.levels, result?.levelId ?? null)}>
              {t('assessment.result.level', { level: localized(level?.label, language) })}
            </Badge>
          </Stack>
        </Group>
        <Text size="sm" mt="sm">
          {t('assessment.result.unitScore', { score: unitScore(result?.overall ?? null, language) })}
        </Text>
        <Text size="sm" c="dimmed" component="p" m={0} aria-label={t('assessment.result.levelsLabel')}>
          {t('assessment.result.levels', {
            levels: definition.levels
              .map(
                (l) =>
                  `${localized(l.label, language)} ${t('assessment.result.from')} ${unitScore(l.min, language)}`,
              )
              .join(' · '),
          })}
        </Text>
      </Paper>
      <Stack
        gap="sm"
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('assessment.result.byDimension')}
      >
        {definition.dimensions.map((dimension) => {
          const score = result?.dimensions.find((d) => d.dimensionId === dimension.id)?.score ?? null;
          return (
            <li key={dimension.id}>
              <Group justify="space-between" gap="xs">
                <Text fw={600}>{localized(dimension.name, language)}</Text>
                <Text>{score === null ? t('assessment.result.noScore') : Math.round(score * 100)}</Text>
              </Group>
              <Progress value={(score ?? 0) * 100} aria-hidden color="teal" />
            </li>
          );
        })}
      </Stack>
      <Text size="sm" c="dimmed">
        {t('assessment.result.scale')}
      </Text>
      <Group>
        <Button component={Link} to={subjectLink(application)}>
          {application.householdId ? t('assessment.fill.backToHousehold') : t('assessment.fill.backToPerson')}
        </Button>
      </Group>
    </Stack>
  );
}
