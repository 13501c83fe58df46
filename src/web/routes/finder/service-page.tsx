import { Anchor, Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { isProblemOf } from '../../api/client';
import { type FinderService, finderServiceQuery } from '../../api/finder';
import { useDocumentTitle } from '../../components/document-title';
import { currentLanguage, i18n, LOCALE_TAGS, type TranslationKey, useT } from '../../i18n';
import { ContactLinks, placeOf, Schedules } from './parts';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4} component="section">
      <Title order={2} fz="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function documentName(code: string): string {
  const key = `people.documentType.${code}`;
  return i18n.exists(key) ? i18n.t(key) : code;
}

function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames([LOCALE_TAGS[currentLanguage()]], { type: 'language' }).of(code);
    return name ? name.charAt(0).toLocaleUpperCase() + name.slice(1) : code;
  } catch {
    return code;
  }
}

function ages(service: FinderService, t: ReturnType<typeof useT>): string | null {
  const { minimumAge: min, maximumAge: max } = service;
  if (min !== null && max !== null) return t('finder.service.agesRange', { min, max });
  if (min !== null) return t('finder.service.agesMin', { min });
  if (max !== null) return t('finder.service.agesMax', { max });
  return null;
}

/** One service: everything a visitor needs to go there or call, and nothing about anyone. */
export function ServicePage() {
  const t = useT();
  const { serviceId = '' } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const municipality = params.get('municipio')?.match(/^\d{5}$/)
    ? (params.get('municipio') ?? undefined)
    : undefined;
  const service = useQuery(finderServiceQuery(serviceId, municipality, currentLanguage()));
  useDocumentTitle(service.data?.name ?? t('finder.title'));
  const back = (
    <Anchor component={Link} to={`/servicios${location.search}`} size="sm">
      ← {t('finder.service.back')}
    </Anchor>
  );

  if (service.isPending) {
    return (
      <Stack gap="md" aria-busy>
        {back}
        <Group gap="sm">
          <Loader size="sm" />
          <Text>{t('finder.service.loading')}</Text>
        </Group>
      </Stack>
    );
  }
  if (service.isError) {
    const gone = isProblemOf(service.error, 'not-found') || isProblemOf(service.error, 'validation');
    return (
      <Stack gap="md">
        {back}
        <Title order={1}>{gone ? t('finder.service.notFoundTitle') : t('finder.results.error')}</Title>
        {gone && <Text>{t('finder.service.notFoundDetail')}</Text>}
      </Stack>
    );
  }

  const data = service.data;
  const ageText = ages(data, t);
  return (
    <Stack gap="lg" maw={760}>
      {back}
      <Stack gap={4}>
        <Title order={1} className="finder-wrap">
          {data.name}
        </Title>
        <Text c="dimmed">{data.organization.name}</Text>
        <Group gap="xs" mt={4}>
          <Badge variant="light" color="ruta" className="finder-badge">
            {t(`finder.category.names.${data.category.code}` as TranslationKey)}
          </Badge>
          {data.reach === 'national' && (
            <Badge variant="outline" color="gray" className="finder-badge">
              {t('finder.card.nationwide')}
            </Badge>
          )}
        </Group>
      </Stack>
      {data.description && <Text style={{ whiteSpace: 'pre-line' }}>{data.description}</Text>}
      <ContactLinks contacts={data.contacts} email={data.email} />

      {(data.eligibility || ageText) && (
        <Section title={t('finder.service.eligibility')}>
          {data.eligibility && <Text style={{ whiteSpace: 'pre-line' }}>{data.eligibility}</Text>}
          {ageText && <Text>{ageText}</Text>}
        </Section>
      )}
      {data.applicationProcess && (
        <Section title={t('finder.service.apply')}>
          <Text style={{ whiteSpace: 'pre-line' }}>{data.applicationProcess}</Text>
        </Section>
      )}
      {data.requiredDocuments.length > 0 && (
        <Section title={t('finder.service.documents')}>
          <ul className="finder-bullets">
            {data.requiredDocuments.map((code) => (
              <li key={code}>{documentName(code)}</li>
            ))}
          </ul>
        </Section>
      )}
      {data.fees && (
        <Section title={t('finder.service.cost')}>
          <Text>{data.fees}</Text>
        </Section>
      )}
      {data.languages.length > 0 && (
        <Section title={t('finder.service.languages')}>
          <Text>{data.languages.map(languageName).join(', ')}</Text>
        </Section>
      )}
      {data.schedules.length > 0 && (
        <Section title={t('finder.service.hours')}>
          <Schedules schedules={data.schedules} />
        </Section>
      )}

      {data.locations.length > 0 ? (
        <Section title={t('finder.service.locations')}>
          <Stack gap="sm" component="ul" className="finder-plain-list">
            {data.locations.map((place) => (
              <Paper component="li" withBorder p="md" radius="md" key={`${place.name}-${placeOf(place)}`}>
                <Stack gap={6}>
                  <Text fw={700} className="finder-wrap">
                    {place.name}
                  </Text>
                  {placeOf(place) && <Text className="finder-wrap">{placeOf(place)}</Text>}
                  <Schedules schedules={place.schedules} />
                  {place.transportation && (
                    <Text size="sm" c="dimmed">
                      {t('finder.service.transport')}: {place.transportation}
                    </Text>
                  )}
                  <ContactLinks contacts={place.contacts} />
                </Stack>
              </Paper>
            ))}
          </Stack>
        </Section>
      ) : (
        <Section title={t('finder.service.locations')}>
          <Text>
            {data.areaServed.length > 0
              ? t('finder.card.areaServed', {
                  places: new Intl.ListFormat(LOCALE_TAGS[currentLanguage()], { type: 'conjunction' }).format(
                    data.areaServed.map((area) => area.name),
                  ),
                })
              : t('finder.card.remote')}
          </Text>
        </Section>
      )}

      {(data.url || data.organization.website || data.organization.email) && (
        <Section title={t('finder.service.contact')}>
          <Stack gap={4}>
            {[data.url, data.organization.website]
              .filter((url): url is string => Boolean(url))
              .filter((url, index, all) => all.indexOf(url) === index)
              .map((url) => (
                <Anchor
                  key={url}
                  href={url}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="finder-wrap"
                >
                  {url}
                </Anchor>
              ))}
            {data.organization.email && data.organization.email !== data.email && (
              <Anchor href={`mailto:${data.organization.email}`} className="finder-wrap">
                {data.organization.email}
              </Anchor>
            )}
          </Stack>
        </Section>
      )}
    </Stack>
  );
}
