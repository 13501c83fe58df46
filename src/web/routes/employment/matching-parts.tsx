import { Group, List, Progress, Text } from '@mantine/core';
import type { MatchComponent } from '../../api/matching';
import { type Translate, type TranslationKey, useT } from '../../i18n';

/** A score out of 100 as a bar with the number beside it (the bar's value is announced too). */
export function ScoreBar({ score, label }: { score: number; label: string }) {
  const t = useT();
  const color = score >= 75 ? 'teal.8' : score >= 50 ? 'blue.8' : 'gray.7';
  return (
    <Group gap="xs" wrap="nowrap" miw={0}>
      <Progress
        value={score}
        color={color}
        size="lg"
        radius="sm"
        style={{ flex: 1, minWidth: 60 }}
        aria-label={t('matching.scoreOf', { name: label })}
      />
      <Text fw={700} size="sm" miw={48} ta="right">
        {t('matching.scoreValue', { score })}
      </Text>
    </Group>
  );
}

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

function months(t: Translate, value: unknown): string {
  const total = Number(value ?? 0);
  if (total > 0 && total % 12 === 0) return t('matching.years', { count: total / 12 });
  return t('matching.months', { count: total });
}

function level(t: Translate, value: unknown): string {
  return value ? t(`characterization.educationLevel.${value}` as TranslationKey) : t('matching.notRecorded');
}

/** One component of the score in words, from its reason and parameters. */
export function explainComponent(t: Translate, c: MatchComponent): string {
  const p = c.params;
  switch (c.component) {
    case 'occupation':
      return t(`matching.explain.occupation.${c.reason}` as TranslationKey, {
        group: `${text(p.groupCode)} ${text(p.groupTitle)}`.trim(),
        person: `${text(p.personCode)} ${text(p.personTitle)}`.trim(),
        vacancy: `${text(p.vacancyCode)} ${text(p.vacancyTitle)}`.trim(),
      });
    case 'skills': {
      const matched = (p.matched as string[] | undefined) ?? [];
      const missing = (p.missing as string[] | undefined) ?? [];
      return t(`matching.explain.skills.${c.reason}` as TranslationKey, {
        count: matched.length,
        required: p.required,
        matched: matched.join(', '),
        missing: missing.join(', '),
      });
    }
    case 'education':
      return t(`matching.explain.education.${c.reason}` as TranslationKey, {
        person: level(t, p.person),
        required: level(t, p.required),
      });
    case 'experience':
      return t(`matching.explain.experience.${c.reason}` as TranslationKey, {
        person: months(t, p.personMonths),
        required: months(t, p.requiredMonths),
      });
    case 'municipality':
      return t(`matching.explain.municipality.${c.reason}` as TranslationKey, {
        person: text(p.personName) || text(p.person),
        vacancy: text(p.vacancyName) || text(p.vacancy),
      });
    case 'availability':
      return t(`matching.explain.availability.${c.reason}` as TranslationKey);
  }
}

/** The score's components, each with its points and the reason in words. */
export function Explanation({ components }: { components: MatchComponent[] }) {
  const t = useT();
  return (
    <List size="sm" spacing={4} listStyleType="none" data-testid="match-explanation">
      {components.map((c) => (
        <List.Item key={c.component}>
          <Group gap="xs" wrap="nowrap" align="baseline">
            <Text size="sm" fw={600} miw={52} ta="right" c={c.points === c.maxPoints ? 'teal.9' : undefined}>
              {t('matching.points', { points: c.points, max: c.maxPoints })}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {explainComponent(t, c)}
            </Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
