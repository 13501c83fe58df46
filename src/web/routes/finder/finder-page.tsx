import { Alert, Button, Group, Loader, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { categoriesForDimension } from '../../../domain/directory/taxonomy';
import {
  type FinderMunicipality,
  type FinderSearch,
  finderMunicipalitiesQuery,
  finderSearchQuery,
} from '../../api/finder';
import { useDocumentTitle } from '../../components/document-title';
import { currentLanguage, useT } from '../../i18n';
import { ServiceCard } from './parts';

/** The need groups a visitor picks from: one per integration dimension, social and cultural life together. */
export const NEED_GROUPS = {
  health: ['health'],
  education: ['education'],
  legal_documentation: ['legal_documentation'],
  housing_urban: ['housing_urban'],
  humanitarian_aid: ['humanitarian_aid'],
  productive: ['productive'],
  social: ['social', 'cultural'],
} as const;

type NeedGroup = keyof typeof NEED_GROUPS;

function isNeedGroup(value: string | null): value is NeedGroup {
  return value !== null && value in NEED_GROUPS;
}

/** The URL keeps the search (in Spanish, as the page's address), so it can be shared or bookmarked. */
const PARAMS = {
  need: 'necesidad',
  category: 'categoria',
  municipality: 'municipio',
  q: 'buscar',
  page: 'pagina',
} as const;

/** Long category names wrap on a narrow phone instead of pushing the page sideways. */
const WRAPPING_BUTTON = {
  root: { height: 'auto', minHeight: 36, paddingBlock: 6 },
  label: { whiteSpace: 'normal' as const, textAlign: 'start' as const },
};

function municipalityLabel(municipality: FinderMunicipality): string {
  return `${municipality.name} (${municipality.departmentName})`;
}

export function FinderPage() {
  const t = useT();
  useDocumentTitle(t('finder.title'));
  const language = currentLanguage();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const needParam = params.get(PARAMS.need);
  const need = isNeedGroup(needParam) ? needParam : null;
  const categories = need ? NEED_GROUPS[need].flatMap((dimension) => categoriesForDimension(dimension)) : [];
  const categoryParam = params.get(PARAMS.category);
  const category = categoryParam && (categories as string[]).includes(categoryParam) ? categoryParam : null;
  const municipalityCode = params.get(PARAMS.municipality)?.match(/^\d{5}$/)
    ? params.get(PARAMS.municipality)
    : null;
  const q = params.get(PARAMS.q)?.trim() ?? '';
  const page = Math.max(1, Number(params.get(PARAMS.page)) || 1);
  const [words, setWords] = useState(q);
  useEffect(() => setWords(q), [q]);

  function update(changes: Partial<Record<keyof typeof PARAMS, string | null>>) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          const name = PARAMS[key as keyof typeof PARAMS];
          if (value) next.set(name, value);
          else next.delete(name);
        }
        if (!('page' in changes)) next.delete(PARAMS.page);
        return next;
      },
      { preventScrollReset: true },
    );
  }

  const search: FinderSearch = {
    need: need ? [...NEED_GROUPS[need]] : undefined,
    category: category ?? undefined,
    municipality: municipalityCode ?? undefined,
    q: q || undefined,
    page,
  };
  const searching = Boolean(need || municipalityCode || q);
  const results = useQuery({ ...finderSearchQuery(search, language), enabled: searching });

  const needsHeading = useId();
  const categoriesHeading = useId();
  const resultsHeading = useId();

  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Title order={1}>{t('finder.heading')}</Title>
        <Text>{t('finder.intro')}</Text>
      </Stack>

      <section aria-labelledby={needsHeading}>
        <Title order={2} id={needsHeading} fz="h3" mb="sm">
          {t('finder.need.heading')}
        </Title>
        <ul className="finder-needs">
          {(Object.keys(NEED_GROUPS) as NeedGroup[]).map((group) => (
            <li key={group}>
              <button
                type="button"
                className="finder-need"
                aria-pressed={need === group}
                onClick={() => update({ need: need === group ? null : group, category: null })}
              >
                <Text fw={700} fz="md" component="span" display="block">
                  {t(`finder.need.groups.${group}.name`)}
                </Text>
                <Text size="sm" c="dimmed" component="span" display="block">
                  {t(`finder.need.groups.${group}.hint`)}
                </Text>
              </button>
            </li>
          ))}
        </ul>
      </section>

      {need && categories.length > 1 && (
        <section aria-labelledby={categoriesHeading}>
          <Title order={2} id={categoriesHeading} fz="h4" mb="sm">
            {t('finder.category.heading')}
          </Title>
          <Group gap="xs">
            <Button
              size="sm"
              variant={category ? 'default' : 'filled'}
              aria-pressed={!category}
              onClick={() => update({ category: null })}
            >
              {t('finder.category.all')}
            </Button>
            {categories.map((code) => (
              <Button
                key={code}
                size="sm"
                variant={category === code ? 'filled' : 'default'}
                aria-pressed={category === code}
                onClick={() => update({ category: category === code ? null : code })}
                styles={WRAPPING_BUTTON}
              >
                {t(`finder.category.names.${code}`)}
              </Button>
            ))}
          </Group>
        </section>
      )}

      <div className="finder-filters">
        <MunicipalityPicker code={municipalityCode} onChange={(code) => update({ municipality: code })} />
        <form
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            update({ q: words.trim() || null });
          }}
        >
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label={t('finder.search.label')}
              placeholder={t('finder.search.placeholder')}
              value={words}
              onChange={(event) => setWords(event.currentTarget.value)}
              maxLength={100}
              size="md"
              style={{ flex: 1, minWidth: 0 }}
            />
            <Button type="submit" size="md">
              {t('finder.search.submit')}
            </Button>
          </Group>
        </form>
      </div>

      <section aria-labelledby={resultsHeading} aria-busy={results.isFetching}>
        {!searching ? (
          <Text id={resultsHeading} c="dimmed">
            {t('finder.results.prompt')}
          </Text>
        ) : results.isPending ? (
          <Group gap="sm" id={resultsHeading}>
            <Loader size="sm" />
            <Text>{t('finder.results.loading')}</Text>
          </Group>
        ) : results.isError ? (
          <Alert color="red" variant="light" title={t('finder.results.error')} id={resultsHeading}>
            <Button variant="light" color="red" mt="xs" onClick={() => void results.refetch()}>
              {t('finder.results.retry')}
            </Button>
          </Alert>
        ) : results.data.total === 0 ? (
          <EmptyResults
            headingId={resultsHeading}
            municipalityCode={municipalityCode}
            search={location.search}
          />
        ) : (
          <Stack gap="md">
            <Title order={2} id={resultsHeading} fz="h3" aria-live="polite">
              <ResultCount total={results.data.total} municipalityCode={municipalityCode} />
            </Title>
            <ul className="finder-list">
              {results.data.items.map((service) => (
                <ServiceCard key={service.id} service={service} search={location.search} />
              ))}
            </ul>
            <Pages
              page={results.data.page}
              pages={Math.ceil(results.data.total / results.data.pageSize)}
              onPage={(next) => {
                update({ page: next > 1 ? String(next) : null });
                document.getElementById(resultsHeading)?.scrollIntoView();
              }}
            />
          </Stack>
        )}
      </section>
    </Stack>
  );
}

function useMunicipality(code: string | null) {
  // The reference search also matches codes: the chosen one comes back first, with its name and department.
  const lookup = useQuery({ ...finderMunicipalitiesQuery(code ?? ''), enabled: Boolean(code) });
  return lookup.data?.items.find((item) => item.code === code) ?? null;
}

function ResultCount({ total, municipalityCode }: { total: number; municipalityCode: string | null }) {
  const t = useT();
  const municipality = useMunicipality(municipalityCode);
  return municipality
    ? t('finder.results.countIn', { count: total, municipality: municipality.name })
    : t('finder.results.count', { count: total });
}

function MunicipalityPicker({
  code,
  onChange,
}: {
  code: string | null;
  onChange: (code: string | null) => void;
}) {
  const t = useT();
  const chosen = useMunicipality(code);
  const [typed, setTyped] = useState('');
  const chosenLabel = chosen ? municipalityLabel(chosen) : null;
  // The box shows the chosen municipality (also when it came with the page's address).
  useEffect(() => {
    if (chosenLabel) setTyped(chosenLabel);
  }, [chosenLabel]);
  const [debounced] = useDebouncedValue(typed === chosenLabel ? '' : typed.trim(), 250);
  const found = useQuery(finderMunicipalitiesQuery(debounced));
  const data = useMemo(() => {
    const options = new Map<string, string>();
    if (chosen) options.set(chosen.code, municipalityLabel(chosen));
    for (const item of found.data?.items ?? []) options.set(item.code, municipalityLabel(item));
    return [...options].map(([value, label]) => ({ value, label }));
  }, [chosen, found.data]);

  return (
    <Select
      label={t('finder.municipality.label')}
      placeholder={t('finder.municipality.placeholder')}
      searchable
      clearable
      size="md"
      data={data}
      value={code}
      onChange={(value) => onChange(value)}
      searchValue={typed}
      onSearchChange={setTyped}
      // The server already matched the words (accents optional): show what it found as it is.
      filter={({ options }) => options}
      nothingFoundMessage={
        debounced.length >= 2 && !found.isFetching ? t('finder.municipality.nothingFound') : null
      }
      rightSection={found.isFetching ? <Loader size="xs" /> : undefined}
      clearButtonProps={{ 'aria-label': t('finder.municipality.clear') }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function EmptyResults({
  headingId,
  municipalityCode,
  search,
}: {
  headingId: string;
  municipalityCode: string | null;
  search: string;
}) {
  const t = useT();
  const language = currentLanguage();
  const municipality = useMunicipality(municipalityCode);
  // What there is anyway: everything in the municipality and nationwide, or the nationwide services.
  const others = useQuery(finderSearchQuery({ municipality: municipalityCode ?? undefined }, language));
  const items = (others.data?.items ?? []).filter((item) => municipalityCode || item.reach === 'national');
  const othersHeading = useId();
  return (
    <Stack gap="lg">
      <Alert variant="light" color="yellow">
        <Title order={2} id={headingId} fz="h4" mb={4}>
          {municipality
            ? t('finder.empty.inMunicipality', { municipality: municipality.name })
            : t('finder.empty.title')}
        </Title>
        <Text size="sm">{t('finder.empty.hint')}</Text>
      </Alert>
      {items.length > 0 && (
        <Stack gap="md" component="section" aria-labelledby={othersHeading}>
          <Title order={2} id={othersHeading} fz="h3">
            {municipality
              ? t('finder.empty.others', { municipality: municipality.name })
              : t('finder.empty.national')}
          </Title>
          <ul className="finder-list">
            {items.map((service) => (
              <ServiceCard key={service.id} service={service} search={search} />
            ))}
          </ul>
        </Stack>
      )}
    </Stack>
  );
}

function Pages({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const t = useT();
  if (pages <= 1) return null;
  return (
    <Group component="nav" aria-label={t('finder.results.pagination')} justify="space-between" gap="sm">
      <Button variant="default" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('finder.results.previous')}
      </Button>
      <Text size="sm">{t('finder.results.page', { page, pages })}</Text>
      <Button variant="default" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('finder.results.next')}
      </Button>
    </Group>
  );
}
