import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dispatch, SetStateAction } from 'react';
import { useMemo, useState } from 'react';
import type { Office } from '../../api/identity';
import {
  countriesQuery,
  DOCUMENT_TYPES,
  type DocumentType,
  type DocumentTypeRule,
  departmentsQuery,
  documentTypesQuery,
  ETHNIC_GROUPS,
  GENDER_IDENTITIES,
  municipalitiesQuery,
  POPULATION_GROUPS,
  RETURN_TYPES,
  SEXES,
  WG_DOMAINS,
} from '../../api/registration';
import { currentLanguage, useT } from '../../i18n';
import { MaternityFields } from './maternity-fields';
import { newDocumentRow, type RegistrationDraft } from './registration-draft';

export interface StepProps {
  draft: RegistrationDraft;
  update: <K extends keyof RegistrationDraft>(field: K, value: RegistrationDraft[K]) => void;
  setDraft: Dispatch<SetStateAction<RegistrationDraft>>;
  /** The message to show beside a field (`givenName1`, `documents.0.number`…), if any. */
  message: (path: string) => string | undefined;
  offices: Office[];
  /** Whether the user records health data (pregnancy, lactation). */
  recordsHealth: boolean;
}

function useFieldMessage({ message }: Pick<StepProps, 'message'>) {
  return message;
}

function useCountryOptions() {
  const countries = useQuery(countriesQuery(currentLanguage()));
  return useMemo(
    () => (countries.data?.items ?? []).map((country) => ({ value: country.code, label: country.name })),
    [countries.data],
  );
}

const today = () => new Date().toISOString().slice(0, 10);

export function PersonStep(props: StepProps) {
  const { draft, update, offices } = props;
  const t = useT();
  const message = useFieldMessage(props);
  const countries = useCountryOptions();
  return (
    <Stack gap="md">
      <NativeSelect
        label={t('registration.field.office')}
        description={offices.length > 1 ? t('registration.officeHelp') : undefined}
        required
        data={[
          ...(draft.officeId ? [] : [{ value: '', label: t('registration.chooseOffice') }]),
          ...offices.map((office) => ({ value: office.id, label: office.name })),
        ]}
        value={draft.officeId}
        onChange={(event) => update('officeId', event.currentTarget.value)}
        error={message('officeId')}
      />
      <Fieldset legend={t('registration.namesLegend')} variant="unstyled">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={t('registration.field.givenName1')}
            required
            autoComplete="off"
            maxLength={80}
            value={draft.givenName1}
            onChange={(event) => update('givenName1', event.currentTarget.value)}
            error={message('givenName1')}
          />
          <TextInput
            label={t('registration.field.givenName2')}
            autoComplete="off"
            maxLength={80}
            value={draft.givenName2}
            onChange={(event) => update('givenName2', event.currentTarget.value)}
            error={message('givenName2')}
          />
          <TextInput
            label={t('registration.field.surname1')}
            required
            autoComplete="off"
            maxLength={80}
            value={draft.surname1}
            onChange={(event) => update('surname1', event.currentTarget.value)}
            error={message('surname1')}
          />
          <TextInput
            label={t('registration.field.surname2')}
            autoComplete="off"
            maxLength={80}
            value={draft.surname2}
            onChange={(event) => update('surname2', event.currentTarget.value)}
            error={message('surname2')}
          />
        </SimpleGrid>
      </Fieldset>
      <TextInput
        label={t('registration.field.preferredName')}
        description={t('registration.preferredNameHelp')}
        autoComplete="off"
        maxLength={80}
        value={draft.preferredName}
        onChange={(event) => update('preferredName', event.currentTarget.value)}
        error={message('preferredName')}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Stack gap={6}>
          <TextInput
            type="date"
            label={t('registration.field.birthDate')}
            max={today()}
            value={draft.birthDate}
            onChange={(event) => update('birthDate', event.currentTarget.value)}
            error={message('birthDate')}
          />
          <Checkbox
            label={t('registration.field.birthDateEstimated')}
            checked={draft.birthDateEstimated}
            onChange={(event) => update('birthDateEstimated', event.currentTarget.checked)}
          />
        </Stack>
        <NativeSelect
          label={t('registration.field.sexAtBirth')}
          data={[
            { value: '', label: t('registration.notAnswered') },
            ...SEXES.map((value) => ({ value, label: t(`registration.sex.${value}`) })),
          ]}
          value={draft.sexAtBirth}
          onChange={(event) => update('sexAtBirth', event.currentTarget.value)}
          error={message('sexAtBirth')}
        />
      </SimpleGrid>
      {draft.sexAtBirth === 'female' && props.recordsHealth && (
        <MaternityFields
          value={draft.maternity}
          onChange={(maternity) => update('maternity', maternity)}
          message={message}
        />
      )}
      <MultiSelect
        label={t('registration.field.nationalities')}
        description={t('registration.nationalitiesHelp')}
        placeholder={draft.nationalities.length ? undefined : t('registration.searchCountry')}
        data={countries}
        searchable
        clearable
        maxValues={4}
        nothingFoundMessage={t('registration.noCountry')}
        value={draft.nationalities}
        onChange={(value) => update('nationalities', value)}
        error={message('nationalities')}
        comboboxProps={{ withinPortal: true }}
      />
      <Radio.Group
        label={t('registration.field.populationGroup')}
        required
        value={draft.populationGroup}
        onChange={(value) => update('populationGroup', value)}
        error={message('populationGroup')}
      >
        <Stack gap="xs" mt="xs">
          {POPULATION_GROUPS.map((group) => (
            <Radio key={group} value={group} label={t(`registration.population.${group}`)} />
          ))}
        </Stack>
      </Radio.Group>
    </Stack>
  );
}

/** "Solo números, de 6 a 10 dígitos": what the server accepts for this type of document. */
function documentHint(rule: DocumentTypeRule | undefined, t: ReturnType<typeof useT>): string | undefined {
  if (!rule) return undefined;
  const key =
    rule.charset === 'digits' ? 'registration.documentHint.digits' : 'registration.documentHint.alphanumeric';
  const usual = rule.usualLengths?.length
    ? ` ${t('registration.documentHint.usual', { lengths: rule.usualLengths.join(', ') })}`
    : '';
  return `${t(key, { min: rule.minLength, max: rule.maxLength })}${usual}`;
}

export function DocumentsStep(props: StepProps) {
  const { draft, setDraft } = props;
  const t = useT();
  const message = useFieldMessage(props);
  const rules = useQuery(documentTypesQuery);
  const countries = useCountryOptions();
  const ruleOf = (type: DocumentType) => rules.data?.items.find((rule) => rule.code === type);

  function change(index: number, patch: Partial<RegistrationDraft['documents'][number]>) {
    setDraft((previous) => ({
      ...previous,
      documents: previous.documents.map((row, i) => (i === index ? { ...row, ...patch } : row)),
    }));
  }

  return (
    <Stack gap="md">
      <Text size="sm">{t('registration.documentsIntro')}</Text>
      {draft.documents.length === 0 && <Text size="sm">{t('registration.noDocuments')}</Text>}
      {draft.documents.map((document, index) => {
        const position = { number: index + 1 };
        return (
          <Paper key={document.key} withBorder p="sm" radius="sm">
            <Fieldset variant="unstyled" legend={t('registration.documentLegend', position)}>
              <Stack gap="sm">
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                  <NativeSelect
                    label={t('registration.field.documentType')}
                    data={DOCUMENT_TYPES.map((type) => ({
                      value: type,
                      label: t(`registration.documentType.${type}`),
                    }))}
                    value={document.type}
                    onChange={(event) => change(index, { type: event.currentTarget.value as DocumentType })}
                    error={message(`documents.${index}.type`)}
                  />
                  <TextInput
                    label={t('registration.field.documentNumber')}
                    description={documentHint(ruleOf(document.type), t)}
                    inputMode={ruleOf(document.type)?.charset === 'digits' ? 'numeric' : 'text'}
                    autoComplete="off"
                    spellCheck={false}
                    maxLength={40}
                    value={document.number}
                    onChange={(event) => change(index, { number: event.currentTarget.value })}
                    error={message(`documents.${index}.number`)}
                  />
                </SimpleGrid>
                <Select
                  label={t('registration.field.issuingCountry')}
                  placeholder={t('registration.searchCountry')}
                  data={countries}
                  searchable
                  clearable
                  nothingFoundMessage={t('registration.noCountry')}
                  value={document.issuingCountry || null}
                  onChange={(value) => change(index, { issuingCountry: value ?? '' })}
                  error={message(`documents.${index}.issuingCountry`)}
                />
                <Group justify="flex-end">
                  <Button
                    variant="subtle"
                    color="red.8"
                    size="compact-sm"
                    onClick={() =>
                      setDraft((previous) => ({
                        ...previous,
                        documents: previous.documents.filter((_, i) => i !== index),
                      }))
                    }
                  >
                    {t('registration.removeDocument', position)}
                  </Button>
                </Group>
              </Stack>
            </Fieldset>
          </Paper>
        );
      })}
      <Group>
        <Button
          variant="default"
          onClick={() =>
            setDraft((previous) => ({
              ...previous,
              documents: [...previous.documents, newDocumentRow('PPT')],
            }))
          }
          disabled={draft.documents.length >= 10}
        >
          {t('registration.addDocument')}
        </Button>
      </Group>
    </Stack>
  );
}

export function ContactStep(props: StepProps) {
  const { draft, update, setDraft } = props;
  const t = useT();
  const message = useFieldMessage(props);
  const departments = useQuery(departmentsQuery);
  const [search, setSearch] = useState(draft.municipalityLabel);
  const [debouncedSearch] = useDebouncedValue(search, 250);
  const typing = debouncedSearch.trim().length >= 2 && debouncedSearch !== draft.municipalityLabel;
  const query = typing ? debouncedSearch.trim() : draft.departmentCode;
  const municipalities = useQuery({ ...municipalitiesQuery(query), placeholderData: keepPreviousData });
  const options = useMemo(() => {
    const found = (municipalities.data?.items ?? [])
      .filter((item) => !draft.departmentCode || item.departmentCode === draft.departmentCode)
      .map((item) => ({
        value: item.code,
        label: draft.departmentCode ? item.name : `${item.name} (${item.departmentName})`,
      }));
    if (draft.municipalityCode && !found.some((option) => option.value === draft.municipalityCode)) {
      found.unshift({ value: draft.municipalityCode, label: draft.municipalityLabel });
    }
    return found;
  }, [municipalities.data, draft.departmentCode, draft.municipalityCode, draft.municipalityLabel]);

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          type="tel"
          label={t('registration.field.phone')}
          description={t('registration.phoneHelp')}
          autoComplete="off"
          inputMode="tel"
          maxLength={30}
          value={draft.phone}
          onChange={(event) => update('phone', event.currentTarget.value)}
          error={message('phone')}
        />
        <TextInput
          type="email"
          label={t('registration.field.email')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={320}
          value={draft.email}
          onChange={(event) => update('email', event.currentTarget.value)}
          error={message('email')}
        />
      </SimpleGrid>
      <Fieldset legend={t('registration.addressLegend')} variant="unstyled">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <NativeSelect
              label={t('registration.field.department')}
              data={[
                { value: '', label: t('registration.chooseDepartment') },
                ...(departments.data?.items ?? []).map((department) => ({
                  value: department.code,
                  label: department.name,
                })),
              ]}
              value={draft.departmentCode}
              onChange={(event) => {
                const code = event.currentTarget.value;
                setDraft((previous) => ({
                  ...previous,
                  departmentCode: code,
                  ...(previous.municipalityCode && !previous.municipalityCode.startsWith(code)
                    ? { municipalityCode: '', municipalityLabel: '' }
                    : {}),
                }));
                setSearch('');
              }}
            />
            <Select
              label={t('registration.field.municipality')}
              description={draft.departmentCode ? undefined : t('registration.municipalityHelp')}
              placeholder={t('registration.searchMunicipality')}
              data={options}
              searchable
              clearable
              filter={({ options: all }) => all}
              searchValue={search}
              onSearchChange={setSearch}
              nothingFoundMessage={
                query ? t('registration.noMunicipality') : t('registration.typeToSearchMunicipality')
              }
              value={draft.municipalityCode || null}
              onChange={(value, option) => {
                const item = municipalities.data?.items.find((m) => m.code === value);
                setDraft((previous) => ({
                  ...previous,
                  municipalityCode: value ?? '',
                  municipalityLabel: value ? (item?.name ?? option?.label ?? '') : '',
                  departmentCode: item?.departmentCode ?? previous.departmentCode,
                }));
                if (item) setSearch(item.name);
              }}
              error={message('municipalityCode')}
            />
          </SimpleGrid>
          <TextInput
            label={t('registration.field.neighbourhood')}
            autoComplete="off"
            maxLength={120}
            value={draft.neighbourhood}
            onChange={(event) => update('neighbourhood', event.currentTarget.value)}
            error={message('neighbourhood')}
          />
          <TextInput
            label={t('registration.field.addressLine')}
            autoComplete="off"
            maxLength={200}
            value={draft.addressLine}
            onChange={(event) => update('addressLine', event.currentTarget.value)}
            error={message('addressLine')}
          />
        </Stack>
      </Fieldset>
    </Stack>
  );
}

const yesNoOptions = (t: ReturnType<typeof useT>) => [
  { value: '', label: t('registration.notAnswered') },
  { value: 'yes', label: t('registration.yes') },
  { value: 'no', label: t('registration.no') },
];

const LANGUAGE_SUGGESTIONS = ['es', 'en', 'pt', 'fr', 'wayuunaiki', 'ht'] as const;

export function MoreStep(props: StepProps) {
  const { draft, update, setDraft } = props;
  const t = useT();
  const message = useFieldMessage(props);
  const countries = useCountryOptions();
  const returnee = draft.populationGroup === 'returnee';

  return (
    <Stack gap="lg">
      {returnee && (
        <Fieldset legend={t('registration.returnLegend')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('registration.returnHelp')}
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <NativeSelect
                label={t('registration.field.returnType')}
                data={[
                  { value: '', label: t('registration.notAnswered') },
                  ...RETURN_TYPES.map((value) => ({ value, label: t(`registration.returnType.${value}`) })),
                ]}
                value={draft.returnType}
                onChange={(event) => update('returnType', event.currentTarget.value)}
                error={message('returnData.returnType')}
              />
              <NativeSelect
                label={t('registration.field.rurRegistered')}
                data={yesNoOptions(t)}
                value={draft.rurRegistered}
                onChange={(event) => update('rurRegistered', event.currentTarget.value)}
              />
              <TextInput
                type="date"
                label={t('registration.field.arrivalDate')}
                max={today()}
                value={draft.arrivalDate}
                onChange={(event) => update('arrivalDate', event.currentTarget.value)}
                error={message('returnData.arrivalDate')}
              />
              <NativeSelect
                label={t('registration.field.arrivalMode')}
                data={[
                  { value: '', label: t('registration.notAnswered') },
                  { value: 'air', label: t('registration.arrivalMode.air') },
                  { value: 'land', label: t('registration.arrivalMode.land') },
                ]}
                value={draft.arrivalMode}
                onChange={(event) => update('arrivalMode', event.currentTarget.value)}
              />
              <TextInput
                label={t('registration.field.arrivalPost')}
                maxLength={120}
                value={draft.arrivalPost}
                onChange={(event) => update('arrivalPost', event.currentTarget.value)}
                error={message('returnData.arrivalPost')}
              />
              <Select
                label={t('registration.field.returnedFromCountry')}
                placeholder={t('registration.searchCountry')}
                data={countries}
                searchable
                clearable
                nothingFoundMessage={t('registration.noCountry')}
                value={draft.returnedFromCountry || null}
                onChange={(value) => update('returnedFromCountry', value ?? '')}
                error={message('returnData.returnedFromCountry')}
              />
              <TextInput
                type="number"
                label={t('registration.field.yearsAbroad')}
                min={0}
                max={100}
                inputMode="numeric"
                value={draft.yearsAbroad}
                onChange={(event) => update('yearsAbroad', event.currentTarget.value)}
                error={message('returnData.yearsAbroad')}
              />
              <NativeSelect
                label={t('registration.field.voluntary')}
                data={yesNoOptions(t)}
                value={draft.voluntary}
                onChange={(event) => update('voluntary', event.currentTarget.value)}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>
      )}

      <TagsInput
        label={t('registration.field.languages')}
        description={t('registration.languagesHelp')}
        data={LANGUAGE_SUGGESTIONS.map((code) => t(`registration.language.${code}`))}
        value={draft.languages}
        onChange={(value) => update('languages', value)}
        maxTags={10}
        clearable
        error={message('languages')}
      />

      <Fieldset legend={t('registration.sensitiveLegend')}>
        <Stack gap="sm">
          <Text size="sm">{t('registration.sensitiveHelp')}</Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <NativeSelect
              label={t('registration.field.genderIdentity')}
              data={[
                { value: '', label: t('registration.notAnswered') },
                ...GENDER_IDENTITIES.map((value) => ({ value, label: t(`registration.gender.${value}`) })),
              ]}
              value={draft.genderIdentity}
              onChange={(event) => update('genderIdentity', event.currentTarget.value)}
              error={message('genderIdentity')}
            />
            <NativeSelect
              label={t('registration.field.ethnicGroup')}
              data={[
                { value: '', label: t('registration.notAnswered') },
                ...ETHNIC_GROUPS.map((value) => ({ value, label: t(`registration.ethnic.${value}`) })),
              ]}
              value={draft.ethnicGroup}
              onChange={(event) => update('ethnicGroup', event.currentTarget.value)}
              error={message('ethnicGroup')}
            />
          </SimpleGrid>
          <Fieldset legend={t('registration.disabilityLegend')} variant="unstyled">
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('registration.disabilityHelp')}
              </Text>
              {WG_DOMAINS.map((domain) => (
                <NativeSelect
                  key={domain}
                  label={t(`registration.wg.${domain}`)}
                  data={[
                    { value: '', label: t('registration.notAnswered') },
                    ...([1, 2, 3, 4] as const).map((level) => ({
                      value: String(level),
                      label: t(`registration.wgLevel.${level}`),
                    })),
                  ]}
                  value={draft.disability[domain]}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    setDraft((previous) => ({
                      ...previous,
                      disability: { ...previous.disability, [domain]: value },
                    }));
                  }}
                  error={message(`disability.${domain}`)}
                />
              ))}
            </Stack>
          </Fieldset>
        </Stack>
      </Fieldset>
    </Stack>
  );
}
