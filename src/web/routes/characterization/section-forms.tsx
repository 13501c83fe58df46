import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type Answers,
  AVAILABILITY,
  CERTIFICATION_TYPES,
  characterizationApi,
  EDUCATION_LEVELS,
  HEALTH_REGIMES,
  HOUSING_SITUATIONS,
  INCOME_SITUATIONS,
  LANGUAGE_LEVELS,
  MIGRATORY_STATUSES,
  RECOGNITION,
  REGULARIZATION_STEPS,
  SENSITIVE_VULNERABILITIES,
  type Section,
  SISBEN_GROUPS,
  VULNERABILITIES,
} from '../../api/characterization';
import { fieldError } from '../../components/problem-alert';
import { useT } from '../../i18n';
import { useCountryName } from '../people/people-parts';
import { ChoiceField, toNumber, toText, YesNoField } from './fields';
import type { DraftDocument } from './use-draft-autosave';

export interface SectionProps {
  document: DraftDocument;
  setDocument: (update: (previous: DraftDocument) => DraftDocument) => void;
  readSensitive: boolean;
  errors: unknown;
}

function useSectionSetter<S extends keyof Answers>(props: SectionProps, section: S) {
  return (patch: Partial<Answers[S]>) =>
    props.setDocument((previous) => ({
      ...previous,
      answers: {
        ...previous.answers,
        [section]: { ...(previous.answers[section] as object), ...patch },
      },
    }));
}

function EducationSection(props: SectionProps) {
  const t = useT();
  const education = props.document.answers.education;
  const set = useSectionSetter(props, 'education');
  const countryName = useCountryName();
  const countries = ['CO', 'VE', 'EC', 'PE', 'US', 'ES', 'CL', 'PA', 'MX', 'AR'];
  return (
    <Stack gap="md">
      <ChoiceField
        label={t('characterization.field.educationLevel')}
        value={education.level}
        options={EDUCATION_LEVELS}
        prefix="characterization.educationLevel"
        onChange={(level) => set({ level })}
      />
      <NumberInput
        label={t('characterization.field.lastGradePassed')}
        description={t('characterization.field.lastGradeHelp')}
        min={0}
        max={13}
        allowDecimal={false}
        value={education.lastGradePassed ?? ''}
        onChange={(value) => set({ lastGradePassed: toNumber(value) })}
        error={fieldError(props.errors, 'answers.education.lastGradePassed')}
      />
      <TextInput
        label={t('characterization.field.title')}
        maxLength={200}
        value={education.title ?? ''}
        onChange={(event) => set({ title: toText(event.currentTarget.value) })}
      />
      <NativeSelect
        label={t('characterization.field.titleCountry')}
        value={education.countryCode ?? ''}
        data={[
          { value: '', label: t('characterization.choose') },
          ...countries.map((code) => ({ value: code, label: countryName(code) })),
        ]}
        onChange={(event) => set({ countryCode: event.currentTarget.value || null })}
      />
      <ChoiceField
        label={t('characterization.field.recognized')}
        value={education.recognizedInColombia}
        options={RECOGNITION}
        prefix="characterization.recognition"
        onChange={(recognizedInColombia) => set({ recognizedInColombia })}
      />
    </Stack>
  );
}

function OccupationPicker(props: SectionProps) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: ['occupations', debounced],
    queryFn: ({ signal }) => characterizationApi.searchOccupations(debounced, signal),
    enabled: debounced.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const chosen = new Set(props.document.occupations.map((o) => o.ciuoCode));
  const options = (debounced.length >= 2 ? (found.data?.items ?? []) : [])
    .filter((item) => !chosen.has(item.code))
    .map((item) => ({ value: item.code, label: `${item.title} (${item.code})` }));
  return (
    <Select
      label={t('characterization.field.occupationSearch')}
      description={t('characterization.field.occupationSearchHelp')}
      data={options}
      searchable
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      value={null}
      nothingFoundMessage={
        debounced.length >= 2 && !found.isFetching ? t('characterization.field.noOccupation') : undefined
      }
      onChange={(code) => {
        const item = found.data?.items.find((o) => o.code === code);
        if (!item) return;
        props.setDocument((previous) => ({
          ...previous,
          occupations: [
            ...previous.occupations,
            { ciuoCode: item.code, title: item.title, yearsExperience: null },
          ],
        }));
        setSearch('');
      }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function WorkSection(props: SectionProps) {
  const t = useT();
  const work = props.document.answers.work;
  const set = useSectionSetter(props, 'work');
  const setOccupations = (update: (list: DraftDocument['occupations']) => DraftDocument['occupations']) =>
    props.setDocument((previous) => ({ ...previous, occupations: update(previous.occupations) }));
  return (
    <Stack gap="md">
      <Fieldset legend={t('characterization.field.occupations')} variant="unstyled">
        <Stack gap="sm">
          {props.document.occupations.map((occupation, index) => (
            <Group key={occupation.ciuoCode} align="flex-end" gap="sm" wrap="wrap" className="occupation-row">
              <Text fw={600} style={{ flex: '1 1 12rem' }}>
                {occupation.title} ({occupation.ciuoCode})
              </Text>
              <NumberInput
                label={t('characterization.field.yearsExperience')}
                min={0}
                max={70}
                w={150}
                value={occupation.yearsExperience ?? ''}
                onChange={(value) =>
                  setOccupations((list) =>
                    list.map((o, i) => (i === index ? { ...o, yearsExperience: toNumber(value) } : o)),
                  )
                }
                error={fieldError(props.errors, `occupations.${index}`)}
              />
              <Button
                variant="subtle"
                color="red"
                onClick={() => setOccupations((list) => list.filter((_, i) => i !== index))}
                aria-label={t('characterization.field.removeOccupation', { title: occupation.title })}
              >
                {t('characterization.field.remove')}
              </Button>
            </Group>
          ))}
          <OccupationPicker {...props} />
        </Stack>
      </Fieldset>
      <TagsInput
        label={t('characterization.field.skills')}
        description={t('characterization.field.skillsHelp')}
        value={work.skills}
        maxTags={30}
        onChange={(skills) => set({ skills })}
      />
      <Fieldset legend={t('characterization.field.certifications')} variant="unstyled">
        <Stack gap="sm">
          {work.certifications.map((certification, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own.
            <Stack key={index} gap="xs" className="repeat-row">
              <NativeSelect
                label={t('characterization.field.certificationType')}
                value={certification.type}
                data={CERTIFICATION_TYPES.map((type) => ({
                  value: type,
                  label: t(`characterization.certificationType.${type}`),
                }))}
                onChange={(event) => {
                  const type = event.currentTarget.value;
                  set({
                    certifications: work.certifications.map((c, i) => (i === index ? { ...c, type } : c)),
                  });
                }}
              />
              <TextInput
                label={t('characterization.field.certificationName')}
                maxLength={200}
                value={certification.name}
                onChange={(event) => {
                  const name = event.currentTarget.value;
                  set({
                    certifications: work.certifications.map((c, i) => (i === index ? { ...c, name } : c)),
                  });
                }}
                error={fieldError(props.errors, `answers.work.certifications.${index}.name`)}
              />
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <TextInput
                  label={t('characterization.field.certificationIssuer')}
                  maxLength={120}
                  value={certification.issuer ?? ''}
                  onChange={(event) => {
                    const issuer = toText(event.currentTarget.value);
                    set({
                      certifications: work.certifications.map((c, i) => (i === index ? { ...c, issuer } : c)),
                    });
                  }}
                />
                <NumberInput
                  label={t('characterization.field.certificationYear')}
                  min={1950}
                  max={2100}
                  allowDecimal={false}
                  value={certification.year ?? ''}
                  onChange={(value) =>
                    set({
                      certifications: work.certifications.map((c, i) =>
                        i === index ? { ...c, year: toNumber(value) } : c,
                      ),
                    })
                  }
                />
              </SimpleGrid>
              <Button
                variant="subtle"
                color="red"
                size="compact-sm"
                style={{ alignSelf: 'flex-start' }}
                onClick={() => set({ certifications: work.certifications.filter((_, i) => i !== index) })}
              >
                {t('characterization.field.removeCertification')}
              </Button>
            </Stack>
          ))}
          <Button
            variant="light"
            style={{ alignSelf: 'flex-start' }}
            onClick={() =>
              set({
                certifications: [...work.certifications, { type: 'sena_competency', name: '', issuer: null }],
              })
            }
          >
            {t('characterization.field.addCertification')}
          </Button>
        </Stack>
      </Fieldset>
      <Fieldset legend={t('characterization.field.languages')} variant="unstyled">
        <Stack gap="sm">
          {work.languages.map((language, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own.
            <Group key={index} align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                label={t('characterization.field.language')}
                maxLength={40}
                style={{ flex: '1 1 10rem' }}
                value={language.language}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  set({
                    languages: work.languages.map((l, i) => (i === index ? { ...l, language: value } : l)),
                  });
                }}
                error={fieldError(props.errors, `answers.work.languages.${index}`)}
              />
              <NativeSelect
                label={t('characterization.field.languageLevel')}
                value={language.level}
                data={LANGUAGE_LEVELS.map((level) => ({
                  value: level,
                  label: t(`characterization.languageLevel.${level}`),
                }))}
                onChange={(event) => {
                  const level = event.currentTarget.value;
                  set({ languages: work.languages.map((l, i) => (i === index ? { ...l, level } : l)) });
                }}
              />
              <Button
                variant="subtle"
                color="red"
                onClick={() => set({ languages: work.languages.filter((_, i) => i !== index) })}
              >
                {t('characterization.field.removeLanguage')}
              </Button>
            </Group>
          ))}
          <Button
            variant="light"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => set({ languages: [...work.languages, { language: '', level: 'intermediate' }] })}
          >
            {t('characterization.field.addLanguage')}
          </Button>
        </Stack>
      </Fieldset>
      <Textarea
        label={t('characterization.field.interests')}
        autosize
        minRows={2}
        maxLength={1000}
        value={work.interests ?? ''}
        onChange={(event) => set({ interests: toText(event.currentTarget.value) })}
      />
      <ChoiceField
        label={t('characterization.field.availability')}
        value={work.availability}
        options={AVAILABILITY}
        prefix="characterization.availability"
        onChange={(availability) => set({ availability })}
      />
      <ChoiceField
        label={t('characterization.field.incomeSituation')}
        value={work.incomeSituation}
        options={INCOME_SITUATIONS}
        prefix="characterization.incomeSituation"
        onChange={(incomeSituation) => set({ incomeSituation })}
      />
    </Stack>
  );
}

function HealthSection(props: SectionProps) {
  const t = useT();
  const health = props.document.answers.health;
  const set = useSectionSetter(props, 'health');
  return (
    <Stack gap="md">
      <ChoiceField
        label={t('characterization.field.regime')}
        value={health.regime}
        options={HEALTH_REGIMES}
        prefix="characterization.regime"
        onChange={(regime) => set({ regime })}
      />
      <TextInput
        label={t('characterization.field.eps')}
        maxLength={120}
        value={health.eps ?? ''}
        onChange={(event) => set({ eps: toText(event.currentTarget.value) })}
      />
      <ChoiceField
        label={t('characterization.field.sisbenGroup')}
        value={health.sisbenGroup}
        options={SISBEN_GROUPS}
        prefix="characterization.sisben"
        onChange={(sisbenGroup) => set({ sisbenGroup })}
      />
    </Stack>
  );
}

function MigrationSection(props: SectionProps) {
  const t = useT();
  const migration = props.document.answers.migration;
  const set = useSectionSetter(props, 'migration');
  return (
    <Stack gap="md">
      <ChoiceField
        label={t('characterization.field.migratoryStatus')}
        value={migration.status}
        options={MIGRATORY_STATUSES}
        prefix="characterization.migratoryStatus"
        onChange={(status) => set({ status })}
      />
      <ChoiceField
        label={t('characterization.field.regularization')}
        value={migration.regularization}
        options={REGULARIZATION_STEPS}
        prefix="characterization.regularization"
        onChange={(regularization) => set({ regularization })}
      />
      <Textarea
        label={t('characterization.field.migrationNotes')}
        autosize
        minRows={2}
        maxLength={1000}
        value={migration.notes ?? ''}
        onChange={(event) => set({ notes: toText(event.currentTarget.value) })}
      />
    </Stack>
  );
}

function HousingSection(props: SectionProps) {
  const t = useT();
  const housing = props.document.answers.housing;
  const set = useSectionSetter(props, 'housing');
  return (
    <Stack gap="md">
      <ChoiceField
        label={t('characterization.field.housingSituation')}
        value={housing.situation}
        options={HOUSING_SITUATIONS}
        prefix="characterization.housingSituation"
        onChange={(situation) => set({ situation })}
      />
      <YesNoField
        label={t('characterization.field.overcrowded')}
        value={housing.overcrowded}
        onChange={(overcrowded) => set({ overcrowded })}
      />
      <Textarea
        label={t('characterization.field.housingNotes')}
        autosize
        minRows={2}
        maxLength={1000}
        value={housing.notes ?? ''}
        onChange={(event) => set({ notes: toText(event.currentTarget.value) })}
      />
    </Stack>
  );
}

function ChildrenSection(props: SectionProps) {
  const t = useT();
  const children = props.document.answers.children;
  const set = useSectionSetter(props, 'children');
  return (
    <Stack gap="md">
      <NumberInput
        label={t('characterization.field.schoolAgeChildren')}
        min={0}
        max={30}
        allowDecimal={false}
        value={children.schoolAgeChildren ?? ''}
        onChange={(value) => set({ schoolAgeChildren: toNumber(value) })}
      />
      <NumberInput
        label={t('characterization.field.childrenInSchool')}
        min={0}
        max={30}
        allowDecimal={false}
        value={children.childrenInSchool ?? ''}
        onChange={(value) => set({ childrenInSchool: toNumber(value) })}
      />
      <Textarea
        label={t('characterization.field.outOfSchoolReason')}
        autosize
        minRows={2}
        maxLength={1000}
        value={children.outOfSchoolReason ?? ''}
        onChange={(event) => set({ outOfSchoolReason: toText(event.currentTarget.value) })}
      />
    </Stack>
  );
}

function VulnerabilitiesSection(props: SectionProps) {
  const t = useT();
  const vulnerabilities = props.document.answers.vulnerabilities;
  const set = useSectionSetter(props, 'vulnerabilities');
  const sensitive = props.document.sensitive ?? {};
  const setSensitive = (patch: Record<string, unknown>) =>
    props.setDocument((previous) => ({
      ...previous,
      sensitive: { ...(previous.sensitive ?? {}), ...patch },
    }));
  return (
    <Stack gap="md">
      {VULNERABILITIES.map((key) => (
        <Checkbox
          key={key}
          label={t(`characterization.vulnerability.${key}`)}
          checked={vulnerabilities[key] === true}
          onChange={(event) => set({ [key]: event.currentTarget.checked ? true : null })}
        />
      ))}
      {props.readSensitive && (
        <Fieldset legend={t('characterization.sensitiveLegend')}>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('characterization.sensitiveHelp')}
            </Text>
            {SENSITIVE_VULNERABILITIES.map((key) => (
              <Checkbox
                key={key}
                label={t(`characterization.vulnerability.${key}`)}
                checked={sensitive[key] === true}
                onChange={(event) => setSensitive({ [key]: event.currentTarget.checked ? true : null })}
              />
            ))}
            <Textarea
              label={t('characterization.field.sensitiveNotes')}
              autosize
              minRows={2}
              maxLength={2000}
              value={sensitive.notes ?? ''}
              onChange={(event) => setSensitive({ notes: toText(event.currentTarget.value) })}
            />
          </Stack>
        </Fieldset>
      )}
    </Stack>
  );
}

function LifeProjectSection(props: SectionProps) {
  const t = useT();
  return (
    <Textarea
      label={t('characterization.field.lifeProject')}
      description={t('characterization.field.lifeProjectHelp')}
      autosize
      minRows={4}
      maxLength={4000}
      value={props.document.answers.lifeProject ?? ''}
      onChange={(event) => {
        const lifeProject = toText(event.currentTarget.value);
        props.setDocument((previous) => ({ ...previous, answers: { ...previous.answers, lifeProject } }));
      }}
    />
  );
}

export const SECTION_FORMS: Record<Section, (props: SectionProps) => React.ReactNode> = {
  education: EducationSection,
  work: WorkSection,
  health: HealthSection,
  migration: MigrationSection,
  housing: HousingSection,
  children: ChildrenSection,
  vulnerabilities: VulnerabilitiesSection,
  lifeProject: LifeProjectSection,
};

/** Whether something was typed or chosen (mirrors src/domain/characterization/sections.ts). */
export function isAnswered(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.values(value as object).some(isAnswered);
  return true;
}

export function answeredSections(document: DraftDocument): Record<Section, boolean> {
  const { answers } = document;
  return {
    education: isAnswered(answers.education),
    work: isAnswered(answers.work) || document.occupations.length > 0,
    health: isAnswered(answers.health),
    migration: isAnswered(answers.migration),
    housing: isAnswered(answers.housing),
    children: isAnswered(answers.children),
    vulnerabilities: isAnswered(answers.vulnerabilities) || isAnswered(document.sensitive),
    lifeProject: isAnswered(answers.lifeProject),
  };
}
