import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { POPULATION_GROUPS } from '../../../domain/registry/vocabulary';
import type { NewTraveller } from '../../api/arrivals';
import { DOCUMENT_TYPES, type DuplicateCandidate, personSearchQuery } from '../../api/registration';
import { useT } from '../../i18n';
import { MatchExplanation } from '../people/match-explanation';

/** Who the traveller is: a person found in the registry, or one to register with the arrival. */
export type TravellerChoice =
  | { kind: 'existing'; personId: string; displayName: string }
  | { kind: 'new'; person: NewTraveller }
  | null;

/** First word as the given name, the rest as surnames: a starting point the officer corrects. */
function splitName(name: string) {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return { givenName1: words[0] ?? '', surname1: '' };
  if (words.length === 2) return { givenName1: words[0] as string, surname1: words[1] as string };
  if (words.length === 3)
    return { givenName1: words[0] as string, surname1: words[1] as string, surname2: words[2] };
  return {
    givenName1: words[0] as string,
    givenName2: words[1],
    surname1: words[2] as string,
    surname2: words.slice(3).join(' '),
  };
}

const emptyPerson = (name = ''): NewTraveller => ({
  givenName2: null,
  surname2: null,
  birthDate: null,
  populationGroup: 'returnee',
  documents: [],
  ...splitName(name),
});

/**
 * The registry inline: search by name or document and pick the person, or fill the few fields of a new one.
 * When registering finds likely duplicates (409), `candidates` lists them: the officer picks one of them or
 * confirms it is someone else.
 */
export function TravellerPicker({
  value,
  onChange,
  suggestedName,
  suggestedDocument,
  candidates,
  onAcknowledge,
  errors,
}: {
  value: TravellerChoice;
  onChange: (value: TravellerChoice) => void;
  suggestedName?: string | null;
  suggestedDocument?: string | null;
  candidates?: DuplicateCandidate[] | null;
  onAcknowledge?: () => void;
  errors?: (path: string) => string | undefined;
}) {
  const t = useT();
  const [query, setQuery] = useState(suggestedDocument?.replace(/\D/g, '') || suggestedName || '');
  const [debounced] = useDebouncedValue(query, 300);
  const search = useQuery(personSearchQuery(debounced));

  if (value?.kind === 'existing') {
    return (
      <Paper withBorder p="md">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              {t('arrivals.traveller.chosen')}
            </Text>
            <Text fw={600} fz="lg">
              {value.displayName}
            </Text>
          </Stack>
          <Button variant="default" size="md" onClick={() => onChange(null)}>
            {t('arrivals.traveller.change')}
          </Button>
        </Group>
      </Paper>
    );
  }

  if (value?.kind === 'new') {
    const person = value.person;
    const set = (changes: Partial<NewTraveller>) =>
      onChange({ kind: 'new', person: { ...person, ...changes, acknowledgeDuplicates: false } });
    const document = person.documents[0];
    return (
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>{t('arrivals.traveller.newTitle')}</Text>
          <Button variant="subtle" onClick={() => onChange(null)}>
            {t('arrivals.traveller.backToSearch')}
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            size="md"
            required
            label={t('arrivals.traveller.givenName1')}
            value={person.givenName1}
            error={errors?.('newPerson.givenName1')}
            onChange={(e) => set({ givenName1: e.currentTarget.value })}
          />
          <TextInput
            size="md"
            label={t('arrivals.traveller.givenName2')}
            value={person.givenName2 ?? ''}
            onChange={(e) => set({ givenName2: e.currentTarget.value || null })}
          />
          <TextInput
            size="md"
            required
            label={t('arrivals.traveller.surname1')}
            value={person.surname1}
            error={errors?.('newPerson.surname1')}
            onChange={(e) => set({ surname1: e.currentTarget.value })}
          />
          <TextInput
            size="md"
            label={t('arrivals.traveller.surname2')}
            value={person.surname2 ?? ''}
            onChange={(e) => set({ surname2: e.currentTarget.value || null })}
          />
          <NativeSelect
            size="md"
            label={t('arrivals.traveller.documentType')}
            value={document?.type ?? ''}
            data={[
              { value: '', label: t('arrivals.traveller.noDocument') },
              ...DOCUMENT_TYPES.map((type) => ({
                value: type,
                label: t(`registration.documentType.${type}`),
              })),
            ]}
            onChange={(e) => {
              const type = e.currentTarget.value as (typeof DOCUMENT_TYPES)[number] | '';
              set({ documents: type ? [{ type, number: document?.number ?? '' }] : [] });
            }}
          />
          <TextInput
            size="md"
            label={t('arrivals.traveller.documentNumber')}
            disabled={!document}
            value={document?.number ?? ''}
            error={errors?.('newPerson.documents.0.number')}
            onChange={(e) =>
              document && set({ documents: [{ type: document.type, number: e.currentTarget.value }] })
            }
          />
          <TextInput
            size="md"
            type="date"
            label={t('arrivals.traveller.birthDate')}
            value={person.birthDate ?? ''}
            error={errors?.('newPerson.birthDate')}
            onChange={(e) => set({ birthDate: e.currentTarget.value || null })}
          />
          <NativeSelect
            size="md"
            label={t('arrivals.traveller.populationGroup')}
            value={person.populationGroup}
            data={POPULATION_GROUPS.map((group) => ({
              value: group,
              label: t(`registration.population.${group}`),
            }))}
            onChange={(e) =>
              set({ populationGroup: e.currentTarget.value as NewTraveller['populationGroup'] })
            }
          />
        </SimpleGrid>
        {candidates && candidates.length > 0 && (
          <Alert color="yellow" variant="light" title={t('arrivals.traveller.duplicatesTitle')}>
            <Stack gap="sm">
              <Text size="sm">{t('arrivals.traveller.duplicatesBody')}</Text>
              <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {candidates.map((candidate, index) => (
                  <Paper component="li" key={candidate.person?.id ?? `other-${index}`} withBorder p="sm">
                    <Group justify="space-between" wrap="wrap" gap="xs">
                      <Stack gap={4}>
                        <Text fw={600}>
                          {candidate.person?.displayName ??
                            t('arrivals.traveller.otherOffice', { office: candidate.officeName })}
                        </Text>
                        <Group gap={4}>
                          {candidate.reasons.map((reason) => (
                            <Badge key={reason} variant="light" color="gray" size="sm">
                              {t(`registration.reason.${reason}`)}
                            </Badge>
                          ))}
                        </Group>
                        {candidate.explanation && <MatchExplanation explanation={candidate.explanation} />}
                      </Stack>
                      {candidate.person && (
                        <Button
                          size="md"
                          onClick={() =>
                            candidate.person &&
                            onChange({
                              kind: 'existing',
                              personId: candidate.person.id,
                              displayName: candidate.person.displayName,
                            })
                          }
                        >
                          {t('arrivals.traveller.isThisPerson')}
                        </Button>
                      )}
                    </Group>
                  </Paper>
                ))}
              </Stack>
              {!candidates.some((c) => c.reasons.includes('sameDocument')) && onAcknowledge && (
                <Button variant="default" size="md" onClick={onAcknowledge}>
                  {t('registration.conflict.acknowledge')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
      </Stack>
    );
  }

  const results = search.data?.items ?? [];
  return (
    <Stack gap="sm">
      <TextInput
        size="lg"
        type="search"
        label={t('arrivals.traveller.searchLabel')}
        description={t('arrivals.traveller.searchHelp')}
        value={query}
        error={errors?.('personId')}
        onChange={(e) => setQuery(e.currentTarget.value)}
        rightSection={search.isFetching ? <Loader size="xs" aria-hidden /> : null}
      />
      {debounced.trim().length >= 2 && !search.isPending && (
        <Stack gap="xs" aria-live="polite">
          {results.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('arrivals.traveller.noResults')}
            </Text>
          ) : (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {results.map((person) => (
                <Paper component="li" key={person.id} withBorder p="sm">
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Stack gap={0} miw={0}>
                      <Text fw={600} truncate>
                        {person.displayName}
                      </Text>
                      <Text size="sm" c="dimmed" truncate>
                        {[person.birthDate, ...person.documents.map((d) => `${d.type} ${d.number}`)]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                    </Stack>
                    <Button
                      size="md"
                      variant="light"
                      aria-label={t('arrivals.traveller.chooseNamed', { name: person.displayName })}
                      onClick={() =>
                        onChange({ kind: 'existing', personId: person.id, displayName: person.displayName })
                      }
                    >
                      {t('arrivals.traveller.choose')}
                    </Button>
                  </Group>
                </Paper>
              ))}
            </Stack>
          )}
        </Stack>
      )}
      <Button
        variant="default"
        size="md"
        onClick={() => {
          const person = emptyPerson(suggestedName ?? (/\d/.test(query) ? '' : query));
          const digits = suggestedDocument?.replace(/\D/g, '');
          if (digits) person.documents = [{ type: 'CC', number: digits }];
          onChange({ kind: 'new', person });
        }}
      >
        {t('arrivals.traveller.registerNew')}
      </Button>
    </Stack>
  );
}
