import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  ARRIVAL_CATEGORIES,
  type ArrivalCategory,
  type ArrivalDetail,
  type ArrivalReceive,
  arrivalQuery,
  arrivalsApi,
  type Provision,
} from '../../api/arrivals';
import { ApiError } from '../../api/client';
import type { DuplicateCandidate } from '../../api/registration';
import { useDocumentTitle } from '../../components/document-title';
import { useFormatters } from '../../components/formatters';
import { ProblemAlert } from '../../components/problem-alert';
import { currentLanguage, useT } from '../../i18n';
import { ArrivalStatusBadge, offsetLabel, ProvisionFields, ToggleGrid } from './arrival-parts';
import { Checklist } from './checklist';
import { HandoffPanel } from './handoff-panel';
import { type TravellerChoice, TravellerPicker } from './traveller-picker';

/** `/arrivals/:id`: the arrival, its reception and its protocol checklist. */
export function ArrivalPage() {
  const t = useT();
  const { arrivalId } = useParams();
  const arrival = useQuery(arrivalQuery(arrivalId as string));
  useDocumentTitle(arrival.data?.travellerName ?? t('arrivals.page.title'));
  if (arrival.isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" aria-hidden />
        <Text>{t('arrivals.page.loading')}</Text>
      </Group>
    );
  }
  if (arrival.isError) return <ProblemAlert error={arrival.error} />;
  return <ArrivalView arrival={arrival.data} />;
}

function ArrivalView({ arrival }: { arrival: ArrivalDetail }) {
  const t = useT();
  const format = useFormatters();
  const language = currentLanguage();
  const facts = [
    arrival.expectedAt && t('arrivals.page.expected', { time: format.dateTime(arrival.expectedAt) }),
    arrival.flightOrCrossing &&
      `${arrival.transport === 'air' ? t('arrivals.field.flight') : t('arrivals.field.crossing')}: ${arrival.flightOrCrossing}`,
    arrival.announcedBy &&
      t('arrivals.page.announcedBy', { by: t(`arrivals.announcer.${arrival.announcedBy}`) }),
    arrival.travellerDocument && t('arrivals.page.document', { document: arrival.travellerDocument }),
  ].filter(Boolean);
  return (
    <Stack gap="lg" maw={960}>
      <Anchor component={Link} to="/arrivals" size="sm">
        {t('arrivals.page.back')}
      </Anchor>
      <Stack gap="xs">
        <Group gap="sm" wrap="wrap">
          <Title order={1}>{arrival.travellerName ?? t('arrivals.page.title')}</Title>
          <ArrivalStatusBadge status={arrival.status} />
        </Group>
        <Text c="dimmed">{arrival.officeName}</Text>
        {facts.map((fact) => (
          <Text key={fact as string}>{fact}</Text>
        ))}
        {arrival.personId && (
          <Anchor component={Link} to={`/people/${arrival.personId}`}>
            {t('arrivals.page.openPerson')}
          </Anchor>
        )}
        {arrival.categories.length > 0 && (
          <Group gap="xs">
            {arrival.categories.map((c) => (
              <Badge key={c} variant="light" color="ruta">
                {t(`arrivals.category.${c}`)}
              </Badge>
            ))}
          </Group>
        )}
        {arrival.receivedAt && arrival.receivedBy && (
          <Text size="sm">
            {t('arrivals.page.receivedBy', {
              name: arrival.receivedBy.displayName,
              time: format.dateTime(arrival.receivedAt),
            })}
          </Text>
        )}
        {arrival.provided.length > 0 && (
          <Text size="sm">
            {t('arrivals.page.provided', {
              list: arrival.provided.map((p) => t(`arrivals.provision.${p}`)).join(', '),
            })}
            {arrival.shelterPlace ? ` (${arrival.shelterPlace})` : ''}
          </Text>
        )}
      </Stack>

      {arrival.abilities.receive && <ReceivePanel arrival={arrival} />}
      <HandoffPanel arrival={arrival} />

      <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="checklist-heading">
        <Stack gap="sm">
          <Title order={2} size="h3" id="checklist-heading">
            {t('arrivals.page.checklist')}
          </Title>
          {arrival.tasks.length > 0 ? (
            <Checklist tasks={arrival.tasks} />
          ) : arrival.plannedSteps.length > 0 ? (
            <Stack gap="xs">
              <Text size="sm" c="dimmed">
                {t('arrivals.page.plannedIntro')}
              </Text>
              <Stack component="ol" gap={4} pl="lg" m={0}>
                {arrival.plannedSteps.map((step) => (
                  <Text component="li" key={`${step.category}-${step.stepId}`}>
                    {step.title[language]}{' '}
                    <Text span c="dimmed" size="sm">
                      {offsetLabel(t, step.dueOffsetMinutes)}
                    </Text>
                  </Text>
                ))}
              </Stack>
            </Stack>
          ) : (
            <Text c="dimmed">{t('arrivals.page.noProtocol')}</Text>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

function ReceivePanel({ arrival }: { arrival: ArrivalDetail }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [traveller, setTraveller] = useState<TravellerChoice>(
    arrival.personId
      ? { kind: 'existing', personId: arrival.personId, displayName: arrival.travellerName ?? '' }
      : null,
  );
  const [categories, setCategories] = useState<ArrivalCategory[]>(arrival.categories);
  const [provided, setProvided] = useState<Provision[]>(arrival.provided);
  const [shelterPlace, setShelterPlace] = useState(arrival.shelterPlace ?? '');
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null);
  const refresh = (data: ArrivalDetail) => {
    queryClient.setQueryData(arrivalQuery(arrival.id).queryKey, data);
    return queryClient.invalidateQueries({ queryKey: ['arrivals', 'board'] });
  };
  const receive = useMutation({
    mutationFn: (body: ArrivalReceive) => arrivalsApi.receive(arrival.id, body),
    onSuccess: refresh,
    onError: (error) => {
      if (error instanceof ApiError && error.type === 'urn:ruta:problem:possible-duplicates') {
        setCandidates((error.problem.candidates as DuplicateCandidate[]) ?? []);
      }
    },
  });
  const noShow = useMutation({
    mutationFn: () => arrivalsApi.noShow(arrival.id, arrival.version),
    onSuccess: refresh,
  });
  const submit = (acknowledgeDuplicates = false) =>
    receive.mutate({
      version: arrival.version,
      personId: traveller?.kind === 'existing' ? traveller.personId : null,
      newPerson: traveller?.kind === 'new' ? { ...traveller.person, acknowledgeDuplicates } : null,
      categories,
      provided,
      shelterPlace: provided.includes('temporary_shelter') ? shelterPlace || null : null,
    });
  const error = receive.error instanceof ApiError ? receive.error : null;

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="receive-heading">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setCandidates(null);
          submit(false);
        }}
      >
        <Stack gap="md">
          <Title order={2} size="h3" id="receive-heading">
            {t('arrivals.receive.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('arrivals.receive.intro')}
          </Text>
          <TravellerPicker
            value={traveller}
            onChange={(value) => {
              setTraveller(value);
              setCandidates(null);
            }}
            suggestedName={arrival.travellerName}
            suggestedDocument={arrival.travellerDocument}
            candidates={candidates}
            onAcknowledge={() => submit(true)}
            errors={(path) => error?.fieldError(path)}
          />
          <Title order={3} size="h4">
            {t('arrivals.field.categories')}
          </Title>
          <ToggleGrid
            options={ARRIVAL_CATEGORIES}
            value={categories}
            onChange={setCategories}
            label={t('arrivals.field.categories')}
            labelOf={(c) => t(`arrivals.category.${c}`)}
          />
          <Title order={3} size="h4">
            {t('arrivals.field.provided')}
          </Title>
          <ProvisionFields
            provided={provided}
            onProvidedChange={setProvided}
            shelterPlace={shelterPlace}
            onShelterPlaceChange={setShelterPlace}
          />
          {error && !candidates && <ProblemAlert error={error} />}
          {candidates && <Alert color="yellow">{t('arrivals.intake.duplicatesBelow')}</Alert>}
          {noShow.isError && <ProblemAlert error={noShow.error} />}
          <Group gap="sm">
            <Button type="submit" size="xl" loading={receive.isPending}>
              {t('arrivals.receive.confirm')}
            </Button>
            {arrival.status === 'announced' && (
              <Button variant="default" size="lg" loading={noShow.isPending} onClick={() => noShow.mutate()}>
                {t('arrivals.receive.noShow')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
