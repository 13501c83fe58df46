import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { type Network, networkQuery } from '../../api/identity';
import { mergedInto, type Person, personHouseholdsQuery, personQuery, WG_DOMAINS } from '../../api/people';
import { useDocumentTitle } from '../../components/document-title';
import { useFormatters } from '../../components/formatters';
import { ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { type TranslationKey, useT } from '../../i18n';
import { IntegrationIndexSection } from '../assessment/index-section';
import { CasesSection } from '../cases/cases-section';
import { CharacterizationSummarySection } from '../characterization/characterization-summary';
import { NeedsSection } from '../characterization/needs-section';
import { SuggestedVacanciesSection } from '../employment/matching-vacancies';
import { EmploymentSection } from '../employment/person-section';
import { EnterpriseSection } from '../enterprise/person-section';
import { MaternityEditor, MaternityText } from './maternity-fields';
import { MergeEntry } from './merge-entry';
import {
  formatPhone,
  MunicipalityName,
  PopulationGroupBadge,
  useAgeText,
  useCountryName,
  useDocumentText,
} from './people-parts';
import { ConsentsSection } from './person-consents';
import { EditPerson } from './person-edit';
import { PersonTimeline } from './person-timeline';

/** One person: who they are, how to reach them, documents, household, consent and what happened to them. */
export function PersonPage() {
  const t = useT();
  const { personId = '' } = useParams();
  const location = useLocation();
  const person = useQuery(personQuery(personId));
  useDocumentTitle(person.data?.displayName ?? t('people.title'));

  if (person.isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" aria-hidden />
        <Text>{t('people.loadingOne')}</Text>
      </Group>
    );
  }
  if (person.isError) {
    const survivor = mergedInto(person.error);
    // A record merged into another: go to where the person's record is now, and say so there.
    if (survivor) return <Navigate to={`/people/${survivor}`} replace state={{ mergedFrom: personId }} />;
    if (person.error instanceof ApiError && (person.error.status === 404 || person.error.status === 400)) {
      return <PersonNotFound />;
    }
    return <ProblemAlert error={person.error} />;
  }
  const mergedFrom = (location.state as { mergedFrom?: string } | null)?.mergedFrom;
  return <PersonView person={person.data} mergedFrom={mergedFrom} />;
}

/** Someone not registered, or served by none of the user's offices: the same answer, so nothing leaks. */
export function PersonNotFound() {
  const t = useT();
  useDocumentTitle(t('people.notFound.title'));
  return (
    <Stack gap="md" maw={560} align="flex-start">
      <Title order={1}>{t('people.notFound.heading')}</Title>
      <Text>{t('people.notFound.body')}</Text>
      <Button component={Link} to="/people">
        {t('people.backToList')}
      </Button>
    </Stack>
  );
}

function officeNames(network: Network, ids: readonly string[]): string {
  return ids
    .map((id) => network.offices.find((office) => office.id === id)?.name)
    .filter(Boolean)
    .join(' · ');
}

function PersonView({ person, mergedFrom }: { person: Person; mergedFrom: string | undefined }) {
  const t = useT();
  const documentText = useDocumentText();
  const age = useAgeText();
  const network = useQuery(networkQuery);
  const isReturnee =
    person.populationGroup === 'returnee' || Object.values(person.returnData).some((value) => value !== null);

  return (
    <Stack gap="xl" maw={900}>
      <Stack gap="xs">
        <Anchor component={Link} to="/people" size="sm">
          {t('people.backToList')}
        </Anchor>
        {mergedFrom && (
          <Alert color="blue" variant="light" role="status">
            <Text size="sm">{t('people.mergedNotice')}</Text>
          </Alert>
        )}
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {person.displayName}
        </Title>
        {person.preferredName && (
          <Text c="dimmed">{t('people.preferredNameIs', { name: person.preferredName })}</Text>
        )}
        <Group gap="xs" wrap="wrap">
          <PopulationGroupBadge group={person.populationGroup} />
          <Text size="sm">{age(person.birthDate, person.birthDateEstimated)}</Text>
          {person.documents.length > 0 && (
            <Text size="sm">{person.documents.map((d) => documentText(d)).join(' · ')}</Text>
          )}
        </Group>
        {network.data && (
          <Text size="sm" c="dimmed">
            {t('people.servedBy', { offices: officeNames(network.data, person.officeIds) })}
          </Text>
        )}
        {person.abilities.update && <MergeEntry personId={person.id} displayName={person.displayName} />}
      </Stack>

      <PersonalData person={person} />
      {person.sensitive && <SensitiveData person={person} sensitive={person.sensitive} />}
      <ContactData person={person} />
      {isReturnee && <ReturnData person={person} />}
      <DocumentsSection person={person} />
      <HouseholdsSection personId={person.id} />
      <ConsentsSection person={person} />
      <CharacterizationSummarySection personId={person.id} />
      <NeedsSection personId={person.id} />
      <CasesSection subjectType="person" subjectId={person.id} />
      <EmploymentSection person={person} />
      <SuggestedVacanciesSection personId={person.id} />
      <EnterpriseSection person={person} />
      <IntegrationIndexSection subjectType="person" subjectId={person.id} />
      {person.abilities.update && <EditPerson person={person} />}
      <PersonTimeline person={person} />
    </Stack>
  );
}

function Value({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <dd>
      {children === null || children === undefined || children === '' ? t('people.notRecorded') : children}
    </dd>
  );
}

function PersonalData({ person }: { person: Person }) {
  const t = useT();
  const format = useFormatters();
  const country = useCountryName();
  return (
    <Section title={t('people.section.personal')}>
      <dl className="facts">
        <dt>{t('people.field.givenNames')}</dt>
        <Value>{[person.givenName1, person.givenName2].filter(Boolean).join(' ')}</Value>
        <dt>{t('people.field.surnames')}</dt>
        <Value>{[person.surname1, person.surname2].filter(Boolean).join(' ')}</Value>
        <dt>{t('people.field.sexAtBirth')}</dt>
        <Value>{person.sexAtBirth ? t(`people.sex.${person.sexAtBirth}`) : null}</Value>
        <dt>{t('people.field.birthDate')}</dt>
        <Value>
          {person.birthDate
            ? `${format.date(`${person.birthDate}T12:00:00`)}${person.birthDateEstimated ? ` (${t('people.estimated')})` : ''}`
            : null}
        </Value>
        <dt>{t('people.field.nationalities')}</dt>
        <Value>{person.nationalities.map(country).join(', ')}</Value>
        <dt>{t('people.field.previousResidenceCountry')}</dt>
        <Value>{person.previousResidenceCountry ? country(person.previousResidenceCountry) : null}</Value>
        <dt>{t('people.field.languages')}</dt>
        <Value>{person.languages.join(', ')}</Value>
      </dl>
    </Section>
  );
}

function SensitiveData({
  person,
  sensitive,
}: {
  person: Person;
  sensitive: NonNullable<Person['sensitive']>;
}) {
  const t = useT();
  const difficulties = WG_DOMAINS.filter((domain) => (sensitive.disability[domain] ?? 0) >= 2);
  const asked = WG_DOMAINS.some((domain) => sensitive.disability[domain] !== null);
  return (
    <Section title={t('people.section.sensitive')}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('people.sensitiveHint')}
      </Text>
      <dl className="facts">
        <dt>{t('people.field.genderIdentity')}</dt>
        <Value>
          {sensitive.genderIdentity
            ? t(`people.genderIdentity.${sensitive.genderIdentity}` as TranslationKey)
            : null}
        </Value>
        <dt>{t('people.field.ethnicGroup')}</dt>
        <Value>
          {sensitive.ethnicGroup ? t(`people.ethnicGroup.${sensitive.ethnicGroup}` as TranslationKey) : null}
        </Value>
        <dt>{t('people.field.disability')}</dt>
        <Value>
          {!asked
            ? null
            : difficulties.length === 0
              ? t('people.noDifficulty')
              : difficulties
                  .map(
                    (domain) =>
                      `${t(`people.wgDomain.${domain}`)}: ${t(`people.wgLevel.${sensitive.disability[domain]}` as TranslationKey)}`,
                  )
                  .join(' · ')}
        </Value>
        {(person.sexAtBirth === 'female' || sensitive.maternity) && (
          <>
            <dt>{t('people.field.maternity')}</dt>
            <Value>
              {sensitive.maternity ? (
                <MaternityText maternity={sensitive.maternity} />
              ) : (
                t('people.maternity.none')
              )}
            </Value>
          </>
        )}
      </dl>
      {person.sexAtBirth === 'female' && person.abilities.update && <MaternityEditor person={person} />}
    </Section>
  );
}

function ContactData({ person }: { person: Person }) {
  const t = useT();
  return (
    <Section title={t('people.section.contact')}>
      <dl className="facts">
        <dt>{t('people.field.phone')}</dt>
        <Value>
          {person.phone ? <Anchor href={`tel:${person.phone}`}>{formatPhone(person.phone)}</Anchor> : null}
        </Value>
        <dt>{t('people.field.email')}</dt>
        <Value>{person.email}</Value>
        <dt>{t('people.field.addressLine')}</dt>
        <Value>{person.addressLine}</Value>
        <dt>{t('people.field.neighbourhood')}</dt>
        <Value>{person.neighbourhood}</Value>
        <dt>{t('people.field.municipality')}</dt>
        <Value>{person.municipalityCode ? <MunicipalityName code={person.municipalityCode} /> : null}</Value>
      </dl>
    </Section>
  );
}

function yesNo(t: ReturnType<typeof useT>, value: boolean | null) {
  return value === null ? null : value ? t('people.yes') : t('people.no');
}

function ReturnData({ person }: { person: Person }) {
  const t = useT();
  const format = useFormatters();
  const country = useCountryName();
  const data = person.returnData;
  return (
    <Section title={t('people.section.return')}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('people.returnHint')}
      </Text>
      <dl className="facts">
        <dt>{t('people.field.returnType')}</dt>
        <Value>{data.returnType ? t(`people.returnType.${data.returnType}` as TranslationKey) : null}</Value>
        <dt>{t('people.field.rurRegistered')}</dt>
        <Value>{yesNo(t, data.rurRegistered)}</Value>
        <dt>{t('people.field.arrivalDate')}</dt>
        <Value>{data.arrivalDate ? format.date(`${data.arrivalDate}T12:00:00`) : null}</Value>
        <dt>{t('people.field.arrivalMode')}</dt>
        <Value>
          {data.arrivalMode ? t(`people.arrivalMode.${data.arrivalMode}` as TranslationKey) : null}
        </Value>
        <dt>{t('people.field.arrivalPost')}</dt>
        <Value>{data.arrivalPost}</Value>
        <dt>{t('people.field.returnedFromCountry')}</dt>
        <Value>{data.returnedFromCountry ? country(data.returnedFromCountry) : null}</Value>
        <dt>{t('people.field.yearsAbroad')}</dt>
        <Value>{data.yearsAbroad === null ? null : String(data.yearsAbroad)}</Value>
        <dt>{t('people.field.voluntary')}</dt>
        <Value>{yesNo(t, data.voluntary)}</Value>
      </dl>
    </Section>
  );
}

function DocumentsSection({ person }: { person: Person }) {
  const t = useT();
  const format = useFormatters();
  const country = useCountryName();
  return (
    <Section title={t('people.section.documents')}>
      {person.documents.length === 0 ? (
        <Text>{t('people.noDocumentsYet')}</Text>
      ) : (
        <Stack component="ul" gap="xs" className="plain-list">
          {person.documents.map((document) => (
            <Paper component="li" key={document.id} withBorder p="sm">
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {t(`people.documentType.${document.type}` as TranslationKey)}: {document.number}
              </Text>
              <Text size="sm" c="dimmed">
                {[
                  document.issuingCountry &&
                    t('people.issuedIn', { country: country(document.issuingCountry) }),
                  document.expiresOn &&
                    t('people.expiresOn', { date: format.date(`${document.expiresOn}T12:00:00`) }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </Section>
  );
}

function HouseholdsSection({ personId }: { personId: string }) {
  const t = useT();
  const format = useFormatters();
  const households = useQuery(personHouseholdsQuery(personId));
  const items = households.data?.items ?? [];
  const current = items.find((item) => item.leftOn === null);
  const former = items.filter((item) => item.leftOn !== null);
  return (
    <Section title={t('people.section.household')}>
      {households.isPending ? (
        <Loader size="sm" aria-label={t('people.loadingHousehold')} />
      ) : households.isError ? (
        <ProblemAlert error={households.error} />
      ) : (
        <Stack gap="sm">
          {current ? (
            <Group gap="sm" wrap="wrap">
              <Text>
                {t('people.livesInHousehold', {
                  relationship: t(`household.relationship.${current.relationship}`),
                  date: format.date(`${current.joinedOn}T12:00:00`),
                })}
              </Text>
              <Button component={Link} to={`/households/${current.householdId}`} variant="default" size="xs">
                {t('people.openHousehold')}
              </Button>
            </Group>
          ) : (
            <Text>{t('people.noHousehold')}</Text>
          )}
          {former.length > 0 && (
            <Table.ScrollContainer minWidth={0}>
              <Table verticalSpacing="xs">
                <Table.Caption>{t('people.formerHouseholds')}</Table.Caption>
                <Table.Tbody>
                  {former.map((item) => (
                    <Table.Tr key={`${item.householdId}-${item.joinedOn}`}>
                      <Table.Td>
                        <Anchor component={Link} to={`/households/${item.householdId}`} size="sm">
                          {t(`household.relationship.${item.relationship}`)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {format.date(`${item.joinedOn}T12:00:00`)} –{' '}
                          {format.date(`${item.leftOn}T12:00:00`)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
    </Section>
  );
}
