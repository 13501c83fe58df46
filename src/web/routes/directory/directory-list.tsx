import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Pagination,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  canEditDirectory,
  DIRECTORY_PAGE_SIZE,
  directoryOrganizationsQuery,
  directoryServicesQuery,
  SERVICE_CATEGORY_CODES,
  SERVICE_STATUSES,
  type ServiceSummary,
} from '../../api/directory';
import { canImportHsds } from '../../api/hsds';
import { useDocumentTitle } from '../../components/document-title';
import { ProblemAlert } from '../../components/problem-alert';
import { type TranslationKey, useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { MunicipalitySelect } from './parts';

export const categoryKey = (category: string) => `directory.category.${category}` as TranslationKey;
export const statusKey = (status: string) => `directory.status.${status.replace(' ', '_')}` as TranslationKey;

/** `/directory`: the network's services, searched and filtered; editors add services from here. */
export function DirectoryPage() {
  const t = useT();
  useDocumentTitle(t('directory.title'));
  const session = useReadySession();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [municipality, setMunicipality] = useState<{ code: string; name: string } | null>(
    params.get('municipality')
      ? { code: params.get('municipality') as string, name: params.get('municipalityName') ?? '' }
      : null,
  );
  const category = params.get('category') ?? '';
  const organizationId = params.get('organizationId') ?? '';
  const status = params.get('status') ?? 'active';
  const page = Number(params.get('page') ?? '1') || 1;
  const organizations = useQuery(directoryOrganizationsQuery);
  const services = useQuery({
    ...directoryServicesQuery({
      q: q || undefined,
      category: category || undefined,
      municipality: municipality?.code,
      organizationId: organizationId || undefined,
      status: status === 'all' ? undefined : status,
      page,
    }),
    placeholderData: keepPreviousData,
  });

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const role = session.user.role;
  const isFocalPoint = role === 'partner_focal_point';
  const total = services.data?.total ?? 0;

  return (
    <Stack gap="lg" maw={1100}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4} maw={640}>
          <Title order={1}>{t('directory.title')}</Title>
          <Text c="dimmed">{t('directory.intro')}</Text>
        </Stack>
        <Group gap="xs">
          {canImportHsds(role) && (
            <Button variant="subtle" component={Link} to="/directory/hsds">
              {t('hsds.link')}
            </Button>
          )}
          {isFocalPoint && (
            <Button
              variant="default"
              component={Link}
              to={`/directory/organizations/${session.user.organizationId}`}
            >
              {t('directory.myOrganization')}
            </Button>
          )}
          {canEditDirectory(role) && (
            <Button
              component={Link}
              to={
                isFocalPoint
                  ? `/directory/services/new?organizationId=${session.user.organizationId}`
                  : '/directory/services/new'
              }
            >
              {t('directory.newService')}
            </Button>
          )}
        </Group>
      </Group>

      <Paper withBorder p="md" component="search" aria-label={t('directory.filters.label')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <TextInput
            label={t('directory.filters.search')}
            placeholder={t('directory.filters.searchPlaceholder')}
            value={text}
            type="search"
            onChange={(e) => {
              setText(e.currentTarget.value);
              update({ q: e.currentTarget.value.trim() || null });
            }}
          />
          <Select
            label={t('directory.filters.category')}
            placeholder={t('directory.filters.anyCategory')}
            clearable
            searchable
            data={SERVICE_CATEGORY_CODES.map((code) => ({ value: code, label: t(categoryKey(code)) }))}
            value={category || null}
            onChange={(value) => update({ category: value })}
          />
          <MunicipalitySelect
            label={t('directory.filters.municipality')}
            value={municipality}
            onChange={(value) => {
              setMunicipality(value);
              update({ municipality: value?.code ?? null, municipalityName: value?.name ?? null });
            }}
          />
          <Select
            label={t('directory.filters.organization')}
            placeholder={t('directory.filters.anyOrganization')}
            clearable
            searchable
            data={(organizations.data?.items ?? []).map((o) => ({ value: o.id, label: o.shortName }))}
            value={organizationId || null}
            onChange={(value) => update({ organizationId: value })}
          />
          <Select
            label={t('directory.filters.status')}
            data={[
              ...SERVICE_STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) })),
              { value: 'all', label: t('directory.filters.anyStatus') },
            ]}
            value={status}
            allowDeselect={false}
            onChange={(value) => update({ status: value === 'active' ? null : value })}
          />
        </SimpleGrid>
      </Paper>

      <div aria-live="polite" aria-busy={services.isFetching}>
        {services.isPending ? (
          <Group gap="sm">
            <Loader size="sm" aria-hidden />
            <Text>{t('directory.loading')}</Text>
          </Group>
        ) : services.isError ? (
          <ProblemAlert error={services.error} />
        ) : services.data.items.length === 0 ? (
          <Text>{t('directory.none')}</Text>
        ) : (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('directory.count', { count: total })}
            </Text>
            <Stack gap="sm" component="ul" p={0} m={0}>
              {services.data.items.map((service) => (
                <ServiceCard key={service.id} service={service} />
              ))}
            </Stack>
            {total > DIRECTORY_PAGE_SIZE && (
              <Pagination
                total={Math.ceil(total / DIRECTORY_PAGE_SIZE)}
                value={page}
                onChange={(next) => update({ page: String(next) })}
                getControlProps={(control) => ({
                  'aria-label':
                    control === 'previous' ? t('directory.previousPage') : t('directory.nextPage'),
                })}
                size="sm"
              />
            )}
          </Stack>
        )}
      </div>
    </Stack>
  );
}

function ServiceCard({ service }: { service: ServiceSummary }) {
  const t = useT();
  const places = service.locationMunicipalities.map((m) => m.name);
  return (
    <Paper component="li" withBorder p="md" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Anchor
            component={Link}
            to={`/directory/services/${service.id}`}
            fw={600}
            style={{ overflowWrap: 'anywhere' }}
          >
            {service.name}
          </Anchor>
          <Group gap={6}>
            <Badge variant="light">{t(categoryKey(service.category))}</Badge>
            {service.status !== 'active' && (
              <Badge color="gray" variant="light">
                {t(statusKey(service.status))}
              </Badge>
            )}
          </Group>
        </Group>
        <Text size="sm">{service.organization.name}</Text>
        <Text size="sm" c="dimmed">
          {[
            service.municipalityCodes.length === 0 ? t('directory.national') : null,
            places.length ? t('directory.where', { places: places.join(', ') }) : null,
            t('directory.acceptsIn', { count: service.acceptanceDays }),
            service.capacityPerMonth ? t('directory.capacity', { count: service.capacityPerMonth }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
    </Paper>
  );
}
