import {
  Anchor,
  Badge,
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
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api/client';
import {
  type Household,
  type HouseholdMember,
  householdQuery,
  type PersonPage,
  peopleApi,
  peoplePath,
  RELATIONSHIPS,
  type Relationship,
} from '../../api/people';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useDocumentTitle } from '../../components/document-title';
import { useFormatters } from '../../components/formatters';
import { fieldError, ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { useT } from '../../i18n';
import { IntegrationIndexSection } from '../assessment/index-section';
import { CasesSection } from '../cases/cases-section';
import { HouseholdNeedsSection } from '../characterization/household-needs-section';
import { MunicipalityName, useDocumentText } from '../people/people-parts';

/** A household: who lives there and how they relate to the head, what it is made of, and who lived there. */
export function HouseholdPage() {
  const t = useT();
  const { householdId = '' } = useParams();
  const household = useQuery(householdQuery(householdId));
  const head = household.data?.members.find((member) => member.relationship === 'head');
  useDocumentTitle(head ? t('household.titleOf', { name: head.displayName }) : t('household.title'));

  if (household.isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" aria-hidden />
        <Text>{t('household.loading')}</Text>
      </Group>
    );
  }
  if (household.isError) {
    if (
      household.error instanceof ApiError &&
      (household.error.status === 404 || household.error.status === 400)
    ) {
      return (
        <Stack gap="md" maw={560} align="flex-start">
          <Title order={1}>{t('household.notFound.heading')}</Title>
          <Text>{t('household.notFound.body')}</Text>
          <Button component={Link} to="/people">
            {t('household.backToPeople')}
          </Button>
        </Stack>
      );
    }
    return <ProblemAlert error={household.error} />;
  }
  return <HouseholdView household={household.data} />;
}

function HouseholdView({ household }: { household: Household }) {
  const t = useT();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState<HouseholdMember | null>(null);
  const head = household.members.find((member) => member.relationship === 'head');

  const remove = useMutation({
    mutationFn: (member: HouseholdMember) => peopleApi.removeMember(household.id, member.personId),
    onSuccess: (updated, member) => {
      setRemoving(null);
      queryClient.setQueryData(householdQuery(household.id).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: ['people', 'households', member.personId] });
      void queryClient.invalidateQueries({ queryKey: ['people', 'timeline', member.personId] });
    },
  });

  const composition = household.composition;
  const counts = [
    { key: 'members', value: composition.members },
    { key: 'childrenUnder5', value: composition.childrenUnder5 },
    { key: 'schoolAge', value: composition.schoolAge },
    { key: 'olderAdults', value: composition.olderAdults },
    { key: 'withDisability', value: composition.withDisability },
    // Health data: only for the roles that read it (null for the others).
    ...(composition.pregnantOrLactating === null
      ? []
      : [{ key: 'pregnantOrLactating', value: composition.pregnantOrLactating } as const]),
    { key: 'unknownAge', value: composition.unknownAge },
  ] as const;
  const address = [household.addressLine, household.neighbourhood].filter(Boolean).join(', ');

  return (
    <Stack gap="xl" maw={900}>
      <Stack gap="xs">
        {head && (
          <Anchor component={Link} to={`/people/${head.personId}`} size="sm">
            {t('household.backToHead', { name: head.displayName })}
          </Anchor>
        )}
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {head ? t('household.headingOf', { name: head.displayName }) : t('household.heading')}
        </Title>
        <Text c="dimmed">
          {address || t('household.noAddress')}
          {household.municipalityCode && (
            <>
              {' · '}
              <MunicipalityName code={household.municipalityCode} />
            </>
          )}
        </Text>
      </Stack>

      <Section title={t('household.composition.title')}>
        <Text size="sm" c="dimmed" mb="md">
          {t('household.composition.hint')}
        </Text>
        <Box
          component="dl"
          m={0}
          style={{
            display: 'grid',
            gap: 'var(--mantine-spacing-sm)',
            gridTemplateColumns: 'repeat(auto-fill, minmax(8rem, 1fr))',
          }}
        >
          {counts.map(({ key, value }) => (
            <Paper key={key} withBorder p="sm" style={{ display: 'flex', flexDirection: 'column-reverse' }}>
              <Text component="dt" size="sm" c="dimmed">
                {t(`household.composition.${key}`)}
              </Text>
              <Text component="dd" m={0} fz="xl" fw={700}>
                {value}
              </Text>
            </Paper>
          ))}
        </Box>
      </Section>

      <Section title={t('household.members.title')}>
        <Stack component="ul" gap="sm" className="plain-list" aria-label={t('household.members.title')}>
          {household.members.map((member) => (
            <Paper component="li" key={member.personId} withBorder p="sm">
              <Group justify="space-between" gap="sm" wrap="wrap" align="center">
                <Stack gap={2} style={{ flex: '1 1 14rem' }}>
                  <Group gap="xs" wrap="wrap">
                    <Anchor component={Link} to={`/people/${member.personId}`} fw={600}>
                      {member.displayName}
                    </Anchor>
                    {member.relationship === 'head' && (
                      <Badge color="ruta.8" variant="filled" style={{ textTransform: 'none' }}>
                        {t('household.headBadge')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm">
                    {member.relationship !== 'head' &&
                      `${t('household.relationToHead', {
                        relationship: t(`household.relationship.${member.relationship}`),
                      })} · `}
                    {t('household.since', { date: format.date(`${member.joinedOn}T12:00:00`) })}
                  </Text>
                </Stack>
                {member.relationship !== 'head' && (
                  <Button
                    variant="outline"
                    color="red.8"
                    size="xs"
                    onClick={() => setRemoving(member)}
                    aria-label={t('household.remove.label', { name: member.displayName })}
                  >
                    {t('household.remove.action')}
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
        <AddMember household={household} />
      </Section>

      <HouseholdNeedsSection householdId={household.id} members={household.members} />

      <Section title={t('household.former.title')}>
        {household.formerMembers.length === 0 ? (
          <Text>{t('household.former.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={0}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('household.former.person')}</Table.Th>
                  <Table.Th scope="col">{t('household.former.period')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {household.formerMembers.map((member) => (
                  <Table.Tr key={`${member.personId}-${member.joinedOn}-${member.leftOn}`}>
                    <Table.Td>
                      <Anchor component={Link} to={`/people/${member.personId}`} size="sm">
                        {member.displayName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t(`household.relationship.${member.relationship}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {format.date(`${member.joinedOn}T12:00:00`)} –{' '}
                        {format.date(`${member.leftOn}T12:00:00`)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>

      <IntegrationIndexSection subjectType="household" subjectId={household.id} />
      <CasesSection subjectType="household" subjectId={household.id} />

      <ConfirmDialog
        opened={removing !== null}
        title={t('household.remove.title', { name: removing?.displayName ?? '' })}
        confirmLabel={t('household.remove.confirm')}
        danger
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
      >
        {t('household.remove.body')}
      </ConfirmDialog>
    </Stack>
  );
}

/** Finds a person of the user's offices and adds them with their relationship to the head. */
function AddMember({ household }: { household: Household }) {
  const t = useT();
  const documentText = useDocumentText();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [submitted, setSubmitted] = useState('');
  const [personId, setPersonId] = useState('');
  const [relationship, setRelationship] = useState<Relationship>('child');
  const hasHead = household.members.some((member) => member.relationship === 'head');

  const candidates = useQuery({
    queryKey: ['people', 'list', { q: submitted }, 'household-add'],
    queryFn: ({ signal }) => api.get<PersonPage>(peoplePath({ q: submitted }, null, 10), { signal }),
    enabled: submitted.length >= 2,
  });

  const add = useMutation({
    mutationFn: () => peopleApi.addMember(household.id, { personId, relationship }),
    onSuccess: (updated) => {
      queryClient.setQueryData(householdQuery(household.id).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: ['people', 'households', personId] });
      void queryClient.invalidateQueries({ queryKey: ['people', 'timeline', personId] });
      setOpen(false);
      setSearch('');
      setSubmitted('');
      setPersonId('');
    },
  });

  if (!open) {
    return (
      <Group mt="md">
        <Button variant="default" onClick={() => setOpen(true)}>
          {t('household.add.open')}
        </Button>
      </Group>
    );
  }

  const current = new Set(household.members.map((member) => member.personId));
  const options = (candidates.data?.items ?? []).filter((person) => !current.has(person.id));

  function find(event: FormEvent) {
    event.preventDefault();
    setSubmitted(search.trim());
    setPersonId('');
  }

  return (
    <Paper withBorder p="md" mt="md">
      <Stack gap="sm">
        <Text fw={600}>{t('household.add.title')}</Text>
        <form onSubmit={find}>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              label={t('household.add.searchLabel')}
              placeholder={t('people.searchPlaceholder')}
              type="search"
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              style={{ flex: '1 1 14rem' }}
              maxLength={120}
            />
            <Button type="submit" variant="default">
              {t('people.search')}
            </Button>
          </Group>
        </form>
        {candidates.isFetching && <Loader size="sm" aria-label={t('people.loading')} />}
        {submitted.length >= 2 && candidates.isSuccess && (
          <NativeSelect
            label={t('household.add.person')}
            value={personId}
            onChange={(event) => setPersonId(event.currentTarget.value)}
            data={[
              {
                value: '',
                label: options.length ? t('household.add.choosePerson') : t('household.add.noCandidates'),
              },
              ...options.map((person) => ({
                value: person.id,
                label: [person.displayName, ...person.documents.map((d) => documentText(d))].join(' · '),
              })),
            ]}
          />
        )}
        <NativeSelect
          label={t('household.add.relationship')}
          value={relationship}
          onChange={(event) => setRelationship(event.currentTarget.value as Relationship)}
          data={RELATIONSHIPS.filter((value) => value !== 'head' || !hasHead).map((value) => ({
            value,
            label: t(`household.relationship.${value}`),
          }))}
          error={fieldError(add.error, 'relationship')}
        />
        <Text size="sm" c="dimmed">
          {t('household.add.moveHint')}
        </Text>
        <ProblemAlert error={add.error} fields={['relationship']} />
        <Group gap="sm">
          <Button onClick={() => add.mutate()} disabled={!personId} loading={add.isPending}>
            {t('household.add.confirm')}
          </Button>
          <Button variant="default" onClick={() => setOpen(false)} disabled={add.isPending}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
