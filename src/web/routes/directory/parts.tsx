import {
  Anchor,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ApiError } from '../../api/client';
import type { Contact, Schedule, ScheduleInput } from '../../api/directory';
import { municipalitiesQuery } from '../../api/registration';
import { fieldError } from '../../components/problem-alert';
import { currentLanguage, type TranslationKey, useT } from '../../i18n';
import { formatSchedule, WEEKDAYS } from './schedule-format';

/** The message of exactly this path (not of the fields under it). */
export function exactFieldError(error: unknown, path: string): string | undefined {
  return error instanceof ApiError ? error.errors.find((item) => item.path === path)?.message : undefined;
}

/** Hours as read from the API, ready to edit (seconds dropped). */
export const editableSchedules = (schedules: Schedule[]): ScheduleInput[] =>
  schedules.map((s) => ({
    byday: s.byday ?? '',
    opensAt: s.opensAt ?? '',
    closesAt: s.closesAt ?? '',
    description: s.description,
  }));

export function ScheduleLines({
  schedules,
}: {
  schedules: Array<Pick<Schedule, 'byday' | 'opensAt' | 'closesAt' | 'description'>>;
}) {
  const language = currentLanguage();
  if (!schedules.length) return null;
  return (
    <Stack gap={2}>
      {schedules.map((s, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: hours have no id and never reorder
        <Text key={index} size="sm">
          {formatSchedule(s, language)}
          {s.description ? ` (${s.description})` : ''}
        </Text>
      ))}
    </Stack>
  );
}

const DAY_KEYS: Record<(typeof WEEKDAYS)[number], TranslationKey> = {
  MO: 'directory.days.MO',
  TU: 'directory.days.TU',
  WE: 'directory.days.WE',
  TH: 'directory.days.TH',
  FR: 'directory.days.FR',
  SA: 'directory.days.SA',
  SU: 'directory.days.SU',
};

/** Weekly opening windows: the days (chips), opening and closing times, a note; add and remove rows. */
export function ScheduleEditor({
  label,
  value,
  onChange,
  error,
  path,
}: {
  label: string;
  value: ScheduleInput[];
  onChange: (value: ScheduleInput[]) => void;
  error: unknown;
  /** The field path of these hours in the request, to show the API's messages beside each input. */
  path: string;
}) {
  const t = useT();
  const set = (index: number, changes: Partial<ScheduleInput>) =>
    onChange(value.map((s, i) => (i === index ? { ...s, ...changes } : s)));
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Text component="legend" fw={500} size="sm">
        {label}
      </Text>
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('directory.hours.none')}
        </Text>
      )}
      {value.map((schedule, index) => {
        const days = schedule.byday ? schedule.byday.split(',') : [];
        const rowLabel = t('directory.hours.row', { number: index + 1 });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; their position is their identity
          <Paper key={index} withBorder p="sm" aria-label={rowLabel} role="group">
            <Stack gap="xs">
              <Checkbox.Group
                label={t('directory.hours.days')}
                value={days}
                onChange={(next) => set(index, { byday: WEEKDAYS.filter((d) => next.includes(d)).join(',') })}
              >
                <Group gap="sm" mt={4}>
                  {WEEKDAYS.map((day) => (
                    <Checkbox
                      key={day}
                      value={day}
                      size="xs"
                      aria-label={t(DAY_KEYS[day])}
                      label={t(`${DAY_KEYS[day]}Short` as TranslationKey)}
                    />
                  ))}
                </Group>
              </Checkbox.Group>
              {fieldError(error, `${path}.${index}.byday`) && (
                <Text size="xs" c="red.8">
                  {fieldError(error, `${path}.${index}.byday`)}
                </Text>
              )}
              <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
                <TextInput
                  type="time"
                  label={t('directory.hours.opensAt')}
                  value={schedule.opensAt}
                  error={fieldError(error, `${path}.${index}.opensAt`)}
                  onChange={(e) => set(index, { opensAt: e.currentTarget.value })}
                />
                <TextInput
                  type="time"
                  label={t('directory.hours.closesAt')}
                  value={schedule.closesAt}
                  error={fieldError(error, `${path}.${index}.closesAt`)}
                  onChange={(e) => set(index, { closesAt: e.currentTarget.value })}
                />
                <TextInput
                  label={t('directory.hours.note')}
                  value={schedule.description ?? ''}
                  maxLength={500}
                  onChange={(e) => set(index, { description: e.currentTarget.value })}
                />
              </SimpleGrid>
              <Group justify="flex-end">
                <Button
                  variant="subtle"
                  color="red"
                  size="compact-sm"
                  onClick={() => onChange(value.filter((_, i) => i !== index))}
                  aria-label={t('directory.hours.removeNamed', { number: index + 1 })}
                >
                  {t('directory.hours.remove')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        );
      })}
      <Group>
        <Button
          variant="default"
          size="compact-sm"
          onClick={() =>
            onChange([...value, { byday: 'MO,TU,WE,TH,FR', opensAt: '08:00', closesAt: '12:00' }])
          }
        >
          {t('directory.hours.add')}
        </Button>
      </Group>
    </Stack>
  );
}

const emptyContact: Contact = { name: '', title: '', department: null, email: '', phone: '' };

/** People or desks to call: name, role, email, phone; add and remove. */
export function ContactsEditor({
  value,
  onChange,
  error,
  path = 'contacts',
  legend = true,
}: {
  value: Contact[];
  onChange: (value: Contact[]) => void;
  error: unknown;
  path?: string;
  /** False inside a box that already says "Contactos". */
  legend?: boolean;
}) {
  const t = useT();
  const set = (index: number, changes: Partial<Contact>) =>
    onChange(value.map((c, i) => (i === index ? { ...c, ...changes } : c)));
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      {legend && (
        <Text component="legend" fw={500} size="sm">
          {t('directory.contacts.title')}
        </Text>
      )}
      {value.map((contact, index) => (
        <Paper
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
          key={index}
          withBorder
          p="sm"
          role="group"
          aria-label={t('directory.contacts.row', { number: index + 1 })}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <TextInput
              label={t('directory.contacts.name')}
              value={contact.name ?? ''}
              maxLength={200}
              error={exactFieldError(error, `${path}.${index}`)}
              onChange={(e) => set(index, { name: e.currentTarget.value })}
            />
            <TextInput
              label={t('directory.contacts.role')}
              value={contact.title ?? ''}
              maxLength={200}
              onChange={(e) => set(index, { title: e.currentTarget.value })}
            />
            <TextInput
              type="email"
              label={t('directory.contacts.email')}
              value={contact.email ?? ''}
              error={fieldError(error, `${path}.${index}.email`)}
              onChange={(e) => set(index, { email: e.currentTarget.value })}
            />
            <TextInput
              type="tel"
              label={t('directory.contacts.phone')}
              value={contact.phone ?? ''}
              error={fieldError(error, `${path}.${index}.phone`)}
              onChange={(e) => set(index, { phone: e.currentTarget.value })}
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="xs">
            <Button
              variant="subtle"
              color="red"
              size="compact-sm"
              onClick={() => onChange(value.filter((_, i) => i !== index))}
              aria-label={t('directory.contacts.removeNamed', { number: index + 1 })}
            >
              {t('directory.contacts.remove')}
            </Button>
          </Group>
        </Paper>
      ))}
      <Group>
        <Button variant="default" size="compact-sm" onClick={() => onChange([...value, { ...emptyContact }])}>
          {t('directory.contacts.add')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Contacts as the API takes them: blank fields as null. */
export const contactsForApi = (contacts: Contact[]): Contact[] =>
  contacts.map((c) => ({
    name: c.name?.trim() || null,
    title: c.title?.trim() || null,
    department: c.department?.trim() || null,
    email: c.email?.trim() || null,
    phone: c.phone?.trim() || null,
  }));

function useMunicipalityOptions(selected: Array<{ code: string; name: string }>) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const found = useQuery({
    ...municipalitiesQuery(debounced.trim().length >= 2 ? debounced.trim() : ''),
    placeholderData: keepPreviousData,
  });
  const options = useMemo(() => {
    const map = new Map<string, string>();
    for (const m of selected) map.set(m.code, m.name);
    // A chosen municipality keeps its label while results come and go: Mantine's Select puts the chosen label back
    // into the box whenever that label changes, which replaced what the user was typing.
    for (const m of found.data?.items ?? [])
      if (!map.has(m.code)) map.set(m.code, `${m.name} (${m.departmentName})`);
    return [...map].map(([value, label]) => ({ value, label }));
  }, [selected, found.data]);
  return { search, setSearch, options };
}

/** One DIVIPOLA municipality, found by typing its name. */
export function MunicipalitySelect({
  label,
  value,
  onChange,
  error,
  description,
}: {
  label: string;
  value: { code: string; name: string } | null;
  onChange: (value: { code: string; name: string } | null) => void;
  error?: string;
  description?: string;
}) {
  const t = useT();
  const { search, setSearch, options } = useMunicipalityOptions(value ? [value] : []);
  return (
    <Select
      label={label}
      description={description}
      placeholder={t('directory.municipality.placeholder')}
      searchable
      clearable
      data={options}
      value={value?.code ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={search.trim().length >= 2 ? t('directory.municipality.nothingFound') : undefined}
      error={error}
      onChange={(code, option) =>
        onChange(code ? { code, name: option.label.replace(/ \(.*\)$/, '') } : null)
      }
    />
  );
}

/** Several DIVIPOLA municipalities, found by typing their names. */
export function MunicipalitiesSelect({
  label,
  description,
  value,
  onChange,
  error,
}: {
  label: string;
  description?: string;
  value: Array<{ code: string; name: string }>;
  onChange: (value: Array<{ code: string; name: string }>) => void;
  error?: string;
}) {
  const t = useT();
  const { search, setSearch, options } = useMunicipalityOptions(value);
  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length ? undefined : t('directory.municipality.placeholderMany')}
      searchable
      data={options}
      value={value.map((m) => m.code)}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={search.trim().length >= 2 ? t('directory.municipality.nothingFound') : undefined}
      error={error}
      onChange={(codes) =>
        onChange(
          codes.map((code) => ({
            code,
            name: (options.find((o) => o.value === code)?.label ?? code).replace(/ \(.*\)$/, ''),
          })),
        )
      }
    />
  );
}

export function ContactList({ contacts }: { contacts: Contact[] }) {
  const t = useT();
  if (!contacts.length)
    return (
      <Text size="sm" c="dimmed">
        {t('directory.contacts.none')}
      </Text>
    );
  return (
    <Stack gap="xs">
      {contacts.map((c, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: contacts have no id in the API
        <Stack key={index} gap={0}>
          <Text size="sm" fw={500}>
            {[c.name, c.title].filter(Boolean).join(' · ')}
          </Text>
          {c.phone && (
            <Text size="sm">
              {t('directory.contacts.phone')}:{' '}
              <Anchor href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</Anchor>
            </Text>
          )}
          {c.email && (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {t('directory.contacts.email')}: <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor>
            </Text>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
