import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { type DuplicateCandidate, formatCalendarDate, type MatchReason } from '../../api/registration';
import { currentLanguage, LOCALE_TAGS, useT } from '../../i18n';
import { MatchExplanation } from './match-explanation';

/** "Nombre parecido y misma fecha de nacimiento": the reasons of a match as one plain sentence. */
export function useReasonSentence(): (reasons: readonly MatchReason[]) => string {
  const t = useT();
  const list = new Intl.ListFormat(LOCALE_TAGS[currentLanguage()], { type: 'conjunction' });
  return (reasons) => {
    const phrases = reasons.map((reason, index) => {
      const phrase = t(`registration.reason.${reason}`);
      return index === 0 ? phrase : phrase.charAt(0).toLowerCase() + phrase.slice(1);
    });
    return `${list.format(phrases)}.`;
  };
}

/**
 * The records that may be this same person, best first, each with how sure the match is and why. A match in an
 * office the caller does not work in names only that office.
 */
export function DuplicateCandidates({
  candidates,
  labelledBy,
}: {
  candidates: readonly DuplicateCandidate[];
  labelledBy: string;
}) {
  const t = useT();
  const locale = LOCALE_TAGS[currentLanguage()];
  const sentence = useReasonSentence();
  return (
    <Stack component="ul" gap="sm" aria-labelledby={labelledBy} p={0} m={0} style={{ listStyle: 'none' }}>
      {candidates.map((candidate, index) => (
        <li key={candidate.person?.id ?? `${candidate.officeName}-${index}`}>
          <Paper withBorder p="sm" radius="sm">
            <Stack gap={4}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                {candidate.person ? (
                  <Anchor component={Link} to={`/people/${candidate.person.id}`} fw={600}>
                    {candidate.person.displayName}
                  </Anchor>
                ) : (
                  <Text fw={600}>
                    {t('registration.duplicates.otherOffice', { office: candidate.officeName })}
                  </Text>
                )}
                <Badge variant="filled" tt="none" color={candidate.decision === 'same' ? 'red.9' : 'gray.7'}>
                  {t('registration.duplicates.score', { score: Math.round(candidate.score * 100) })}
                </Badge>
              </Group>
              {candidate.reasons.length > 0 && <Text size="sm">{sentence(candidate.reasons)}</Text>}
              {candidate.explanation && <MatchExplanation explanation={candidate.explanation} open />}
              {candidate.person ? (
                <Text size="sm" c="dimmed">
                  {candidate.person.birthDate
                    ? t('registration.duplicates.bornOn', {
                        date: formatCalendarDate(candidate.person.birthDate, locale),
                      })
                    : t('registration.duplicates.noBirthDate')}
                  {' · '}
                  {candidate.officeName}
                </Text>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('registration.duplicates.otherOfficeHelp')}
                </Text>
              )}
            </Stack>
          </Paper>
        </li>
      ))}
    </Stack>
  );
}
