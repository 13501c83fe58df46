import { Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { type MatchFilters, personVacanciesQuery, refreshJobProfile } from '../../api/matching';
import { ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { currentLanguage, LOCALE_TAGS, type TranslationKey, useT } from '../../i18n';
import { useReadySession } from '../../session/session';
import { MatchFilterBar } from './matching-candidates';
import { Explanation, ScoreBar } from './matching-parts';

/** Roles that see a person's suggested vacancies (staff of the offices that serve the person). */
const ROLES = ['caseworker', 'office_coordinator'];

/**
 * "Vacantes sugeridas" for a person: open vacancies of verified employers that fit their job profile, each with its
 * score bar and explanation. Until staff save a profile, suggestions come from the latest characterization as it is;
 * the button saves it (or brings a saved one up to date).
 */
export function SuggestedVacanciesPanel({ personId, limit = 20 }: { personId: string; limit?: number }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<MatchFilters>({});
  const query = useQuery({
    ...personVacanciesQuery(personId, { ...filters, limit }),
    placeholderData: keepPreviousData,
  });
  const refresh = useMutation({
    mutationFn: () => refreshJobProfile(personId),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['matching', 'vacancies', personId] });
      // The save shows in the person's history on the same page.
      queryClient.invalidateQueries({ queryKey: ['people', 'timeline', personId] });
    },
  });
  const money = useMemo(
    () =>
      new Intl.NumberFormat(LOCALE_TAGS[currentLanguage()], {
        style: 'currency',
        currency: 'COP',
        maximumFractionDigits: 0,
      }),
    [],
  );
  const profile = query.data?.profile;
  return (
    <Section title={t('matching.vacancies.title')}>
      <Stack gap="md">
        {profile && (
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <Text size="sm" c="dimmed" style={{ flex: 1, minWidth: 220 }}>
              {profile.ciuoCodes.length
                ? t('matching.vacancies.profile', {
                    occupations: profile.ciuoCodes.map((o) => `${o.code} ${o.title}`).join('; '),
                  })
                : t('matching.vacancies.noOccupations')}
            </Text>
            <Button variant="default" size="xs" loading={refresh.isPending} onClick={() => refresh.mutate()}>
              {t('matching.vacancies.refresh')}
            </Button>
          </Group>
        )}
        {refresh.isError && <ProblemAlert error={refresh.error} />}
        <MatchFilterBar value={filters} onChange={setFilters} />
        {query.isPending ? (
          <Group gap="sm" role="status">
            <Loader size="sm" aria-hidden />
            <Text>{t('matching.loading')}</Text>
          </Group>
        ) : query.isError ? (
          <ProblemAlert error={query.error} />
        ) : query.data.vacancies.length === 0 ? (
          <Text c="dimmed">{t('matching.vacancies.empty')}</Text>
        ) : (
          <>
            {query.data.widened && (
              <Text size="sm" c="dimmed">
                {t('matching.widened')}
              </Text>
            )}
            <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {query.data.vacancies.map((vacancy) => (
                <Paper
                  key={vacancy.vacancyId}
                  component="li"
                  withBorder
                  p="sm"
                  data-testid="suggested-vacancy"
                  aria-label={vacancy.title}
                >
                  <Stack gap="xs">
                    <Group justify="space-between" wrap="wrap" gap="xs">
                      <Stack gap={0} style={{ minWidth: 0 }}>
                        <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
                          {vacancy.title}
                        </Title>
                        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                          {t('matching.vacancies.line', {
                            organization: vacancy.organizationName,
                            place: vacancy.municipalityName ?? vacancy.municipalityCode,
                            wage: money.format(vacancy.monthlyWage),
                          })}
                        </Text>
                      </Stack>
                      <Group gap="xs">
                        <Badge variant="light" color="gray">
                          {t(`matching.contract.${vacancy.contractType}` as TranslationKey)}
                        </Badge>
                        {vacancy.applicationStatus && (
                          <Badge variant="light" color="blue">
                            {t('matching.alreadyProposed')}
                          </Badge>
                        )}
                      </Group>
                    </Group>
                    <ScoreBar score={vacancy.score} label={vacancy.title} />
                    <Explanation components={vacancy.components} />
                  </Stack>
                </Paper>
              ))}
            </Stack>
          </>
        )}
      </Stack>
    </Section>
  );
}

/** The person page's section: only for the staff who may see it. */
export function SuggestedVacanciesSection({ personId }: { personId: string }) {
  const session = useReadySession();
  if (!ROLES.includes(session.user.role)) return null;
  return <SuggestedVacanciesPanel personId={personId} />;
}
