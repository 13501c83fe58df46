import {
  Anchor,
  Box,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { networkQuery } from '../../api/identity';
import {
  PEOPLE_FILTERS,
  type PeopleFilters,
  type PersonListItem,
  type PersonPage,
  POPULATION_GROUPS,
  peoplePath,
  SEXES,
} from '../../api/people';
import { useDocumentTitle } from '../../components/document-title';
import { ProblemAlert } from '../../components/problem-alert';
import { type TranslationKey, useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import {
  formatPhone,
  MunicipalityName,
  MunicipalitySelect,
  PopulationGroupBadge,
  useAgeText,
  useDocumentText,
} from './people-parts';

/** Age bands as programmes use them (and the household composition counts them). */
const AGE_BANDS = {
  under5: { ageTo: '4' },
  schoolAge: { ageFrom: '5', ageTo: '17' },
  adults: { ageFrom: '18', ageTo: '59' },
  olderAdults: { ageFrom: '60' },
} as const satisfies Record<string, { ageFrom?: string; ageTo?: string }>;
type AgeBand = keyof typeof AGE_BANDS;

function bandOf(filters: PeopleFilters): AgeBand | '' {
  for (const [band, range] of Object.entries(AGE_BANDS)) {
    const from = 'ageFrom' in range ? range.ageFrom : undefined;
    const to = 'ageTo' in range ? range.ageTo : undefined;
    if (filters.ageFrom === from && filters.ageTo === to) return band as AgeBand;
  }
  return '';
}

/** The persons of the caller's offices: one search box (name in any order, document, phone) and filters. */
export function PeoplePage() {
  const t = useT();
  useDocumentTitle(t('people.title'));
  const session = useReadySession();
  const network = useQuery(networkQuery);
  const [searchParams, setSearchParams] = useSearchParams();
  const filters: PeopleFilters = Object.fromEntries(
    PEOPLE_FILTERS.map((key) => [key, searchParams.get(key) ?? undefined]),
  );
  const [draft, setDraft] = useState(filters.q ?? '');
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersId = useId();

  const people = useInfiniteQuery({
    queryKey: ['people', 'list', filters],
    queryFn: ({ pageParam, signal }) => api.get<PersonPage>(peoplePath(filters, pageParam), { signal }),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => page.nextCursor,
  });

  function setFilters(changes: Partial<PeopleFilters>) {
    // From the address bar, not from this render: a navigation just made (clearing, another filter) may not
    // have re-rendered the page yet, and its filters must not come back.
    const current = new URLSearchParams(window.location.search);
    const params = new URLSearchParams();
    for (const key of PEOPLE_FILTERS) {
      const value = key in changes ? changes[key] : (current.get(key) ?? undefined);
      if (value) params.set(key, value);
    }
    setSearchParams(params);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setFilters({ q: draft.trim() || undefined });
  }

  const filtered = PEOPLE_FILTERS.some((key) => key !== 'q' && filters[key]);
  const items = people.data?.pages.flatMap((page) => page.items) ?? [];
  const myOffices = (network.data?.offices ?? []).filter((office) =>
    session.user.officeIds.includes(office.id),
  );
  const band = bandOf(filters);
  const activeFilters =
    PEOPLE_FILTERS.filter((key) => key !== 'q' && key !== 'ageTo' && filters[key]).length +
    (filters.ageTo && !filters.ageFrom ? 1 : 0);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4}>
          <Title order={1}>{t('people.heading')}</Title>
          <Text c="dimmed">{t('people.intro')}</Text>
        </Stack>
        <Button component={Link} to="/people/new">
          {t('people.register')}
        </Button>
      </Group>

      <search>
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Group gap="sm" align="flex-end" wrap="wrap">
              <TextInput
                label={t('people.searchLabel')}
                description={t('people.searchHint')}
                placeholder={t('people.searchPlaceholder')}
                type="search"
                value={draft}
                onChange={(event) => setDraft(event.currentTarget.value)}
                style={{ flex: '1 1 16rem' }}
                maxLength={120}
              />
              <Button type="submit">{t('people.search')}</Button>
            </Group>
            <Group hiddenFrom="md">
              <Button
                variant="default"
                onClick={() => setFiltersOpen((open) => !open)}
                aria-expanded={filtersOpen}
                aria-controls={filtersId}
              >
                {activeFilters > 0
                  ? t('people.filters.toggleCount', { count: activeFilters })
                  : t('people.filters.toggle')}
              </Button>
            </Group>
            {/* On phones the filters fold away under their button, so the results come first. */}
            <Box
              id={filtersId}
              visibleFrom={filtersOpen ? undefined : 'md'}
              style={{
                display: 'grid',
                gap: 'var(--mantine-spacing-sm)',
                gridTemplateColumns: 'repeat(auto-fill, minmax(12rem, 1fr))',
              }}
            >
              <NativeSelect
                label={t('people.filters.populationGroup')}
                value={filters.populationGroup ?? ''}
                onChange={(event) => setFilters({ populationGroup: event.currentTarget.value || undefined })}
                data={[
                  { value: '', label: t('people.filters.all') },
                  ...POPULATION_GROUPS.map((group) => ({
                    value: group,
                    label: t(`people.populationGroup.${group}`),
                  })),
                ]}
              />
              <NativeSelect
                label={t('people.filters.sex')}
                value={filters.sexAtBirth ?? ''}
                onChange={(event) => setFilters({ sexAtBirth: event.currentTarget.value || undefined })}
                data={[
                  { value: '', label: t('people.filters.all') },
                  ...SEXES.map((sex) => ({ value: sex, label: t(`people.sex.${sex}`) })),
                ]}
              />
              <NativeSelect
                label={t('people.filters.age')}
                value={band}
                onChange={(event) => {
                  const chosen = event.currentTarget.value as AgeBand | '';
                  const range: { ageFrom?: string; ageTo?: string } = chosen ? AGE_BANDS[chosen] : {};
                  setFilters({ ageFrom: range.ageFrom, ageTo: range.ageTo });
                }}
                data={[
                  { value: '', label: t('people.filters.allAges') },
                  ...Object.keys(AGE_BANDS).map((key) => ({
                    value: key,
                    label: t(`people.ageBand.${key}` as TranslationKey),
                  })),
                ]}
              />
              {myOffices.length > 1 && (
                <NativeSelect
                  label={t('people.filters.office')}
                  value={filters.officeId ?? ''}
                  onChange={(event) => setFilters({ officeId: event.currentTarget.value || undefined })}
                  data={[
                    { value: '', label: t('people.filters.allMyOffices') },
                    ...myOffices.map((office) => ({ value: office.id, label: office.name })),
                  ]}
                />
              )}
              <MunicipalitySelect
                label={t('people.filters.municipality')}
                value={filters.municipalityCode ?? null}
                onChange={(code) => setFilters({ municipalityCode: code ?? undefined })}
              />
            </Box>
            {(filtered || filters.q) && (
              <Group>
                <Button
                  variant="subtle"
                  onClick={() => {
                    setDraft('');
                    setSearchParams({});
                  }}
                >
                  {t('people.clearFilters')}
                </Button>
              </Group>
            )}
          </Stack>
        </form>
      </search>

      <div aria-live="polite" aria-busy={people.isPending}>
        {people.isPending ? (
          <Group gap="sm">
            <Loader size="sm" aria-hidden />
            <Text>{t('people.loading')}</Text>
          </Group>
        ) : people.isError && items.length === 0 ? (
          <ProblemAlert error={people.error} />
        ) : items.length === 0 ? (
          <Stack gap="xs" align="flex-start">
            <Text>
              {filters.q
                ? t('people.noMatches', { search: filters.q })
                : filtered
                  ? t('people.noneFiltered')
                  : t('people.none')}
            </Text>
            {filters.q && <Text size="sm">{t('people.noMatchesHelp')}</Text>}
          </Stack>
        ) : (
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {filters.q
                ? people.hasNextPage
                  ? t('people.bestMatchesMore', { count: items.length })
                  : t('people.bestMatches', { count: items.length })
                : people.hasNextPage
                  ? t('people.showingMore', { count: items.length })
                  : t('people.showing', { count: items.length })}
            </Text>
            <PeopleTable people={items} />
            <PeopleCards people={items} />
            {people.isFetchNextPageError && <ProblemAlert error={people.error} />}
            {people.hasNextPage && (
              <Group>
                <Button
                  variant="default"
                  onClick={() => void people.fetchNextPage()}
                  loading={people.isFetchingNextPage}
                >
                  {t('people.loadMore')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </div>
    </Stack>
  );
}

function Documents({ person }: { person: PersonListItem }) {
  const t = useT();
  const documentText = useDocumentText();
  if (person.documents.length === 0) return <>{t('people.noDocuments')}</>;
  return <>{person.documents.map((d) => documentText(d)).join(' · ')}</>;
}

/** Laptops: one row per person. */
function PeopleTable({ people }: { people: PersonListItem[] }) {
  const t = useT();
  const age = useAgeText();
  return (
    <Table.ScrollContainer minWidth={760} visibleFrom="md">
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('people.field.name')}</Table.Th>
            <Table.Th scope="col">{t('people.field.age')}</Table.Th>
            <Table.Th scope="col">{t('people.field.populationGroup')}</Table.Th>
            <Table.Th scope="col">{t('people.field.municipality')}</Table.Th>
            <Table.Th scope="col">{t('people.field.phone')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((person) => (
            <Table.Tr key={person.id}>
              <Table.Td>
                <Anchor component={Link} to={`/people/${person.id}`} fw={600}>
                  {person.displayName}
                </Anchor>
                <Text size="sm" c="dimmed">
                  <Documents person={person} />
                </Text>
              </Table.Td>
              <Table.Td>{age(person.birthDate)}</Table.Td>
              <Table.Td>
                <PopulationGroupBadge group={person.populationGroup} />
              </Table.Td>
              <Table.Td>
                {person.municipalityCode ? <MunicipalityName code={person.municipalityCode} /> : '—'}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {person.phone ? formatPhone(person.phone) : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Phones: one card per person, name first. */
function PeopleCards({ people }: { people: PersonListItem[] }) {
  const t = useT();
  const age = useAgeText();
  return (
    <Stack component="ul" gap="sm" className="plain-list" hiddenFrom="md" aria-label={t('people.listLabel')}>
      {people.map((person) => (
        <Paper component="li" key={person.id} withBorder p="sm">
          <Stack gap={4}>
            <Anchor
              component={Link}
              to={`/people/${person.id}`}
              fw={600}
              style={{ overflowWrap: 'anywhere' }}
            >
              {person.displayName}
            </Anchor>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              <Documents person={person} />
            </Text>
            <Group gap="xs" wrap="wrap">
              <PopulationGroupBadge group={person.populationGroup} />
              <Text size="sm">{age(person.birthDate)}</Text>
            </Group>
            {(person.municipalityCode || person.phone) && (
              <Text size="sm" c="dimmed">
                {person.municipalityCode && <MunicipalityName code={person.municipalityCode} />}
                {person.municipalityCode && person.phone ? ' · ' : ''}
                {person.phone && <span style={{ whiteSpace: 'nowrap' }}>{formatPhone(person.phone)}</span>}
              </Text>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
