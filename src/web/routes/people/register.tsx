import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { networkQuery, worksInOffices } from '../../api/identity';
import { type DuplicateCandidate, registrationApi } from '../../api/registration';
import { useDocumentTitle } from '../../components/document-title';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { ForbiddenPage } from '../forbidden';
import { DuplicateCandidates } from './duplicate-candidates';
import { recordsHealthData } from './maternity-fields';
import {
  clearDraft,
  draftValueAt,
  emptyDraft,
  isBlank,
  loadDraft,
  type RegistrationDraft,
  STEPS,
  type Step,
  saveDraft,
  stepOfField,
  toDuplicateCheck,
  toPersonCreate,
} from './registration-draft';
import { ContactStep, DocumentsStep, MoreStep, PersonStep, type StepProps } from './registration-steps';

/** `/people/new`: office staff register a person, in four short steps that fit a phone. */
export function RegistrationPage() {
  const t = useT();
  useDocumentTitle(t('registration.title'));
  const session = useReadySession();
  if (!worksInOffices(session.user.role) || session.user.officeIds.length === 0) return <ForbiddenPage />;
  return (
    <Stack gap="lg" maw={760}>
      <Title order={1}>{t('registration.heading')}</Title>
      <RegistrationForm />
    </Stack>
  );
}

type LocalErrors = Partial<Record<string, string>>;

const isPossibleDuplicates = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.type === 'urn:ruta:problem:possible-duplicates';

function RegistrationForm() {
  const t = useT();
  const navigate = useNavigate();
  const session = useReadySession();
  const userId = session.user.id;
  const network = useQuery(networkQuery);
  const myOffices = useMemo(
    () => (network.data?.offices ?? []).filter((office) => session.user.officeIds.includes(office.id)),
    [network.data, session.user.officeIds],
  );

  const [restored] = useState(() => loadDraft(userId));
  const [draft, setDraft] = useState<RegistrationDraft>(
    () =>
      restored?.draft ??
      emptyDraft(session.user.officeIds.length === 1 ? (session.user.officeIds[0] ?? '') : ''),
  );
  const [step, setStep] = useState<Step>(restored?.step ?? 'person');
  const [showRestored, setShowRestored] = useState(Boolean(restored && !isBlank(restored.draft)));
  const [local, setLocal] = useState<LocalErrors>({});
  const stepHeadingRef = useRef<HTMLHeadingElement>(null);
  const focusNextStep = useRef(false);

  // Keep a copy of what is typed, so a reload or a dropped connection loses nothing.
  useEffect(() => {
    if (isBlank(draft)) clearDraft(userId);
    else saveDraft(userId, draft, step);
  }, [draft, step, userId]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes on purpose
  useEffect(() => {
    if (focusNextStep.current) {
      focusNextStep.current = false;
      stepHeadingRef.current?.focus();
    }
  }, [step]);

  // Likely existing records, checked as the names, birth date and documents are typed.
  const checkBody = toDuplicateCheck(draft);
  const [debouncedCheck] = useDebouncedValue(checkBody ? JSON.stringify(checkBody) : null, 600);
  const duplicates = useQuery({
    queryKey: ['persons', 'duplicate-check', debouncedCheck],
    queryFn: ({ signal }) => registrationApi.checkDuplicates(JSON.parse(debouncedCheck as string), signal),
    enabled: debouncedCheck !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
  const liveCandidates: DuplicateCandidate[] = debouncedCheck ? (duplicates.data?.candidates ?? []) : [];

  // The draft as it was sent when the server refused it: a field changed since then no longer shows the message.
  const [refusedDraft, setRefusedDraft] = useState<RegistrationDraft | null>(null);
  const save = useMutation({
    mutationFn: ({ sent, acknowledge }: { sent: RegistrationDraft; acknowledge: boolean }) =>
      registrationApi.register(toPersonCreate(sent, acknowledge)),
    onSuccess: (person) => {
      clearDraft(userId);
      // The person's page shows what was saved (the phone with its country code, the documents as stored).
      navigate(`/people/${person.id}`, { state: { registered: true } });
    },
    onError: (error, { sent }) => {
      setRefusedDraft(sent);
      if (error instanceof ApiError && error.errors.length > 0) {
        const first = error.errors[0];
        if (first) goTo(stepOfField(first.path));
      }
    },
  });
  const saveError = save.error;
  const changedSinceRefused = (path: string) =>
    refusedDraft !== null && draftValueAt(refusedDraft, path) !== draftValueAt(draft, path);
  const serverMessage = (path: string) =>
    changedSinceRefused(path) ? undefined : fieldError(saveError, path);
  // After "possible duplicates", the decision stands only for what was sent: any change asks the server again.
  const conflict =
    isPossibleDuplicates(saveError) && refusedDraft && JSON.stringify(refusedDraft) === JSON.stringify(draft)
      ? saveError
      : null;
  const conflictCandidates = (conflict?.problem.candidates ?? []) as DuplicateCandidate[];
  const mustUseExisting = conflict?.problem.mustMergeOrUseExisting === true;

  function goTo(next: Step) {
    focusNextStep.current = true;
    setStep(next);
  }

  function update<K extends keyof RegistrationDraft>(field: K, value: RegistrationDraft[K]) {
    setDraft((previous) => ({ ...previous, [field]: value }));
    setLocal((previous) => ({ ...previous, [field]: undefined }));
    setShowRestored(false);
  }

  function validate(): LocalErrors {
    const problems: LocalErrors = {};
    if (!draft.officeId) problems.officeId = t('registration.required.office');
    if (!draft.givenName1.trim()) problems.givenName1 = t('registration.required.givenName1');
    if (!draft.surname1.trim()) problems.surname1 = t('registration.required.surname1');
    if (!draft.populationGroup) problems.populationGroup = t('registration.required.populationGroup');
    if (draft.birthDate && draft.birthDate > new Date().toISOString().slice(0, 10))
      problems.birthDate = t('registration.required.birthDatePast');
    draft.documents.forEach((document, index) => {
      if (!document.number.trim() && document.issuingCountry)
        problems[`documents.${index}.number`] = t('registration.required.documentNumber');
    });
    return problems;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = validate();
    setLocal(problems);
    const first = Object.keys(problems).find((key) => problems[key]);
    if (first) {
      goTo(stepOfField(first));
      return;
    }
    save.mutate({ sent: draft, acknowledge: false });
  }

  if (network.isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" aria-hidden />
        <Text>{t('registration.loading')}</Text>
      </Group>
    );
  }
  if (network.isError) return <ProblemAlert error={network.error} />;

  const stepIndex = STEPS.indexOf(step);
  const allServerErrors = saveError instanceof ApiError ? saveError.errors : [];
  const allServerPaths = allServerErrors.map((error) => error.path);
  const serverErrors = allServerErrors.filter((error) => !changedSinceRefused(error.path));
  // The alert above the step: not for duplicates (shown below with their decision), nor once every field the
  // server named has been changed.
  const alertError =
    saveError &&
    !isPossibleDuplicates(saveError) &&
    !(allServerErrors.length > 0 && serverErrors.length === 0)
      ? saveError
      : null;
  const stepsWithErrors = new Set<Step>([
    ...serverErrors.map((error) => stepOfField(error.path)),
    ...Object.keys(local)
      .filter((key) => local[key])
      .map(stepOfField),
  ]);
  const props: StepProps = {
    draft,
    update,
    setDraft,
    message: (path) => local[path] ?? serverMessage(path),
    offices: myOffices,
    recordsHealth: recordsHealthData(session.user.role),
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="registration-form-title">
      <VisuallyHidden id="registration-form-title">{t('registration.heading')}</VisuallyHidden>
      <Stack gap="md">
        {showRestored && restored && (
          <Alert color="blue" variant="light" title={t('registration.restored.title')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('registration.restored.body')}</Text>
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  clearDraft(userId);
                  setDraft(emptyDraft(draft.officeId));
                  setStep('person');
                  setShowRestored(false);
                  save.reset();
                }}
              >
                {t('registration.restored.discard')}
              </Button>
            </Stack>
          </Alert>
        )}

        <StepNavigation current={step} withErrors={stepsWithErrors} onChoose={goTo} />

        <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
          <Stack gap="md">
            <Title order={2} size="h3" ref={stepHeadingRef} tabIndex={-1}>
              {t('registration.stepOf', {
                index: stepIndex + 1,
                count: STEPS.length,
                name: t(`registration.step.${step}`),
              })}
            </Title>
            <ProblemAlert error={alertError} fields={allServerPaths} />
            {step === 'person' && <PersonStep {...props} />}
            {step === 'documents' && <DocumentsStep {...props} />}
            {step === 'contact' && <ContactStep {...props} />}
            {step === 'more' && <MoreStep {...props} />}
          </Stack>
        </Paper>

        {conflict ? (
          <SaveConflict
            candidates={conflictCandidates}
            mustUseExisting={mustUseExisting}
            title={conflict.title}
            pending={save.isPending}
            onAcknowledge={() => save.mutate({ sent: draft, acknowledge: true })}
          />
        ) : (
          liveCandidates.length > 0 && <LiveDuplicates candidates={liveCandidates} />
        )}

        <Group justify="space-between" gap="sm">
          <Group gap="sm">
            {stepIndex > 0 && (
              <Button variant="default" onClick={() => goTo(STEPS[stepIndex - 1] as Step)}>
                {t('registration.previous')}
              </Button>
            )}
            {stepIndex < STEPS.length - 1 && (
              <Button variant="light" onClick={() => goTo(STEPS[stepIndex + 1] as Step)}>
                {t('registration.next')}
              </Button>
            )}
          </Group>
          <Button type="submit" loading={save.isPending}>
            {t('registration.save')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('registration.saveHelp')}
        </Text>
        <Anchor component={Link} to="/" size="sm">
          {t('registration.leave')}
        </Anchor>
      </Stack>
    </form>
  );
}

/** The four steps as buttons: the current one marked, those with something to fix flagged. */
function StepNavigation({
  current,
  withErrors,
  onChoose,
}: {
  current: Step;
  withErrors: ReadonlySet<Step>;
  onChoose: (step: Step) => void;
}) {
  const t = useT();
  return (
    <nav aria-label={t('registration.stepsLabel')}>
      <SimpleGrid
        component="ol"
        cols={{ base: 2, sm: 4 }}
        spacing="xs"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {STEPS.map((step, index) => {
          const isCurrent = step === current;
          const hasError = withErrors.has(step);
          return (
            <li key={step}>
              <Button
                size="compact-sm"
                variant={isCurrent ? 'filled' : hasError ? 'outline' : 'default'}
                color={hasError && !isCurrent ? 'red.8' : undefined}
                aria-current={isCurrent ? 'step' : undefined}
                onClick={() => onChoose(step)}
                fullWidth
              >
                {`${index + 1}. ${t(`registration.step.${step}`)}`}
                {hasError && <VisuallyHidden>{` (${t('registration.stepHasErrors')})`}</VisuallyHidden>}
              </Button>
            </li>
          );
        })}
      </SimpleGrid>
    </nav>
  );
}

function LiveDuplicates({ candidates }: { candidates: readonly DuplicateCandidate[] }) {
  const t = useT();
  const headingId = useId();
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-labelledby={headingId}
      bg="yellow.0"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('registration.duplicates.heading', { count: candidates.length })}
        </Title>
        <Text size="sm">{t('registration.duplicates.intro')}</Text>
        <DuplicateCandidates candidates={candidates} labelledBy={headingId} />
      </Stack>
    </Paper>
  );
}

/** The decision after "possible duplicates": brought into view, since on a phone it appears below the step. */
function SaveConflict({
  candidates,
  mustUseExisting,
  title,
  pending,
  onAcknowledge,
}: {
  candidates: readonly DuplicateCandidate[];
  mustUseExisting: boolean;
  title: string;
  pending: boolean;
  onAcknowledge: () => void;
}) {
  const t = useT();
  const headingId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start' });
  }, []);
  return (
    <Alert
      ref={ref}
      color="red"
      variant="light"
      title={title}
      role="alert"
      style={{ scrollMarginTop: 72 }}
      styles={{ body: { minWidth: 0 } }}
    >
      <Stack gap="sm">
        <Text size="sm">
          {mustUseExisting ? t('registration.conflict.sameDocument') : t('registration.conflict.likely')}
        </Text>
        <VisuallyHidden id={headingId}>{t('registration.conflict.listLabel')}</VisuallyHidden>
        <DuplicateCandidates candidates={candidates} labelledBy={headingId} />
        {mustUseExisting ? (
          <Text size="sm" fw={600}>
            {t('registration.conflict.sameDocumentNext')}
          </Text>
        ) : (
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('registration.conflict.acknowledgeHelp')}</Text>
            <Button
              color="red.8"
              variant="outline"
              loading={pending}
              onClick={onAcknowledge}
              h="auto"
              py={8}
              styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
            >
              {t('registration.conflict.acknowledge')}
            </Button>
          </Stack>
        )}
      </Stack>
    </Alert>
  );
}
