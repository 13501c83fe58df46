import { Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { directoryServiceQuery, type ServiceDetail } from '../../api/directory';
import { useDocumentTitle } from '../../components/document-title';
import { useFormatters } from '../../components/formatters';
import { ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { type TranslationKey, useT } from '../../i18n';
import { categoryKey, statusKey } from './directory-list';
import { ContactList, ScheduleLines } from './parts';

/** `/directory/services/:serviceId`: everything about one service, with "Editar" for those who may. */
export function DirectoryServicePage() {
  const t = useT();
  const { serviceId = '' } = useParams();
  const service = useQuery(directoryServiceQuery(serviceId));
  useDocumentTitle(service.data?.name ?? t('directory.title'));
  if (service.isPending)
    return (
      <Group gap="sm" aria-busy>
        <Loader size="sm" aria-hidden />
        <Text>{t('directory.loadingService')}</Text>
      </Group>
    );
  if (service.isError) return <ProblemAlert error={service.error} />;
  return <ServiceView service={service.data} />;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </Stack>
  );
}

function ageRange(service: ServiceDetail, t: ReturnType<typeof useT>) {
  const { minimumAge: min, maximumAge: max } = service;
  if (min === null && max === null) return t('directory.eligibility.anyAge');
  if (min !== null && max !== null) return t('directory.eligibility.ageBetween', { min, max });
  if (min !== null) return t('directory.eligibility.ageFrom', { min });
  return t('directory.eligibility.ageUpTo', { max });
}

function ServiceView({ service }: { service: ServiceDetail }) {
  const t = useT();
  const { date } = useFormatters();
  const list = (values: string[], key: (v: string) => TranslationKey, none: string) =>
    values.length ? values.map((v) => t(key(v))).join(', ') : none;

  return (
    <Stack gap="lg" maw={1040}>
      <Anchor component={Link} to="/directory" size="sm">
        {t('directory.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={6} miw={0} style={{ flex: 1 }}>
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {service.name}
          </Title>
          <Group gap={6}>
            <Badge variant="light">{t(categoryKey(service.category))}</Badge>
            <Badge variant="light" color={service.status === 'active' ? 'green' : 'gray'}>
              {t(statusKey(service.status))}
            </Badge>
          </Group>
          <Text>
            <Anchor component={Link} to={`/directory/organizations/${service.organization.id}`}>
              {service.organization.name}
            </Anchor>
          </Text>
        </Stack>
        {service.canEdit && (
          <Button component={Link} to={`/directory/services/${service.id}/edit`} variant="default">
            {t('directory.edit')}
          </Button>
        )}
      </Group>
      {service.description && <Text style={{ whiteSpace: 'pre-line' }}>{service.description}</Text>}

      <Section title={t('directory.sections.conditions')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" component="dl" m={0}>
          <Fact label={t('directory.fields.capacity')}>
            {service.capacityPerMonth
              ? t('directory.capacity', { count: service.capacityPerMonth })
              : t('directory.notStated')}
          </Fact>
          <Fact label={t('directory.fields.acceptanceDays')}>
            {t('directory.days.count', { count: service.acceptanceDays })}
          </Fact>
          <Fact label={t('directory.fields.completionDays')}>
            {service.completionDays
              ? t('directory.days.count', { count: service.completionDays })
              : t('directory.notStated')}
          </Fact>
          <Fact label={t('directory.fields.coverage')}>
            {service.municipalities.length
              ? service.municipalities.map((m) => m.name).join(', ')
              : t('directory.national')}
          </Fact>
          <Fact label={t('directory.fields.fees')}>
            {service.feesDescription ?? t('directory.notStated')}
          </Fact>
          <Fact label={t('directory.fields.languages')}>
            {service.languages
              .map((l) =>
                l === 'es' ? t('directory.language.es') : l === 'en' ? t('directory.language.en') : l,
              )
              .join(', ')}
          </Fact>
        </SimpleGrid>
      </Section>

      <Section title={t('directory.sections.eligibility')}>
        <Stack gap="md">
          {service.eligibilityDescription && <Text size="sm">{service.eligibilityDescription}</Text>}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="dl" m={0}>
            <Fact label={t('directory.fields.age')}>{ageRange(service, t)}</Fact>
            <Fact label={t('directory.fields.sexes')}>
              {list(
                service.sexes,
                (s) => `directory.sex.${s}` as TranslationKey,
                t('directory.eligibility.anyone'),
              )}
            </Fact>
            <Fact label={t('directory.fields.populationGroups')}>
              {list(
                service.populationGroups,
                (g) => `people.populationGroup.${g}` as TranslationKey,
                t('directory.eligibility.anyGroup'),
              )}
            </Fact>
            <Fact label={t('directory.fields.documents')}>
              {list(
                service.requiredDocuments,
                (d) => `people.documentType.${d}` as TranslationKey,
                t('directory.eligibility.noDocuments'),
              )}
            </Fact>
          </SimpleGrid>
        </Stack>
      </Section>

      {(service.applicationProcess || service.url || service.email) && (
        <Section title={t('directory.sections.howToApply')}>
          <Stack gap="xs">
            {service.applicationProcess && <Text size="sm">{service.applicationProcess}</Text>}
            {service.url && (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {t('directory.fields.url')}:{' '}
                <Anchor href={service.url} target="_blank" rel="noreferrer">
                  {service.url}
                </Anchor>
              </Text>
            )}
            {service.email && (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {t('directory.fields.email')}:{' '}
                <Anchor href={`mailto:${service.email}`}>{service.email}</Anchor>
              </Text>
            )}
          </Stack>
        </Section>
      )}

      <Section title={t('directory.sections.where')}>
        <Stack gap="md">
          {service.schedules.length > 0 && (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('directory.fields.serviceHours')}
              </Text>
              <ScheduleLines schedules={service.schedules} />
            </Stack>
          )}
          {service.locations.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('directory.noLocations')}
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              {service.locations.map((location) => (
                <Paper key={location.id} withBorder p="sm">
                  <Stack gap={4}>
                    <Text fw={600} size="sm">
                      {location.name}
                    </Text>
                    <Text size="sm">
                      {[location.address1, location.address2].filter(Boolean).join(', ')}
                      {location.municipalityName ? ` · ${location.municipalityName}` : ''}
                    </Text>
                    {location.description && (
                      <Text size="sm" c="dimmed">
                        {location.description}
                      </Text>
                    )}
                    <Text size="sm" fw={500} mt={4}>
                      {location.schedules.length
                        ? t('directory.fields.hoursHere')
                        : t('directory.fields.placeHours')}
                    </Text>
                    {location.schedules.length ? (
                      <ScheduleLines schedules={location.schedules} />
                    ) : location.locationSchedules.length ? (
                      <ScheduleLines schedules={location.locationSchedules} />
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('directory.notStated')}
                      </Text>
                    )}
                  </Stack>
                </Paper>
              ))}
            </SimpleGrid>
          )}
        </Stack>
      </Section>

      <Section title={t('directory.contacts.title')}>
        <ContactList contacts={service.contacts} />
      </Section>

      <Text size="xs" c="dimmed">
        {t('directory.updatedOn', { date: date(service.updatedAt) })}
      </Text>
    </Stack>
  );
}
