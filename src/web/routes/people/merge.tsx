import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { type QueryClient, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { networkQuery } from '../../api/identity';
import { householdQuery, personHouseholdsQuery } from '../../api/people';
import {
  type Consent,
  consentsQuery,
  countriesQuery,
  formatCalendarDate,
  MERGEABLE_FIELDS,
  type MergeableField,
  municipalitiesQuery,
  type Person,
  personQuery,
  registrationApi,
  SENSITIVE_MERGE_FIELDS,
  WG_DOMAINS,
} from '../../api/registration';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useDocumentTitle } from '../../components/document-title';
import { ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { currentLanguage, LOCALE_TAGS, type TranslationKey, useT } from '../../i18n';

type Side = 'survivor' | 'merged';

/**
 * `/people/:personId/merge?with=<otherId>`: two records of one person side by side. The record in the path is
 * kept; for each field the coordinator picks which value stays, sees what moves over, confirms, and can undo.
 */
export function MergePage() {
  const t = useT();
  useDocumentTitle(t('merge.title'));
  const { personId = '' } = useParams();
  const [searchParams] = useSearchParams();
  const otherId = searchParams.get('with') ?? '';
  const mergeId = searchParams.get('done');

  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{t('merge.heading')}</Title>
      {mergeId ? (
        <MergeDone survivorId={personId} mergedId={otherId} mergeId={mergeId} />
      ) : !otherId || otherId === personId ? (
        <Alert color="yellow" variant="light" title={t('merge.noOther.title')}>
          <Text size="sm">{t('merge.noOther.body')}</Text>
        </Alert>
      ) : (
        <MergeChooser survivorId={personId} mergedId={otherId} />
      )}
    </Stack>
  );
}

function useValueFormatter() {
  const t = useT();
  const locale = LOCALE_TAGS[currentLanguage()];
  const day = (date: string) => formatCalendarDate(date, locale);
  const countries = useQuery(countriesQuery(currentLanguage()));
  const countryName = (code: string) => countries.data?.items.find((c) => c.code === code)?.name ?? code;
  return {
    countryName,
    /** The value of one mergeable field of a record, as a caseworker reads it; null when the record has none. */
    value(person: Person, field: MergeableField, municipality?: string): string | null {
      const s = person.sensitive;
      switch (field) {
        case 'sexAtBirth':
          return person.sexAtBirth ? t(`registration.sex.${person.sexAtBirth}` as TranslationKey) : null;
        case 'genderIdentity':
          return s?.genderIdentity ? t(`registration.gender.${s.genderIdentity}` as TranslationKey) : null;
        case 'ethnicGroup':
          return s?.ethnicGroup ? t(`registration.ethnic.${s.ethnicGroup}` as TranslationKey) : null;
        case 'populationGroup':
          return t(`registration.population.${person.populationGroup}` as TranslationKey);
        case 'birthDate':
          if (!person.birthDate) return null;
          return person.birthDateEstimated
            ? t('merge.approximate', { date: day(person.birthDate) })
            : day(person.birthDate);
        case 'nationalities':
          return person.nationalities.length ? person.nationalities.map(countryName).join(', ') : null;
        case 'previousResidenceCountry':
          return person.previousResidenceCountry ? countryName(person.previousResidenceCountry) : null;
        case 'languages':
          return person.languages.length ? person.languages.join(', ') : null;
        case 'disability': {
          if (!s) return null;
          const answered = WG_DOMAINS.filter((domain) => s.disability[domain] !== null);
          if (answered.length === 0) return null;
          const difficulties = answered.filter((domain) => (s.disability[domain] ?? 1) > 1);
          if (difficulties.length === 0) return t('merge.noDifficulty');
          return difficulties
            .map(
              (domain) =>
                `${t(`merge.wgShort.${domain}`)}: ${t(`registration.wgLevel.${s.disability[domain]}` as TranslationKey).toLowerCase()}`,
            )
            .join('; ');
        }
        case 'address': {
          const parts = [
            person.addressLine,
            person.neighbourhood,
            municipality ?? person.municipalityCode,
          ].filter(Boolean);
          return parts.length ? parts.join(', ') : null;
        }
        case 'returnData': {
          const r = person.returnData;
          const parts = [
            r.returnType && t(`registration.returnType.${r.returnType}` as TranslationKey),
            r.arrivalDate && t('merge.arrived', { date: day(r.arrivalDate) }),
            r.arrivalMode && t(`registration.arrivalMode.${r.arrivalMode}` as TranslationKey),
            r.arrivalPost,
            r.returnedFromCountry && t('merge.from', { country: countryName(r.returnedFromCountry) }),
            r.yearsAbroad !== null && t('merge.yearsAbroad', { count: r.yearsAbroad }),
            r.rurRegistered !== null && (r.rurRegistered ? t('merge.inRur') : t('merge.notInRur')),
          ].filter(Boolean);
          return parts.length ? parts.join(' · ') : null;
        }
        default: {
          const raw =
            person[
              field as
                | 'givenName1'
                | 'givenName2'
                | 'surname1'
                | 'surname2'
                | 'preferredName'
                | 'phone'
                | 'email'
            ];
          return raw || null;
        }
      }
    },
  };
}

/** The municipality's name (the record stores only its DIVIPOLA code). */
function useMunicipalityName(code: string | null): string | undefined {
  const query = useQuery({ ...municipalitiesQuery(code ?? ''), enabled: Boolean(code) });
  const item = query.data?.items.find((m) => m.code === code);
  return item ? `${item.name} (${item.departmentName})` : undefined;
}

/** After a merge or its undo, every cached view of persons and households may be stale. */
async function forgetPersons(queryClient: QueryClient) {
  await Promise.all(
    ['person', 'persons', 'people', 'households'].map((key) =>
      queryClient.invalidateQueries({ queryKey: [key] }),
    ),
  );
}

/** The households the other record lives in now, and what the merge does with each membership. */
function HouseholdMoves({ survivorId, mergedId }: { survivorId: string; mergedId: string }) {
  const t = useT();
  const survivorHomes = useQuery(personHouseholdsQuery(survivorId));
  const mergedHomes = useQuery(personHouseholdsQuery(mergedId));
  const current = (mergedHomes.data?.items ?? []).filter((home) => home.leftOn === null);
  const households = useQueries({ queries: current.map((home) => householdQuery(home.householdId)) });
  if (survivorHomes.isPending || mergedHomes.isPending) return <>{t('merge.loading')}</>;
  if (survivorHomes.isError || mergedHomes.isError) return <>{t('merge.moves.households')}</>;
  if (current.length === 0) return <>{t('merge.moves.noHouseholds')}</>;
  const survivorHasHome = survivorHomes.data.items.some((home) => home.leftOn === null);
  return (
    <>
      {current.map((home, index) => {
        const household = households[index]?.data;
        const head = household?.members.find((member) => member.relationship === 'head')?.displayName ?? '';
        const values = { head };
        return (
          <span key={home.householdId}>
            {survivorHasHome
              ? t('merge.moves.householdEnded', values)
              : t('merge.moves.householdMoves', values)}{' '}
          </span>
        );
      })}
    </>
  );
}

function fieldsFor(survivor: Person, merged: Person): MergeableField[] {
  const sensitive = survivor.sensitive !== null && merged.sensitive !== null;
  return MERGEABLE_FIELDS.filter((field) => sensitive || !SENSITIVE_MERGE_FIELDS.includes(field));
}

function MergeChooser({ survivorId, mergedId }: { survivorId: string; mergedId: string }) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const survivor = useQuery(personQuery(survivorId));
  const merged = useQuery(personQuery(mergedId));
  const mergedConsents = useQuery({ ...consentsQuery(mergedId), enabled: merged.isSuccess });
  const survivorConsents = useQuery({ ...consentsQuery(survivorId), enabled: survivor.isSuccess });
  const network = useQuery(networkQuery);
  const format = useValueFormatter();
  const survivorTown = useMunicipalityName(survivor.data?.municipalityCode ?? null);
  const mergedTown = useMunicipalityName(merged.data?.municipalityCode ?? null);
  const [choices, setChoices] = useState<Partial<Record<MergeableField, Side>>>({});
  const [confirming, setConfirming] = useState(false);

  const merge = useMutation({
    mutationFn: (takeFromMerged: MergeableField[]) =>
      registrationApi.merge({
        survivorId,
        mergedId,
        survivorVersion: survivor.data?.version ?? 0,
        mergedVersion: merged.data?.version ?? 0,
        takeFromMerged,
      }),
    onSuccess: async (result) => {
      await forgetPersons(queryClient);
      navigate(
        `/people/${survivorId}/merge?${new URLSearchParams({ with: mergedId, done: result.mergeId })}`,
        {
          replace: true,
        },
      );
    },
  });

  if (survivor.isPending || merged.isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" aria-hidden />
        <Text>{t('merge.loading')}</Text>
      </Group>
    );
  }
  if (survivor.isError || merged.isError) return <ProblemAlert error={survivor.error ?? merged.error} />;
  const keep = survivor.data;
  const other = merged.data;
  const towns = { survivor: survivorTown, merged: mergedTown };

  const rows = fieldsFor(keep, other).map((field) => {
    const values = {
      survivor: format.value(keep, field, towns.survivor),
      merged: format.value(other, field, towns.merged),
    };
    const differs = values.survivor !== values.merged;
    const fallback: Side = values.survivor === null && values.merged !== null ? 'merged' : 'survivor';
    return { field, values, differs, choice: choices[field] ?? fallback };
  });
  const takeFromMerged = rows.filter((row) => row.differs && row.choice === 'merged').map((row) => row.field);

  const officeName = (id: string) => network.data?.offices.find((office) => office.id === id)?.name ?? id;
  const newOffices = other.officeIds.filter((id) => !keep.officeIds.includes(id));
  const current = (items: Consent[] | undefined) =>
    (items ?? []).filter((consent) => consent.revokedAt === null);
  const keptPurposes = new Set(current(survivorConsents.data?.items).map((consent) => consent.purpose));
  const consents = current(mergedConsents.data?.items);

  return (
    <Stack gap="lg">
      <Text>{t('merge.intro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <RecordCard person={keep} side="survivor" />
        <RecordCard person={other} side="merged" />
      </SimpleGrid>
      <Anchor component={Link} to={`/people/${mergedId}/merge?with=${survivorId}`} size="sm">
        {t('merge.swap', { name: other.displayName })}
      </Anchor>

      <Section title={t('merge.fieldsHeading')}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('merge.fieldsHelp')}
          </Text>
          {rows.map(({ field, values, differs, choice }) =>
            differs ? (
              <Radio.Group
                key={field}
                label={t(`merge.field.${field}`)}
                value={choice}
                onChange={(value) => setChoices((previous) => ({ ...previous, [field]: value as Side }))}
              >
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
                  {(['survivor', 'merged'] as const).map((side) => (
                    <Paper
                      key={side}
                      withBorder
                      p="xs"
                      radius="sm"
                      bg={choice === side ? 'blue.0' : undefined}
                    >
                      <Radio
                        value={side}
                        label={values[side] ?? t('merge.empty')}
                        description={side === 'survivor' ? t('merge.fromKept') : t('merge.fromOther')}
                      />
                    </Paper>
                  ))}
                </SimpleGrid>
              </Radio.Group>
            ) : (
              values.survivor !== null && (
                <div key={field}>
                  <Text size="sm" fw={500}>
                    {t(`merge.field.${field}`)}
                  </Text>
                  <Text size="sm">
                    {values.survivor}{' '}
                    <Text span size="xs" c="dimmed">
                      {t('merge.same')}
                    </Text>
                  </Text>
                </div>
              )
            ),
          )}
        </Stack>
      </Section>

      <Section title={t('merge.movesHeading')}>
        <Stack gap="sm">
          <Text size="sm">{t('merge.movesIntro', { name: other.displayName })}</Text>
          <List size="sm" spacing="xs">
            <List.Item>
              {other.documents.length === 0
                ? t('merge.moves.noDocuments')
                : t('merge.moves.documents', {
                    list: other.documents
                      .map(
                        (document) => `${t(`registration.documentType.${document.type}`)} ${document.number}`,
                      )
                      .join('; '),
                  })}
            </List.Item>
            <List.Item>
              {newOffices.length === 0
                ? t('merge.moves.noOffices')
                : t('merge.moves.offices', { list: newOffices.map(officeName).join('; ') })}
            </List.Item>
            <List.Item>
              {consents.length === 0
                ? t('merge.moves.noConsents')
                : t('merge.moves.consents', {
                    list: consents
                      .map((consent) =>
                        keptPurposes.has(consent.purpose)
                          ? t('merge.moves.consentRevoked', {
                              purpose: t(`merge.purpose.${consent.purpose}`),
                            })
                          : t(`merge.purpose.${consent.purpose}`),
                      )
                      .join('; '),
                  })}
            </List.Item>
            <List.Item>
              <HouseholdMoves survivorId={survivorId} mergedId={mergedId} />
            </List.Item>
          </List>
        </Stack>
      </Section>

      <Group gap="sm">
        <Button onClick={() => setConfirming(true)}>{t('merge.submit')}</Button>
        <Button component={Link} to={`/people/${survivorId}`} variant="subtle">
          {t('common.cancel')}
        </Button>
      </Group>

      <ConfirmDialog
        opened={confirming}
        title={t('merge.confirm.title')}
        confirmLabel={t('merge.confirm.action')}
        pending={merge.isPending}
        error={merge.error}
        onClose={() => {
          setConfirming(false);
          merge.reset();
        }}
        onConfirm={() => merge.mutate(takeFromMerged)}
      >
        <Stack gap="xs">
          <Text size="sm">
            {t('merge.confirm.body', { kept: keep.displayName, other: other.displayName })}
          </Text>
          <Text size="sm">
            {takeFromMerged.length === 0
              ? t('merge.confirm.noFields')
              : t('merge.confirm.fields', {
                  list: takeFromMerged.map((field) => t(`merge.field.${field}`)).join(', '),
                })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('merge.confirm.undoable')}
          </Text>
          {merge.error instanceof ApiError && merge.error.status === 409 && (
            <Text size="sm">{t('merge.confirm.stale')}</Text>
          )}
        </Stack>
      </ConfirmDialog>
    </Stack>
  );
}

function RecordCard({ person, side }: { person: Person; side: Side }) {
  const t = useT();
  return (
    <Paper withBorder p="sm" radius="sm">
      <Stack gap={4}>
        <Badge variant="filled" tt="none" color={side === 'survivor' ? 'blue.8' : 'gray.7'}>
          {side === 'survivor' ? t('merge.kept') : t('merge.other')}
        </Badge>
        <Anchor component={Link} to={`/people/${person.id}`} fw={600}>
          {person.displayName}
        </Anchor>
        <Text size="sm" c="dimmed">
          {person.documents.length
            ? person.documents.map((d) => `${d.type} ${d.number}`).join(' · ')
            : t('merge.noDocuments')}
        </Text>
      </Stack>
    </Paper>
  );
}

function MergeDone({
  survivorId,
  mergedId,
  mergeId,
}: {
  survivorId: string;
  mergedId: string;
  mergeId: string;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const survivor = useQuery(personQuery(survivorId));
  const [confirming, setConfirming] = useState(false);
  const [undone, setUndone] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);
  const undo = useMutation({
    mutationFn: () => registrationApi.undoMerge(mergeId),
    onSuccess: async () => {
      await forgetPersons(queryClient);
      setConfirming(false);
      setUndone(true);
    },
  });
  useEffect(() => {
    if (undone) statusRef.current?.focus();
  }, [undone]);

  if (undone) {
    return (
      <Alert
        color="green"
        variant="light"
        title={t('merge.undone.title')}
        ref={statusRef}
        tabIndex={-1}
        role="status"
      >
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('merge.undone.body')}</Text>
          <Group gap="sm">
            <Button component={Link} to={`/people/${survivorId}`} variant="default" size="xs">
              {t('merge.undone.openKept')}
            </Button>
            <Button component={Link} to={`/people/${mergedId}`} variant="default" size="xs">
              {t('merge.undone.openOther')}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }

  return (
    <Stack gap="md">
      <Alert color="green" variant="light" title={t('merge.done.title')} role="status">
        <Text size="sm">{t('merge.done.body')}</Text>
      </Alert>
      {survivor.isPending ? (
        <Loader size="sm" aria-label={t('merge.loading')} />
      ) : survivor.isError ? (
        <ProblemAlert error={survivor.error} />
      ) : (
        <SurvivorSummary person={survivor.data} />
      )}
      <Group gap="sm">
        <Button component={Link} to={`/people/${survivorId}`}>
          {t('merge.done.open')}
        </Button>
        <Button variant="default" color="red.8" onClick={() => setConfirming(true)}>
          {t('merge.undo')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirming}
        title={t('merge.undoConfirm.title')}
        confirmLabel={t('merge.undo')}
        danger
        pending={undo.isPending}
        error={undo.error}
        onClose={() => {
          setConfirming(false);
          undo.reset();
        }}
        onConfirm={() => undo.mutate()}
      >
        {t('merge.undoConfirm.body')}
      </ConfirmDialog>
    </Stack>
  );
}

function SurvivorSummary({ person }: { person: Person }) {
  const t = useT();
  const format = useValueFormatter();
  const town = useMunicipalityName(person.municipalityCode);
  const items: Array<[string, ReactNode]> = [
    [t('merge.summary.name'), person.displayName],
    [t('merge.field.birthDate'), format.value(person, 'birthDate')],
    [
      t('merge.summary.documents'),
      person.documents.length
        ? person.documents.map((d) => `${t(`registration.documentType.${d.type}`)} ${d.number}`).join('; ')
        : null,
    ],
    [t('merge.field.phone'), person.phone],
    [t('merge.field.email'), person.email],
    [t('merge.field.address'), format.value(person, 'address', town)],
  ];
  return (
    <Section title={t('merge.done.survivorHeading')}>
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="xs" m={0}>
        {items
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="sm" c="dimmed">
                {label}
              </Text>
              <Text component="dd" m={0}>
                {value}
              </Text>
            </div>
          ))}
      </SimpleGrid>
    </Section>
  );
}
