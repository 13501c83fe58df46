import { Anchor, Button, Checkbox, Group, List, Loader, Paper, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Person, TimelineEntry, TimelinePage } from '../../api/people';
import { timelinePath } from '../../api/people';
import { useFormatters } from '../../components/formatters';
import { ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { type TranslationKey, useT } from '../../i18n';
import { formatPhone, useCountryName, useDocumentText } from './people-parts';

/** Everything that happened to the person, newest first, 20 at a time. */
export function PersonTimeline({ person }: { person: Person }) {
  const t = useT();
  const [includeReads, setIncludeReads] = useState(false);
  const timeline = useInfiniteQuery({
    queryKey: ['people', 'timeline', person.id, includeReads],
    queryFn: ({ pageParam, signal }) =>
      api.get<TimelinePage>(timelinePath(person.id, includeReads, pageParam), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Section title={t('people.section.timeline')}>
      <Stack gap="md">
        {person.abilities.readSensitive && (
          <Checkbox
            label={t('people.timeline.includeReads')}
            checked={includeReads}
            onChange={(event) => setIncludeReads(event.currentTarget.checked)}
          />
        )}
        <div aria-live="polite" aria-busy={timeline.isPending}>
          {timeline.isPending ? (
            <Group gap="sm">
              <Loader size="sm" aria-hidden />
              <Text>{t('people.timeline.loading')}</Text>
            </Group>
          ) : timeline.isError && items.length === 0 ? (
            <ProblemAlert error={timeline.error} />
          ) : items.length === 0 ? (
            <Text>{t('people.timeline.empty')}</Text>
          ) : (
            <Stack component="ol" gap="sm" className="plain-list" aria-label={t('people.timeline.listLabel')}>
              {items.map((entry) => (
                <TimelineItem key={entry.id} entry={entry} />
              ))}
            </Stack>
          )}
        </div>
        {timeline.isFetchNextPageError && <ProblemAlert error={timeline.error} />}
        {timeline.hasNextPage && (
          <Group>
            <Button
              variant="default"
              onClick={() => void timeline.fetchNextPage()}
              loading={timeline.isFetchingNextPage}
            >
              {t('people.timeline.loadMore')}
            </Button>
          </Group>
        )}
      </Stack>
    </Section>
  );
}

const OTHER_ACTIONS = new Set([
  'characterization.completed',
  'characterization.sensitive_read',
  'employment.registration_saved',
  'employment.job_profile_refreshed',
  'employment.job_profile_saved',
]);

const ENUM_FIELDS: Record<string, string> = {
  populationGroup: 'people.populationGroup',
  sexAtBirth: 'people.sex',
  'returnData.returnType': 'people.returnType',
  'returnData.arrivalMode': 'people.arrivalMode',
};

function useValueText() {
  const t = useT();
  const format = useFormatters();
  const country = useCountryName();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('people.timeline.noValue');
    if (typeof value === 'boolean') return value ? t('people.yes') : t('people.no');
    if (Array.isArray(value)) {
      if (field === 'nationalities') return value.map((code) => country(String(code))).join(', ');
      return value.join(', ');
    }
    const text = String(value);
    const prefix = ENUM_FIELDS[field];
    if (prefix) return t(`${prefix}.${text}` as TranslationKey);
    if (field === 'phone') return formatPhone(text);
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return format.date(`${text}T12:00:00`);
    if (field === 'previousResidenceCountry' || field === 'returnData.returnedFromCountry')
      return country(text);
    return text;
  };
}

function fieldLabel(t: ReturnType<typeof useT>, field: string): string {
  return t(`people.field.${field.replace(/^returnData\./, '')}` as TranslationKey);
}

function TimelineItem({ entry }: { entry: TimelineEntry }) {
  const t = useT();
  const documentText = useDocumentText();
  const format = useFormatters();
  const valueText = useValueText();
  const actor = entry.actor.name
    ? entry.actor.role
      ? `${entry.actor.name} · ${t(`roles.${entry.actor.role}` as TranslationKey)}`
      : entry.actor.name
    : t('people.timeline.system');

  let title: string;
  switch (entry.kind) {
    case 'consentGiven':
    case 'consentRevoked':
      title = t(`people.timeline.kind.${entry.kind}`, {
        purpose: t(`people.consent.purpose.${entry.consent?.purpose}` as TranslationKey),
      });
      break;
    case 'joinedHousehold':
    case 'leftHousehold':
      title = t(`people.timeline.kind.${entry.kind}`, {
        relationship: entry.household?.relationship
          ? t(`household.relationship.${entry.household.relationship}` as TranslationKey)
          : '—',
      });
      break;
    case 'other': {
      // Other modules' entries about the person read in words when we know them, else as their action code.
      const known = OTHER_ACTIONS.has(entry.action);
      title = known
        ? t(`people.timeline.action.${entry.action.replace('.', '_')}` as TranslationKey)
        : entry.action;
      break;
    }
    default:
      title = t(`people.timeline.kind.${entry.kind}`);
  }

  return (
    <Paper component="li" withBorder p="sm">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap" align="baseline">
          <Text fw={600}>{title}</Text>
          <Text size="sm" c="dimmed">
            <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {t('people.timeline.by', { actor })}
        </Text>
        {entry.fields.length > 0 && (
          <List size="sm" spacing={2}>
            {entry.fields.map((change) => (
              <List.Item key={change.field}>
                {change.sensitive
                  ? t('people.timeline.sensitiveChanged', { field: fieldLabel(t, change.field) })
                  : t('people.timeline.changed', {
                      field: fieldLabel(t, change.field),
                      before: valueText(change.field, change.before),
                      after: valueText(change.field, change.after),
                    })}
              </List.Item>
            ))}
          </List>
        )}
        {entry.documents.length > 0 && (
          <Text size="sm">
            {t('people.timeline.documents', {
              documents: entry.documents.map((d) => documentText(d)).join(' · '),
            })}
          </Text>
        )}
        {entry.household && (
          <Anchor component={Link} to={`/households/${entry.household.id}`} size="sm">
            {t('people.timeline.openHousehold')}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}
