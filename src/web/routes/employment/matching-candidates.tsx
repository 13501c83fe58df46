import {
  Alert,
  Anchor,
  Badge,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { type MatchFilters, vacancyCandidatesQuery } from '../../api/matching';
import { useDocumentTitle } from '../../components/document-title';
import { ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { useT } from '../../i18n';
import { Explanation, ScoreBar } from './matching-parts';

const MIN_SCORES = ['0', '50', '75'] as const;

/** The filters both panels share: a minimum score and three hard filters. */
export function MatchFilterBar({
  value,
  onChange,
}: {
  value: MatchFilters;
  onChange: (next: MatchFilters) => void;
}) {
  const t = useT();
  const labelId = useId();
  return (
    <Group
      gap="md"
      align="flex-end"
      wrap="wrap"
      component="fieldset"
      style={{ border: 0, padding: 0, margin: 0 }}
    >
      <VisuallyHidden component="legend">{t('matching.filters')}</VisuallyHidden>
      <Stack gap={4}>
        <Text size="sm" fw={500} id={labelId}>
          {t('matching.minScore')}
        </Text>
        <SegmentedControl
          aria-labelledby={labelId}
          value={String(value.minScore ?? 0)}
          onChange={(next) => onChange({ ...value, minScore: next === '0' ? undefined : Number(next) })}
          data={MIN_SCORES.map((score) => ({
            value: score,
            label: score === '0' ? t('matching.anyScore') : t('matching.atLeast', { score }),
          }))}
        />
      </Stack>
      <Switch
        label={t('matching.sameDepartment')}
        checked={Boolean(value.sameDepartment)}
        onChange={(event) => onChange({ ...value, sameDepartment: event.currentTarget.checked })}
      />
      <Switch
        label={t('matching.educationMeets')}
        checked={Boolean(value.educationMeets)}
        onChange={(event) => onChange({ ...value, educationMeets: event.currentTarget.checked })}
      />
      <Switch
        label={t('matching.excludeNotAvailable')}
        checked={Boolean(value.excludeNotAvailable)}
        onChange={(event) => onChange({ ...value, excludeNotAvailable: event.currentTarget.checked })}
      />
    </Group>
  );
}

/**
 * "Candidatos sugeridos" for a vacancy: the best-fitting job seekers, each with a score bar and the explanation of
 * every component. Staff see the people their offices serve (linked to their record); the employer's focal point
 * only people who consented to sharing with partners, by given name and initial.
 */
export function SuggestedCandidatesPanel({ vacancyId, limit = 50 }: { vacancyId: string; limit?: number }) {
  const t = useT();
  const [filters, setFilters] = useState<MatchFilters>({});
  const query = useQuery({
    ...vacancyCandidatesQuery(vacancyId, { ...filters, limit }),
    placeholderData: keepPreviousData,
  });
  return (
    <Section title={t('matching.candidates.title')}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('matching.candidates.intro')}
        </Text>
        <MatchFilterBar value={filters} onChange={setFilters} />
        {query.isPending ? (
          <Group gap="sm" role="status">
            <Loader size="sm" aria-hidden />
            <Text>{t('matching.loading')}</Text>
          </Group>
        ) : query.isError ? (
          <ProblemAlert error={query.error} />
        ) : (
          <>
            {!query.data.vacancy.employerVerified && (
              <Alert color="yellow" variant="light">
                {t('matching.candidates.notVerified')}
              </Alert>
            )}
            {query.data.consentFiltered && (
              <Text size="sm" c="dimmed">
                {t('matching.candidates.consentOnly')}
              </Text>
            )}
            {query.data.widened && query.data.candidates.length > 0 && (
              <Text size="sm" c="dimmed">
                {t('matching.widened')}
              </Text>
            )}
            {query.data.candidates.length === 0 ? (
              <Text c="dimmed">{t('matching.candidates.empty')}</Text>
            ) : (
              <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {query.data.candidates.map((candidate) => (
                  <Paper
                    key={candidate.personId}
                    component="li"
                    withBorder
                    p="sm"
                    data-testid="suggested-candidate"
                    aria-label={candidate.name}
                  >
                    <Stack gap="xs">
                      <Group justify="space-between" wrap="wrap" gap="xs">
                        <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
                          {query.data.consentFiltered ? (
                            candidate.name
                          ) : (
                            <Anchor component={Link} to={`/people/${candidate.personId}`}>
                              {candidate.name}
                            </Anchor>
                          )}
                        </Title>
                        <Group gap="xs">
                          {candidate.municipalityName && (
                            <Text size="sm" c="dimmed">
                              {candidate.municipalityName}
                            </Text>
                          )}
                          {candidate.applicationStatus && (
                            <Badge variant="light" color="gray">
                              {t('matching.alreadyProposed')}
                            </Badge>
                          )}
                        </Group>
                      </Group>
                      <ScoreBar score={candidate.score} label={candidate.name} />
                      <Explanation components={candidate.components} />
                    </Stack>
                  </Paper>
                ))}
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Section>
  );
}

/** `/employment/vacancies/:vacancyId/candidates`: the panel on a page of its own. */
export function VacancyCandidatesPage() {
  const t = useT();
  const { vacancyId = '' } = useParams();
  useDocumentTitle(t('matching.candidates.title'));
  const query = useQuery(vacancyCandidatesQuery(vacancyId, { limit: 50 }));
  return (
    <Stack gap="lg" maw={960}>
      <Stack gap={4}>
        <Title order={1}>{query.data?.vacancy.title ?? t('matching.candidates.title')}</Title>
        {query.data && (
          <Text c="dimmed">
            {t('matching.candidates.vacancyLine', {
              organization: query.data.vacancy.organizationName,
              occupation: `${query.data.vacancy.ciuoCode} ${query.data.vacancy.ciuoTitle}`,
            })}
          </Text>
        )}
      </Stack>
      <SuggestedCandidatesPanel vacancyId={vacancyId} />
    </Stack>
  );
}
