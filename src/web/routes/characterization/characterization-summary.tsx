import { Alert, Button, Group, List, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link, useLocation } from 'react-router';
import {
  type CharacterizationVersion,
  characterizationQuery,
  characterizationVersionQuery,
  draftQuery,
  SENSITIVE_VULNERABILITIES,
  VULNERABILITIES,
} from '../../api/characterization';
import { useFormatters } from '../../components/formatters';
import { ProblemAlert } from '../../components/problem-alert';
import { Section } from '../../components/section';
import { type TranslationKey, useT } from '../../i18n';

function Value({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <dd>
      {children === null || children === undefined || children === '' ? t('people.notRecorded') : children}
    </dd>
  );
}

/** The answers of one version, in a few lines a caseworker can scan. */
function VersionFacts({ version }: { version: CharacterizationVersion }) {
  const t = useT();
  const { answers } = version;
  const label = (key: string) => t(key as TranslationKey);
  const flagged = [
    ...VULNERABILITIES.filter((key) => answers.vulnerabilities[key] === true),
    ...SENSITIVE_VULNERABILITIES.filter((key) => version.sensitive?.[key] === true),
  ];
  return (
    <dl className="facts">
      <dt>{t('characterization.summaryEducation')}</dt>
      <Value>
        {[
          answers.education.level && label(`characterization.educationLevel.${answers.education.level}`),
          answers.education.title,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Value>
      <dt>{t('characterization.summaryOccupations')}</dt>
      <Value>
        {version.occupations
          .map(
            (o) =>
              `${o.title}${o.yearsExperience !== null ? ` (${t('characterization.yearsShort', { count: o.yearsExperience })})` : ''}`,
          )
          .join(' · ')}
      </Value>
      <dt>{t('characterization.summaryHealth')}</dt>
      <Value>
        {[
          answers.health.regime && label(`characterization.regime.${answers.health.regime}`),
          answers.health.eps,
          answers.health.sisbenGroup &&
            `SISBÉN ${label(`characterization.sisben.${answers.health.sisbenGroup}`)}`,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Value>
      <dt>{t('characterization.summaryMigration')}</dt>
      <Value>
        {[
          answers.migration.status && label(`characterization.migratoryStatus.${answers.migration.status}`),
          answers.migration.regularization &&
            label(`characterization.regularization.${answers.migration.regularization}`),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Value>
      <dt>{t('characterization.summaryHousing')}</dt>
      <Value>
        {answers.housing.situation
          ? label(`characterization.housingSituation.${answers.housing.situation}`)
          : null}
      </Value>
      <dt>{t('characterization.summaryVulnerabilities')}</dt>
      <Value>{flagged.map((key) => t(`characterization.vulnerability.${key}`)).join(' · ')}</Value>
      <dt>{t('characterization.summaryLifeProject')}</dt>
      <Value>{answers.lifeProject}</Value>
    </dl>
  );
}

function OlderVersion({ personId, number }: { personId: string; number: number }) {
  const version = useQuery(characterizationVersionQuery(personId, number));
  if (version.isPending) return <Loader size="xs" />;
  if (version.isError) return <ProblemAlert error={version.error} />;
  return <VersionFacts version={version.data} />;
}

/** The person page's characterization: the current version, the way to update it, and the history of versions. */
export function CharacterizationSummarySection({ personId }: { personId: string }) {
  const t = useT();
  const format = useFormatters();
  const location = useLocation();
  const summary = useQuery(characterizationQuery(personId));
  const draft = useQuery(draftQuery(personId));
  const [open, setOpen] = useState<number | null>(null);
  const completed = (location.state as { characterizationCompleted?: number } | null)
    ?.characterizationCompleted;

  return (
    <Section title={t('characterization.title')} id="caracterizacion">
      {summary.isPending && <Loader size="sm" aria-label={t('characterization.loading')} />}
      {summary.isError && <ProblemAlert error={summary.error} />}
      {summary.data && (
        <Stack gap="md">
          {completed && (
            <Alert color="teal" variant="light" role="status">
              {t('characterization.completed', { number: completed })}
            </Alert>
          )}
          {summary.data.current ? (
            <>
              <Text size="sm" c="dimmed">
                {t('characterization.currentVersion', {
                  number: summary.data.current.number,
                  date: format.date(summary.data.current.completedAt),
                  who: summary.data.current.completedBy ?? t('characterization.unknownAuthor'),
                })}
              </Text>
              <VersionFacts version={summary.data.current} />
            </>
          ) : (
            <Text>{t('characterization.none')}</Text>
          )}
          {!summary.data.abilities.readSensitive && (
            <Text size="sm" c="dimmed">
              {t('characterization.sensitiveHidden')}
            </Text>
          )}
          {summary.data.abilities.update && (
            <Group gap="sm">
              <Button component={Link} to={`/people/${personId}/characterization`}>
                {draft.data?.draft
                  ? t('characterization.continueDraft')
                  : summary.data.current
                    ? t('characterization.update')
                    : t('characterization.start')}
              </Button>
              {draft.data?.draft && (
                <Text size="sm" c="dimmed">
                  {t('characterization.draftPending')}
                </Text>
              )}
            </Group>
          )}
          {summary.data.versions.length > 0 && (
            <Stack gap="xs">
              <Text fw={700} component="h3" size="md" m={0}>
                {t('characterization.history')}
              </Text>
              <List
                spacing="sm"
                listStyleType="none"
                ml={0}
                pl={0}
                aria-label={t('characterization.history')}
              >
                {summary.data.versions.map((version) => (
                  <List.Item key={version.number}>
                    <Text size="sm" fw={600}>
                      {t('characterization.versionLine', {
                        number: version.number,
                        date: format.dateTime(version.completedAt),
                        who: version.completedBy ?? t('characterization.unknownAuthor'),
                      })}
                    </Text>
                    {version.changedSections.length > 0 && (
                      <Text size="sm" c="dimmed">
                        {t('characterization.changed', {
                          sections: version.changedSections
                            .map((section) => t(`characterization.section.${section}`))
                            .join(', '),
                        })}
                      </Text>
                    )}
                    {version.number !== summary.data.current?.number && (
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        px={0}
                        onClick={() => setOpen(open === version.number ? null : version.number)}
                        aria-expanded={open === version.number}
                      >
                        {open === version.number
                          ? t('characterization.hideVersion', { number: version.number })
                          : t('characterization.viewVersion', { number: version.number })}
                      </Button>
                    )}
                    {open === version.number && <OlderVersion personId={personId} number={version.number} />}
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
        </Stack>
      )}
    </Section>
  );
}
