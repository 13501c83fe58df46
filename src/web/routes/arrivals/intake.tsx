import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import {
  ANNOUNCERS,
  type Announcer,
  ARRIVAL_CATEGORIES,
  type ArrivalCategory,
  type ArrivalCreate,
  arrivalsApi,
  type Provision,
} from '../../api/arrivals';
import { ApiError } from '../../api/client';
import { networkQuery } from '../../api/identity';
import type { DuplicateCandidate } from '../../api/registration';
import { useDocumentTitle } from '../../components/document-title';
import { ProblemAlert } from '../../components/problem-alert';
import { useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { ForbiddenPage } from '../forbidden';
import { ProvisionFields, ToggleGrid, toLocalInput } from './arrival-parts';
import { type TravellerChoice, TravellerPicker } from './traveller-picker';

const ARRIVAL_ROLES = ['reception_officer', 'office_coordinator'];

/** `/arrivals/new`: one screen, big targets, few required fields — an arrival recorded in under two minutes. */
export function ArrivalIntakePage() {
  const session = useReadySession();
  if (!ARRIVAL_ROLES.includes(session.user.role)) return <ForbiddenPage />;
  return <ArrivalIntake />;
}

function inAnHour() {
  const date = new Date(Date.now() + 60 * 60_000);
  date.setMinutes(Math.ceil(date.getMinutes() / 5) * 5, 0, 0);
  return toLocalInput(date);
}

function ArrivalIntake() {
  const t = useT();
  useDocumentTitle(t('arrivals.intake.title'));
  const session = useReadySession();
  const network = useQuery(networkQuery);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const officeIds = session.user.officeIds;
  const [officeId, setOfficeId] = useState(officeIds[0] ?? '');
  const [kind, setKind] = useState<'announced' | 'found'>('announced');
  const [announcedBy, setAnnouncedBy] = useState<Announcer>('migration_authority');
  const [expectedAt, setExpectedAt] = useState(inAnHour);
  const [transport, setTransport] = useState<'air' | 'land'>('air');
  const [flight, setFlight] = useState('');
  const [travellerName, setTravellerName] = useState('');
  const [travellerDocument, setTravellerDocument] = useState('');
  const [traveller, setTraveller] = useState<TravellerChoice>(null);
  const [categories, setCategories] = useState<ArrivalCategory[]>([]);
  const [provided, setProvided] = useState<Provision[]>([]);
  const [shelterPlace, setShelterPlace] = useState('');
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null);

  const save = useMutation({
    mutationFn: (body: ArrivalCreate) => arrivalsApi.create(body),
    onSuccess: async (arrival) => {
      await queryClient.invalidateQueries({ queryKey: ['arrivals'] });
      navigate(`/arrivals/${arrival.id}`);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.type === 'urn:ruta:problem:possible-duplicates') {
        setCandidates((error.problem.candidates as DuplicateCandidate[]) ?? []);
      }
    },
  });

  const submit = (acknowledgeDuplicates = false) => {
    const announced = kind === 'announced';
    const person = traveller?.kind === 'new' ? { ...traveller.person, acknowledgeDuplicates } : null;
    save.mutate({
      officeId,
      kind,
      transport,
      flightOrCrossing: flight || null,
      announcedBy: announced ? announcedBy : null,
      expectedAt: announced && expectedAt ? new Date(expectedAt).toISOString() : null,
      travellerName: announced ? travellerName || null : null,
      travellerDocument: announced ? travellerDocument || null : null,
      personId: !announced && traveller?.kind === 'existing' ? traveller.personId : null,
      newPerson: !announced ? person : null,
      categories,
      provided: announced ? [] : provided,
      shelterPlace: !announced && provided.includes('temporary_shelter') ? shelterPlace || null : null,
    });
  };
  const error = save.error instanceof ApiError ? save.error : null;
  const fieldError = (path: string) => error?.fieldError(path);
  const officeName = (id: string) => network.data?.offices.find((o) => o.id === id)?.name ?? '';

  return (
    <Stack gap="lg" maw={960}>
      <Stack gap={4}>
        <Title order={1}>{t('arrivals.intake.title')}</Title>
        <Text c="dimmed">{t('arrivals.intake.intro', { post: officeName(officeId) })}</Text>
      </Stack>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setCandidates(null);
          submit(false);
        }}
      >
        <Stack gap="lg">
          <SegmentedControl
            fullWidth
            size="md"
            styles={{
              label: { whiteSpace: 'normal', lineHeight: 1.2, minHeight: 40, alignContent: 'center' },
            }}
            value={kind}
            onChange={(value) => {
              setKind(value as 'announced' | 'found');
              setCandidates(null);
              save.reset();
            }}
            aria-label={t('arrivals.intake.kindLabel')}
            data={[
              { value: 'announced', label: t('arrivals.kind.announced') },
              { value: 'found', label: t('arrivals.kind.found') },
            ]}
          />
          {officeIds.length > 1 && (
            <NativeSelect
              size="md"
              label={t('arrivals.field.post')}
              value={officeId}
              data={officeIds.map((id) => ({ value: id, label: officeName(id) || id }))}
              onChange={(e) => setOfficeId(e.currentTarget.value)}
            />
          )}
          <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
            <Stack gap="md">
              <Title order={2} size="h4">
                {t('arrivals.intake.travelSection')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                {kind === 'announced' && (
                  <>
                    <NativeSelect
                      size="md"
                      label={t('arrivals.field.announcedBy')}
                      value={announcedBy}
                      data={ANNOUNCERS.map((value) => ({ value, label: t(`arrivals.announcer.${value}`) }))}
                      onChange={(e) => setAnnouncedBy(e.currentTarget.value as Announcer)}
                    />
                    <TextInput
                      size="md"
                      type="datetime-local"
                      required
                      label={t('arrivals.field.expectedAt')}
                      value={expectedAt}
                      error={fieldError('expectedAt')}
                      onChange={(e) => setExpectedAt(e.currentTarget.value)}
                    />
                  </>
                )}
                <SegmentedControl
                  size="md"
                  value={transport}
                  onChange={(value) => setTransport(value as 'air' | 'land')}
                  aria-label={t('arrivals.field.transport')}
                  data={[
                    { value: 'air', label: t('arrivals.transport.air') },
                    { value: 'land', label: t('arrivals.transport.land') },
                  ]}
                  style={{ alignSelf: 'end' }}
                />
                <TextInput
                  size="md"
                  label={transport === 'air' ? t('arrivals.field.flight') : t('arrivals.field.crossing')}
                  placeholder={transport === 'air' ? 'AV 033' : ''}
                  value={flight}
                  onChange={(e) => setFlight(e.currentTarget.value)}
                />
              </SimpleGrid>
            </Stack>
          </Paper>
          <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
            <Stack gap="md">
              <Title order={2} size="h4">
                {t('arrivals.intake.travellerSection')}
              </Title>
              {kind === 'announced' ? (
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  <TextInput
                    size="md"
                    required
                    label={t('arrivals.field.travellerName')}
                    description={t('arrivals.intake.travellerNameHelp')}
                    value={travellerName}
                    error={fieldError('travellerName')}
                    onChange={(e) => setTravellerName(e.currentTarget.value)}
                  />
                  <TextInput
                    size="md"
                    label={t('arrivals.field.travellerDocument')}
                    value={travellerDocument}
                    onChange={(e) => setTravellerDocument(e.currentTarget.value)}
                  />
                </SimpleGrid>
              ) : (
                <TravellerPicker
                  value={traveller}
                  onChange={(value) => {
                    setTraveller(value);
                    setCandidates(null);
                  }}
                  candidates={candidates}
                  onAcknowledge={() => submit(true)}
                  errors={fieldError}
                />
              )}
            </Stack>
          </Paper>
          <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
            <Stack gap="md">
              <Title order={2} size="h4">
                {t('arrivals.field.categories')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('arrivals.intake.categoriesHelp')}
              </Text>
              <ToggleGrid
                options={ARRIVAL_CATEGORIES}
                value={categories}
                onChange={setCategories}
                label={t('arrivals.field.categories')}
                labelOf={(c) => t(`arrivals.category.${c}`)}
              />
            </Stack>
          </Paper>
          {kind === 'found' && (
            <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
              <Stack gap="md">
                <Title order={2} size="h4">
                  {t('arrivals.field.provided')}
                </Title>
                <ProvisionFields
                  provided={provided}
                  onProvidedChange={setProvided}
                  shelterPlace={shelterPlace}
                  onShelterPlaceChange={setShelterPlace}
                />
              </Stack>
            </Paper>
          )}
          {error && !candidates && <ProblemAlert error={error} />}
          {candidates && (
            <Alert color="yellow" variant="light">
              {t('arrivals.intake.duplicatesBelow')}
            </Alert>
          )}
          <Group>
            <Button type="submit" size="xl" loading={save.isPending} disabled={!officeId}>
              {kind === 'announced' ? t('arrivals.intake.saveAnnounced') : t('arrivals.intake.saveFound')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
