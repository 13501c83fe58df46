import { Badge, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ageOf, type Municipality, municipalityQuery, searchMunicipalities } from '../../api/people';
import { currentLanguage, LOCALE_TAGS, type TranslationKey, useT } from '../../i18n';

/**
 * A document as staff write it: the type's code and the number ("PPT 4.512.378"). The code of a foreign
 * document says nothing to anyone, so it is named instead.
 */
export function useDocumentText() {
  const t = useT();
  return (document: { type: string; number: string }) =>
    `${document.type === 'FOREIGN_ID' ? t('people.foreignDocument') : document.type} ${document.number}`;
}

/** A phone stored in E.164 (+573001234567) as people write it: +57 300 1234567. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** Country names from their ISO codes, in the interface language (the browser knows them all). */
export function useCountryName() {
  const { i18n } = useTranslation();
  const locale = LOCALE_TAGS[currentLanguage(i18n.resolvedLanguage)];
  return useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    return (code: string) => {
      try {
        return names.of(code.trim()) ?? code;
      } catch {
        return code;
      }
    };
  }, [locale]);
}

/** "Barranquilla (Atlántico)", looked up once per code; the code itself while it loads. */
export function MunicipalityName({ code }: { code: string }) {
  const municipality = useQuery(municipalityQuery(code));
  return <>{municipality.data ? municipalityLabel(municipality.data) : code}</>;
}

export function municipalityLabel(municipality: Municipality): string {
  return `${municipality.name} (${municipality.departmentName})`;
}

/** "34 años" or "Edad desconocida"; "aprox." when the birth date was estimated. */
export function useAgeText() {
  const t = useT();
  return (birthDate: string | null, estimated = false) => {
    if (!birthDate) return t('people.age.unknown');
    const years = ageOf(birthDate);
    return estimated ? t('people.age.estimated', { count: years }) : t('people.age.years', { count: years });
  };
}

const GROUP_COLOURS: Record<string, string> = {
  returnee: 'blue.8',
  venezuelan_migrant: 'grape.8',
  refugee_or_asylum_seeker: 'pink.9',
  host_community: 'teal.9',
  other: 'gray.7',
};

export function PopulationGroupBadge({ group }: { group: string }) {
  const t = useT();
  return (
    <Badge color={GROUP_COLOURS[group] ?? 'gray.7'} variant="filled" style={{ textTransform: 'none' }}>
      {t(`people.populationGroup.${group}` as TranslationKey)}
    </Badge>
  );
}

/**
 * A municipality chosen by typing its name (accents optional): DIVIPOLA has 1,122, too many for a list.
 * `value` is the five-digit code.
 */
export function MunicipalitySelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | null;
  onChange: (code: string | null) => void;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<Municipality[]>([]);
  const chosen = useQuery({ ...municipalityQuery(value ?? ''), enabled: Boolean(value) });

  useEffect(() => {
    const text = search.trim();
    if (text.length < 2) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      searchMunicipalities(text, controller.signal)
        .then((result) => setOptions(result.items))
        .catch(() => undefined);
    }, 200);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [search]);

  const data = [...options];
  if (chosen.data && !data.some((item) => item.code === chosen.data?.code)) data.unshift(chosen.data);

  return (
    <Select
      label={label}
      placeholder={t('people.filters.municipalityPlaceholder')}
      searchable
      clearable
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      data={data.map((item) => ({ value: item.code, label: municipalityLabel(item) }))}
      nothingFoundMessage={search.trim().length >= 2 ? t('people.filters.noMunicipality') : undefined}
      filter={({ options: all }) => all}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
